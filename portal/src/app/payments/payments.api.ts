import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API, type InvoiceSummary } from '@prapa/ui';
import { map, type Observable } from 'rxjs';
import type {
  BankFileImport,
  BankFileLine,
  BankFileRow,
  BankLayoutInfo,
  BankLine,
  BankLineStatus,
  CashierSession,
  CounterMethod,
  Listed,
  Paid,
  Receipt,
  ReceiptRegister,
  SessionStatus,
  SessionWithSummary,
  Slip,
  VoidRequest,
} from './payments.types';

/** Query parameters without the empty ones. */
function params(query: Readonly<Record<string, string | number | null | undefined>>): HttpParams {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') out[key] = String(value);
  }
  return new HttpParams({ fromObject: out });
}

/** An open invoice as the counter needs it (GET /invoices adds its balance). */
export interface OpenInvoice extends InvoiceSummary {
  readonly balanceSatang: number;
  readonly billerId?: string;
}

/** The counter, receipts, cashier days, voids, bank files and slips. */
@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  // the counter
  openInvoices(accountId: number): Observable<readonly OpenInvoice[]> {
    return this.http
      .get<Listed<OpenInvoice>>(`${API}/invoices`, {
        params: params({ account: accountId, status: 'open', limit: 100 }),
      })
      .pipe(map((r) => r.items));
  }

  /** Takes a payment; the key makes a retried request post it once. */
  pay(
    body: { accountId: number; invoiceIds: number[]; amountSatang: number; method: CounterMethod },
    idempotencyKey: string,
  ): Observable<Paid> {
    return this.http.post<Paid>(`${API}/payments`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  // cashier days
  /** The caller's open day, or null when none is open (204). */
  currentSession(): Observable<SessionWithSummary | null> {
    return this.http
      .get<SessionWithSummary>(`${API}/cashier-sessions/current`, { observe: 'response' })
      .pipe(map((r: HttpResponse<SessionWithSummary>) => (r.status === 204 ? null : r.body)));
  }

  openSession(openingFloatSatang: number): Observable<CashierSession> {
    return this.http.post<CashierSession>(`${API}/cashier-sessions`, { openingFloatSatang });
  }

  sessions(q: { status?: SessionStatus | null; limit?: number; offset?: number }) {
    return this.http.get<Listed<CashierSession>>(`${API}/cashier-sessions`, { params: params(q) });
  }

  session(id: number): Observable<SessionWithSummary> {
    return this.http.get<SessionWithSummary>(`${API}/cashier-sessions/${id}`);
  }

  closeSession(id: number, countedCashSatang: number, note: string | null) {
    return this.http.post<CashierSession>(`${API}/cashier-sessions/${id}/close`, {
      countedCashSatang,
      ...(note ? { note } : {}),
    });
  }

  approveSession(id: number): Observable<CashierSession> {
    return this.http.post<CashierSession>(`${API}/cashier-sessions/${id}/approve`, {});
  }

  // receipts and voids
  receipt(id: number): Observable<Receipt> {
    return this.http.get<Receipt>(`${API}/receipts/${id}`);
  }

  receiptPdf(id: number): Observable<Blob> {
    return this.http.get(`${API}/receipts/${id}/pdf`, {
      params: { size: 'A5' },
      responseType: 'blob',
    });
  }

  register(q: {
    fiscalYear?: number | null;
    from?: string | null;
    to?: string | null;
    status?: 'valid' | 'void' | null;
    limit?: number;
    offset?: number;
  }): Observable<ReceiptRegister> {
    return this.http.get<ReceiptRegister>(`${API}/receipts`, { params: params(q) });
  }

  requestVoid(receiptId: number, reason: string): Observable<VoidRequest> {
    return this.http.post<VoidRequest>(`${API}/receipts/${receiptId}/void-requests`, { reason });
  }

  voidRequests(status: VoidRequest['status'] | null): Observable<Listed<VoidRequest>> {
    return this.http.get<Listed<VoidRequest>>(`${API}/void-requests`, {
      params: params({ status }),
    });
  }

  approveVoid(id: number, note: string | null): Observable<VoidRequest> {
    return this.http.post<VoidRequest>(`${API}/void-requests/${id}/approve`, note ? { note } : {});
  }

  rejectVoid(id: number, note: string): Observable<VoidRequest> {
    return this.http.post<VoidRequest>(`${API}/void-requests/${id}/reject`, { note });
  }

  // bank files
  bankLayouts(): Observable<readonly BankLayoutInfo[]> {
    return this.http.get<readonly BankLayoutInfo[]>(`${API}/bank-layouts`);
  }

  /** Imports a bank's daily file: the raw bytes are the body. */
  importBankFile(bank: string, file: Blob, fileName: string): Observable<BankFileImport> {
    return this.http.post<BankFileImport>(`${API}/bank-files`, file, {
      params: params({ bank, fileName }),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  }

  bankFiles(): Observable<Listed<BankFileRow>> {
    return this.http.get<Listed<BankFileRow>>(`${API}/bank-files`, {
      params: params({ limit: 50 }),
    });
  }

  /** The lines of an imported file as the bank sent them, each with what became of it. */
  bankFileLines(id: number, offset: number, limit: number): Observable<Listed<BankFileLine>> {
    return this.http.get<Listed<BankFileLine>>(`${API}/bank-files/${id}/lines`, {
      params: params({ offset, limit }),
    });
  }

  bankLines(status: BankLineStatus | null): Observable<Listed<BankLine>> {
    return this.http.get<Listed<BankLine>>(`${API}/bank-lines`, {
      params: params({ status, limit: 200 }),
    });
  }

  matchBankLine(id: number, body: { accountId: number; invoiceIds?: number[]; note?: string }) {
    return this.http.post<{ line: BankLine; receipt: Receipt }>(
      `${API}/bank-lines/${id}/match`,
      body,
    );
  }

  dismissBankLine(id: number, reason: string): Observable<BankLine> {
    return this.http.post<BankLine>(`${API}/bank-lines/${id}/dismiss`, { reason });
  }

  // slips
  slips(status: Slip['status'] | null): Observable<Listed<Slip>> {
    return this.http.get<Listed<Slip>>(`${API}/slips`, { params: params({ status, limit: 50 }) });
  }

  slipImage(id: number): Observable<Blob> {
    return this.http.get(`${API}/slips/${id}/image`, { responseType: 'blob' });
  }

  /** A slip staff received elsewhere (LINE): the image is the body. */
  submitSlip(accountId: number, amountSatang: number, image: File): Observable<Slip> {
    return this.http.post<Slip>(`${API}/slips`, image, {
      params: params({ accountId, amountSatang, channel: 'line' }),
      headers: { 'Content-Type': image.type || 'application/octet-stream' },
    });
  }

  acceptSlip(id: number): Observable<{ slip: Slip; receipt: Receipt }> {
    return this.http.post<{ slip: Slip; receipt: Receipt }>(`${API}/slips/${id}/accept`, {});
  }

  rejectSlip(id: number, reason: string): Observable<Slip> {
    return this.http.post<Slip>(`${API}/slips/${id}/reject`, { reason });
  }
}
