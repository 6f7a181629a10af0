/** Bank bill-payment report files: layouts as data, a parser that refuses a bad file whole, a writer. */
export {
  bankLayoutSchema,
  parseBankLayout,
  FIELD_KINDS,
  type BankLayout,
  type FieldKind,
  type FieldPosition,
} from './bank-layout.js';
export { builtInLayouts, layoutFor } from './built-in-layouts.js';
export { parseBankFile } from './bank-file-parser.js';
export type {
  BankFileHeader,
  BankFileTrailer,
  BankLine,
  ParsedBankFile,
  ParseBankFileOptions,
} from './parsed-bank-file.js';
export {
  writeBankFile,
  type BankFileWriteInput,
  type BankFileWriteLine,
  type WriteBankFileOptions,
} from './bank-file-writer.js';
export { BankFileError, MAX_PROBLEMS, type BankFileProblem } from './bank-file-error.js';
