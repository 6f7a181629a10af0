import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edit, file, parse, payment, problemsOf, put } from './bank-file.fixtures.test.js';
import { MAX_PROBLEMS, type BankFileError } from './index.js';

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
