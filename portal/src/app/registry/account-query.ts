import { ACCOUNT_STATUSES, type AccountStatus } from '@prapa/ui';

/** What the registry list shows: a search, filters and a page, kept in the URL. */
export interface AccountQuery {
  readonly q: string;
  readonly village: number | null;
  readonly status: AccountStatus | null;
  readonly page: number;
  readonly limit: number;
}

export const PAGE_SIZE = 20;

export const EMPTY_QUERY: AccountQuery = {
  q: '',
  village: null,
  status: null,
  page: 1,
  limit: PAGE_SIZE,
};

/** Reads the list's state from the URL's query string, ignoring what makes no sense. */
export function queryFromParams(params: { get(name: string): string | null }): AccountQuery {
  const village = positiveInt(params.get('village'));
  const status = params.get('status');
  return {
    q: (params.get('q') ?? '').trim(),
    village,
    status: ACCOUNT_STATUSES.find((s) => s === status) ?? null,
    page: positiveInt(params.get('page')) ?? 1,
    limit: PAGE_SIZE,
  };
}

/** The query string for the URL: defaults left out, so a fresh list has a clean address. */
export function paramsFromQuery(query: AccountQuery): Record<string, string | null> {
  return {
    q: query.q || null,
    village: query.village === null ? null : String(query.village),
    status: query.status,
    page: query.page > 1 ? String(query.page) : null,
  };
}

/** The API's query parameters (GET /accounts). */
export function toHttpParams(query: AccountQuery): Record<string, string> {
  const out: Record<string, string> = { page: String(query.page), limit: String(query.limit) };
  if (query.q) out['q'] = query.q;
  if (query.village !== null) out['village'] = String(query.village);
  if (query.status) out['status'] = query.status;
  return out;
}

function positiveInt(text: string | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}
