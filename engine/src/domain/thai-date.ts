/**
 * Thai calendar helpers: Buddhist Era years and the Thai government fiscal year
 * (1 October – 30 September, named by the BE year in which it ends).
 *
 * Pure: every function takes the date it works on; nothing reads the clock.
 */

/** Buddhist Era = Common Era + 543. */
export const BE_OFFSET = 543;

export type Lang = 'th' | 'en';

/** The Buddhist Era year of a date, in Thailand's time zone. */
export function buddhistYear(date: Date): number {
  return bangkokParts(date).year + BE_OFFSET;
}

/**
 * The Thai fiscal year (ปีงบประมาณ) a date falls in, as a BE year:
 * 1 Oct 2025 – 30 Sep 2026 is fiscal year 2569.
 */
export function fiscalYear(date: Date): number {
  const { year, month } = bangkokParts(date);
  return (month >= 10 ? year + 1 : year) + BE_OFFSET;
}

/** First and last calendar day (YYYY-MM-DD, Thai local dates) of a BE fiscal year. */
export function fiscalYearRange(fiscalYearBE: number): { from: string; to: string } {
  const endCE = fiscalYearBE - BE_OFFSET;
  return { from: `${endCE - 1}-10-01`, to: `${endCE}-09-30` };
}

export type DateStyle = 'short' | 'medium' | 'long' | 'full';

/**
 * A date as Thai people read it: Buddhist Era year, Bangkok time zone.
 * th: "28 พ.ย. 2569" (medium) / "28 พฤศจิกายน 2569" (long);
 * en: "28 Nov 2569 BE" (medium).
 */
export function formatThaiDate(date: Date, lang: Lang = 'th', style: DateStyle = 'medium'): string {
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: BANGKOK }).format(date);
}

/** A date and time with the BE year, Bangkok time zone, 24-hour clock. */
export function formatThaiDateTime(date: Date, lang: Lang = 'th'): string {
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: BANGKOK,
  }).format(date);
}

export const BANGKOK = 'Asia/Bangkok';

/** Calendar parts of an instant in Thailand (UTC+7, no daylight saving). */
export function bangkokParts(date: Date): { year: number; month: number; day: number } {
  const shifted = new Date(date.getTime() + 7 * 3600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}
