import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API } from '@prapa/ui';
import { map, type Observable } from 'rxjs';
import type { Deployed, FormSchema, FormSummary, FormVersions } from './forms.types';

const path = (key: string) => `${API}/forms/${encodeURIComponent(key)}`;

/** The form designer's calls: forms, their versions and who uses them, deploys. */
@Injectable({ providedIn: 'root' })
export class FormsApi {
  private readonly http = inject(HttpClient);

  forms(): Observable<readonly FormSummary[]> {
    return this.http.get<{ items: FormSummary[] }>(`${API}/forms`).pipe(map((r) => r.items));
  }

  /** The versions, newest first, each with the process versions that pinned it. */
  versions(key: string): Observable<FormVersions> {
    return this.http.get<FormVersions>(path(key));
  }

  form(key: string, version: number): Observable<FormSchema> {
    return this.http.get<FormSchema>(`${path(key)}/versions/${version}`);
  }

  /** Deploys the form as its next version (422 lists each problem by its JSON path). */
  deploy(key: string, form: FormSchema): Observable<Deployed> {
    return this.http.post<Deployed>(`${path(key)}/versions`, form);
  }
}
