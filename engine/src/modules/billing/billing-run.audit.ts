/**
 * How the audit verifier checks a billing run's invoices. A run audits each page of
 * invoices as one `billing-run.chunk` event (number range, count, total and a SHA-256 of
 * every invoice's number, account and total); this check reads the invoices back and
 * finds a page whose invoices were edited or deleted, and invoices of a run that no page
 * event covers (inserted behind the log's back).
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../../db/sql.js';
import type { BatchCheck, BatchEvent, BatchProblem } from '../audit/audit.service.js';

export const BILLING_RUN_CHUNK = 'billing-run.chunk';

interface PageSummary {
  run: number;
  count: number;
  first: string | null;
  last: string | null;
  sha256: string;
}

/** The hash a billing-run page event carries, over its invoices in number order. */
export function pageHash(
  rows: { number: string; accountId: number; totalSatang: number }[],
): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.number}:${r.accountId}:${r.totalSatang}\n`);
  return hash.digest('hex');
}

export function billingRunAuditCheck(sql: Sql): BatchCheck {
  return async (tenantId, events) => {
    const covered = new Map<number, number>();
    for (const event of events) {
      const page = event.after as unknown as PageSummary;
      const problem = await checkPage(sql, tenantId, event, page);
      if (problem) return problem;
      covered.set(page.run, (covered.get(page.run) ?? 0) + page.count);
    }
    const runs = await sql.select<{ run: number; n: number }>(
      `SELECT billing_run_id AS run, COUNT(*) AS n FROM invoices
        WHERE tenant_id = ? AND billing_run_id IS NOT NULL GROUP BY billing_run_id ORDER BY billing_run_id`,
      [tenantId],
    );
    for (const r of runs) {
      const extra = Number(r.n) - (covered.get(Number(r.run)) ?? 0);
      if (extra > 0)
        return {
          event: null,
          entity: `billing-run:${r.run}`,
          reason: 'row_unaudited',
          detail: `${extra} invoice(s) of billing run ${r.run} exist but no audit event recorded them`,
        };
    }
    return null;
  };
}

async function checkPage(
  sql: Sql,
  tenantId: number,
  event: BatchEvent,
  page: PageSummary,
): Promise<BatchProblem | null> {
  const rows = (
    await sql.select<{ number: string; account_id: number; total_satang: number }>(
      `SELECT number, account_id, total_satang FROM invoices
        WHERE tenant_id = ? AND billing_run_id = ? AND number >= ? AND number <= ?
        ORDER BY number`,
      [tenantId, page.run, page.first ?? '', page.last ?? ''],
    )
  ).map((r) => ({
    number: r.number,
    accountId: Number(r.account_id),
    totalSatang: Number(r.total_satang),
  }));
  const entity = `billing-run:${page.run}`;
  if (rows.length < page.count)
    return {
      event,
      entity,
      reason: 'row_missing',
      detail: `${page.count - rows.length} of invoices ${page.first}…${page.last} were deleted behind the audit log's back`,
    };
  if (rows.length !== page.count || pageHash(rows) !== page.sha256)
    return {
      event,
      entity,
      reason: 'row_differs',
      detail: `invoices ${page.first}…${page.last} differ from their audited page (number, account or total)`,
    };
  return null;
}
