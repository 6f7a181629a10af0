/** What the parser gives back for a bank bill-payment report file it accepts. */

export interface BankFileHeader {
  bankCode: string;
  companyAccount: string;
  companyName: string;
  /** 'YYYY-MM-DD' */
  effectiveDate: string;
  serviceCode: string;
}

export interface BankFileTrailer {
  debitSatang: number;
  debitCount: number;
  creditSatang: number;
  creditCount: number;
}

/** One payment (C) or reversal (D) the bank reports. Text fields are trimmed. */
export interface BankLine {
  /** 1-based line number in the file. */
  line: number;
  seq: number;
  bankCode: string;
  companyAccount: string;
  /** When it was paid, Bangkok time: '2026-03-01T09:15:00+07:00'. */
  paidAt: string;
  /** 'YYYY-MM-DD' */
  paymentDate: string;
  /** 'HH:MM:SS' */
  paymentTime: string;
  customerName: string;
  ref1: string;
  ref2: string;
  ref3: string;
  branch: string;
  teller: string;
  kind: 'C' | 'D';
  txCode: string;
  chequeNo: string;
  amountSatang: number;
  chequeBankCode: string;
  billerId: string;
  sendingBank: string;
  /**
   * SHA-256 (base64url, 43 characters) of the record without its sequence number: the
   * same bank line sent again in another file, renumbered, has the same key. 43 rather
   * than 64 hex characters: the key is written and looked up once a line, in a unique index.
   */
  lineKey: string;
}

export interface ParsedBankFile {
  header: BankFileHeader;
  details: BankLine[];
  trailer: BankFileTrailer;
  /** SHA-256 (hex) of the file's bytes: the same file imported twice has the same hash. */
  sha256: string;
}

export interface ParseBankFileOptions {
  /**
   * The biller IDs (15 digits) this waterworks collects under; other lines are refused.
   * null: not checked (a file read again, checked when it was imported).
   */
  billerIds: readonly string[] | null;
}
