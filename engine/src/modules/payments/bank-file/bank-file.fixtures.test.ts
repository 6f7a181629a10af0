/**
 * Bank files for the bank-file unit tests: a KBANK file of payments, and ways to break one.
 * Not a suite itself; named .test.ts to stay out of the build.
 */
import assert from 'node:assert/strict';
import {
  BankFileError,
  layoutFor,
  parseBankFile,
  writeBankFile,
  type BankFileProblem,
  type BankFileWriteLine,
} from './index.js';

export const KBANK = layoutFor('kbank')!;
export const BILLER = '099400016550100';
/** One record and its CRLF. */
export const STRIDE = 256 + 2;

export const payment = (over: Partial<BankFileWriteLine> = {}): BankFileWriteLine => ({
  paidAt: '2026-03-01T09:15:00+07:00',
  customerName: 'นางสาวสมศรี ใจดี',
  ref1: '1001234',
  ref2: 'INV6900123',
  amountSatang: 30442,
  billerId: BILLER,
  ...over,
});

export const file = (lines: BankFileWriteLine[] = [payment()], effectiveDate = '2026-03-01') =>
  writeBankFile(KBANK, {
    companyAccount: '1234567890',
    companyName: 'เทศบาลตำบลบ้านนา',
    effectiveDate,
    serviceCode: 'WATER',
    lines,
  });

export const parse = (bytes: Buffer, billerIds = [BILLER]) =>
  parseBankFile(bytes, KBANK, { billerIds });

/** The file's records, one character per byte, to tamper with as a broken bank would. */
export const recordsOf = (bytes: Buffer) => bytes.toString('latin1').split('\r\n').slice(0, -1);
export const fromRecords = (records: string[]) =>
  Buffer.from(records.map((r) => `${r}\r\n`).join(''), 'latin1');
export const edit = (bytes: Buffer, change: (records: string[]) => void) => {
  const records = recordsOf(bytes);
  change(records);
  return fromRecords(records);
};
/** `record` with `value` written over positions start.. (1-based). */
export const put = (record: string, start: number, value: string) =>
  record.slice(0, start - 1) + value + record.slice(start - 1 + value.length);

export function problemsOf(bytes: Buffer, billerIds = [BILLER]): BankFileProblem[] {
  try {
    parse(bytes, billerIds);
  } catch (e) {
    assert.ok(e instanceof BankFileError, `expected a BankFileError, got ${String(e)}`);
    assert.equal(e.status, 422);
    assert.equal(e.code, 'bank_file_invalid');
    return e.problems;
  }
  return assert.fail('expected the file to be refused');
}
