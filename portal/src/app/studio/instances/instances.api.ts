import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API } from '@prapa/ui';
import { map, type Observable } from 'rxjs';
import type {
  InstanceCount,
  InstanceStatus,
  InstanceSummary,
  InstanceView,
  Listed,
  ProcessInfo,
} from './instances.types';

export interface InstanceQuery {
  readonly processKey: string | null;
  readonly version: number | null;
  readonly status: InstanceStatus | null;
  readonly offset: number;
}

export const PAGE = 25;

/** The instance viewer's calls: counts, lists, one instance, its diagram, retry. */
@Injectable({ providedIn: 'root' })
export class InstancesApi {
  private readonly http = inject(HttpClient);

  processes(): Observable<readonly ProcessInfo[]> {
    return this.http.get<{ items: ProcessInfo[] }>(`${API}/processes`).pipe(map((r) => r.items));
  }

  counts(): Observable<readonly InstanceCount[]> {
    return this.http
      .get<{ items: InstanceCount[] }>(`${API}/instances/counts`)
      .pipe(map((r) => r.items));
  }

  list(q: InstanceQuery): Observable<Listed<InstanceSummary>> {
    let params = new HttpParams().set('limit', PAGE).set('offset', q.offset);
    if (q.processKey) params = params.set('processKey', q.processKey);
    if (q.version) params = params.set('version', q.version);
    if (q.status) params = params.set('status', q.status);
    return this.http.get<Listed<InstanceSummary>>(`${API}/instances`, { params });
  }

  instance(id: number): Observable<InstanceView> {
    return this.http.get<InstanceView>(`${API}/instances/${id}`);
  }

  /** The BPMN XML of the version the instance runs on. */
  processXml(key: string, version: number): Observable<string> {
    return this.http.get(`${API}/processes/${encodeURIComponent(key)}/versions/${version}`, {
      responseType: 'text',
    });
  }

  /** Runs the failed step again (administrators); answers with the instance as it is now. */
  retry(id: number): Observable<InstanceView> {
    return this.http.post<InstanceView>(`${API}/instances/${id}/retry`, {});
  }
}
