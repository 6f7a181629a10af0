import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDocumentNumber } from './document-number.js';

describe('formatDocumentNumber', () => {
  const cases: [string, number, number, number | undefined, string][] = [
    ['IV', 2569, 123, undefined, 'IV2569-000123'],
    ['RC', 2570, 1, undefined, 'RC2570-000001'],
    ['CN', 2569, 42, 4, 'CN2569-0042'],
    ['IV', 2569, 1234567, undefined, 'IV2569-1234567'],
    ['', 2569, 7, 3, '2569-007'],
  ];
  for (const [prefix, fy, seq, width, expected] of cases) {
    it(`should number ${prefix} ${fy} #${seq} as ${expected}`, () => {
      assert.equal(formatDocumentNumber(prefix, fy, seq, width), expected);
    });
  }
  const bad: [string, number, number][] = [
    ['IV', 2026, 1],
    ['IV', 2569, 0],
    ['IV', 2569, 1.5],
    ['I-V', 2569, 1],
  ];
  for (const [prefix, fy, seq] of bad) {
    it(`should NOT number ${prefix} ${fy} #${seq}`, () => {
      assert.throws(() => formatDocumentNumber(prefix, fy, seq), RangeError);
    });
  }
});
