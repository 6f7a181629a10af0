/**
 * Writes a bank bill-payment report file as the bank would send it: header, one detail per
 * payment, trailer with the debit and credit totals, fixed width, TIS-620. Tests, the demo
 * data and the benchmark make their files with it.
 */
import { bangkokDateTime, encoderFor, writeDate, writeTime } from './bank-file-text.js';
import { FIELD_KIND, type BankLayout, type FieldPosition } from './bank-layout.js';

export interface BankFileWriteLine {
  /** When it was paid (any offset); written as Bangkok local date and time. */
  paidAt?: Date | string;
  /** 'YYYY-MM-DD', Bangkok local; with paymentTime, instead of paidAt. */
  paymentDate?: string;
  /** 'HH:MM:SS' or 'HH:MM' */
  paymentTime?: string;
  customerName: string;
  ref1: string;
  ref2: string;
  ref3?: string;
  amountSatang: number;
  /** C = payment received (default), D = debit (a reversal). */
  kind?: 'C' | 'D';
  billerId: string;
  branch?: string;
  teller?: string;
  /** Bank the payer paid from; defaults to the layout's bank. */
  sendingBank?: string;
  txCode?: string;
  chequeNo?: string;
  chequeBankCode?: string;
}

export interface BankFileWriteInput {
  companyAccount: string;
  companyName: string;
  /** 'YYYY-MM-DD' */
  effectiveDate: string;
  serviceCode?: string;
  lines: readonly BankFileWriteLine[];
}

export interface WriteBankFileOptions {
  /** Line end after every record, the last included; CRLF (as banks send) unless told. */
  eol?: '\r\n' | '\n';
}

type Values = Record<string, unknown>;

/** The file's bytes; totals in the trailer always match the lines. */
export function writeBankFile(
  layout: BankLayout,
  input: BankFileWriteInput,
  opts: WriteBankFileOptions = {},
): Buffer<ArrayBuffer> {
  const { fields, recordTypes, bankCode, recordLength } = layout;
  const eol = Buffer.from(opts.eol ?? '\r\n', 'latin1');
  const stride = recordLength + eol.length;
  const out = Buffer.alloc((input.lines.length + 2) * stride, 0x20);
  const encode = encoderFor(layout);
  let seq = 0;
  const put = (positions: Partial<Record<string, FieldPosition>>, values: Values) => {
    const at = seq++ * stride;
    writeRecord(out, at, placed(positions), values, encode);
    eol.copy(out, at + recordLength);
  };
  const common = { bankCode, companyAccount: input.companyAccount };
  put(fields.header, {
    ...common,
    recordType: recordTypes.header,
    seq: seq + 1,
    companyName: input.companyName,
    effectiveDate: writeDate(input.effectiveDate, layout),
    serviceCode: input.serviceCode,
  });
  const totals = { C: { satang: 0, count: 0 }, D: { satang: 0, count: 0 } };
  const dates = new Map<string, string>();
  for (const line of input.lines) {
    const kind = line.kind ?? 'C';
    if (!Number.isSafeInteger(line.amountSatang) || line.amountSatang < 0) {
      throw new RangeError(
        `amountSatang must be a whole number of satang ≥ 0: ${line.amountSatang}`,
      );
    }
    totals[kind].satang += line.amountSatang;
    totals[kind].count += 1;
    const { date, time } = when(line);
    // Listed field by field rather than spread from `line`: a spread per line of a
    // 50,000-line file costs more than the rest of the record.
    put(fields.detail, {
      recordType: recordTypes.detail,
      seq: seq + 1,
      bankCode,
      companyAccount: input.companyAccount,
      paymentDate: dates.get(date) ?? dates.set(date, writeDate(date, layout)).get(date),
      paymentTime: writeTime(time),
      customerName: line.customerName,
      ref1: line.ref1,
      ref2: line.ref2,
      ref3: line.ref3,
      branch: line.branch,
      teller: line.teller,
      kind,
      txCode: line.txCode,
      chequeNo: line.chequeNo,
      amount: line.amountSatang,
      chequeBankCode: line.chequeBankCode,
      billerId: line.billerId,
      sendingBank: line.sendingBank ?? bankCode,
    });
  }
  put(fields.trailer, {
    ...common,
    recordType: recordTypes.trailer,
    seq: seq + 1,
    debitAmount: totals.D.satang,
    debitCount: totals.D.count,
    creditAmount: totals.C.satang,
    creditCount: totals.C.count,
  });
  return out;
}

function when(line: BankFileWriteLine): { date: string; time: string } {
  if (line.paidAt !== undefined) return bangkokDateTime(line.paidAt);
  if (line.paymentDate && line.paymentTime) {
    return { date: line.paymentDate, time: line.paymentTime };
  }
  throw new RangeError('a bank file line needs paidAt, or paymentDate and paymentTime');
}

interface Placed {
  name: string;
  from: number;
  width: number;
  numeric: boolean;
}

const placements = new WeakMap<object, Placed[]>();

/** A record's fields with 0-based offsets and widths, worked out once per layout. */
function placed(positions: Partial<Record<string, FieldPosition>>): Placed[] {
  let list = placements.get(positions);
  if (!list) {
    list = Object.entries(positions)
      .filter((e): e is [string, FieldPosition] => e[1] !== undefined)
      .map(([name, pos]) => ({
        name,
        from: pos.start - 1,
        width: pos.end - pos.start + 1,
        numeric: FIELD_KIND[name] === 'amount' || FIELD_KIND[name] === 'count',
      }));
    placements.set(positions, list);
  }
  return list;
}

/**
 * Lays values out in one record of the (space-filled) buffer. Text is cut to its field's
 * width; numbers are zero-padded, and one too large for its field is an error.
 */
function writeRecord(
  out: Buffer,
  at: number,
  fields: Placed[],
  values: Values,
  encode: Uint8Array,
): void {
  for (const { name, from, width, numeric } of fields) {
    const value = values[name];
    let text = value === undefined || value === null ? '' : String(value);
    if (numeric) {
      if (text === '') text = '0';
      if (text.length > width || !/^\d+$/.test(text)) {
        throw new RangeError(`${name} ${text} does not fit ${width} digits`);
      }
      text = text.padStart(width, '0');
    }
    const n = Math.min(text.length, width);
    const start = at + from;
    for (let i = 0; i < n; i++) out[start + i] = encode[text.charCodeAt(i)] as number;
  }
}
