import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API } from '@prapa/ui';
import { map, type Observable } from 'rxjs';
import type { Deployed, FormSummary, HandlerTopic, ProcessSummary } from './designer.types';

/** The process designer's calls: processes and their BPMN, forms, handlers, deploys. */
@Injectable({ providedIn: 'root' })
export class DesignerApi {
  private readonly http = inject(HttpClient);

  processes(): Observable<readonly ProcessSummary[]> {
    return this.http.get<{ items: ProcessSummary[] }>(`${API}/processes`).pipe(map((r) => r.items));
  }

  process(key: string): Observable<ProcessSummary | null> {
    return this.processes().pipe(map((all) => all.find((p) => p.key === key) ?? null));
  }

  /** One version's BPMN XML, as deployed. */
  processXml(key: string, version: number): Observable<string> {
    return this.http.get(`${API}/processes/${encodeURIComponent(key)}/versions/${version}`, {
      responseType: 'text',
    });
  }

  /** Deploys the XML as the process's next version (422 lists each problem by element id). */
  deploy(key: string, xml: string): Observable<Deployed> {
    return this.http.post<Deployed>(`${API}/processes/${encodeURIComponent(key)}/versions`, xml, {
      headers: { 'Content-Type': 'application/xml' },
    });
  }

  forms(): Observable<readonly FormSummary[]> {
    return this.http.get<{ items: FormSummary[] }>(`${API}/forms`).pipe(map((r) => r.items));
  }

  handlers(): Observable<readonly HandlerTopic[]> {
    return this.http
      .get<{ items: HandlerTopic[] }>(`${API}/workflow/handlers`)
      .pipe(map((r) => r.items));
  }
}
