/**
 * The writer's character encoding and the file's date and time fields, shared by the
 * parser and the writer.
 */
import iconv from 'iconv-lite';
import type { BankLayout } from './bank-layout.js';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, b) => b));

const encoders = new Map<string, Uint8Array>();

/**
 * A character → byte table for the layout's encoding, from iconv-lite's own table: what
 * the encoding lacks becomes "?", control characters become spaces (so a name with a line
 * break cannot break a record). A table lookup per character keeps 50,000-line files fast.
 */
export function encoderFor(layout: BankLayout): Uint8Array {
  const encoding = layout.encoding === 'tis-620' ? 'tis620' : 'windows-874';
  let table = encoders.get(encoding);
  if (!table) {
    table = new Uint8Array(0x10000).fill(0x3f);
    const chars = iconv.decode(ALL_BYTES, encoding);
    for (let b = 0; b < 256; b++) {
      const c = chars.charCodeAt(b);
      if (c !== 0xfffd) table[c] = b < 0x20 || b === 0x7f ? 0x20 : b;
    }
    encoders.set(encoding, table);
  }
  return table;
}

const BE_OFFSET = 543;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** DDMMYYYY (the layout's calendar) as 'YYYY-MM-DD' (Gregorian), or undefined if no such day. */
export function readDate(field: string, layout: BankLayout): string | undefined {
  if (!/^\d{8}$/.test(field)) return undefined;
  const day = Number(field.slice(0, 2));
  const month = Number(field.slice(2, 4));
  const year = Number(field.slice(4, 8)) - (layout.calendar === 'buddhist' ? BE_OFFSET : 0);
  // A Buddhist-era year read as Gregorian (2569) is out of range, not a date 543 years ahead.
  if (year < 1900 || year >= 2400 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return undefined;
  return `${year}-${field.slice(2, 4)}-${field.slice(0, 2)}`;
}

/** HHMMSS as 'HH:MM:SS', or undefined if no such time of day. */
export function readTime(field: string): string | undefined {
  if (!/^\d{6}$/.test(field)) return undefined;
  const hh = field.slice(0, 2);
  const mm = field.slice(2, 4);
  const ss = field.slice(4, 6);
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return `${hh}:${mm}:${ss}`;
}

/** 'YYYY-MM-DD' as DDMMYYYY in the layout's calendar. */
export function writeDate(isoDate: string, layout: BankLayout): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${isoDate}"`);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y) + (layout.calendar === 'buddhist' ? BE_OFFSET : 0);
  return `${d}${mo}${year}`;
}

/** 'HH:MM:SS' (or 'HH:MM') as HHMMSS. */
export function writeTime(time: string): string {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new RangeError(`not an HH:MM:SS time: "${time}"`);
  return `${m[1]}${m[2]}${m[3] ?? '00'}`;
}

/** A moment as Bangkok's local date and time (UTC+7, no daylight saving). */
export function bangkokDateTime(at: Date | string): { date: string; time: string } {
  const ms = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date and time: "${String(at)}"`);
  const iso = new Date(ms + 7 * 3600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}
