/**
 * The reading sheet's look-ups, set-based: for a route's accounts, this period's readings,
 * the last accepted reading before it and the recent accepted use, each one statement per
 * 1,000 accounts. Raw SQL (window functions, the same on SQLite and MariaDB) bypasses the
 * tenant scope, so every statement filters by the tenant it is given.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { MeterReading } from './meter-reading.model.js';

/** Accounts per statement (the IN list). */
const CHUNK = 1000;

export interface LastAccepted {
  accountId: number;
  meterId: number | null;
  currentReading: number | null;
}

export class ReadingSheetRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** This period's readings of the accounts (any status). */
  async ofPeriod(accountIds: readonly number[], period: string): Promise<MeterReading[]> {
    return this.chunked(accountIds, (ids) =>
      MeterReading.findAll({ where: { accountId: ids, period } }),
    );
  }

  /** Each account's newest accepted reading before the period. */
  async lastAccepted(
    tenantId: number,
    accountIds: readonly number[],
    period: string,
  ): Promise<LastAccepted[]> {
    return this.chunked(accountIds, async (ids) => {
      const rows = await this.sequelize.query<{
        account_id: number;
        meter_id: number | null;
        current_reading: number | null;
      }>(
        `SELECT account_id, meter_id, current_reading FROM (
           SELECT account_id, meter_id, current_reading,
                  ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY period DESC) AS rn
             FROM meter_readings
            WHERE tenant_id = ? AND status = 'accepted' AND period < ?
              AND account_id IN (${ids.map(() => '?').join(',')})) x
          WHERE rn = 1`,
        { type: QueryTypes.SELECT, replacements: [tenantId, period, ...ids] },
      );
      return rows.map((r) => ({
        accountId: Number(r.account_id),
        meterId: r.meter_id === null ? null : Number(r.meter_id),
        currentReading: r.current_reading === null ? null : Number(r.current_reading),
      }));
    });
  }

  /**
   * The consumption of each account's `months` newest accepted, not estimated readings
   * before the period (what ReadingService.averageOf averages), oldest first.
   */
  async recentUse(
    tenantId: number,
    accountIds: readonly number[],
    period: string,
    months: number,
  ): Promise<Map<number, number[]>> {
    const rows = await this.chunked(accountIds, (ids) =>
      this.sequelize.query<{ account_id: number; consumption_m3: number; rn: number }>(
        `SELECT account_id, consumption_m3, rn FROM (
           SELECT account_id, consumption_m3,
                  ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY period DESC) AS rn
             FROM meter_readings
            WHERE tenant_id = ? AND status = 'accepted' AND estimated = 0 AND period < ?
              AND consumption_m3 IS NOT NULL
              AND account_id IN (${ids.map(() => '?').join(',')})) x
          WHERE rn <= ?
          ORDER BY account_id, rn DESC`,
        { type: QueryTypes.SELECT, replacements: [tenantId, period, ...ids, months] },
      ),
    );
    const out = new Map<number, number[]>();
    for (const r of rows) {
      const id = Number(r.account_id);
      out.set(id, [...(out.get(id) ?? []), Number(r.consumption_m3)]);
    }
    return out;
  }

  private async chunked<T>(
    ids: readonly number[],
    query: (ids: number[]) => Promise<T[]>,
  ): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
    return out;
  }
}
