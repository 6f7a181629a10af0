import { Pipe, type PipeTransform } from '@angular/core';
import { formatBaht, type Satang } from '@prapa/domain/common';

/**
 * An amount in satang shown in baht, two decimals, Thai grouping:
 * `{{ 123450 | baht }}` → "1,234.50"; `{{ 123450 | baht: 'symbol' }}` → "฿1,234.50".
 * Null or undefined shows nothing. The arithmetic is @prapa/domain's, never a float.
 */
@Pipe({ name: 'baht' })
export class BahtPipe implements PipeTransform {
  transform(value: Satang | null | undefined, style: 'plain' | 'symbol' = 'plain'): string {
    if (value === null || value === undefined) return '';
    const text = formatBaht(value);
    if (style === 'plain') return text;
    return text.startsWith('-') ? `-฿${text.slice(1)}` : `฿${text}`;
  }
}

/**
 * A rate in satang per m³ (maybe fractional) shown as baht per m³, two to four decimals:
 * `{{ 1020 | rate }}` → "10.20", `{{ 850.5 | rate }}` → "8.505".
 */
@Pipe({ name: 'rate' })
export class RatePipe implements PipeTransform {
  transform(satangPerM3: number | null | undefined): string {
    return satangPerM3 === null || satangPerM3 === undefined ? '' : rateText(satangPerM3);
  }
}

/** Baht per m³ from satang per m³: 1020 → "10.20", 850.5 → "8.505", 15 → "0.15". */
export function rateText(satangPerM3: number): string {
  const tenThousandths = Math.round(satangPerM3 * 100);
  const whole = Math.trunc(tenThousandths / 10_000);
  const fraction = String(Math.abs(tenThousandths % 10_000))
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
