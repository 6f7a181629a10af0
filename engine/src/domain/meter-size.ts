/** Water meter sizes, in inches, smallest first (DOMAIN.md §1, MWA's service-fee table). */
export const METER_SIZES = [
  '1/2',
  '3/4',
  '1',
  '1 1/2',
  '2',
  '3',
  '4',
  '6',
  '8',
  '12',
  '16',
] as const;

export type MeterSize = (typeof METER_SIZES)[number];

export function isMeterSize(s: unknown): s is MeterSize {
  return (METER_SIZES as readonly unknown[]).includes(s);
}
