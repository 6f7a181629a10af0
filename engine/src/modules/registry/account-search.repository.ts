/**
 * The registry's two hot read paths in hand-written SQL, the same on SQLite and
 * MySQL/MariaDB: the account search (term index, page, count) and billing's keyset pages.
 * Raw SQL bypasses the tenant scope, so every statement here filters by the tenant
 * it is given, and the caller passes the request context's tenant.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { WaterUserDto } from './registry.dto.js';
import { prefixEnd } from './search-terms.js';

export interface AccountFilter {
  /** Groups of alternative prefixes: every group must match one of the account's terms. */
  terms: string[][];
  villageId?: number;
  waterworksId?: number;
  status?: string;
  /** Only the accounts this resident user is linked to. */
  residentUserId?: number;
}

export interface AccountRow {
  id: number;
  number: string;
  status: string;
  water_user_id: number;
  name: string;
  phone: string | null;
  house_no: string | null;
  moo: number | null;
  village_id: number | null;
  waterworks_id: number;
  serial: string | null;
  size: string | null;
}

export interface BillingRow {
  id: number;
  number: string;
  name: string;
  customer_type: string;
  village_id: number | null;
  moo: number | null;
  house_no: string | null;
  route_order: number;
  status: string;
  tariff_code: string | null;
  meter_id: number | null;
  serial: string | null;
  size: string | null;
  digits: number | null;
  initial_reading: number | null;
  installed_on: string | Date | null;
  old_meter_id: number | null;
  old_final_reading: number | null;
  old_removed_on: string | Date | null;
}

/** One account as the Excel export lists it (keys are the sheet's column keys). */
export type ExportRow = Omit<WaterUserDto, 'id' | 'kind'> & {
  number: string;
  kind: string;
  waterworksId: number;
  routeOrder: number;
  latitude: number | null;
  longitude: number | null;
  status: string;
  tariffCode: string | null;
  openedOn: string | null;
  meterSerial: string | null;
  meterSize: string | null;
  meterDigits: number | null;
  meterInitialReading: number | null;
  meterInstalledOn: string | null;
};

/** A piece of SQL and its parameters. */
type Condition = [string, unknown[]];

/** `head cond1 AND cond2 …` with the parameters in order (after `before`'s). */
function join([head, conds]: [string, Condition[]], before: unknown[] = []): Condition {
  return [
    `${head} ${conds.map(([sql]) => sql).join(' AND ')}`.trim(),
    [...before, ...conds.flatMap(([, p]) => p)],
  ];
}

/** An account with its water user, active meter and the meter that one replaced. */
const BILLING_ROWS = `SELECT a.id, a.number, u.name, u.customer_type, a.village_id, u.moo, u.house_no,
              a.route_order, a.status, a.tariff_code,
              m.id AS meter_id, m.serial, m.size, m.digits, m.initial_reading, m.installed_on,
              r.id AS old_meter_id, r.final_reading AS old_final_reading, r.removed_on AS old_removed_on
         FROM accounts a
         JOIN water_users u ON u.id = a.water_user_id
         LEFT JOIN meters m ON m.account_id = a.id AND m.status = 'active'
         LEFT JOIN meters r ON r.id = m.replaces_meter_id`;

export class AccountSearchRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** `col IN (accounts having a term in one of the group's prefix ranges)`. */
  private termIn(col: string, tenantId: number, group: readonly string[]): Condition {
    const ranges = group.map(() => '(t.term >= ? AND t.term < ?)').join(' OR ');
    return [
      `${col} IN (SELECT t.account_id FROM account_search_terms t WHERE t.tenant_id = ? AND (${ranges}))`,
      [tenantId, ...group.flatMap((p) => [p, prefixEnd(p)])],
    ];
  }

  /** The conditions on the account row itself (alias `a`). */
  private accountConditions(tenantId: number, f: AccountFilter): Condition[] {
    const out: Condition[] = [['a.tenant_id = ?', [tenantId]]];
    if (f.villageId !== undefined) out.push(['a.village_id = ?', [f.villageId]]);
    if (f.waterworksId !== undefined) out.push(['a.waterworks_id = ?', [f.waterworksId]]);
    if (f.status !== undefined) out.push(['a.status = ?', [f.status]]);
    if (f.residentUserId !== undefined)
      out.push([
        'a.id IN (SELECT r.account_id FROM account_residents r WHERE r.tenant_id = ? AND r.user_id = ?)',
        [tenantId, f.residentUserId],
      ]);
    return out;
  }

  /**
   * How many accounts match. With words, the count starts from the distinct accounts of
   * the most selective word (the longest) in the term index, and touches the accounts
   * table only when a filter needs it: a common prefix ("สม") counts in milliseconds.
   */
  private count(tenantId: number, f: AccountFilter): Condition {
    const own = this.accountConditions(tenantId, f);
    if (!f.terms.length) return join(['SELECT COUNT(*) AS n FROM accounts a WHERE', own]);
    const longest = (g: readonly string[]) => Math.max(...g.map((p) => [...p].length));
    const [driver, ...rest] = [...f.terms].sort((x, y) => longest(y) - longest(x));
    const ranges = driver!.map(() => '(t.term >= ? AND t.term < ?)').join(' OR ');
    const from: Condition = [
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT t.account_id FROM account_search_terms t
        WHERE t.tenant_id = ? AND (${ranges})) m`,
      [tenantId, ...driver!.flatMap((p) => [p, prefixEnd(p)])],
    ];
    const conditions = rest.map((g) => this.termIn('m.account_id', tenantId, g));
    if (own.length > 1) {
      from[0] += ' JOIN accounts a ON a.id = m.account_id';
      conditions.unshift(...own);
    }
    return conditions.length ? join([from[0] + ' WHERE', conditions], from[1]) : from;
  }

  /** One page of accounts in account-number order, and how many match in all. */
  async search(
    tenantId: number,
    f: AccountFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: AccountRow[]; total: number }> {
    const [where, params] = join([
      '',
      [
        ...this.accountConditions(tenantId, f),
        ...f.terms.map((g) => this.termIn('a.id', tenantId, g)),
      ],
    ]);
    const [countSql, countParams] = this.count(tenantId, f);
    const [rows, count] = await Promise.all([
      this.sequelize.query<AccountRow>(
        `SELECT a.id, a.number, a.status, a.water_user_id, u.name, u.phone, u.house_no, u.moo,
                a.village_id, a.waterworks_id, m.serial, m.size
           FROM (SELECT a.id FROM accounts a WHERE ${where}
                 ORDER BY a.number LIMIT ? OFFSET ?) p
           JOIN accounts a ON a.id = p.id
           JOIN water_users u ON u.id = a.water_user_id
           LEFT JOIN meters m ON m.account_id = a.id AND m.status = 'active'
          ORDER BY a.number`,
        { type: QueryTypes.SELECT, replacements: [...params, page.limit, page.offset] },
      ),
      this.sequelize.query<{ n: number }>(countSql, {
        type: QueryTypes.SELECT,
        replacements: countParams,
      }),
    ]);
    return { rows, total: Number(count[0]?.n ?? 0) };
  }

  /**
   * Drops the search terms of these accounts. Raw: the tenant scope's bulk-delete hook
   * adds its condition after Sequelize maps attribute names to columns (`tenantId`
   * reaches the SQL unmapped), so a scoped Model.destroy({ where }) fails.
   */
  async deleteTerms(tenantId: number, accountIds: readonly number[], transaction: Transaction) {
    if (!accountIds.length) return;
    await this.sequelize.query(
      `DELETE FROM account_search_terms WHERE tenant_id = ? AND account_id IN (${accountIds.map(() => '?').join(',')})`,
      { replacements: [tenantId, ...accountIds], transaction },
    );
  }

  /** A page of the export after account number `after`, in number order. */
  async exportPage(tenantId: number, after: string, limit: number): Promise<ExportRow[]> {
    const rows = await this.sequelize.query<
      ExportRow & { openedOn: string | Date | null; meterInstalledOn: string | Date | null }
    >(
      `SELECT a.number, u.kind, u.name, u.name_en AS nameEn, u.national_id AS nationalId, u.phone,
              u.house_no AS houseNo, u.moo, u.address, u.customer_type AS customerType,
              a.waterworks_id AS waterworksId, a.route_order AS routeOrder, a.latitude, a.longitude,
              a.status, a.tariff_code AS tariffCode, a.opened_on AS openedOn,
              m.serial AS meterSerial, m.size AS meterSize, m.digits AS meterDigits,
              m.initial_reading AS meterInitialReading, m.installed_on AS meterInstalledOn
         FROM accounts a
         JOIN water_users u ON u.id = a.water_user_id
         LEFT JOIN meters m ON m.account_id = a.id AND m.status = 'active'
        WHERE a.tenant_id = ? AND a.number > ?
        ORDER BY a.number
        LIMIT ?`,
      { type: QueryTypes.SELECT, replacements: [tenantId, after, limit] },
    );
    return rows.map((r) => ({
      ...r,
      openedOn: dateOnly(r.openedOn),
      meterInstalledOn: dateOnly(r.meterInstalledOn),
    }));
  }

  /** Active accounts of a waterworks after `afterId`, by id, with meter and replaced meter. */
  async billingPage(
    tenantId: number,
    q: { waterworksId: number; afterId: number; limit: number },
  ): Promise<BillingRow[]> {
    return this.sequelize.query<BillingRow>(
      `${BILLING_ROWS}
        WHERE a.tenant_id = ? AND a.waterworks_id = ? AND a.status = 'active' AND a.id > ?
        ORDER BY a.id
        LIMIT ?`,
      {
        type: QueryTypes.SELECT,
        replacements: [tenantId, q.waterworksId, q.afterId, q.limit],
      },
    );
  }

  /**
   * Accounts as billing sees them, by waterworks (and village), status or ids, ordered by
   * village, route order and number: a reading sheet, or the accounts of a page of readings.
   */
  async accountRows(
    tenantId: number,
    f: { waterworksId?: number; villageId?: number; status?: string; ids?: readonly number[] },
  ): Promise<BillingRow[]> {
    if (f.ids && !f.ids.length) return [];
    const conds: Condition[] = [['a.tenant_id = ?', [tenantId]]];
    if (f.waterworksId !== undefined) conds.push(['a.waterworks_id = ?', [f.waterworksId]]);
    if (f.villageId !== undefined) conds.push(['a.village_id = ?', [f.villageId]]);
    if (f.status !== undefined) conds.push(['a.status = ?', [f.status]]);
    if (f.ids) conds.push([`a.id IN (${f.ids.map(() => '?').join(',')})`, [...f.ids]]);
    const [where, params] = join([`${BILLING_ROWS} WHERE`, conds]);
    return this.sequelize.query<BillingRow>(
      `${where} ORDER BY a.village_id, a.route_order, a.number`,
      { type: QueryTypes.SELECT, replacements: params },
    );
  }
}

/** DATEONLY columns come back as strings from SQLite and as strings or Dates from MySQL. */
export function dateOnly(v: string | Date | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}
