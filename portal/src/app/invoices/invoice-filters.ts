import type { InvoiceStatus } from '@prapa/ui';
import type { InvoiceQuery } from './invoices.api';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['open', 'paid', 'void'];
export const INVOICES_PER_PAGE = 25;

/** The invoice list's filters as the URL keeps them. */
export interface InvoiceFilters {
  readonly status: InvoiceStatus | null;
  readonly period: string | null;
  readonly village: number | null;
  readonly account: number | null;
  /** The invoices one billing run made (the run page's link). */
  readonly billingRun: number | null;
  readonly page: number;
}

export function filtersFromParams(params: { get(name: string): string | null }): InvoiceFilters {
  const status = params.get('status');
  const period = params.get('period');
  return {
    status: INVOICE_STATUSES.find((s) => s === status) ?? null,
    period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null,
    village: id(params.get('village')),
    account: id(params.get('account')),
    billingRun: id(params.get('billingRun')),
    page: id(params.get('page')) ?? 1,
  };
}

export function paramsFromFilters(f: InvoiceFilters): Record<string, string | null> {
  return {
    status: f.status,
    period: f.period,
    village: f.village === null ? null : String(f.village),
    account: f.account === null ? null : String(f.account),
    billingRun: f.billingRun === null ? null : String(f.billingRun),
    page: f.page > 1 ? String(f.page) : null,
  };
}

export function queryFromFilters(f: InvoiceFilters): InvoiceQuery {
  return {
    status: f.status,
    period: f.period,
    village: f.village,
    account: f.account,
    billingRunId: f.billingRun,
    limit: INVOICES_PER_PAGE,
    offset: (f.page - 1) * INVOICES_PER_PAGE,
  };
}

function id(text: string | null): number | null {
  return text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
}
