/**
 * Bank of Thailand bill-payment barcode payload (Code 128), DOMAIN.md §4:
 * "|" + 15-digit biller ID + CR + ref1 + CR + ref2 + CR + amount in satang (0 = the cashier
 * keys the amount).
 */
import { isSatang, type Satang } from './money.js';

export function bankBarcodePayload(p: {
  billerId: string;
  ref1: string;
  ref2: string;
  amountSatang: Satang | 0;
}): string {
  if (!/^\d{15}$/.test(p.billerId)) {
    throw new RangeError(`biller ID must be 15 digits: "${p.billerId}"`);
  }
  for (const [name, ref] of [
    ['ref1', p.ref1],
    ['ref2', p.ref2],
  ] as const) {
    if (!/^[\x20-\x7b\x7d\x7e]{1,20}$/.test(ref)) {
      throw new RangeError(`${name} must be 1 to 20 printable characters, no "|": "${ref}"`);
    }
  }
  if (!isSatang(p.amountSatang) || p.amountSatang < 0) {
    throw new RangeError(
      `amount must be a whole, non-negative number of satang: ${p.amountSatang}`,
    );
  }
  return `|${p.billerId}\r${p.ref1}\r${p.ref2}\r${p.amountSatang}`;
}
