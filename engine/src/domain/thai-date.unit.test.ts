import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bangkokParts,
  buddhistYear,
  fiscalYear,
  fiscalYearRange,
  formatThaiDate,
  formatThaiDateTime,
} from './thai-date.js';

/** Midnight of a Thai calendar day, as an instant (Bangkok is UTC+7 all year). */
const bangkokMidnight = (ymd: string) => new Date(`${ymd}T00:00:00+07:00`);

describe('buddhistYear', () => {
  const cases: { at: string; expected: number; why: string }[] = [
    { at: '2026-06-15T05:00:00Z', expected: 2569, why: 'mid-year: CE + 543' },
    { at: '2024-02-29T12:00:00Z', expected: 2567, why: 'leap day' },
    {
      at: '2025-12-31T16:59:59.999Z',
      expected: 2568,
      why: 'the last millisecond of 2025 in Bangkok',
    },
    {
      at: '2025-12-31T17:00:00Z',
      expected: 2569,
      why: 'already 1 Jan 2026 in Bangkok while still 2025 in UTC',
    },
  ];
  for (const { at, expected, why } of cases) {
    it(`should give ${expected} for ${at} (${why})`, () => {
      assert.equal(buddhistYear(new Date(at)), expected);
    });
  }
});

describe('fiscalYear', () => {
  const cases: { at: string; expected: number; why: string }[] = [
    {
      at: '2025-09-30T16:59:59.999Z',
      expected: 2568,
      why: 'the last moment of fiscal 2568 in Bangkok',
    },
    {
      at: '2025-09-30T17:00:00Z',
      expected: 2569,
      why: '1 Oct 2025 00:00 in Bangkok opens fiscal 2569',
    },
    {
      at: '2026-01-15T03:00:00Z',
      expected: 2569,
      why: 'January belongs to the fiscal year ending that September',
    },
    { at: '2026-09-30T05:00:00Z', expected: 2569, why: '30 Sep 2026 closes fiscal 2569' },
    { at: '2026-10-01T05:00:00Z', expected: 2570, why: '1 Oct 2026 opens fiscal 2570' },
    {
      at: '2026-09-30T17:30:00Z',
      expected: 2570,
      why: 'still 30 Sep in UTC but already 1 Oct in Bangkok',
    },
    {
      at: '2026-12-31T23:00:00Z',
      expected: 2570,
      why: 'the new calendar year in Bangkok does not change the fiscal year',
    },
  ];
  for (const { at, expected, why } of cases) {
    it(`should give ${expected} for ${at} (${why})`, () => {
      assert.equal(fiscalYear(new Date(at)), expected);
    });
  }
});

describe('fiscalYearRange', () => {
  const cases = [
    { fy: 2569, from: '2025-10-01', to: '2026-09-30' },
    { fy: 2570, from: '2026-10-01', to: '2027-09-30' },
    { fy: 2567, from: '2023-10-01', to: '2024-09-30' },
  ];
  for (const { fy, from, to } of cases) {
    it(`should run fiscal ${fy} from ${from} to ${to}`, () => {
      assert.deepEqual(fiscalYearRange(fy), { from, to });
    });

    it(`should agree with fiscalYear at both ends of fiscal ${fy} and just outside them`, () => {
      // given
      const first = bangkokMidnight(from);
      const last = new Date(bangkokMidnight(to).getTime() + 24 * 3600_000 - 1);

      // then
      assert.equal(fiscalYear(first), fy);
      assert.equal(fiscalYear(last), fy);
      assert.equal(fiscalYear(new Date(first.getTime() - 1)), fy - 1);
      assert.equal(fiscalYear(new Date(last.getTime() + 1)), fy + 1);
    });
  }
});

describe('bangkokParts', () => {
  it('should give the calendar day in Bangkok, not in UTC', () => {
    assert.deepEqual(bangkokParts(new Date('2026-09-30T17:30:00Z')), {
      year: 2026,
      month: 10,
      day: 1,
    });
    assert.deepEqual(bangkokParts(new Date('2026-09-30T16:59:00Z')), {
      year: 2026,
      month: 9,
      day: 30,
    });
  });
});

describe('formatThaiDate', () => {
  const date = new Date('2026-11-28T03:00:00Z');

  it('should write a 2026 date with the Buddhist year 2569 and a Thai month', () => {
    assert.equal(formatThaiDate(date), '28 พ.ย. 2569');
    assert.equal(formatThaiDate(date, 'th', 'long'), '28 พฤศจิกายน 2569');
  });

  it('should keep the Buddhist year in English too', () => {
    // when
    const text = formatThaiDate(date, 'en');

    // then
    assert.match(text, /^28 Nov 2569/);
    assert.doesNotMatch(text, /2026/);
  });

  it('should show the Bangkok calendar day for an instant that is still the day before in UTC', () => {
    assert.equal(formatThaiDate(new Date('2026-12-31T17:30:00Z')), '1 ม.ค. 2570');
  });
});

describe('formatThaiDateTime', () => {
  it('should give Bangkok time on a 24-hour clock', () => {
    // given 15:30 UTC is 22:30 in Bangkok
    const date = new Date('2026-11-28T15:30:00Z');

    // then
    assert.equal(formatThaiDateTime(date), '28 พ.ย. 2569 22:30');
    assert.match(formatThaiDateTime(date, 'en'), /2569.*22:30/);
  });
});
