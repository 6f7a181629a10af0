/**
 * The reading sheet of a route (a village, or a whole waterworks) for a period: each active
 * account in walking order with its meter, the value a new reading is compared with, its
 * recent average and the reading already entered — what the portal (and a reader) needs to
 * flag a reading as it is typed, as ReadingService will when it is saved. A few set-based
 * queries for the whole route, whatever its size.
 */
import type { ReadingFlag } from '../../domain/index.js';
import { currentContext } from '../../http/request-context.js';
import type { ReadingStatus } from './meter-reading.model.js';
import type { ReadingPorts, RouteAccount } from './reading-account.js';
import type { LastAccepted, ReadingSheetRepository } from './reading-sheet.repository.js';

/** Where `previous` comes from: this period's reading, the last accepted one, the meter's start. */
export type PreviousSource = 'this-period' | 'last-accepted' | 'meter-initial';

export interface SheetItem {
  accountId: number;
  accountNumber: string;
  waterUserName: string;
  villageId: number | null;
  houseNo: string | null;
  moo: number | null;
  routeOrder: number;
  meter: {
    serial: string;
    size: string;
    digits: number;
    /** Set when the last accepted reading is of the meter this one replaced. */
    replacement: { oldFinal: number; newInitial: number } | null;
  } | null;
  previous: number | null;
  previousSource: PreviousSource | null;
  averageM3: number | null;
  current: {
    id: number;
    value: number | null;
    status: ReadingStatus;
    flags: ReadingFlag[];
    consumptionM3: number | null;
  } | null;
}

export interface SheetQuery {
  waterworksId: number;
  villageId?: number;
  period: string;
}

export async function readingSheet(
  ports: ReadingPorts,
  repo: ReadingSheetRepository,
  q: SheetQuery,
  historyMonths: number,
): Promise<{ period: string; items: SheetItem[] }> {
  const accounts = await ports.routeAccounts({
    waterworksId: q.waterworksId,
    ...(q.villageId !== undefined ? { villageId: q.villageId } : {}),
  });
  const ids = accounts.map((a) => a.accountId);
  const tenantId = currentContext()?.tenantId;
  if (tenantId === undefined) throw new Error('reading sheet: no tenant in the request context');
  const [entered, last, use] = await Promise.all([
    repo.ofPeriod(ids, q.period),
    repo.lastAccepted(tenantId, ids, q.period),
    repo.recentUse(tenantId, ids, q.period, historyMonths),
  ]);
  const enteredBy = new Map(entered.map((r) => [r.accountId, r]));
  const lastBy = new Map(last.map((r) => [r.accountId, r]));
  return {
    period: q.period,
    items: accounts.map((a): SheetItem => {
      const r = enteredBy.get(a.accountId);
      const used = use.get(a.accountId) ?? [];
      const { replacement, ...prev } = previousOf(a, lastBy.get(a.accountId));
      return {
        accountId: a.accountId,
        accountNumber: a.number,
        waterUserName: a.waterUserName,
        villageId: a.villageId,
        houseNo: a.houseNo,
        moo: a.moo,
        routeOrder: a.routeOrder,
        meter: a.meter && {
          serial: a.meter.serial,
          size: a.meter.size,
          digits: a.meter.digits,
          replacement,
        },
        ...(r ? { previous: r.previousReading, previousSource: 'this-period' as const } : prev),
        averageM3: used.length ? Math.round(used.reduce((s, x) => s + x, 0) / used.length) : null,
        current: r
          ? {
              id: r.id,
              value: r.currentReading,
              status: r.status,
              flags: r.flags,
              consumptionM3: r.consumptionM3,
            }
          : null,
      };
    }),
  };
}

/**
 * The value a new reading is compared with, as ReadingService takes it: the last accepted
 * reading's (even of a replaced meter: the replacement then names the old meter's final
 * reading and the new one's start), else the meter's initial reading.
 */
function previousOf(a: RouteAccount, last: LastAccepted | undefined) {
  const m = a.meter;
  if (!m) return { previous: null, previousSource: null, replacement: null };
  if (!last || last.currentReading === null)
    return {
      previous: m.initialReading,
      previousSource: 'meter-initial' as const,
      replacement: null,
    };
  const old = m.replacedMeter;
  return {
    previous: last.currentReading,
    previousSource: 'last-accepted' as const,
    replacement:
      old && last.meterId === old.id && old.finalReading !== null
        ? { oldFinal: old.finalReading, newInitial: m.initialReading }
        : null,
  };
}
