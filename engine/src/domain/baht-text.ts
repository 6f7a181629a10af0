/** An amount in Thai words, as receipts print it (DOMAIN.md §3). */
import type { Satang } from './money.js';

export function bahtText(s: Satang): string {
  void s;
  throw new Error('not implemented');
}
