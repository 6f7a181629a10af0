import {
  bahtField,
  cashDifference,
  counterPlan,
  newIdempotencyKey,
  oldestFirst,
  satangFromBaht,
} from './counter-math';

describe('the counter’s arithmetic', () => {
  it.each([
    // [due, received, method, keepCredit, expected]
    [15_000, 15_000, 'cash', false, { postSatang: 15_000, changeSatang: 0, creditSatang: 0 }],
    [15_000, 20_000, 'cash', false, { postSatang: 15_000, changeSatang: 5_000, creditSatang: 0 }],
    [15_000, 20_000, 'cash', true, { postSatang: 20_000, changeSatang: 0, creditSatang: 5_000 }],
    [15_000, 10_000, 'cash', false, { postSatang: 10_000, changeSatang: 0, partial: true }],
    [15_000, 20_000, 'transfer', true, { postSatang: 20_000, creditSatang: 5_000 }],
  ] as const)(
    'should post %i due, %i received by %s (keep credit: %s) as %o',
    (due, received, method, keepCredit, expected) => {
      // when
      const plan = counterPlan({ dueSatang: due, receivedSatang: received, method, keepCredit });
      // then
      expect(plan).toMatchObject({ ok: true, ...expected });
    },
  );

  it.each([
    [15_000, null, 'cash', false, 'amount'],
    [15_000, 0, 'cash', false, 'amount'],
    [0, 5_000, 'cash', false, 'nothing'],
    [15_000, 20_000, 'transfer', false, 'excess'],
    [15_000, 20_000, 'cheque', false, 'excess'],
  ] as const)(
    'should NOT post %i due with %s received by %s (keep credit: %s): %s',
    (due, received, method, keepCredit, reason) => {
      expect(counterPlan({ dueSatang: due, receivedSatang: received, method, keepCredit })).toEqual(
        {
          ok: false,
          reason,
        },
      );
    },
  );

  it('should read baht as typed and refuse what is not an amount', () => {
    expect(satangFromBaht('1,234.50')).toBe(123_450);
    expect(satangFromBaht(' 150 ')).toBe(15_000);
    expect(satangFromBaht('-5')).toBeNull();
    expect(satangFromBaht('abc')).toBeNull();
    expect(bahtField(123_450)).toBe('1234.50');
    expect(bahtField(5)).toBe('0.05');
  });

  it('should put the oldest invoice first', () => {
    const list = [
      { id: 3, period: '2026-03', issueDate: '2026-04-01' },
      { id: 1, period: '2026-01', issueDate: '2026-02-01' },
      { id: 2, period: '2026-02', issueDate: '2026-03-01' },
    ];
    expect(oldestFirst(list).map((i) => i.id)).toEqual([1, 2, 3]);
  });

  it('should make a version 4 id for each attempt', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it('should show the counted cash against the float plus the cash taken', () => {
    expect(cashDifference(100_000, 15_000, 115_000)).toBe(0);
    expect(cashDifference(100_000, 15_000, 114_000)).toBe(-1_000);
    expect(cashDifference(100_000, 15_000, null)).toBeNull();
  });
});
