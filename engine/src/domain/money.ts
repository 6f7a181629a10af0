/**
 * Money as integer satang (1 baht = 100 satang). Floats never hold money; intermediate
 * values may carry fractions of a satang and are rounded once, with a named rule.
 */

/** An amount in satang: always a safe integer. */
export type Satang = number;

/** How an amount is rounded: to 1 satang, to 25 satang, or to the whole baht. */
export type RoundingRule = 'satang' | 'quarter' | 'baht';

export const ROUNDING_RULES: readonly RoundingRule[] = ['satang', 'quarter', 'baht'];

/** The step, in satang, each rounding rule rounds to. */
export const ROUNDING_STEP: Readonly<Record<RoundingRule, number>> = {
  satang: 1,
  quarter: 25,
  baht: 100,
};

export function isSatang(n: unknown): n is Satang {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

const BAHT_TEXT = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Baht as people type it into satang: "10.20" → 1020, "1,234.5" → 123450, "-5" → -500.
 * Commas must group thousands; at most two decimals.
 * @throws RangeError on anything else (empty, letters, "1.234", "1,23", too large).
 */
export function parseBaht(text: string): Satang {
  const m = BAHT_TEXT.exec(text.trim());
  if (!m) throw new RangeError(`not an amount in baht: "${text}"`);
  const [, minus, whole = '', fraction = ''] = m;
  const satang = Number(whole.replaceAll(',', '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(satang)) throw new RangeError(`amount too large: "${text}"`);
  return minus && satang !== 0 ? -satang : satang;
}

/** Satang as baht with thousands separators and two decimals: 123450 → "1,234.50". */
export function formatBaht(s: Satang): string {
  if (!isSatang(s)) throw new RangeError(`not a whole number of satang: ${s}`);
  const abs = Math.abs(s);
  const baht = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const satang = String(abs % 100).padStart(2, '0');
  return `${s < 0 ? '-' : ''}${baht}.${satang}`;
}

/**
 * Rounds an amount in (possibly fractional) satang to the rule's step, half away from zero:
 * 12.5 → 13 ('satang'), 1012 → 1000 and 1013 → 1025 ('quarter'), 150 → 200 ('baht').
 * Binary noise below a millionth of a satang (e.g. 0.1 + 0.2) is ignored before rounding.
 */
export function roundSatang(s: number, rule: RoundingRule): Satang {
  const step = ROUNDING_STEP[rule];
  if (step === undefined) throw new RangeError(`unknown rounding rule: ${String(rule)}`);
  if (!Number.isFinite(s)) throw new RangeError(`not a finite amount: ${s}`);
  const clean = Math.round(Math.abs(s) * 1e6) / 1e6;
  const rounded = Math.floor(clean / step + 0.5) * step;
  const result = s < 0 ? -rounded : rounded;
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount too large: ${s}`);
  return result === 0 ? 0 : result;
}

/**
 * a × b ÷ c in exact integer arithmetic, rounded half away from zero: for percentages of
 * money (VAT, penalties in basis points) without floating-point error.
 */
export function mulDivRound(a: number, b: number, c: number): Satang {
  if (![a, b, c].every(Number.isSafeInteger) || c === 0) {
    throw new RangeError(`mulDivRound needs integers and a non-zero divisor: ${a}, ${b}, ${c}`);
  }
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(negative ? -q : q);
}
