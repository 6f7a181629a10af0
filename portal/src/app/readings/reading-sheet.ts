import { assessReading, type ReadingAssessment } from '@prapa/domain';
import type { Account, MeterReading } from '@prapa/ui';

/** Months of accepted readings the sheet looks back on for the previous value and the average. */
export const HISTORY_MONTHS = 6;

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
  /** The reading already entered for this period, if any. */
  readonly existing: MeterReading | null;
}

/** What the row shows for the value being typed. */
export interface TypedReading {
  readonly value: number | null;
  /** Why the text is not a reading: not a whole number, or more digits than the dial has. */
  readonly problem: 'number' | 'digits' | null;
  readonly assessment: ReadingAssessment | null;
}

/** The n periods before `period`, newest first: ('2026-02', 3) → 2026-01, 2025-12, 2025-11. */
export function periodsBefore(period: string, n: number): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The sheet of a route, in walking order: each account with its previous reading (this
 * period's if entered, else the last accepted one on the same meter, else the meter's initial
 * reading) and its average use over the accepted, not estimated, readings of the history.
 */
export function buildSheet(
  accounts: readonly Account[],
  history: readonly MeterReading[],
  thisPeriod: readonly MeterReading[],
): SheetRow[] {
  const entered = new Map(thisPeriod.map((r) => [r.accountId, r]));
  const past = new Map<number, MeterReading[]>();
  for (const r of history) {
    if (r.status !== 'accepted') continue;
    const list = past.get(r.accountId) ?? [];
    list.push(r);
    past.set(r.accountId, list);
  }
  return accounts
    .map((a): SheetRow => {
      const mine = (past.get(a.id) ?? []).sort((x, y) => y.period.localeCompare(x.period));
      const existing = entered.get(a.id) ?? null;
      const meter = a.meter ?? null;
      const last = mine.find((r) => r.currentReading !== null);
      const sameMeter = last && (last.meterId === undefined || last.meterId === meter?.id);
      const used = mine
        .filter((r) => !r.estimated && r.consumptionM3 !== null)
        .slice(0, HISTORY_MONTHS)
        .map((r) => r.consumptionM3!);
      return {
        accountId: a.id,
        number: a.number,
        name: a.waterUser?.name ?? '',
        houseNo: a.waterUser?.houseNo ?? null,
        routeOrder: a.routeOrder ?? 0,
        occupied: a.status === 'active',
        digits: meter?.digits ?? null,
        previous:
          existing?.previousReading ??
          (meter ? (sameMeter ? last.currentReading! : meter.initialReading) : null),
        averageM3: used.length ? Math.round(used.reduce((s, x) => s + x, 0) / used.length) : null,
        existing,
      };
    })
    .sort((x, y) => x.routeOrder - y.routeOrder || x.number.localeCompare(y.number));
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
      averageM3: row.averageM3,
      occupied: row.occupied,
    }),
  };
}
