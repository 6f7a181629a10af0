import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BankFileError,
  MAX_PROBLEMS,
  layoutFor,
  parseBankFile,
  writeBankFile,
  type BankFileProblem,
  type BankFileWriteLine,
} from './index.js';

const KBANK = layoutFor('kbank')!;
const BILLER = '099400016550100';
const CRLF = 2;
const STRIDE = 256 + CRLF;

const payment = (over: Partial<BankFileWriteLine> = {}): BankFileWriteLine => ({
  paidAt: '2026-03-01T09:15:00+07:00',
  customerName: 'นางสาวสมศรี ใจดี',
  ref1: '1001234',
  ref2: 'INV6900123',
  amountSatang: 30442,
  billerId: BILLER,
  ...over,
});

const file = (lines: BankFileWriteLine[] = [payment()], effectiveDate = '2026-03-01') =>
  writeBankFile(KBANK, {
    companyAccount: '1234567890',
    companyName: 'เทศบาลตำบลบ้านนา',
    effectiveDate,
    serviceCode: 'WATER',
    lines,
  });

const parse = (bytes: Buffer, billerIds = [BILLER]) => parseBankFile(bytes, KBANK, { billerIds });

/** The file's records, one character per byte, to tamper with as a broken bank would. */
const recordsOf = (bytes: Buffer) => bytes.toString('latin1').split('\r\n').slice(0, -1);
const fromRecords = (records: string[]) =>
  Buffer.from(records.map((r) => `${r}\r\n`).join(''), 'latin1');
const edit = (bytes: Buffer, change: (records: string[]) => void) => {
  const records = recordsOf(bytes);
  change(records);
  return fromRecords(records);
};
/** `record` with `value` written over positions start.. (1-based). */
const put = (record: string, start: number, value: string) =>
  record.slice(0, start - 1) + value + record.slice(start - 1 + value.length);

function problemsOf(bytes: Buffer, billerIds = [BILLER]): BankFileProblem[] {
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

describe('writeBankFile → parseBankFile', () => {
  it('should read back every field of a payment written, Thai name exactly', () => {
    // given
    const bytes = file([
      payment({ ref3: 'SCB', branch: '0101', teller: 'T001', sendingBank: '014', txCode: 'TRF' }),
      payment({ customerName: 'นายสมชาย มั่งมี', ref1: '1005678', amountSatang: 1, kind: 'D' }),
    ]);

    // when
    const parsed = parse(bytes);

    // then
    assert.deepEqual(parsed.header, {
      bankCode: '004',
      companyAccount: '1234567890',
      companyName: 'เทศบาลตำบลบ้านนา',
      effectiveDate: '2026-03-01',
      serviceCode: 'WATER',
    });
    const [first, second] = parsed.details;
    assert.deepEqual(
      { ...first, lineKey: undefined },
      {
        line: 2,
        seq: 2,
        bankCode: '004',
        companyAccount: '1234567890',
        paidAt: '2026-03-01T09:15:00+07:00',
        paymentDate: '2026-03-01',
        paymentTime: '09:15:00',
        customerName: 'นางสาวสมศรี ใจดี',
        ref1: '1001234',
        ref2: 'INV6900123',
        ref3: 'SCB',
        branch: '0101',
        teller: 'T001',
        kind: 'C',
        txCode: 'TRF',
        chequeNo: '',
        amountSatang: 30442,
        chequeBankCode: '',
        billerId: BILLER,
        sendingBank: '014',
        lineKey: undefined,
      },
    );
    assert.match(first!.lineKey, /^[0-9a-f]{64}$/);
    assert.equal(second!.customerName, 'นายสมชาย มั่งมี');
    assert.equal(second!.kind, 'D');
    assert.equal(second!.line, 3);
    assert.deepEqual(parsed.trailer, {
      debitSatang: 1,
      debitCount: 1,
      creditSatang: 30442,
      creditCount: 1,
    });
  });

  it('should write TIS-620: one byte per character, ก as 0xA1, every record 256 bytes', () => {
    // when
    const bytes = file([payment({ customerName: 'กนก' }), payment()]);

    // then
    assert.equal(bytes.length, 4 * STRIDE);
    const nameAt = STRIDE + 34; // the detail on line 2, position 35
    assert.deepEqual([...bytes.subarray(nameAt, nameAt + 3)], [0xa1, 0xb9, 0xa1]);
    for (let i = 0; i < 4; i++)
      assert.equal(bytes.toString('latin1', i * STRIDE + 256, (i + 1) * STRIDE), '\r\n');
  });

  it('should give the Bangkok date and time of a payment made in UTC just before midnight there', () => {
    // when: 20:30 UTC on 28 Feb is 03:30 on 1 March in Bangkok
    const [line] = parse(file([payment({ paidAt: new Date('2026-02-28T20:30:00Z') })])).details;

    // then
    assert.equal(line!.paymentDate, '2026-03-01');
    assert.equal(line!.paymentTime, '03:30:00');
    assert.equal(line!.paidAt, '2026-03-01T03:30:00+07:00');
  });

  const endings: [string, (b: Buffer) => Buffer][] = [
    ['CRLF', (b) => b],
    ['LF', (b) => Buffer.from(b.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')],
    ['no line end after the trailer', (b) => b.subarray(0, -2)],
    ['a trailing Ctrl-Z', (b) => Buffer.concat([b, Buffer.from([0x1a])])],
    [
      'Ctrl-Z right after the trailer',
      (b) => Buffer.concat([b.subarray(0, -2), Buffer.from([0x1a])]),
    ],
  ];
  for (const [name, variant] of endings) {
    it(`should accept a file with ${name}`, () => {
      // given
      const bytes = variant(file([payment(), payment({ ref1: '1009999' })]));

      // when
      const parsed = parse(bytes);

      // then
      assert.deepEqual(
        parsed.details.map((d) => [d.line, d.ref1, d.customerName]),
        [
          [2, '1001234', 'นางสาวสมศรี ใจดี'],
          [3, '1009999', 'นางสาวสมศรี ใจดี'],
        ],
      );
    });
  }

  it('should read Windows-874 marks (… is 0x85) in a name', () => {
    // given
    const bytes = edit(file(), (r) => (r[1] = put(r[1]!, 35, 'ABC\x85'.padEnd(50))));

    // then
    assert.equal(parse(bytes).details[0]!.customerName, 'ABC…');
  });

  it('should give the same SHA-256 for the same bytes and a different one for another file', () => {
    assert.equal(parse(file()).sha256, parse(file()).sha256);
    assert.notEqual(parse(file()).sha256, parse(file([payment({ amountSatang: 1 })])).sha256);
  });
});

describe('lineKey', () => {
  it('should be the same for the same bank line sent again, renumbered, in another file', () => {
    // given: the payment is line 2 of the first file and line 4 of the next day's file
    const paid = payment({ ref1: '1007777' });
    const monday = parse(file([paid], '2026-03-02')).details[0]!;
    const tuesday = parse(file([payment(), payment({ ref1: '1008888' }), paid], '2026-03-03'))
      .details[2]!;

    // then
    assert.notEqual(monday.seq, tuesday.seq);
    assert.equal(monday.lineKey, tuesday.lineKey);
  });

  it('should differ for a line that differs only in its amount', () => {
    const [a, b] = parse(file([payment(), payment({ amountSatang: 30443 })])).details;
    assert.notEqual(a!.lineKey, b!.lineKey);
  });
});

describe('parseBankFile refuses a bad file as a whole', () => {
  const last = (r: string[]) => r.length - 1;
  const cases: {
    name: string;
    bytes: () => Buffer;
    billerIds?: string[];
    path: string;
    code: string;
    line?: number;
    says?: RegExp;
  }[] = [
    { name: 'an empty file', bytes: () => Buffer.alloc(0), path: 'file', code: 'empty' },
    {
      name: 'a file of a line end and Ctrl-Z',
      bytes: () => Buffer.from('\r\n\x1a'),
      path: 'file',
      code: 'empty',
    },
    {
      name: 'a 255-character record',
      bytes: () => edit(file([payment(), payment()]), (r) => (r[2] = r[2]!.slice(0, 255))),
      path: 'line 3',
      code: 'record_length',
      line: 3,
      says: /has 255 characters; .* exactly 256/,
    },
    {
      name: 'a 257-character record',
      bytes: () => edit(file(), (r) => (r[1] = `${r[1]} `)),
      path: 'line 2',
      code: 'record_length',
      line: 2,
      says: /has 257 characters/,
    },
    {
      name: 'an unknown record type',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 1, 'X'))),
      path: 'line 2: recordType',
      code: 'record_type',
      line: 2,
      says: /unknown record type "X"/,
    },
    {
      name: 'no header',
      bytes: () => edit(file(), (r) => r.shift()),
      path: 'line 1: recordType',
      code: 'no_header',
      line: 1,
      says: /first record must be the header \(H\), not "D"/,
    },
    {
      name: 'no trailer',
      bytes: () => edit(file(), (r) => r.pop()),
      path: 'file',
      code: 'no_trailer',
      line: 2,
      says: /ends at line 2 without a trailer/,
    },
    {
      name: 'a record after the trailer',
      bytes: () => edit(file(), (r) => r.push(r[1]!)),
      path: 'line 4',
      code: 'after_trailer',
      line: 4,
      says: /after the trailer \(T\) on line 3/,
    },
    {
      name: 'a second header',
      bytes: () => edit(file(), (r) => r.splice(1, 0, r[0]!)),
      path: 'line 2',
      code: 'extra_header',
      line: 2,
      says: /header is on line 1/,
    },
    {
      name: 'a payment date of 31 February',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 21, '31022026'))),
      path: 'line 2: paymentDate',
      code: 'date',
      line: 2,
      says: /"31022026" is not a valid date/,
    },
    {
      name: 'a Buddhist-era year where the layout has Gregorian ones',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 21, '01032569'))),
      path: 'line 2: paymentDate',
      code: 'date',
      line: 2,
      says: /"01032569" is not a valid date/,
    },
    {
      name: 'a payment time of 24:00:00',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 29, '240000'))),
      path: 'line 2: paymentTime',
      code: 'time',
      line: 2,
      says: /"240000" is not a valid time/,
    },
    {
      name: "a header's effective date 29 February 2026",
      bytes: () => edit(file(), (r) => (r[0] = put(r[0]!, 61, '29022026'))),
      path: 'line 1: effectiveDate',
      code: 'date',
      line: 1,
    },
    {
      name: 'an amount with a letter in it',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 164, '00000000304A2'))),
      path: 'line 2: amount',
      code: 'amount',
      line: 2,
      says: /"00000000304A2" is not an amount/,
    },
    {
      name: 'a flag that is neither C nor D',
      bytes: () => edit(file(), (r) => (r[1] = put(r[1]!, 153, 'X'))),
      path: 'line 2: kind',
      code: 'kind',
      line: 2,
    },
    {
      name: "another biller's ID",
      bytes: () => file([payment(), payment({ billerId: '099400016550199' })]),
      path: 'line 3: billerId',
      code: 'biller_id',
      line: 3,
      says: /biller ID "099400016550199"/,
    },
    {
      name: 'a trailer credit total that does not match the details',
      bytes: () => edit(file(), (r) => (r[last(r)] = put(r[last(r)]!, 40, '0000000123450'))),
      path: 'line 3: creditAmount',
      code: 'totals',
      line: 3,
      says: /credit total is 1,234.50 baht but the credit records add up to 304.42 baht/,
    },
    {
      name: 'a trailer credit count that does not match the details',
      bytes: () => edit(file(), (r) => (r[last(r)] = put(r[last(r)]!, 53, '000002'))),
      path: 'line 3: creditCount',
      code: 'totals',
      line: 3,
      says: /credit count is 2 but the file has 1/,
    },
    {
      name: 'a trailer debit total that does not match the details',
      bytes: () => edit(file(), (r) => (r[last(r)] = put(r[last(r)]!, 21, '0000000000001'))),
      path: 'line 3: debitAmount',
      code: 'totals',
      line: 3,
      says: /0.01 baht .* 0.00 baht/,
    },
    {
      name: "a header from another bank (KTB's 006 read as KBANK)",
      bytes: () => edit(file(), (r) => (r[0] = put(r[0]!, 8, '006'))),
      path: 'line 1: bankCode',
      code: 'bank_code',
      line: 1,
      says: /"006" .* Kasikornbank's \(004\)/,
    },
  ];

  for (const c of cases) {
    it(`should refuse ${c.name}, naming ${c.path}`, () => {
      // when
      const problems = problemsOf(c.bytes(), c.billerIds);

      // then
      const found = problems.find((p) => p.path === c.path && p.code === c.code);
      assert.ok(found, `no ${c.code} at ${c.path} in ${JSON.stringify(problems, null, 1)}`);
      assert.equal(found.line, c.line);
      if (c.says) assert.match(found.message.en, c.says);
      assert.ok(found.message.th.length > 0);
      if (c.path !== 'file') {
        assert.ok(found.message.en.startsWith(`Line ${c.line}: `), found.message.en);
        assert.ok(found.message.th.startsWith(`บรรทัด ${c.line}: `), found.message.th);
      }
    });
  }

  it('should name every problem in the file, not only the first', () => {
    // given: a bad date on line 2, a foreign biller on line 3, a short record on line 4
    const bytes = edit(
      file([payment(), payment({ billerId: '099400016550199' }), payment()]),
      (r) => {
        r[1] = put(r[1]!, 21, '00132026');
        r[3] = r[3]!.slice(0, 200);
      },
    );

    // when
    const problems = problemsOf(bytes);

    // then
    assert.deepEqual(
      problems.map((p) => p.path),
      ['line 2: paymentDate', 'line 3: billerId', 'line 4'],
    );
  });

  it('should list the first 500 problems and say how many more there are', () => {
    // given: 600 lines, each under another biller's ID
    const bytes = file(Array.from({ length: 600 }, () => payment({ billerId: '099400016550199' })));

    // when
    const problems = problemsOf(bytes);

    // then
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(problems[MAX_PROBLEMS - 1]!.path, `line ${MAX_PROBLEMS + 1}: billerId`);
    assert.deepEqual(problems[MAX_PROBLEMS], {
      path: 'file',
      code: 'more_problems',
      message: { th: 'และปัญหาอื่นอีก 100 รายการ', en: 'and 100 more problem(s)' },
    });
  });

  it('should say in the error itself how many problems there are and show the first', () => {
    // when
    const bytes = edit(file(), (r) => (r[1] = put(r[1]!, 29, '999999')));
    const error = (() => {
      try {
        parse(bytes);
      } catch (e) {
        return e as BankFileError;
      }
    })();

    // then
    assert.match(
      error!.messages.en,
      /refused as a whole: 1 problem\(s\) found, e\.g\. Line 2: payment time/,
    );
    assert.match(error!.messages.th, /บรรทัด 2/);
    assert.deepEqual(error!.errors, error!.problems);
  });
});
