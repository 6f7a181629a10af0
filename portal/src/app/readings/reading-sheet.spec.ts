import type { ReadingSheetItem } from '@prapa/ui';
import { assessTyped, sheetRows, type SheetRow } from './reading-sheet';

const item = (accountId: number, more: Partial<ReadingSheetItem> = {}): ReadingSheetItem => ({
  accountId,
  accountNumber: `WW1-0000${accountId}`,
  waterUserName: `ผู้ใช้ ${accountId}`,
  villageId: 1,
  houseNo: `${accountId}/1`,
  moo: 1,
  routeOrder: accountId * 10,
  meter: { serial: 'SN1', size: '1/2', digits: 4, replacement: null },
  previous: 150,
  previousSource: 'last-accepted',
  averageM3: 15,
  current: null,
  ...more,
});

describe('the reading sheet', () => {
  it('should keep the engine’s walking order, previous value, average and dial', () => {
    // given
    const sheet = { period: '2026-11', items: [item(1), item(2, { averageM3: null })] };
    // when
    const rows = sheetRows(sheet);
    // then
    expect(rows.map((r) => r.accountId)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({
      number: 'WW1-00001',
      name: 'ผู้ใช้ 1',
      houseNo: '1/1',
      previous: 150,
      averageM3: 15,
      digits: 4,
      occupied: true,
      existing: null,
    });
    expect(rows[1]!.averageM3).toBeNull();
  });

  it('should show the reading entered for the period with its status and flags', () => {
    const current = {
      id: 9,
      value: 240,
      status: 'review' as const,
      flags: ['abnormal-high' as const],
      consumptionM3: 90,
    };
    const [row] = sheetRows({ period: '2026-11', items: [item(1, { current })] });
    expect(row!.existing).toEqual({
      status: 'review',
      currentReading: 240,
      consumptionM3: 90,
      flags: ['abnormal-high'],
    });
  });

  it('should NOT take a reading on an account without a meter', () => {
    const [row] = sheetRows({
      period: '2026-11',
      items: [item(1, { meter: null, previous: null, previousSource: null })],
    });
    expect(row).toMatchObject({ digits: null, previous: null });
    expect(assessTyped(row!, '12').assessment).toBeNull();
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
    replacement: null,
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

  it('should count a new meter’s start after a replacement, as the engine does', () => {
    // given the last reading 120 on the old meter, which ended at 130; the new one started at 0
    const replaced = { ...row, previous: 120, replacement: { oldFinal: 130, newInitial: 0 } };
    // when
    const t = assessTyped(replaced, '5');
    // then 10 m³ on the old meter and 5 on the new one
    expect(t.assessment?.consumptionM3).toBe(15);
    expect(t.assessment?.flags).toContain('meter-replaced');
  });

  it('should flag zero use in an occupied house for review', () => {
    const t = assessTyped({ ...row, previous: 500 }, '500');
    expect(t.assessment?.flags).toContain('zero-occupied');
    expect(t.assessment?.needsReview).toBe(true);
  });
});
