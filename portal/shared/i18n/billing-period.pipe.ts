import { Pipe, inject, type PipeTransform } from '@angular/core';
import { BANGKOK, bangkokParts } from '@prapa/domain/common';
import { LanguageService } from './language.service';

/**
 * A billing period ('YYYY-MM') as its month and Buddhist Era year, in the current language:
 * `{{ '2026-11' | billingPeriod }}` → "พฤศจิกายน 2569"; `| billingPeriod: 'short'` → "พ.ย. 2569";
 * English: "November 2569 BE". Anything else is shown as it is.
 */
@Pipe({ name: 'billingPeriod', pure: false })
export class BillingPeriodPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(period: string | null | undefined, style: 'long' | 'short' = 'long'): string {
    if (!period) return '';
    return formatBillingPeriod(period, this.language.lang(), style);
  }
}

export function formatBillingPeriod(
  period: string,
  lang: 'th' | 'en',
  style: 'long' | 'short' = 'long',
): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) return period;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, {
    month: style,
    year: 'numeric',
    timeZone: BANGKOK,
  }).format(date);
}

/** The billing period a date falls in, in Thailand: 'YYYY-MM'. */
export function periodOf(date: Date): string {
  const { year, month } = bangkokParts(date);
  return `${year}-${String(month).padStart(2, '0')}`;
}
