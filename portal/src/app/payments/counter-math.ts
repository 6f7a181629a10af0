import { parseBaht } from '@prapa/domain/common';
import type { CounterMethod } from './payments.types';

/** Baht as typed ("1,234.50") in satang; null when it is not a positive-or-zero amount. */
export function satangFromBaht(text: string): number | null {
  try {
    const s = parseBaht(text);
    return s >= 0 ? s : null;
  } catch {
    return null;
  }
}

/** Satang as the baht a form field shows: 123450 → "1234.50". */
export function bahtField(satang: number): string {
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
}

/** What the cashier has chosen and counted. */
export interface CounterInput {
  /** The sum of the chosen invoices' balances. */
  readonly dueSatang: number;
  /** What the payer handed over; null when the field does not hold an amount. */
  readonly receivedSatang: number | null;
  readonly method: CounterMethod;
  /** The cashier ticked "keep the excess as credit". */
  readonly keepCredit: boolean;
}

/** What the counter posts and gives back, or why it cannot post. */
export type CounterPlan =
  | {
      readonly ok: true;
      /** The amount posted (and printed on the receipt). */
      readonly postSatang: number;
      /** Cash handed back to the payer. */
      readonly changeSatang: number;
      /** What stays on the account as credit. */
      readonly creditSatang: number;
      /** Less than is due: the oldest invoices are paid first, the rest stays open. */
      readonly partial: boolean;
    }
  | { readonly ok: false; readonly reason: 'amount' | 'nothing' | 'excess' };

/**
 * The counter's arithmetic: only what is due is posted and the rest is change, unless the
 * cashier keeps the excess as credit. A transfer or cheque has no change to give: its
 * excess must be kept as credit.
 */
export function counterPlan(input: CounterInput): CounterPlan {
  const { dueSatang, receivedSatang, method, keepCredit } = input;
  if (receivedSatang === null || receivedSatang <= 0) return { ok: false, reason: 'amount' };
  if (dueSatang <= 0 && !keepCredit) return { ok: false, reason: 'nothing' };
  const excess = Math.max(0, receivedSatang - dueSatang);
  if (excess > 0 && !keepCredit && method !== 'cash') return { ok: false, reason: 'excess' };
  return {
    ok: true,
    postSatang: keepCredit ? receivedSatang : Math.min(receivedSatang, dueSatang),
    changeSatang: keepCredit ? 0 : excess,
    creditSatang: keepCredit ? excess : 0,
    partial: receivedSatang < dueSatang,
  };
}

/** Open invoices oldest first (period, then issue date, then number). */
export function oldestFirst<
  T extends { readonly period: string | null; readonly issueDate: string; readonly id: number },
>(invoices: readonly T[]): T[] {
  return [...invoices].sort(
    (a, b) =>
      (a.period ?? '').localeCompare(b.period ?? '') ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.id - b.id,
  );
}

/** A fresh RFC 4122 version 4 id for one attempt to pay (crypto.randomUUID needs https). */
export function newIdempotencyKey(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The counted cash's difference from what the day should hold (+ over, − short). */
export function cashDifference(
  openingFloatSatang: number,
  cashTakenSatang: number,
  countedSatang: number | null,
): number | null {
  return countedSatang === null ? null : countedSatang - (openingFloatSatang + cashTakenSatang);
}
