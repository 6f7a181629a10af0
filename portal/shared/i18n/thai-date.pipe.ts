import { Pipe, inject, type PipeTransform } from '@angular/core';
import {
  formatThaiDate,
  formatThaiDateTime,
  type DateStyle,
  type Lang,
} from '@prapa/domain/common';
import { LanguageService } from './language.service';

export type ThaiDateStyle = DateStyle | 'datetime';

/**
 * A date with its Buddhist Era year, in Bangkok time, in the current language:
 * `{{ invoice.issuedAt | thaiDate }}` → "28 พ.ย. 2569"; `| thaiDate: 'full'` →
 * "วันเสาร์ที่ 28 พฤศจิกายน พ.ศ. 2569"; `| thaiDate: 'datetime'` adds the time.
 * Impure so a language switch re-renders it; the last answer is memoised.
 */
@Pipe({ name: 'thaiDate', pure: false })
export class ThaiDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);
  private last: { key: string; text: string } | null = null;

  transform(value: Date | string | number | null | undefined, style: ThaiDateStyle = 'medium') {
    if (value === null || value === undefined || value === '') return '';
    const date = value instanceof Date ? value : new Date(value);
    const time = date.getTime();
    if (Number.isNaN(time)) return '';
    const lang: Lang = this.language.lang();
    const key = `${time}|${lang}|${style}`;
    if (this.last?.key !== key) {
      const text =
        style === 'datetime' ? formatThaiDateTime(date, lang) : formatThaiDate(date, lang, style);
      this.last = { key, text };
    }
    return this.last.text;
  }
}
