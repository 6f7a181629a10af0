/**
 * Document numbers: a prefix, the BE fiscal year and a running number zero-padded to a
 * width ('IV', 2569, 123) → "IV2569-000123". A number wider than the width is written in
 * full, never cut, so numbers stay unique.
 */
export function formatDocumentNumber(
  prefix: string,
  fiscalYearBE: number,
  seq: number,
  width = 6,
): string {
  if (!/^[A-Za-z0-9]*$/.test(prefix)) {
    throw new RangeError(`prefix must be letters or digits: "${prefix}"`);
  }
  if (!Number.isInteger(fiscalYearBE) || fiscalYearBE < 2400 || fiscalYearBE > 2999) {
    throw new RangeError(`fiscal year must be a Buddhist Era year: ${fiscalYearBE}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`running number must be a whole number from 1: ${seq}`);
  }
  return `${prefix}${fiscalYearBE}-${String(seq).padStart(width, '0')}`;
}
