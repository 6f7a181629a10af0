import type { Account, MeterReading } from '@prapa/ui';
import { assessTyped, buildSheet, periodsBefore, type SheetRow } from './reading-sheet';

const meter = {
  id: 5,
  serial: 'SN1',
  size: '1/2',
  digits: 4,
  initialReading: 100,
  installedOn: '2025-01-01',
  status: 'active' as const,
};
const account = (id: number, routeOrder: number): Account => ({
  id,
  number: `WW1-0000${id}`,
  status: 'active',
  waterworksId: 1,
  routeOrder,
  waterUser: { id, kind: 'person', name: `ผู้ใช้ ${id}`, customerType: '1' },
  meter,
});
const reading = (accountId: number, period: string, current: number, m3: number, more = {}) =>
  ({
    id: accountId * 100 + Number(period.slice(5)),
    accountId,
    waterworksId: 1,
    meterId: 5,
    period,
    previousReading: current - m3,
    currentReading: current,
    consumptionM3: m3,
    flags: [],
    status: 'accepted',
    estimated: false,
    note: null,
    readAt: `${period}-25T03:00:00Z`,
    ...more,
  }) as MeterReading;

describe('the reading sheet', () => {
  it('should list the route in walking order with the last accepted reading as previous', () => {
    // given two accounts, one with history
    const history = [reading(1, '2026-10', 150, 10), reading(1, '2026-09', 140, 20)];
    // when
    const rows = buildSheet([account(2, 20), account(1, 10)], history, []);
    // then
    expect(rows.map((r) => r.accountId)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ previous: 150, averageM3: 15, digits: 4 });
    expect(rows[1]).toMatchObject({ previous: 100, averageM3: null }); // the meter's initial reading
  });

  it('should NOT count estimated or unaccepted readings in the average', () => {
    const history = [
      reading(1, '2026-10', 150, 40, { estimated: true }),
      reading(1, '2026-09', 110, 10),
      reading(1, '2026-08', 100, 90, { status: 'review' }),
    ];
    expect(buildSheet([account(1, 1)], history, [])[0]!.averageM3).toBe(10);
  });

  it('should name the periods before a month, across the year end', () => {
    expect(periodsBefore('2026-02', 3)).toEqual(['2026-01', '2025-12', '2025-11']);
  });
});

describe('a reading as it is typed', () => {
  const row: SheetRow = {
    accountId: 1,
    number: 'WW1-00001',
    name: 'ผู้ใช้',
    houseNo: null,
    routeOrder: 1,
    occupied: true,
    digits: 4,
    previous: 9998,
    averageM3: 8,
    existing: null,
  };

  it.each([
    ['', null, null],
    ['12a', 'number', null],
    ['10000', 'digits', null],
  ])('should tell "%s" apart', (text, problem, value) => {
    const t = assessTyped(row, text);
    expect(t.problem).toBe(problem);
    if (problem !== 'digits') expect(t.value).toBe(value);
    expect(t.assessment).toBeNull();
  });

  it('should read a small number after 9,998 on a 4-digit dial as a rollover', () => {
    const t = assessTyped(row, '3');
    expect(t.assessment?.consumptionM3).toBe(5);
    expect(t.assessment?.flags).toContain('rollover');
  });

  it('should flag zero use in an occupied house for review', () => {
    const t = assessTyped({ ...row, previous: 500 }, '500');
    expect(t.assessment?.flags).toContain('zero-occupied');
    expect(t.assessment?.needsReview).toBe(true);
  });
});
