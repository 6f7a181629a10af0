/**
 * What the payments module may do to invoices: lock the payable ones, apply money to them
 * and take it back on a void — always inside the payment's transaction, each change in the
 * audit chain. Invoices stay the billing module's rows; payments never write them itself.
 */
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { withScratchTable } from '../../db/bulk-insert.js';
import { Sql } from '../../db/sql.js';
import { ConflictError, NotFoundError, UserError } from '../../http/errors.js';
import type { AuditLog, AuditRecord } from '../audit/audit.service.js';
import { balanceOf } from './invoice.dto.js';
import { Invoice } from './invoice.model.js';
import { invoiceSnapshot } from './invoice.service.js';

const INVOICE = { th: 'ใบแจ้งหนี้', en: 'Invoice' };

/** An invoice as a payment sees it (locked in the caller's transaction). */
export interface PayableInvoice {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  customerName: string;
  period: string;
  kind: string;
  dueDate: string;
  status: string;
  balanceSatang: number;
  businessKey: string | null;
}

export interface Application {
  invoiceId: number;
  amountSatang: number;
}

function payable(i: Invoice): PayableInvoice {
  return {
    id: i.id,
    number: i.number,
    accountId: i.accountId,
    accountNumber: i.accountNumber,
    customerName: i.customerName,
    period: i.period,
    kind: i.kind,
    dueDate: i.dueDate,
    status: i.status,
    balanceSatang: balanceOf(i),
    businessKey: i.businessKey ?? null,
  };
}

/** Oldest first: by due date, then number. */
const OLDEST_FIRST: [string, string][] = [
  ['dueDate', 'ASC'],
  ['id', 'ASC'],
];

export class InvoiceLedger {
  private readonly sql: Sql;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
  ) {
    this.sql = new Sql(sequelize);
  }

  /**
   * The named invoices, locked, oldest first. 404 names a missing one, 422 one of another
   * account, 409 one that is no longer open (paid meanwhile by someone else).
   */
  async lockInvoices(tx: Transaction, ids: number[]): Promise<PayableInvoice[]> {
    const rows = await Invoice.findAll({
      where: { id: { [Op.in]: ids } },
      order: OLDEST_FIRST,
      lock: tx.LOCK.UPDATE,
      transaction: tx,
    });
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing !== undefined)
      throw new NotFoundError({ th: `ใบแจ้งหนี้ ${missing}`, en: `Invoice ${missing}` });
    const accounts = new Set(rows.map((r) => r.accountId));
    if (accounts.size > 1) {
      const m = {
        th: 'ใบแจ้งหนี้ที่ชำระพร้อมกันต้องเป็นของผู้ใช้น้ำรายเดียวกัน',
        en: 'Invoices paid together must belong to one account.',
      };
      throw new UserError('invoices_of_several_accounts', m, [{ path: 'invoiceIds', message: m }]);
    }
    const closed = rows.find((r) => r.status !== 'open' || balanceOf(r) <= 0);
    if (closed)
      throw new ConflictError('invoice_not_payable', {
        th: `ใบแจ้งหนี้ ${closed.number} ไม่มียอดค้างชำระแล้ว (อาจมีผู้รับชำระไปแล้ว)`,
        en: `Invoice ${closed.number} has nothing left to pay (it may have just been paid).`,
      });
    return rows.map(payable);
  }

  /** The account's open invoices, locked, oldest first. */
  async lockOpenOfAccount(tx: Transaction, accountId: number): Promise<PayableInvoice[]> {
    const rows = await Invoice.findAll({
      where: { accountId, status: 'open' },
      order: OLDEST_FIRST,
      lock: tx.LOCK.UPDATE,
      transaction: tx,
    });
    return rows.map(payable).filter((i) => i.balanceSatang > 0);
  }

  /** Applies money to invoices (each row locked before by the caller), with audit events. */
  async apply(tx: Transaction, applications: Application[], at: Date): Promise<void> {
    const events: AuditRecord[] = [];
    for (const a of applications) {
      const i = await Invoice.findByPk(a.invoiceId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!i) throw new NotFoundError(INVOICE);
      if (i.status !== 'open' || a.amountSatang <= 0 || a.amountSatang > balanceOf(i))
        throw new ConflictError('invoice_not_payable', {
          th: `ใบแจ้งหนี้ ${i.number} รับชำระยอดนี้ไม่ได้`,
          en: `Invoice ${i.number} cannot take that payment.`,
        });
      const before = invoiceSnapshot(i);
      const paid = i.paidSatang + a.amountSatang;
      const done = i.totalSatang - i.creditedSatang - paid === 0;
      await i.update(
        { paidSatang: paid, ...(done ? { status: 'paid' as const, paidAt: at } : {}) },
        { transaction: tx },
      );
      events.push({
        action: done ? 'invoice.paid' : 'invoice.part-paid',
        entityType: 'invoice',
        entityId: i.id,
        before,
        after: invoiceSnapshot(i),
      });
    }
    await this.audit.recordMany(tx, events);
  }

  /** Takes a voided payment's money back off its invoices: they are open again. */
  async reverse(tx: Transaction, applications: Application[]): Promise<void> {
    const events: AuditRecord[] = [];
    for (const a of applications) {
      const i = await Invoice.findByPk(a.invoiceId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!i) throw new NotFoundError(INVOICE);
      const before = invoiceSnapshot(i);
      await i.update(
        { paidSatang: i.paidSatang - a.amountSatang, status: 'open', paidAt: null },
        { transaction: tx },
      );
      events.push({
        action: 'invoice.reopen',
        entityType: 'invoice',
        entityId: i.id,
        before,
        after: invoiceSnapshot(i),
      });
    }
    await this.audit.recordMany(tx, events);
  }

  /**
   * For bank files: the invoices with these numbers, locked (the unique index, in pages);
   * then, only for the account numbers `scan` names from those, the accounts' open
   * invoices oldest first, locked (a pass over the tenant's open invoices a page). A file
   * whose lines pay the invoices they name needs no pass at all. Raw SQL, filtered by the
   * tenant here.
   */
  async lockForReferences(
    tx: Transaction,
    tenantId: number,
    invoiceNumbers: string[],
    scan: (byNumber: ReadonlyMap<string, PayableInvoice>) => string[] | Promise<string[]>,
  ): Promise<{
    byNumber: Map<string, PayableInvoice>;
    openByAccount: Map<string, PayableInvoice[]>;
  }> {
    const driver = this.sql.in(tx);
    const lock = this.sql.sqlite ? '' : ' FOR UPDATE';
    const byNumber = new Map<string, PayableInvoice>();
    const openByAccount = new Map<string, PayableInvoice[]>();
    const select = `SELECT id, number, account_id, account_number, customer_name, period, kind, CAST(due_date AS CHAR) AS due_date, status,
      total_satang, credited_satang, paid_satang, business_key FROM invoices WHERE tenant_id = ?`;
    // all pages sent at once: the server answers one while the rows of the last are read
    const found = await Promise.all(
      [...pages([...new Set(invoiceNumbers)], LOOKUP_PAGE)].map((page) =>
        driver.all<InvoiceRow>(
          `${select} AND number IN (${page.map(() => '?').join(',')})${lock}`,
          [tenantId, ...page],
        ),
      ),
    );
    for (const rows of found) for (const r of rows) byNumber.set(r.number, rowToPayable(r));
    // no index leads from an account number to its invoices: each page is a pass over the
    // tenant's open invoices, so pages are as large as a statement allows
    for (const page of pages([...new Set(await scan(byNumber))], SCAN_PAGE)) {
      const rows = await driver.all<InvoiceRow>(
        `${select} AND status = 'open' AND account_number IN (${page.map(() => '?').join(',')}) ORDER BY due_date, id${lock}`,
        [tenantId, ...page],
      );
      for (const r of rows) {
        const invoice = byNumber.get(r.number) ?? rowToPayable(r);
        const list = openByAccount.get(r.account_number) ?? [];
        list.push(invoice);
        openByAccount.set(r.account_number, list);
      }
    }
    return { byNumber, openByAccount };
  }

  /**
   * For bank files: applies many payments at once (an invoice may appear more than once:
   * the amounts add up). Invoices the caller read under lock and that the payments settle
   * exactly — nearly all of a bank file's — are set paid by id in pages (paid becomes what
   * was owed); the rest in statements joined to a scratch table of the amounts — which
   * invoices they settle, then the invoices. The caller locked the invoices and audits the
   * page as one event.
   */
  async applyMany(
    tx: Transaction,
    tenantId: number,
    applications: Application[],
    at: Date,
    balanceBefore?: ReadonlyMap<number, number>,
  ) {
    if (!applications.length) return;
    const total = new Map<number, number>();
    for (const a of applications)
      total.set(a.invoiceId, (total.get(a.invoiceId) ?? 0) + a.amountSatang);
    const driver = this.sql.in(tx);
    const when = this.sql.date(at);
    // the caller read the balances under lock: whether an invoice is settled is known here
    const settled = [...total].filter(([id, amount]) => balanceBefore?.get(id) === amount);
    const found = await Promise.all(
      [...pages(settled, LOOKUP_PAGE)].map((page) =>
        driver.run(
          `UPDATE invoices SET status = 'paid', paid_at = ?,
             paid_satang = total_satang - credited_satang, updated_at = ?
           WHERE tenant_id = ? AND status = 'open' AND id IN (${page.map(() => '?').join(',')})`,
          [when, when, tenantId, ...page.map(([id]) => id)],
        ),
      ),
    );
    if (found.reduce((n, r) => n + r.changes, 0) !== settled.length)
      throw new Error('applyMany: an invoice read under lock changed');
    for (const [id] of settled) total.delete(id);
    if (!total.size) return;
    const known = balanceBefore && [...total.keys()].every((id) => balanceBefore.has(id));
    await withScratchTable(
      this.sql,
      tx,
      'ledger_applied',
      ['id', 'amount', 'settles'],
      [...total].map(([id, amount]) => [
        id,
        amount,
        known && balanceBefore.get(id) === amount ? 1 : 0,
      ]),
      async (t) => {
        // settled or not is decided on the balance before, so the update's assignments
        // below read nothing another one writes (MySQL's multi-table UPDATE has no order)
        if (!known && this.sql.sqlite)
          await driver.run(
            `UPDATE ${t} SET settles = 1 WHERE amount = (SELECT total_satang - credited_satang - paid_satang
               FROM invoices i WHERE i.id = ${t}.id AND i.tenant_id = ?)`,
            [tenantId],
          );
        else if (!known)
          await driver.run(
            `UPDATE ${t} a JOIN invoices i ON i.id = a.id SET a.settles = 1
             WHERE i.tenant_id = ? AND a.amount = i.total_satang - i.credited_satang - i.paid_satang`,
            [tenantId],
          );
        const set = (target: string, row: string) =>
          `${target}status = CASE WHEN a.settles = 1 THEN 'paid' ELSE ${row}status END,
           ${target}paid_at = CASE WHEN a.settles = 1 THEN ? ELSE ${row}paid_at END,
           ${target}paid_satang = ${row}paid_satang + a.amount,
           ${target}updated_at = ?`;
        await driver.run(
          this.sql.sqlite
            ? `UPDATE invoices SET ${set('', 'invoices.')} FROM ${t} a
               WHERE a.id = invoices.id AND invoices.tenant_id = ?`
            : // the scratch table leads: one look-up per row, not a pass over the invoices
              `UPDATE ${t} a STRAIGHT_JOIN invoices i ON i.id = a.id SET ${set('i.', 'i.')}
               WHERE i.tenant_id = ?`,
          [when, when, tenantId],
        );
      },
    );
  }
}

interface InvoiceRow {
  id: number;
  number: string;
  account_id: number;
  account_number: string;
  customer_name: string;
  period: string;
  kind: string;
  due_date: string;
  status: string;
  total_satang: number;
  credited_satang: number;
  paid_satang: number;
  business_key: string | null;
}

function rowToPayable(r: InvoiceRow): PayableInvoice {
  return {
    id: Number(r.id),
    number: r.number,
    accountId: Number(r.account_id),
    accountNumber: r.account_number,
    customerName: r.customer_name,
    period: r.period,
    kind: r.kind,
    dueDate: String(r.due_date).slice(0, 10),
    status: r.status,
    balanceSatang: Number(r.total_satang) - Number(r.credited_satang) - Number(r.paid_satang),
    businessKey: r.business_key,
  };
}

/**
 * Values per IN list looked up by a unique index: on MariaDB 10.11, 50,000 invoice numbers
 * took 0.22 s in pages of 5,000, 0.32 s in pages of 1,000 (a trip each) and 0.33 s in one
 * list (turned into a join with a table of the values).
 */
const LOOKUP_PAGE = 5000;
/** Values per IN list that costs a pass over the rows anyway (SQLite binds 32,766 at most). */
const SCAN_PAGE = 30_000;

function* pages<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
