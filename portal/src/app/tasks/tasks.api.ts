import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API, AuthService, type ListResponse } from '@prapa/ui';
import { Observable, map } from 'rxjs';
import { SseParser } from '../billing-runs/sse';
import type {
  Completion,
  InstanceContext,
  ProcessSummary,
  TaskDetail,
  TaskEvent,
  TaskItem,
  TaskPage,
} from './tasks.types';
import type { InboxQuery } from './inbox-filters';

/** The task queue: list, read, claim, release, assign, complete, and its live changes. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  list(query: InboxQuery): Observable<TaskPage> {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== '') params[k] = String(v);
    return this.http.get<TaskPage>(`${API}/tasks`, { params });
  }

  get(id: number): Observable<TaskDetail> {
    return this.http.get<TaskDetail>(`${API}/tasks/${id}`);
  }

  claim(id: number): Observable<TaskItem> {
    return this.http.post<TaskItem>(`${API}/tasks/${id}/claim`, {});
  }

  unclaim(id: number): Observable<TaskItem> {
    return this.http.post<TaskItem>(`${API}/tasks/${id}/unclaim`, {});
  }

  assign(id: number, username: string): Observable<TaskItem> {
    return this.http.post<TaskItem>(`${API}/tasks/${id}/assign`, { username });
  }

  complete(id: number, data: Record<string, unknown>): Observable<Completion> {
    return this.http.post<Completion>(`${API}/tasks/${id}/complete`, { data });
  }

  instance(id: number): Observable<InstanceContext> {
    return this.http.get<InstanceContext>(`${API}/instances/${id}`);
  }

  processes(): Observable<readonly ProcessSummary[]> {
    return this.http
      .get<ListResponse<ProcessSummary>>(`${API}/processes`)
      .pipe(map((r) => r.items));
  }

  /** Staff usernames with their roles (administrators only: GET /users). */
  users(): Observable<readonly { username: string; displayName?: string; roles: string[] }[]> {
    return this.http
      .get<
        ListResponse<{ username: string; displayName?: string; roles: string[]; active?: boolean }>
      >(`${API}/users`)
      .pipe(map((r) => r.items.filter((u) => u.active !== false)));
  }

  /**
   * The task list's live changes (GET /tasks/events, text/event-stream), read with fetch()
   * so the bearer token goes in the Authorization header. Emits `null` once subscribed
   * (the server's `ready`), then each change; errors when the stream breaks or ends, so a
   * `retry` can reconnect.
   */
  events(): Observable<TaskEvent | null> {
    return new Observable<TaskEvent | null>((subscriber) => {
      const abort = new AbortController();
      const token = this.auth.token();
      const parser = new SseParser();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          const res = await fetch(`${API}/tasks/events`, {
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
              if (e.event === 'ready') subscriber.next(null);
              else if (e.event.startsWith('task.')) {
                const event = parseTaskEvent(e.data);
                if (event) subscriber.next(event);
              }
            }
          }
          throw new Error('task events stream ended');
        } catch (err) {
          if (!abort.signal.aborted) subscriber.error(err);
        }
      })();
      return () => abort.abort();
    });
  }
}

/** An event's data, or null when it is not one. */
export function parseTaskEvent(data: string): TaskEvent | null {
  try {
    const e = JSON.parse(data) as Partial<TaskEvent>;
    return typeof e.id === 'number' && typeof e.type === 'string' ? (e as TaskEvent) : null;
  } catch {
    return null;
  }
}
