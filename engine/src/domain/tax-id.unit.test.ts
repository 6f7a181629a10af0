import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidThaiId, maskThaiId } from './tax-id.js';

describe('isValidThaiId', () => {
  const valid: { id: string; what: string }[] = [
    { id: '0994000165501', what: 'the demo อบต. tax ID' },
    { id: '0994000451237', what: 'the demo เทศบาล tax ID' },
    { id: '1101700230708', what: 'a national ID' },
    { id: '3100600123450', what: 'a check digit of 0 ((11 − 1) mod 10)' },
    { id: '0000000000001', what: 'a check digit of 1 ((11 − 0) mod 10)' },
  ];
  for (const { id, what } of valid) {
    it(`should accept ${id} (${what})`, () => {
      assert.equal(isValidThaiId(id), true);
    });
  }

  const invalid: { id: string; why: string }[] = [
    { id: '1101700230705', why: 'wrong check digit' },
    { id: '0994000165502', why: 'wrong check digit' },
    { id: '0994000156501', why: 'two neighbouring digits swapped' },
    { id: '110170023070', why: '12 digits' },
    { id: '11017002307081', why: '14 digits' },
    { id: '', why: 'empty' },
    { id: '1-1017-00230-70-8', why: 'dashes' },
    { id: '110170023070a', why: 'a letter' },
    { id: ' 1101700230708', why: 'a leading space' },
    { id: '1101700230708\n', why: 'a trailing newline' },
    { id: '１１０１７００２３０７０８', why: 'full-width digits' },
    { id: '๑๑๐๑๗๐๐๒๓๐๗๐๘', why: 'Thai digits' },
  ];
  for (const { id, why } of invalid) {
    it(`should refuse ${JSON.stringify(id)} (${why})`, () => {
      assert.equal(isValidThaiId(id), false);
    });
  }
});

describe('maskThaiId', () => {
  it('should hide all but the last three digits, in the ID card grouping', () => {
    assert.equal(maskThaiId('1101700230708'), 'x-xxxx-xxxxx-70-8');
  });

  it('should hide everything of something that is not a 13-digit ID', () => {
    assert.equal(maskThaiId('12345'), 'xxxxx');
    assert.equal(maskThaiId('1-1017-00230-70-8'), 'xxxxxxxxxxxxxxxxx');
  });
});
