/**
 * What a receipt (ใบเสร็จรับเงิน) shows: everything its PDF (A5/A4) and the handheld's 58 mm
 * slip print, already resolved by the payments module (DOMAIN.md §3). Rendering is pure:
 * no database, no clock — the same receipt renders to the same bytes.
 */
import type { BilingualText, DocumentLang, SlipRow } from '../../billing/documents/index.js';

/** How the money came in: at the counter, by transfer, through a bank, by slip, by cheque. */
export type ReceiptMethod = 'cash' | 'transfer' | 'bank' | 'slip' | 'cheque';

/** One thing paid for, usually one invoice. */
export interface ReceiptItem {
  label: BilingualText;
  invoiceNumber: string | null;
  /** 'YYYY-MM', the billing period of the invoice, or null */
  period: string | null;
  amountSatang: number;
}

export interface ReceiptDocument {
  tenant: { name: string; address: string; taxId: string; phone: string | null };
  /** เล่มที่ */
  book: number;
  /** เลขที่: the running number in the fiscal year */
  number: number;
  /** e.g. 'RC2569-000245' */
  documentNumber: string;
  /** Buddhist Era, e.g. 2569 */
  fiscalYear: number;
  /** ISO instant; printed as the Thai local date and time with the BE year */
  issuedAt: string;
  payer: { name: string; accountNumber: string | null; address: string | null };
  method: ReceiptMethod;
  items: ReceiptItem[];
  /** the amount received */
  totalSatang: number;
  /** the part of the total kept as credit for the next invoice (overpayment); 0 if none */
  creditSatang: number;
  /** the cashier's display name */
  receivedBy: string;
  /** a cancelled receipt keeps its number and is printed void; `at` is an ISO instant */
  void: { reason: string; at: string } | null;
}

export interface ReceiptPdfOptions {
  size: 'A5' | 'A4';
  lang?: DocumentLang;
}

export interface ReceiptSlipLayout {
  widthChars: 32;
  rows: SlipRow[];
}
