import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatBaht,
  isSatang,
  mulDivRound,
  parseBaht,
  roundSatang,
  type RoundingRule,
} from './money.js';

describe('parseBaht', () => {
  const valid: [string, number][] = [
    ['10.20', 1020],
    ['1,234.5', 123450],
    ['1,234,567.89', 123456789],
    ['0', 0],
    ['0.01', 1],
    ['5', 500],
    [' 42.10 ', 4210],
    ['-5', -500],
    ['-0.5', -50],
    ['1234', 123400],
  ];
  for (const [text, satang] of valid) {
    it(`should read "${text}" as ${satang} satang`, () => {
      assert.equal(parseBaht(text), satang);
    });
  }
  const junk = [
    '',
    'abc',
    '1.234',
    '1,23',
    '12,34.5',
    '1.',
    '.5',
    '1e3',
    '10 baht',
    '--1',
    '1,2345',
    '99999999999999999999',
  ];
  for (const text of junk) {
    it(`should NOT read "${text}" as money`, () => {
      assert.throws(() => parseBaht(text), RangeError);
    });
  }
});

describe('formatBaht', () => {
  const cases: [number, string][] = [
    [123450, '1,234.50'],
    [-500, '-5.00'],
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [100000000, '1,000,000.00'],
    [99, '0.99'],
  ];
  for (const [satang, text] of cases) {
    it(`should write ${satang} satang as "${text}"`, () => {
      assert.equal(formatBaht(satang), text);
      assert.equal(parseBaht(text), satang);
    });
  }
  it('should NOT write fractions of a satang', () => {
    assert.throws(() => formatBaht(1.5), RangeError);
  });
});

describe('roundSatang', () => {
  const cases: [number, RoundingRule, number][] = [
    [12.4, 'satang', 12],
    [12.5, 'satang', 13],
    [-12.5, 'satang', -13],
    [12.4999, 'satang', 12],
    [1.005 * 100, 'satang', 101], // 100.49999999999999 in binary: noise, not a value
    [0.1 * 3 * 100, 'satang', 30],
    [1012, 'quarter', 1000],
    [1012.5, 'quarter', 1025],
    [1013, 'quarter', 1025],
    [1037, 'quarter', 1025],
    [1038, 'quarter', 1050],
    [-1013, 'quarter', -1025],
    [149, 'baht', 100],
    [150, 'baht', 200],
    [-150, 'baht', -200],
    [10861, 'baht', 10900],
    [10849, 'baht', 10800],
    [0, 'baht', 0],
    [-0.4, 'satang', 0],
  ];
  for (const [s, rule, expected] of cases) {
    it(`should round ${s} to ${expected} (${rule})`, () => {
      assert.equal(roundSatang(s, rule), expected);
      assert.ok(Object.is(roundSatang(s, rule), expected));
    });
  }
  it('should NOT accept an unknown rule or a non-finite amount', () => {
    assert.throws(() => roundSatang(1, 'ten' as RoundingRule), RangeError);
    assert.throws(() => roundSatang(Number.NaN, 'satang'), RangeError);
  });
});

describe('mulDivRound', () => {
  it('should take 7 % of an amount exactly, half away from zero', () => {
    assert.equal(mulDivRound(10150, 700, 10_000), 711); // 710.5
    assert.equal(mulDivRound(3045, 700, 10_000), 213); // 213.15
    assert.equal(mulDivRound(-10150, 700, 10_000), -711);
    assert.equal(mulDivRound(9_000_000_000_000, 700, 10_000), 630_000_000_000);
  });
});

describe('isSatang', () => {
  it('should accept only safe integers', () => {
    assert.deepEqual([1, 0, -5, 1.5, Number.NaN, '1', 2 ** 53].map(isSatang), [
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
