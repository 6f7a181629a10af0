import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prefixEnd, queryTerms, searchTerms } from './search-terms.js';

/** Would a query find the account, the way the repository matches (every word a prefix of a term)? */
function finds(q: string, terms: string[]): boolean {
  return queryTerms(q).every((forms) =>
    forms.some((p) => terms.some((t) => t >= p && t < prefixEnd(p))),
  );
}

describe('search terms', () => {
  const account = searchTerms({
    number: 'WW1-00012',
    name: 'นายสมชาย ใจดี',
    nameEn: 'Somchai Jaidee',
    houseNo: '12/3',
    phone: '089-123-4567',
    serials: ['SN2021-000777', 'OLD-1'],
  });

  const cases: [string, boolean][] = [
    ['สม', true],
    ['สมชาย', true],
    ['ชาย', true], // inside a word
    ['นายสมชาย', true],
    ['ใจดี', true],
    ['สมชาย ใจดี', true],
    ['สมชาย ศรีสุข', false], // every word must match
    ['somchai', true],
    ['SOMCHAI', true],
    ['WW1-00012', true],
    ['ww1-000', true],
    ['00012', true],
    ['12', true], // the running number without its zeros, and the house number
    ['12/3', true],
    ['000777', true],
    ['sn2021', true],
    ['089-123-4567', true],
    ['0891234567', true],
    ['4567', true],
    ['สมหญิง', false],
    ['ดีใจ', false],
  ];
  for (const [q, expected] of cases)
    it(`should ${expected ? '' : 'NOT '}find "นายสมชาย ใจดี" by "${q}"`, () => {
      assert.equal(finds(q, account), expected);
    });

  it('should NOT start a term at a Thai mark that cannot begin a syllable', () => {
    // "ศักดิ์": the suffixes after ศ and ก start at marks (ั, ิ, ์) and are left out
    const terms = searchTerms({ number: 'X-1', name: 'สมศักดิ์', serials: [] });
    assert.ok(terms.includes('ศักดิ์'));
    assert.ok(terms.includes('กดิ์'));
    assert.ok(!terms.some((t) => /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(t)), terms.join(' '));
  });

  it('should cut terms at 64 characters and drop nothing empty', () => {
    const terms = searchTerms({ number: 'X-1', name: 'ก'.repeat(100), serials: [''] });
    assert.ok(terms.every((t) => t.length > 0 && [...t].length <= 64));
  });
});
