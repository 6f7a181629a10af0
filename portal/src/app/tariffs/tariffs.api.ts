import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Tariff } from '@prapa/domain';
import {
  API,
  type ListResponse,
  type TariffPreview,
  type TariffPreviewInput,
  type TariffView,
} from '@prapa/ui';
import { map, type Observable } from 'rxjs';

/** Tariffs: the presets and the tenant's versions, saving a version, the server's bill. */
@Injectable({ providedIn: 'root' })
export class TariffsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly TariffView[]> {
    return this.http.get<ListResponse<TariffView>>(`${API}/tariffs`).pipe(map((r) => r.items));
  }

  get(id: number): Observable<TariffView> {
    return this.http.get<TariffView>(`${API}/tariffs/${id}`);
  }

  create(tariff: Tariff): Observable<TariffView> {
    return this.http.post<TariffView>(`${API}/tariffs`, tariff);
  }

  update(id: number, tariff: Tariff): Observable<TariffView> {
    return this.http.put<TariffView>(`${API}/tariffs/${id}`, tariff);
  }

  preview(input: TariffPreviewInput): Observable<TariffPreview> {
    return this.http.post<TariffPreview>(`${API}/tariffs/preview`, input);
  }
}

/** A tariff's address in the portal: a tenant's version by id, a preset by its code. */
export function tariffKey(t: Pick<TariffView, 'id' | 'code'>): string {
  return t.id === null ? `preset-${t.code}` : String(t.id);
}

/** A tariff by its portal key: a tenant's version by id, a preset from the list. */
export function findTariff(api: TariffsApi, key: string): Observable<TariffView> {
  if (!key.startsWith('preset-')) return api.get(Number(key));
  const code = key.slice('preset-'.length);
  return api.list().pipe(
    map((all) => {
      const hit = all.find((t) => t.source === 'preset' && t.code === code);
      if (!hit) throw { status: 404, error: null };
      return hit;
    }),
  );
}
