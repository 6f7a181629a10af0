/**
 * Reads a bank's daily bill-payment report file (fixed width, TIS-620) with its layout.
 * A file is taken whole or not at all: every problem found is collected and thrown as one
 * BankFileError, so the biller fixes the file once instead of line by line.
 */
import { hash } from 'node:crypto';
import { formatBaht } from '../../../domain/index.js';
import type { Message } from '../../../http/errors.js';
import { BankFileError, fieldLabel, lineProblem, type BankFileProblem } from './bank-file-error.js';
import { readDate, readTime } from './bank-file-text.js';
import { FixedRecords } from './fixed-records.js';
import type { BankLayout, FieldPosition } from './bank-layout.js';
import type {
  BankFileHeader,
  BankFileTrailer,
  BankLine,
  ParseBankFileOptions,
  ParsedBankFile,
} from './parsed-bank-file.js';

/**
 * The file's header, details and totals, or a BankFileError (422 `bank_file_invalid`)
 * listing every problem: records not `recordLength` long, unknown record types, a missing
 * or repeated header, a missing trailer or records after it, bad dates, times and amounts,
 * foreign biller IDs, a header from another bank, and totals that do not add up.
 */
export function parseBankFile(
  bytes: Buffer,
  layout: BankLayout,
  opts: ParseBankFileOptions,
): ParsedBankFile {
  const records = new FixedRecords(bytes);
  if (records.count === 0) {
    throw new BankFileError([
      {
        path: 'file',
        code: 'empty',
        message: { th: 'ไฟล์ว่างเปล่า ไม่มีระเบียนใดเลย', en: 'The file is empty: it has no records.' },
      },
    ]);
  }
  const reader = new RecordReader(layout, opts, records);
  for (let i = 0; i < records.count; i++) reader.read(i);
  const result = reader.finish();
  return { ...result, sha256: hash('sha256', bytes) };
}

class RecordReader {
  readonly problems: BankFileProblem[] = [];
  private readonly billers: Set<string> | null;
  private header: BankFileHeader | undefined;
  private headerLine = 0;
  private trailer: BankFileTrailer | undefined;
  private trailerLine = 0;
  private readonly details: BankLine[] = [];
  private readonly sums = { C: { satang: 0, count: 0 }, D: { satang: 0, count: 0 } };
  /** False once a detail's amount or flag cannot be read: the totals cannot be checked. */
  private totalsReadable = true;
  private readonly keyScratch: Buffer;

  constructor(
    private readonly layout: BankLayout,
    opts: ParseBankFileOptions,
    private readonly r: FixedRecords,
  ) {
    this.billers = opts.billerIds && new Set(opts.billerIds.map((id) => id.trim()));
    this.keyScratch = Buffer.alloc(layout.recordLength);
  }

  /** Reads record `i` (0-based), i.e. line i + 1. */
  read(i: number): void {
    const line = i + 1;
    const { recordTypes: types, recordLength } = this.layout;
    const length = this.r.select(i);
    const type = this.r.charAt(this.layout.fields.header.recordType.start);
    const lengthOk = length === recordLength;
    if (!lengthOk) {
      this.problem(line, undefined, 'record_length', {
        th: `ระเบียนยาว ${length} ตัวอักษร แต่ทุกระเบียนต้องยาว ${recordLength} ตัวอักษรพอดี`,
        en: `the record has ${length} characters; every record must have exactly ${recordLength}`,
      });
    }
    const known = type === types.header || type === types.detail || type === types.trailer;
    if (line === 1 && type !== types.header && length > 0) {
      this.problem(line, 'recordType', 'no_header', {
        th: `ระเบียนแรกต้องเป็นส่วนหัว (${types.header}) แต่พบ "${type}"`,
        en: `the first record must be the header (${types.header}), not "${type}"`,
      });
    } else if (!known && length > 0) {
      const expected = `${types.header}, ${types.detail}, ${types.trailer}`;
      this.problem(line, 'recordType', 'record_type', {
        th: `ไม่รู้จักประเภทระเบียน "${type}" (ต้องเป็น ${expected})`,
        en: `unknown record type "${type}" (expected ${expected})`,
      });
    }
    if (!known) {
      this.totalsReadable = false;
      return;
    }
    if (this.trailerLine) {
      this.problem(line, undefined, 'after_trailer', {
        th: `มีระเบียนต่อจากส่วนท้าย (${types.trailer}) ที่บรรทัด ${this.trailerLine}`,
        en: `a record after the trailer (${types.trailer}) on line ${this.trailerLine}`,
      });
    }
    if (type === types.header) {
      if (this.headerLine) {
        this.problem(line, undefined, 'extra_header', {
          th: `พบส่วนหัว (${types.header}) ซ้ำ ส่วนหัวอยู่ที่บรรทัด ${this.headerLine} แล้ว`,
          en: `a second header (${types.header}); the header is on line ${this.headerLine}`,
        });
      } else {
        this.headerLine = line;
        if (lengthOk) this.header = this.readHeader(line);
      }
    } else if (type === types.detail) {
      const detail = lengthOk ? this.readDetail(line) : undefined;
      if (!detail) this.totalsReadable = false;
      else {
        this.details.push(detail);
        if (!this.trailerLine) {
          this.sums[detail.kind].satang += detail.amountSatang;
          this.sums[detail.kind].count += 1;
        }
      }
    } else if (!this.trailerLine) {
      this.trailerLine = line;
      if (lengthOk) this.trailer = this.readTrailer(line);
    }
  }

  finish(): Omit<ParsedBankFile, 'sha256'> {
    if (!this.trailerLine) {
      const t = this.layout.recordTypes.trailer;
      const n = this.r.count;
      this.problems.push({
        path: 'file',
        line: n,
        code: 'no_trailer',
        message: {
          th: `ไฟล์จบที่บรรทัด ${n} โดยไม่มีระเบียนส่วนท้าย (${t}) ที่ระบุยอดรวม`,
          en: `The file ends at line ${n} without a trailer record (${t}) giving the totals.`,
        },
      });
    }
    if (!this.headerLine && !this.problems.some((p) => p.code === 'no_header')) {
      const h = this.layout.recordTypes.header;
      this.problems.push({
        path: 'file',
        code: 'no_header',
        message: { th: `ไฟล์ไม่มีระเบียนส่วนหัว (${h})`, en: `The file has no header record (${h}).` },
      });
    }
    if (this.trailer && this.totalsReadable) this.checkTotals(this.trailer);
    if (this.problems.length > 0 || !this.header || !this.trailer) {
      throw new BankFileError(this.problems);
    }
    return { header: this.header, details: this.details, trailer: this.trailer };
  }

  private readHeader(line: number): BankFileHeader {
    const { r } = this;
    const f = this.layout.fields.header;
    const bankCode = r.text(f.bankCode);
    if (bankCode !== this.layout.bankCode) {
      const { name, bankCode: expected } = this.layout;
      this.problem(line, 'bankCode', 'bank_code', {
        th: `รหัสธนาคารในส่วนหัวคือ "${bankCode}" แต่รูปแบบไฟล์นี้เป็นของ${name.th} (${expected})`,
        en: `the header's bank code is "${bankCode}" but this layout is ${name.en}'s (${expected})`,
      });
    }
    return {
      bankCode,
      companyAccount: r.text(f.companyAccount),
      companyName: r.text(f.companyName),
      effectiveDate: this.date(line, 'effectiveDate', f.effectiveDate),
      serviceCode: r.text(f.serviceCode),
    };
  }

  private readDetail(line: number): BankLine | undefined {
    const { r } = this;
    const f = this.layout.fields.detail;
    const paymentDate = this.date(line, 'paymentDate', f.paymentDate);
    const paymentTime = readTime(r.raw(f.paymentTime)) ?? '';
    if (!paymentTime) {
      this.fieldProblem(line, 'paymentTime', 'time', f.paymentTime, {
        th: 'ไม่ใช่เวลาที่ถูกต้อง (ชั่วโมงนาทีวินาที HHMMSS)',
        en: 'is not a valid time (HHMMSS)',
      });
    }
    const amountSatang = this.number(line, 'amount', f.amount);
    const seq = f.seq ? this.number(line, 'seq', f.seq) : line;
    const kind = r.text(f.kind);
    if (kind !== 'C' && kind !== 'D') {
      this.fieldProblem(line, 'kind', 'kind', f.kind, {
        th: 'ต้องเป็น C (เครดิต) หรือ D (เดบิต)',
        en: 'must be C (credit) or D (debit)',
      });
    }
    const billerId = r.text(f.billerId);
    if (this.billers && !this.billers.has(billerId)) {
      const ours = [...this.billers].join(', ') || '—';
      this.problem(line, 'billerId', 'biller_id', {
        th: `รหัสผู้รับชำระ (Biller ID) "${billerId}" ไม่ใช่ของหน่วยงานนี้ (ของหน่วยงาน: ${ours})`,
        en: `biller ID "${billerId}" is not one of this waterworks' biller IDs (${ours})`,
      });
    }
    if (amountSatang === undefined || (kind !== 'C' && kind !== 'D')) return undefined;
    return {
      line,
      seq: seq ?? 0,
      bankCode: r.text(f.bankCode),
      companyAccount: r.text(f.companyAccount),
      paidAt: `${paymentDate}T${paymentTime}+07:00`,
      paymentDate,
      paymentTime,
      customerName: r.text(f.customerName),
      ref1: r.text(f.ref1),
      ref2: r.text(f.ref2),
      ref3: r.text(f.ref3),
      branch: r.text(f.branch),
      teller: r.text(f.teller),
      kind,
      txCode: r.text(f.txCode),
      chequeNo: r.text(f.chequeNo),
      amountSatang,
      chequeBankCode: r.text(f.chequeBankCode),
      billerId,
      sendingBank: r.text(f.sendingBank),
      lineKey: hash(
        'sha256',
        r.without(f.seq, this.layout.recordLength, this.keyScratch),
        'base64url',
      ),
    };
  }

  private readTrailer(line: number): BankFileTrailer | undefined {
    const f = this.layout.fields.trailer;
    const debitSatang = this.number(line, 'debitAmount', f.debitAmount);
    const debitCount = this.number(line, 'debitCount', f.debitCount);
    const creditSatang = this.number(line, 'creditAmount', f.creditAmount);
    const creditCount = this.number(line, 'creditCount', f.creditCount);
    if (debitSatang === undefined || debitCount === undefined) return undefined;
    if (creditSatang === undefined || creditCount === undefined) return undefined;
    return { debitSatang, debitCount, creditSatang, creditCount };
  }

  private checkTotals(trailer: BankFileTrailer): void {
    const line = this.trailerLine;
    const sides = [
      [
        'creditAmount',
        'creditCount',
        trailer.creditSatang,
        trailer.creditCount,
        this.sums.C,
        'เครดิต',
        'credit',
      ],
      [
        'debitAmount',
        'debitCount',
        trailer.debitSatang,
        trailer.debitCount,
        this.sums.D,
        'เดบิต',
        'debit',
      ],
    ] as const;
    for (const [amountField, countField, total, count, sum, th, en] of sides) {
      if (total !== sum.satang) {
        this.problem(line, amountField, 'totals', {
          th: `ยอดรวมรายการ${th}ในส่วนท้ายคือ ${formatBaht(total)} บาท แต่รายการ${th}ในไฟล์รวมได้ ${formatBaht(sum.satang)} บาท`,
          en: `the trailer's ${en} total is ${formatBaht(total)} baht but the ${en} records add up to ${formatBaht(sum.satang)} baht`,
        });
      }
      if (count !== sum.count) {
        this.problem(line, countField, 'totals', {
          th: `จำนวนรายการ${th}ในส่วนท้ายคือ ${count} รายการ แต่ในไฟล์มีรายการ${th} ${sum.count} รายการ`,
          en: `the trailer's ${en} count is ${count} but the file has ${sum.count} ${en} record(s)`,
        });
      }
    }
  }

  /** A date field as 'YYYY-MM-DD', or '' after noting the problem. */
  private date(line: number, field: string, pos: FieldPosition): string {
    const date = readDate(this.r.raw(pos), this.layout);
    if (date) return date;
    const era = this.layout.calendar === 'buddhist' ? ' พ.ศ.' : '';
    this.fieldProblem(line, field, 'date', pos, {
      th: `ไม่ใช่วันที่ที่ถูกต้อง (วันเดือนปี${era} DDMMYYYY)`,
      en: 'is not a valid date (DDMMYYYY)',
    });
    return '';
  }

  /** An amount in satang or a count: digits only. */
  private number(line: number, field: string, pos: FieldPosition): number | undefined {
    const n = this.r.digits(pos);
    if (n !== undefined) return n;
    if (field === 'amount' || field.endsWith('Amount')) {
      this.fieldProblem(line, field, 'amount', pos, {
        th: 'ไม่ใช่จำนวนเงิน (ต้องเป็นตัวเลขล้วน สองหลักท้ายเป็นสตางค์)',
        en: 'is not an amount (digits only, the last two are satang)',
      });
    } else {
      this.fieldProblem(line, field, 'count', pos, {
        th: 'ไม่ใช่ตัวเลขจำนวนเต็ม',
        en: 'is not a whole number',
      });
    }
    return undefined;
  }

  /** "<field> "<value as found>" <what is wrong>". */
  private fieldProblem(
    line: number,
    field: string,
    code: string,
    pos: FieldPosition,
    what: Message,
  ): void {
    const label = fieldLabel(field);
    const raw = this.r.raw(pos);
    this.problem(line, field, code, {
      th: `${label.th} "${raw}" ${what.th}`,
      en: `${label.en} "${raw}" ${what.en}`,
    });
  }

  private problem(line: number, field: string | undefined, code: string, message: Message): void {
    this.problems.push(lineProblem(line, field, code, message));
  }
}
