/** Dates of billing documents: Thai calendar days as 'YYYY-MM-DD'. */
import { bangkokParts, fiscalYear } from '../../domain/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day in Thailand at an instant. */
export function thaiDay(at: Date): string {
  const p = bangkokParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The BE fiscal year a Thai calendar day falls in. */
export function fiscalYearOf(day: string): number {
  return fiscalYear(new Date(`${day}T12:00:00+07:00`));
}

/** The billing period ('YYYY-MM') of a Thai calendar day. */
export function periodOf(day: string): string {
  return day.slice(0, 7);
}
