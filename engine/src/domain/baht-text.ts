/**
 * An amount in Thai words, as receipts print it (DOMAIN.md §3): 10200 →
 * "หนึ่งร้อยสองบาทถ้วน", 2125 → "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์".
 *
 * Rules: 1 in the ones place is "เอ็ด" whenever the number has a higher digit (11 สิบเอ็ด,
 * 101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด, as Excel's BAHTTEXT and the Royal Institute
 * write it), else "หนึ่ง"; 1 in the tens place is "สิบ", 2 is "ยี่สิบ"; groups of six digits
 * are joined by "ล้าน".
 */
import { isSatang, type Satang } from './money.js';

const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Words for 0 … 999,999 (empty for 0); `higher`: the whole number has digits above these. */
function group(n: number, higher = false): string {
  const digits = String(n).split('').map(Number).reverse();
  let words = '';
  for (let place = digits.length - 1; place >= 0; place--) {
    const d = digits[place] ?? 0;
    if (d === 0) continue;
    if (place === 0 && d === 1 && (n > 9 || higher)) words += 'เอ็ด';
    else if (place === 1 && d === 1) words += 'สิบ';
    else if (place === 1 && d === 2) words += 'ยี่สิบ';
    else words += (DIGITS[d] ?? '') + PLACES[place];
  }
  return words;
}

/** Words for a whole number ≥ 1, six digits at a time from the millions down. */
function number(n: number): string {
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  return (millions > 0 ? `${number(millions)}ล้าน` : '') + group(rest, millions > 0);
}

/** @throws RangeError for a negative or non-integer amount. */
export function bahtText(s: Satang): string {
  if (!isSatang(s) || s < 0) {
    throw new RangeError(`bahtText needs a whole, non-negative number of satang: ${s}`);
  }
  const baht = Math.floor(s / 100);
  const satang = s % 100;
  if (baht === 0 && satang === 0) return 'ศูนย์บาทถ้วน';
  const bahtWords = baht > 0 ? `${number(baht)}บาท` : '';
  return bahtWords + (satang > 0 ? `${group(satang)}สตางค์` : 'ถ้วน');
}
