/**
 * Account-number schemes. A tenant's scheme is a pattern with placeholders:
 *   {works}   the waterworks code (WW1)
 *   {moo}     the village's หมู่ number, two digits (03), or 00 without a village
 *   {seq:N}   the running number, N digits zero-padded (exactly one, required)
 * The default `{works}-{seq:5}` makes "WW1-00001". Running numbers count per prefix,
 * the pattern with everything but the running number filled in ("WW1-#####").
 */

export const DEFAULT_ACCOUNT_NUMBER_FORMAT = '{works}-{seq:5}';

const SEQ = /\{seq:([1-9])\}/;
const PLACEHOLDER = /\{(works|moo|seq:[1-9])\}/g;

export interface NumberParts {
  works: string;
  moo: number | null;
}

/** Why a scheme is unusable, or null when it is fine. */
export function formatProblem(format: string): string | null {
  const seqs = format.match(/\{seq:[1-9]\}/g) ?? [];
  if (seqs.length !== 1) return 'exactly one {seq:N} (N = 1–9)';
  const rest = format.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) return 'only {works}, {moo} and {seq:N} placeholders';
  if (!/^[A-Za-z0-9/_.-]*$/.test(rest))
    return 'only letters, digits and - / _ . between placeholders';
  return null;
}

/** The series key: the pattern filled in but for the running number (`WW1-#####`). */
export function seriesPrefix(format: string, parts: NumberParts): string {
  return format
    .replace('{works}', parts.works)
    .replace('{moo}', String(parts.moo ?? 0).padStart(2, '0'))
    .replace(SEQ, (_m, n: string) => '#'.repeat(Number(n)));
}

/** The account number for a running number under a prefix from seriesPrefix(). */
export function numberFromPrefix(prefix: string, seq: number): string {
  return prefix.replace(/#+/, (hashes) => String(seq).padStart(hashes.length, '0'));
}

/** The running number in `number` if it was made under `prefix`, else null. */
export function seqInNumber(prefix: string, number: string): number | null {
  const hashes = /#+/.exec(prefix);
  if (!hashes) return null;
  const before = prefix.slice(0, hashes.index);
  const after = prefix.slice(hashes.index + hashes[0].length);
  const digits = number.slice(before.length, number.length - after.length);
  if (!number.startsWith(before) || !number.endsWith(after)) return null;
  if (!new RegExp(`^\\d{${hashes[0].length},9}$`).test(digits)) return null;
  return Number(digits);
}
