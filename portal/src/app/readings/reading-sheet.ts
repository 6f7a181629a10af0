import { assessReading, type ReadingAssessment } from '@prapa/domain';
import type { MeterReading, ReadingSheet } from '@prapa/ui';

/** What the sheet shows of a reading entered for the period (the engine's, or one saved here). */
export type EnteredReading = Pick<
  MeterReading,
  'status' | 'currentReading' | 'consumptionM3' | 'flags'
>;

/** One account on the reading sheet of a route, with what is known before it is read. */
export interface SheetRow {
  readonly accountId: number;
  readonly number: string;
  readonly name: string;
  readonly houseNo: string | null;
  readonly routeOrder: number;
  readonly occupied: boolean;
  readonly digits: number | null;
  /** The value the new reading is compared with (null: the account has no meter). */
  readonly previous: number | null;
  readonly averageM3: number | null;
  /** The old meter's final and the new meter's initial reading, after a replacement. */
  readonly replacement: { readonly oldFinal: number; readonly newInitial: number } | null;
  /** The reading already entered for this period, if any. */
  readonly existing: EnteredReading | null;
}

/** What the row shows for the value being typed. */
export interface TypedReading {
  readonly value: number | null;
  /** Why the text is not a reading: not a whole number, or more digits than the dial has. */
  readonly problem: 'number' | 'digits' | null;
  readonly assessment: ReadingAssessment | null;
}

/**
 * The engine's sheet of a route (GET /readings/sheet, already in walking order) as the page's
 * rows. The sheet lists active accounts only: every house counts as occupied.
 */
export function sheetRows(sheet: ReadingSheet): SheetRow[] {
  return sheet.items.map((i) => ({
    accountId: i.accountId,
    number: i.accountNumber,
    name: i.waterUserName,
    houseNo: i.houseNo,
    routeOrder: i.routeOrder,
    occupied: true,
    digits: i.meter?.digits ?? null,
    previous: i.previous,
    averageM3: i.averageM3,
    replacement: i.meter?.replacement ?? null,
    existing: i.current && {
      status: i.current.status,
      currentReading: i.current.value,
      consumptionM3: i.current.consumptionM3,
      flags: i.current.flags,
    },
  }));
}

/** The flags a typed value gets, computed in the browser as the engine will (@prapa/domain). */
export function assessTyped(row: SheetRow, text: string): TypedReading {
  const t = text.trim();
  if (!t) return { value: null, problem: null, assessment: null };
  if (!/^\d+$/.test(t)) return { value: null, problem: 'number', assessment: null };
  const value = Number(t);
  if (row.digits !== null && value >= 10 ** row.digits) {
    return { value, problem: 'digits', assessment: null };
  }
  if (row.previous === null || row.digits === null) {
    return { value, problem: null, assessment: null };
  }
  return {
    value,
    problem: null,
    assessment: assessReading({
      previous: row.previous,
      current: value,
      digits: row.digits,
      ...(row.replacement ? { replacement: row.replacement } : {}),
      averageM3: row.averageM3,
      occupied: row.occupied,
    }),
  };
}
