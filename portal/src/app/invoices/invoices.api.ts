import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API, type Invoice, type InvoiceStatus, type InvoiceSummary } from '@prapa/ui';
import type { Observable } from 'rxjs';

/** What the invoice list asks for; every filter optional. */
export interface InvoiceQuery {
  readonly status?: InvoiceStatus | null;
  readonly period?: string | null;
  readonly village?: number | null;
  readonly account?: number | null;
  readonly waterworks?: number | null;
  readonly billingRunId?: number | null;
  readonly limit?: number;
  readonly offset?: number;
}

/** GET /invoices: a page of the list and how many match. */
export interface InvoicePage {
  readonly total: number;
  readonly items: readonly InvoiceSummary[];
}

/** Invoices: the list with its filters, one invoice, and its PDF. */
@Injectable({ providedIn: 'root' })
export class InvoicesApi {
  private readonly http = inject(HttpClient);

  list(query: InvoiceQuery): Observable<InvoicePage> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') params[key] = String(value);
    }
    return this.http.get<InvoicePage>(`${API}/invoices`, {
      params: new HttpParams({ fromObject: params }),
    });
  }

  get(id: number): Observable<Invoice> {
    return this.http.get<Invoice>(`${API}/invoices/${id}`);
  }

  /** The printable invoice (A4 or A5 PDF), fetched with the signed-in user's token. */
  pdf(id: number, size: 'A4' | 'A5'): Observable<Blob> {
    return this.http.get(`${API}/invoices/${id}/pdf`, { params: { size }, responseType: 'blob' });
  }
}
