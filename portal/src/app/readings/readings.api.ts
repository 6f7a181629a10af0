import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  type Account,
  type AccountSummary,
  type MeterReading,
  type ReadingPage,
  type ReadingStatus,
} from '@prapa/ui';
import {
  EMPTY,
  expand,
  forkJoin,
  from,
  map,
  mergeMap,
  of,
  reduce,
  toArray,
  type Observable,
} from 'rxjs';
import { RegistryApi } from '../registry/registry.api';
import { HISTORY_MONTHS, buildSheet, periodsBefore, type SheetRow } from './reading-sheet';

export interface ReadingQuery {
  readonly waterworksId?: number;
  readonly period?: string;
  readonly accountId?: number;
  readonly status?: ReadingStatus;
  readonly limit?: number;
  readonly offset?: number;
}

/** Every page of the registry search: a route is a few hundred accounts at most. */
const ACCOUNTS_PAGE = 100;
/** Account details fetched side by side (for each meter's digits and initial reading). */
const DETAIL_CONCURRENCY = 4;

/** Meter readings: the reading sheet of a route, entering a route's readings, the review queue. */
@Injectable({ providedIn: 'root' })
export class ReadingsApi {
  private readonly http = inject(HttpClient);
  private readonly registry = inject(RegistryApi);

  list(query: ReadingQuery): Observable<ReadingPage> {
    return this.http.get<ReadingPage>(`${API}/readings`, { params: params(query) });
  }

  review(query: Omit<ReadingQuery, 'status'>): Observable<ReadingPage> {
    return this.http.get<ReadingPage>(`${API}/readings/review`, { params: params(query) });
  }

  /** A route's readings at once: all saved or none (422 naming `items.<n>.currentReading`). */
  enterBatch(
    period: string,
    items: readonly { accountId: number; currentReading: number; note?: string }[],
  ): Observable<readonly MeterReading[]> {
    return this.http
      .post<{ items: MeterReading[] }>(`${API}/readings/batch`, { period, items })
      .pipe(map((r) => r.items));
  }

  accept(id: number): Observable<MeterReading> {
    return this.http.post<MeterReading>(`${API}/readings/${id}/accept`, {});
  }

  correct(id: number, currentReading: number, note?: string): Observable<MeterReading> {
    return this.http.post<MeterReading>(`${API}/readings/${id}/correct`, {
      currentReading,
      ...(note ? { note } : {}),
    });
  }

  estimate(id: number): Observable<MeterReading> {
    return this.http.post<MeterReading>(`${API}/readings/${id}/estimate`, {});
  }

  reread(id: number, note?: string): Observable<MeterReading> {
    return this.http.post<MeterReading>(`${API}/readings/${id}/reread`, note ? { note } : {});
  }

  /**
   * The reading sheet of a village (a route) for a period: its active accounts with their
   * meters, the readings already entered, and the last months' accepted readings.
   */
  sheet(waterworksId: number, villageId: number | null, period: string): Observable<SheetRow[]> {
    const accounts$ = this.allAccounts(waterworksId, villageId).pipe(
      mergeMap((list) =>
        list.length
          ? from(list).pipe(
              mergeMap((a) => this.registry.account(a.id), DETAIL_CONCURRENCY),
              toArray(),
            )
          : of([] as Account[]),
      ),
    );
    const periodReadings = (p: string) =>
      this.list({ waterworksId, period: p, limit: 1000 }).pipe(map((r) => r.items));
    return forkJoin({
      accounts: accounts$,
      thisPeriod: periodReadings(period),
      history: forkJoin(periodsBefore(period, HISTORY_MONTHS).map(periodReadings)).pipe(
        map((pages) => pages.flat()),
      ),
    }).pipe(map((s) => buildSheet(s.accounts, s.history, s.thisPeriod)));
  }

  private allAccounts(
    waterworksId: number,
    villageId: number | null,
  ): Observable<AccountSummary[]> {
    const page = (n: number) =>
      this.registry.search({
        q: '',
        village: villageId,
        status: 'active',
        page: n,
        limit: ACCOUNTS_PAGE,
      });
    return page(1).pipe(
      expand((p) => (p.page * p.limit < p.total ? page(p.page + 1) : EMPTY)),
      reduce(
        (all, p) => all.concat(p.items.filter((a) => a.waterworksId === waterworksId)),
        [] as AccountSummary[],
      ),
    );
  }
}

function params(query: ReadingQuery): HttpParams {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) out[k] = String(v);
  return new HttpParams({ fromObject: out });
}
