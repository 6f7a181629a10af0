/**
 * A bank file refused as a whole, with every problem found: one 422 `bank_file_invalid`
 * whose `errors[]` name the line ("line 17" or "line 17: amount") in Thai and English.
 */
import { formatBaht } from '../../../domain/money.js';
import { UserError, type FieldError, type Message } from '../../../http/errors.js';

/** One problem in a bank file: `path` "line 17: amount", or "file" for the file as a whole. */
export interface BankFileProblem extends FieldError {
  /** 1-based line number in the file; absent for problems of the whole file (empty). */
  line?: number;
  /** What kind of problem: record_length, record_type, no_header, date, amount, biller_id… */
  code: string;
}

/**
 * At most this many problems are carried, then one saying how many more there were: a file
 * in the wrong encoding would otherwise fail on every one of its 50,000 lines.
 */
export const MAX_PROBLEMS = 500;

export class BankFileError extends UserError {
  readonly problems: BankFileProblem[];
  constructor(problems: BankFileProblem[]) {
    const shown = cap(problems);
    const first = shown[0]?.message;
    super(
      'bank_file_invalid',
      {
        th: `ไม่รับไฟล์ของธนาคารทั้งไฟล์: พบปัญหา ${problems.length} รายการ${first ? ` เช่น ${first.th}` : ''}`,
        en: `The bank file was refused as a whole: ${problems.length} problem(s) found${first ? `, e.g. ${first.en}` : ''}`,
      },
      shown,
    );
    this.name = 'BankFileError';
    this.problems = shown;
  }
}

function cap(problems: BankFileProblem[]): BankFileProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = (problems.length - MAX_PROBLEMS).toLocaleString('en-US');
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    {
      path: 'file',
      code: 'more_problems',
      message: { th: `และปัญหาอื่นอีก ${more} รายการ`, en: `and ${more} more problem(s)` },
    },
  ];
}

/** Field names as a reader of the file calls them. */
const LABELS: Readonly<Record<string, Message>> = {
  recordType: { th: 'ประเภทระเบียน', en: 'record type' },
  seq: { th: 'ลำดับที่', en: 'sequence number' },
  bankCode: { th: 'รหัสธนาคาร', en: 'bank code' },
  companyAccount: { th: 'เลขที่บัญชีบริษัท', en: 'company account' },
  effectiveDate: { th: 'วันที่ของไฟล์', en: 'effective date' },
  paymentDate: { th: 'วันที่ชำระ', en: 'payment date' },
  paymentTime: { th: 'เวลาที่ชำระ', en: 'payment time' },
  kind: { th: 'ประเภทรายการ (C/D)', en: 'debit/credit flag' },
  amount: { th: 'จำนวนเงิน', en: 'amount' },
  billerId: { th: 'รหัสผู้รับชำระ (Biller ID)', en: 'biller ID' },
  debitAmount: { th: 'ยอดรวมรายการเดบิต', en: 'debit total' },
  debitCount: { th: 'จำนวนรายการเดบิต', en: 'debit count' },
  creditAmount: { th: 'ยอดรวมรายการเครดิต', en: 'credit total' },
  creditCount: { th: 'จำนวนรายการเครดิต', en: 'credit count' },
};

export function fieldLabel(field: string): Message {
  return LABELS[field] ?? { th: field, en: field };
}

/** A problem on one line, optionally in one field; the messages lead with the line number. */
export function lineProblem(
  line: number,
  field: string | undefined,
  code: string,
  message: Message,
): BankFileProblem {
  return {
    path: field ? `line ${line}: ${field}` : `line ${line}`,
    line,
    code,
    message: { th: `บรรทัด ${line}: ${message.th}`, en: `Line ${line}: ${message.en}` },
  };
}

/** Baht as the messages show it: "1,234.50". */
export const baht = formatBaht;
