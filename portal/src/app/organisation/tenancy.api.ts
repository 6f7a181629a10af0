import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  type Health,
  type ListResponse,
  type TenantProfile,
  type Village,
  type Waterworks,
} from '@prapa/ui';
import { map, type Observable } from 'rxjs';

/** The tenant, its waterworks and villages, read from the engine. */
@Injectable({ providedIn: 'root' })
export class TenancyApi {
  private readonly http = inject(HttpClient);

  tenant(): Observable<TenantProfile> {
    return this.http.get<TenantProfile>(`${API}/tenant`);
  }

  waterworks(): Observable<readonly Waterworks[]> {
    return this.http.get<ListResponse<Waterworks>>(`${API}/waterworks`).pipe(map((r) => r.items));
  }

  villages(): Observable<readonly Village[]> {
    return this.http.get<ListResponse<Village>>(`${API}/villages`).pipe(map((r) => r.items));
  }

  health(): Observable<Health> {
    return this.http.get<Health>(`${API}/health`);
  }
}
