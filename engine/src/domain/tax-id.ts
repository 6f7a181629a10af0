/**
 * Thai 13-digit identification numbers (national ID and juristic/tax ID) end in a
 * check digit: (11 − Σ dᵢ·(14 − i) mod 11) mod 10 over the first twelve digits.
 */
export function isValidThaiId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/** Shows only the last four digits of a national ID: "x-xxxx-xxxxx-12-3". */
export function maskThaiId(id: string): string {
  if (!/^\d{13}$/.test(id)) return 'x'.repeat(id.length);
  return `x-xxxx-xxxxx-${id.slice(10, 12)}-${id[12]}`;
}
