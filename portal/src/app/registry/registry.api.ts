import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  type Account,
  type AccountInput,
  type AccountSummary,
  type ImportMode,
  type ImportReport,
  type ListResponse,
  type Meter,
  type MeterReplacementInput,
  type Page,
  type WaterUser,
  type WaterUserInput,
} from '@prapa/ui';
import { map, switchMap, type Observable } from 'rxjs';
import { toHttpParams, type AccountQuery } from './account-query';

/** The water-user registry: search, accounts, water users, meters, Excel import and export. */
@Injectable({ providedIn: 'root' })
export class RegistryApi {
  private readonly http = inject(HttpClient);

  search(query: AccountQuery): Observable<Page<AccountSummary>> {
    return this.http.get<Page<AccountSummary>>(`${API}/accounts`, {
      params: new HttpParams({ fromObject: toHttpParams(query) }),
    });
  }

  account(id: number): Observable<Account> {
    return this.http.get<Account>(`${API}/accounts/${id}`);
  }

  waterUser(id: number): Observable<WaterUser> {
    return this.http.get<WaterUser>(`${API}/water-users/${id}`);
  }

  meters(accountId: number): Observable<readonly Meter[]> {
    return this.http
      .get<ListResponse<Meter>>(`${API}/accounts/${accountId}/meters`)
      .pipe(map((r) => r.items));
  }

  /** A new water user and their (pending) account. */
  create(user: WaterUserInput, account: AccountInput): Observable<Account> {
    return this.http
      .post<WaterUser>(`${API}/water-users`, user)
      .pipe(
        switchMap((created) =>
          this.http.post<Account>(`${API}/accounts`, { ...account, waterUserId: created.id }),
        ),
      );
  }

  updateWaterUser(id: number, changes: Partial<WaterUserInput>): Observable<WaterUser> {
    return this.http.patch<WaterUser>(`${API}/water-users/${id}`, changes);
  }

  updateAccount(id: number, changes: Partial<AccountInput>): Observable<Account> {
    return this.http.patch<Account>(`${API}/accounts/${id}`, changes);
  }

  replaceMeter(accountId: number, body: MeterReplacementInput): Observable<unknown> {
    return this.http.post(`${API}/accounts/${accountId}/meter-replacements`, body);
  }

  /** Checks (mode=validate) or imports an .xlsx registry sheet; the body is the file itself. */
  importSheet(file: Blob, mode: ImportMode): Observable<ImportReport> {
    return this.http.post<ImportReport>(`${API}/registry/import`, file, {
      params: { mode },
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
  }

  /** The registry as an .xlsx file (`export`) or the empty import template (`import-template`). */
  sheet(which: 'export' | 'import-template'): Observable<Blob> {
    return this.http.get(`${API}/registry/${which}`, { responseType: 'blob' });
  }
}
