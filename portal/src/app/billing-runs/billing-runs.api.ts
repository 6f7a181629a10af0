import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  AuthService,
  type BillingRun,
  type BillingRunProgress,
  type ListResponse,
} from '@prapa/ui';
import { Observable, map } from 'rxjs';
import { SseParser } from './sse';

/** Billing runs: start one, read it, follow its progress as it streams. */
@Injectable({ providedIn: 'root' })
export class BillingRunsApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  start(body: { waterworksId: number; period: string }): Observable<BillingRun> {
    return this.http.post<BillingRun>(`${API}/billing-runs`, body);
  }

  get(id: number): Observable<BillingRun> {
    return this.http.get<BillingRun>(`${API}/billing-runs/${id}`);
  }

  list(query: { waterworksId?: number; limit?: number } = {}): Observable<readonly BillingRun[]> {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params[k] = String(v);
    return this.http
      .get<ListResponse<BillingRun>>(`${API}/billing-runs`, { params })
      .pipe(map((r) => r.items));
  }

  /**
   * The run's progress events (GET /billing-runs/{id}/events, text/event-stream), read with
   * fetch() so the bearer token goes in the Authorization header like every other call.
   * Completes when the server ends the stream; unsubscribing aborts the request.
   */
  events(id: number): Observable<BillingRunProgress> {
    return new Observable<BillingRunProgress>((subscriber) => {
      const abort = new AbortController();
      const token = this.auth.token();
      const parser = new SseParser();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          const res = await fetch(`${API}/billing-runs/${id}/events`, {
            headers: {
              Accept: 'text/event-stream',
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
            signal: abort.signal,
          });
          if (!res.ok || !res.body) throw { status: res.status, error: await res.text() };
          const reader = res.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const e of parser.push(decoder.decode(value, { stream: true }))) {
              const progress = parseProgress(e.data);
              if (progress) subscriber.next(progress);
            }
          }
          subscriber.complete();
        } catch (err) {
          if (!abort.signal.aborted) subscriber.error(err);
        }
      })();
      return () => abort.abort();
    });
  }
}

/** A progress event's data, or null for anything else (a keep-alive, a malformed line). */
export function parseProgress(data: string): BillingRunProgress | null {
  try {
    const p = JSON.parse(data) as Partial<BillingRunProgress>;
    return typeof p.done === 'number' && typeof p.total === 'number'
      ? (p as BillingRunProgress)
      : null;
  } catch {
    return null;
  }
}
