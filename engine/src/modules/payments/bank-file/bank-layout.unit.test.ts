import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../../../http/errors.js';
import {
  bankLayoutSchema,
  builtInLayouts,
  layoutFor,
  parseBankFile,
  parseBankLayout,
  writeBankFile,
  type BankLayout,
} from './index.js';

/** Layout JSON as a tenant sends it: loosely typed, to be broken on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LayoutJson = Record<string, any>;

/** A built-in layout as the JSON a tenant would send, to change one thing in. */
const kbankJson = () => structuredClone(layoutFor('KBANK')!) as unknown as LayoutJson;

describe('built-in layouts', () => {
  it('should ship the six banks of the Bank of Thailand cross-bank format, each valid', () => {
    // when
    const layouts = builtInLayouts();

    // then
    assert.deepEqual(
      layouts.map((l) => [l.code, l.bankCode]),
      [
        ['BBL', '002'],
        ['KBANK', '004'],
        ['KTB', '006'],
        ['SCB', '014'],
        ['GSB', '030'],
        ['BAAC', '034'],
      ],
    );
    for (const layout of layouts) {
      assert.equal(bankLayoutSchema.safeParse(layout).success, true, layout.code);
      assert.equal(layout.recordLength, 256);
      assert.equal(layout.encoding, 'tis-620');
      assert.ok(layout.name.th && layout.name.en);
    }
  });

  const lookups: [string, string | undefined][] = [
    ['kbank', 'KBANK'],
    ['KBANK', 'KBANK'],
    [' Kbank ', 'KBANK'],
    ['004', 'KBANK'],
    ['scb', 'SCB'],
    ['034', 'BAAC'],
    ['TTB', undefined],
    ['011', undefined],
  ];
  for (const [code, expected] of lookups) {
    it(`should find ${expected ?? 'no layout'} for "${code}"`, () => {
      assert.equal(layoutFor(code)?.code, expected);
    });
  }
});

describe('bankLayoutSchema', () => {
  const invalid: { name: string; change: (l: LayoutJson) => void; path: string; says: RegExp }[] = [
    {
      name: 'a field overlapping another',
      change: (l) => (l.fields.detail.ref1 = { start: 80, end: 104 }),
      path: 'fields.detail.ref1',
      says: /80–104 overlap customerName \(35–84\)/,
    },
    {
      name: 'a field past the end of the record',
      change: (l) => (l.fields.detail.sendingBank = { start: 255, end: 257 }),
      path: 'fields.detail.sendingBank.end',
      says: /257, past the record length 256/,
    },
    {
      name: 'a field that ends before it starts',
      change: (l) => (l.fields.trailer.creditCount = { start: 58, end: 53 }),
      path: 'fields.trailer.creditCount.end',
      says: /ends \(53\) before it starts \(58\)/,
    },
    {
      name: 'a position 0',
      change: (l) => (l.fields.header.recordType = { start: 0, end: 1 }),
      path: 'fields.header.recordType.start',
      says: /1/,
    },
    {
      name: 'a 7-character date',
      change: (l) => (l.fields.detail.paymentDate = { start: 21, end: 27, kind: 'date' }),
      path: 'fields.detail.paymentDate',
      says: /7 characters wide; a date field here must be 8/,
    },
    {
      name: 'an amount said to be text',
      change: (l) => (l.fields.detail.amount.kind = 'text'),
      path: 'fields.detail.amount.kind',
      says: /must be "amount"/,
    },
    {
      name: 'no amount in the detail record',
      change: (l) => delete l.fields.detail.amount,
      path: 'fields.detail.amount',
      says: /expected object/,
    },
    {
      name: 'a field the parser does not know',
      change: (l) => (l.fields.detail.colour = { start: 247, end: 250 }),
      path: 'fields.detail',
      says: /colour/,
    },
    {
      name: 'the trailer record type somewhere else',
      change: (l) => {
        l.fields.trailer.recordType = { start: 256, end: 256 };
      },
      path: 'fields.trailer.recordType',
      says: /same position as the header's record type \(1\)/,
    },
    {
      name: 'a 2-digit bank code',
      change: (l) => (l.bankCode = '04'),
      path: 'bankCode',
      says: /pattern|match/i,
    },
    {
      name: 'the same code for header and detail',
      change: (l) => (l.recordTypes = { header: 'H', detail: 'H', trailer: 'T' }),
      path: 'recordTypes',
      says: /different codes/,
    },
  ];

  for (const c of invalid) {
    it(`should refuse a layout with ${c.name}, naming ${c.path}`, () => {
      // given
      const json = kbankJson();
      c.change(json);

      // when
      const error = (() => {
        try {
          parseBankLayout(json);
        } catch (e) {
          return e;
        }
      })();

      // then
      assert.ok(error instanceof UserError, 'expected a UserError');
      assert.equal(error.code, 'bank_layout_invalid');
      assert.equal(error.status, 422);
      const found = error.errors.find((e) => e.path === c.path);
      assert.ok(found, `no problem at ${c.path} in ${JSON.stringify(error.errors)}`);
      assert.match(found.message.en, c.says);
      assert.ok(found.message.th.length > 0);
    });
  }

  it('should say in Thai where fields overlap', () => {
    const json = kbankJson();
    json.fields.detail.ref1 = { start: 80, end: 104 };
    assert.throws(
      () => parseBankLayout(json),
      (e: UserError) => e.errors.some((x) => x.message.th.includes('ซ้อนทับกับ customerName')),
    );
  });
});

describe('a layout added as data', () => {
  it('should write and read a bank whose layout moves fields and gives Buddhist-era dates', () => {
    // given: a bank with 300-character records, the amount at 201–215, years in BE
    const json = kbankJson();
    Object.assign(json, { code: 'TTB', bankCode: '011', recordLength: 300, calendar: 'buddhist' });
    json.name = { th: 'ธนาคารทหารไทยธนชาต', en: 'TMBThanachart Bank' };
    json.fields.detail.amount = { start: 281, end: 295, kind: 'amount' };
    const layout: BankLayout = parseBankLayout(json);

    // when
    const bytes = writeBankFile(layout, {
      companyAccount: '1112223334',
      companyName: 'อบต.ทดสอบ',
      effectiveDate: '2026-03-01',
      lines: [
        {
          paymentDate: '2026-03-01',
          paymentTime: '10:05',
          customerName: 'นายทดสอบ',
          ref1: '1',
          ref2: '2',
          amountSatang: 123456,
          billerId: '099400016550100',
        },
      ],
    });
    const parsed = parseBankFile(bytes, layout, { billerIds: ['099400016550100'] });

    // then
    const detail = bytes.toString('latin1').split('\r\n')[1]!;
    assert.equal(detail.length, 300);
    assert.equal(detail.slice(20, 28), '01032569');
    assert.equal(detail.slice(280, 295), '000000000123456');
    assert.equal(parsed.header.effectiveDate, '2026-03-01');
    assert.equal(parsed.details[0]!.paidAt, '2026-03-01T10:05:00+07:00');
    assert.equal(parsed.details[0]!.amountSatang, 123456);
    assert.equal(parsed.trailer.creditSatang, 123456);
  });
});
