/** Bank of Thailand bill-payment barcode payload (Code 128), DOMAIN.md §4. */
import type { Satang } from './money.js';

export function bankBarcodePayload(p: {
  billerId: string;
  ref1: string;
  ref2: string;
  amountSatang: Satang | 0;
}): string {
  void p;
  throw new Error('not implemented');
}
