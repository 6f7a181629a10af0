import { TestBed } from '@angular/core/testing';
import { providePrapaTesting } from '../testing/prapa-testing';
import { LanguageService } from './language.service';
import { ThaiDatePipe } from './thai-date.pipe';

describe('ThaiDatePipe', () => {
  // 28 Nov 2026, 23:30 in Bangkok (16:30 UTC): BE 2569
  const instant = '2026-11-28T16:30:00Z';

  function pipe() {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: providePrapaTesting() });
    return TestBed.runInInjectionContext(() => new ThaiDatePipe());
  }

  it('should write the Buddhist Era year in Thai', () => {
    expect(pipe().transform(instant, 'long')).toBe('28 พฤศจิกายน 2569');
  });

  it('should write the full Thai date with the weekday', () => {
    expect(pipe().transform(instant, 'full')).toContain('วันเสาร์ที่ 28 พฤศจิกายน');
  });

  it('should follow the language', () => {
    // given
    const p = pipe();
    // when
    TestBed.inject(LanguageService).use('en');
    // then
    expect(p.transform(instant, 'medium')).toBe('28 Nov 2569 BE');
  });

  it('should show nothing for no date or a broken one', () => {
    const p = pipe();
    expect(p.transform(null)).toBe('');
    expect(p.transform('not a date')).toBe('');
  });
});
