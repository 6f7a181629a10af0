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

  /** Accounts among these that already have an invoice of this kind for the period. */
  async invoiced(
    tx: Transaction,
    tenantId: number,
    accountIds: readonly number[],
    period: string,
    kind: string,
  ) {
    if (!accountIds.length) return new Set<number>();
    const rows = await this.sequelize.query<{ account_id: number }>(
      `SELECT account_id FROM invoices
        WHERE tenant_id = ? AND period = ? AND kind = ? AND account_id IN (${idList(accountIds)})`,
      { replacements: [tenantId, period, kind], type: QueryTypes.SELECT, transaction: tx },
    );
    return new Set(rows.map((r) => Number(r.account_id)));
  }

  /** Open balances of these accounts at an issue date (invoices issued on or before it). */
  async openBalances(
    tx: Transaction,
    tenantId: number,
    accountIds: readonly number[],
    issueDate: string,
  ) {
    const out = new Map<number, OpenBalance>();
    if (!accountIds.length) return out;
    const rows = await this.sequelize.query<{
      account_id: number;
      arrears: number;
      overdue: number;
    }>(
      `SELECT account_id,
              SUM(total_satang - credited_satang - paid_satang) AS arrears,
              SUM(CASE WHEN due_date < ? THEN total_satang - credited_satang - paid_satang ELSE 0 END) AS overdue
         FROM invoices
        WHERE tenant_id = ? AND status = 'open' AND issue_date <= ? AND account_id IN (${idList(accountIds)})
        GROUP BY account_id`,
      { replacements: [issueDate, tenantId, issueDate], type: QueryTypes.SELECT, transaction: tx },
    );
    for (const r of rows)
      out.set(Number(r.account_id), { arrears: Number(r.arrears), overdue: Number(r.overdue) });
    return out;
  }

  /** One multi-row INSERT. */
  async insertInvoices(tx: Transaction, rows: readonly InvoiceRow[]): Promise<void> {
    if (!rows.length) return;
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
    await this.sequelize.query(
      `INSERT INTO invoices (${INVOICE_COLUMNS.join(',')},created_at,updated_at) VALUES ${values}`,
      { transaction: tx },
    );
  }
}
