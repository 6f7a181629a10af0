/**
 * How the audit verifier checks a bank file's payments. An import audits each page of its
 * payments as one `bank-file.payments` event (receipt range, count, amount and a SHA-256
 * of every payment's id, account, amount and receipt number); this check reads the
 * payments and receipts back and finds a page whose rows were edited or deleted, and
 * payments of a file that no page covers (inserted behind the log's back). Payments of the
 * file's exception lines matched by hand are audited one by one (`payment.receive`).
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../../db/sql.js';
import type { BatchCheck, BatchEvent, BatchProblem } from '../audit/audit.service.js';

export const BANK_FILE_PAYMENTS = 'bank-file.payments';

export interface PaymentsPage {
  fiscalYear: number;
  firstReceipt: number;
  lastReceipt: number;
  count: number;
  amountSatang: number;
  sha256: string;
}

/** The hash a page event carries, over its payments in receipt-number order. */
export function paymentsPageHash(
  rows: { paymentId: number; accountId: number; amountSatang: number; receipt: number }[],
): string {
  const hash = createHash('sha256');
  for (const r of rows)
    hash.update(`${r.paymentId}|${r.accountId}|${r.amountSatang}|${r.receipt}\n`);
  return hash.digest('hex');
}

export function bankFileAuditCheck(sql: Sql): BatchCheck {
  return async (tenantId, events) => {
    const covered = new Map<string, number>();
    for (const event of events) {
      const page = event.after as unknown as PaymentsPage;
      const problem = await checkPage(sql, tenantId, event, page);
      if (problem) return problem;
      covered.set(event.entityId, (covered.get(event.entityId) ?? 0) + page.count);
    }
    const [files, byHand] = await sql.selectMany<{ f: number; n: number }>([
      {
        sql: `SELECT bank_file_id AS f, COUNT(*) AS n FROM payments
               WHERE tenant_id = ? AND bank_file_id IS NOT NULL GROUP BY bank_file_id`,
        params: [tenantId],
      },
      {
        sql: `SELECT bank_file_id AS f, COUNT(*) AS n FROM bank_lines
               WHERE tenant_id = ? AND payment_id IS NOT NULL GROUP BY bank_file_id`,
        params: [tenantId],
      },
    ]);
    const matchedByHand = new Map(byHand!.map((r) => [String(r.f), Number(r.n)]));
    for (const r of files!) {
      const file = String(r.f);
      const extra = Number(r.n) - (matchedByHand.get(file) ?? 0) - (covered.get(file) ?? 0);
      if (extra > 0)
        return {
          event: null,
          entity: `bank-file:${file}`,
          reason: 'row_unaudited',
          detail: `${extra} payment(s) of bank file ${file} exist but no audit event recorded them`,
        };
    }
    return null;
  };
}

async function checkPage(
  sql: Sql,
  tenantId: number,
  event: BatchEvent,
  page: PaymentsPage,
): Promise<BatchProblem | null> {
  const rows = (
    await sql.select<{ id: number; account_id: number; amount_satang: number; seq: number }>(
      `SELECT p.id, p.account_id, p.amount_satang, r.seq FROM receipts r
         JOIN payments p ON p.id = r.payment_id
        WHERE r.tenant_id = ? AND r.fiscal_year = ? AND r.seq >= ? AND r.seq <= ?
          AND p.bank_file_id = ?
        ORDER BY r.seq`,
      [tenantId, page.fiscalYear, page.firstReceipt, page.lastReceipt, Number(event.entityId)],
    )
  ).map((r) => ({
    paymentId: Number(r.id),
    accountId: Number(r.account_id),
    amountSatang: Number(r.amount_satang),
    receipt: Number(r.seq),
  }));
  const entity = `bank-file:${event.entityId}`;
  const range = `receipts ${page.firstReceipt}…${page.lastReceipt} of ${page.fiscalYear}`;
  if (rows.length < page.count)
    return {
      event,
      entity,
      reason: 'row_missing',
      detail: `${page.count - rows.length} of the payments with ${range} were deleted behind the audit log's back`,
    };
  if (rows.length !== page.count || paymentsPageHash(rows) !== page.sha256)
    return {
      event,
      entity,
      reason: 'row_differs',
      detail: `the payments with ${range} differ from their audited page (payment, account, amount or receipt)`,
    };
  return null;
}
