/** Thai QR Payment bill payment (EMVCo, tag 30) and transfer-slip mini-QR (DOMAIN.md §4). */
import type { Satang } from './money.js';

export function billerId(taxId13: string, suffix2: string): string {
  void taxId13;
  void suffix2;
  throw new Error('not implemented');
}

export function thaiQrBillPayment(p: {
  billerId: string;
  ref1: string;
  ref2?: string;
  ref3?: string;
  amountSatang?: Satang;
}): string {
  void p;
  throw new Error('not implemented');
}

export function crc16(payload: string): string {
  void payload;
  throw new Error('not implemented');
}

export function parseSlipQr(text: string): { sendingBank: string; transactionRef: string } | null {
  void text;
  throw new Error('not implemented');
}
