import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocate } from './allocation.js';

const owed = [
  { id: 1, balanceSatang: 10_000 },
  { id: 2, balanceSatang: 25_050 },
];

describe('allocate', () => {
  const cases: [string, number, [number, number][], number][] = [
    [
      'pays both invoices exactly',
      35_050,
      [
        [1, 10_000],
        [2, 25_050],
      ],
      0,
    ],
    [
      'pays the oldest in full and the next in part',
      20_000,
      [
        [1, 10_000],
        [2, 10_000],
      ],
      0,
    ],
    ['pays part of the oldest only', 4_000, [[1, 4_000]], 0],
    [
      'keeps an overpayment as credit',
      40_000,
      [
        [1, 10_000],
        [2, 25_050],
      ],
      4_950,
    ],
    ['keeps everything as credit when nothing is owed', 0, [], 0],
  ];
  for (const [name, amount, expected, credit] of cases) {
    it(`should ${name}`, () => {
      const r = allocate(amount, owed);
      assert.deepEqual(
        r.allocations.map((a) => [a.invoiceId, a.amountSatang]),
        expected,
      );
      assert.equal(r.unappliedSatang, credit);
      assert.equal(
        r.allocations.reduce((s, a) => s + a.amountSatang, 0) + r.unappliedSatang,
        amount,
      );
    });
  }

  it('should NOT take fractions of a satang', () => {
    assert.throws(() => allocate(10.5, owed), RangeError);
  });
});
