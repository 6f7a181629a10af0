/**
 * Money as integer satang (1 baht = 100 satang). Floats never hold money; intermediate
 * values may carry fractions of a satang and are rounded once, with a named rule.
 */

/** An amount in satang: always a safe integer. */
export type Satang = number;

/** How an amount is rounded: to 1 satang, to 25 satang, or to the whole baht. */
export type RoundingRule = 'satang' | 'quarter' | 'baht';

export const ROUNDING_RULES: readonly RoundingRule[] = ['satang', 'quarter', 'baht'];

export function isSatang(n: unknown): n is Satang {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

export function parseBaht(text: string): Satang {
  void text;
  throw new Error('not implemented');
}

export function formatBaht(s: Satang): string {
  void s;
  throw new Error('not implemented');
}

export function roundSatang(s: number, rule: RoundingRule): Satang {
  void s;
  void rule;
  throw new Error('not implemented');
}
