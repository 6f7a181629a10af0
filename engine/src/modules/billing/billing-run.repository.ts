/**
 * The set-based SQL of a billing run: one query per page for the readings, one for what
 * is already invoiced, one for arrears, and one multi-row INSERT for the new invoices.
 * Raw SQL for speed; every statement filters by the tenant itself.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** An invoice row as the run writes it (column names as in the table). */
export interface InvoiceRow {
  tenant_id: number;
  account_id: number;
  waterworks_id: number | null;
  village_id: number | null;
  account_number: string;
  customer_name: string;
  period: string;
  kind: string;
  number: string;
  fiscal_year: number;
  seq: number;
  status: string;
  issue_date: string;
  due_date: string;
  tariff_code: string | null;
  reading_id: number | null;
  consumption_m3: number | null;
  water_charge_satang: number;
  fees_satang: number;
  levies_satang: number;
  vat_satang: number;
  rounding_satang: number;
  total_satang: number;
  arrears_satang: number;
  lines_json: string;
  billing_run_id: number | null;
}

export const INVOICE_COLUMNS: readonly (keyof InvoiceRow)[] = [
  'tenant_id',
  'account_id',
  'waterworks_id',
  'village_id',
  'account_number',
  'customer_name',
  'period',
  'kind',
  'number',
  'fiscal_year',
  'seq',
  'status',
  'issue_date',
  'due_date',
  'tariff_code',
  'reading_id',
  'consumption_m3',
  'water_charge_satang',
  'fees_satang',
  'levies_satang',
  'vat_satang',
  'rounding_satang',
  'total_satang',
  'arrears_satang',
  'lines_json',
  'billing_run_id',
];

export interface BillableReading {
  id: number;
  accountId: number;
  consumptionM3: number;
}

export interface OpenBalance {
  /** Unpaid amount of the account's open invoices. */
  arrears: number;
  /** Of which past their due date at the issue date. */
  overdue: number;
}

const idList = (ids: readonly number[]) => ids.map((n) => Number(n)).join(',');

export class BillingRunRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** Accepted readings of these accounts for the period. */
  async readings(tenantId: number, accountIds: readonly number[], period: string) {
    if (!accountIds.length) return new Map<number, BillableReading>();
    const rows = await this.sequelize.query<{
      id: number;
      account_id: number;
      consumption_m3: number;
    }>(
      `SELECT id, account_id, consumption_m3 FROM meter_readings
        WHERE tenant_id = ? AND period = ? AND status = 'accepted' AND consumption_m3 IS NOT NULL
          AND account_id IN (${idList(accountIds)})`,
      { replacements: [tenantId, period], type: QueryTypes.SELECT },
    );
    return new Map(
      rows.map((r) => [
        Number(r.account_id),
        {
          id: Number(r.id),
          accountId: Number(r.account_id),
          consumptionM3: Number(r.consumption_m3),
        },
      ]),
    );
  }

  /** How many accepted readings a waterworks has for a period: the run's total. */
  async countReadings(tenantId: number, waterworksId: number, period: string): Promise<number> {
    const [row] = await this.sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM meter_readings
        WHERE tenant_id = ? AND waterworks_id = ? AND period = ? AND status = 'accepted'`,
      { replacements: [tenantId, waterworksId, period], type: QueryTypes.SELECT },
    );
    return Number(row?.n ?? 0);
  }

  /**
   * In one query over these accounts' invoices: which already have an invoice of this
   * kind for the period, and their open balances at the issue date (invoices issued on
   * or before it; the overdue part is what was due before it).
   */
  async accountState(
    tx: Transaction,
    tenantId: number,
    accountIds: readonly number[],
    q: { period: string; kind: string; issueDate: string },
  ) {
    const invoiced = new Set<number>();
    const balances = new Map<number, OpenBalance>();
    if (!accountIds.length) return { invoiced, balances };
    const open = `status = 'open' AND issue_date <= ?`;
    const left = 'total_satang - credited_satang - paid_satang';
    const rows = await this.sequelize.query<{
      account_id: number;
      arrears: number | string;
      overdue: number | string;
      invoiced: number | string;
    }>(
      `SELECT account_id,
              SUM(CASE WHEN ${open} THEN ${left} ELSE 0 END) AS arrears,
              SUM(CASE WHEN ${open} AND due_date < ? THEN ${left} ELSE 0 END) AS overdue,
              MAX(CASE WHEN period = ? AND kind = ? THEN 1 ELSE 0 END) AS invoiced
         FROM invoices
        WHERE tenant_id = ? AND account_id IN (${idList(accountIds)})
        GROUP BY account_id`,
      {
        replacements: [q.issueDate, q.issueDate, q.issueDate, q.period, q.kind, tenantId],
        type: QueryTypes.SELECT,
        transaction: tx,
      },
    );
    for (const r of rows) {
      const id = Number(r.account_id);
      if (Number(r.invoiced) === 1) invoiced.add(id);
      const arrears = Number(r.arrears);
      if (arrears !== 0) balances.set(id, { arrears, overdue: Number(r.overdue) });
    }
    return { invoiced, balances };
  }

  /**
   * One multi-row INSERT. On MySQL/MariaDB straight through the transaction's mysql2
   * connection (values bound by the driver, as a bare INSERT would be): Sequelize's query
   * path costs more than the statement itself at 500 rows (bench/billing.bench.ts).
   */
  async insertInvoices(tx: Transaction, rows: readonly InvoiceRow[]): Promise<void> {
    if (!rows.length) return;
    const columns = `${INVOICE_COLUMNS.join(',')},created_at,updated_at`;
    const driver = this.sequelize.getDialect() === 'mysql' ? mysqlConnection(tx) : undefined;
    if (driver) {
      const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
      const values = rows.map((r) => [...INVOICE_COLUMNS.map((c) => r[c]), now, now]);
      await new Promise<void>((resolve, reject) =>
        driver.query(`INSERT INTO invoices (${columns}) VALUES ?`, [values], (err) =>
          err ? reject(err) : resolve(),
        ),
      );
      return;
    }
    const now = this.sequelize.escape(new Date());
    const esc = (v: unknown) =>
      v === null || v === undefined
        ? 'NULL'
        : typeof v === 'number'
          ? String(v)
          : this.sequelize.escape(v as string);
    const values = rows
      .map((r) => `(${INVOICE_COLUMNS.map((c) => esc(r[c])).join(',')},${now},${now})`)
      .join(',');
    await this.sequelize.query(`INSERT INTO invoices (${columns}) VALUES ${values}`, {
      transaction: tx,
    });
  }
}

interface MysqlDriverConnection {
  query(sql: string, values: unknown[], cb: (err: Error | null) => void): void;
}

/** The mysql2 connection a MySQL/MariaDB transaction holds. */
function mysqlConnection(tx: Transaction): MysqlDriverConnection | undefined {
  return (tx as unknown as { connection?: MysqlDriverConnection }).connection;
}
