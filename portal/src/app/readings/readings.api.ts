import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  type MeterReading,
  type ReadingPage,
  type ReadingSheet,
  type ReadingStatus,
  type ReviewPage,
} from '@prapa/ui';
import { map, type Observable } from 'rxjs';
import { sheetRows, type SheetRow } from './reading-sheet';

export interface ReadingQuery {
  readonly waterworksId?: number;
  readonly period?: string;
  readonly accountId?: number;
  readonly status?: ReadingStatus;
  readonly limit?: number;
  readonly offset?: number;
}

/** Meter readings: the reading sheet of a route, entering a route's readings, the review queue. */
@Injectable({ providedIn: 'root' })
export class ReadingsApi {
  private readonly http = inject(HttpClient);

  list(query: ReadingQuery): Observable<ReadingPage> {
    return this.http.get<ReadingPage>(`${API}/readings`, { params: params(query) });
  }

  /** The review queue, each entry with its account number and water user's name. */
  review(query: Omit<ReadingQuery, 'status'>): Observable<ReviewPage> {
    return this.http.get<ReviewPage>(`${API}/readings/review`, { params: params(query) });
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
   * The reading sheet of a village (a route), or of the whole waterworks, for a period: its
   * active accounts in walking order with meter, previous value, average and the reading
   * already entered — one request (GET /readings/sheet).
   */
  sheet(waterworksId: number, villageId: number | null, period: string): Observable<SheetRow[]> {
    return this.http
      .get<ReadingSheet>(`${API}/readings/sheet`, {
        params: params({ waterworksId, villageId: villageId ?? undefined, period }),
      })
      .pipe(map(sheetRows));
  }
}

function params(query: ReadingQuery & { villageId?: number }): HttpParams {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) out[k] = String(v);
  return new HttpParams({ fromObject: out });
}
