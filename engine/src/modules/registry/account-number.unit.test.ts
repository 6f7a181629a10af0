import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem, numberFromPrefix, seqInNumber, seriesPrefix } from './account-number.js';

describe('account-number schemes', () => {
  const cases: [string, { works: string; moo: number | null }, number, string][] = [
    ['{works}-{seq:5}', { works: 'WW1', moo: 3 }, 1, 'WW1-00001'],
    ['{works}-{seq:5}', { works: 'WW1', moo: 3 }, 123456, 'WW1-123456'],
    ['{works}/{moo}/{seq:4}', { works: 'TC1', moo: 2 }, 17, 'TC1/02/0017'],
    ['{moo}{seq:3}', { works: 'TC1', moo: null }, 5, '00005'],
    ['P{seq:6}', { works: 'WW2', moo: 1 }, 42, 'P000042'],
  ];
  for (const [format, parts, seq, number] of cases)
    it(`should make ${number} from ${format} and read ${seq} back`, () => {
      const prefix = seriesPrefix(format, parts);
      assert.equal(numberFromPrefix(prefix, seq), number);
      assert.equal(seqInNumber(prefix, number), seq);
    });

  it('should NOT read a running number from another prefix or from letters', () => {
    const prefix = seriesPrefix('{works}-{seq:5}', { works: 'WW1', moo: null });
    assert.equal(seqInNumber(prefix, 'WW2-00001'), null);
    assert.equal(seqInNumber(prefix, 'WW1-0001'), null);
    assert.equal(seqInNumber(prefix, 'WW1-00A01'), null);
  });

  const bad: [string, RegExp][] = [
    ['{works}-', /seq/],
    ['{seq:5}{seq:2}', /seq/],
    ['{works}-{year}-{seq:4}', /placeholders/],
    ['{works} {seq:4}', /letters/],
  ];
  for (const [format, why] of bad)
    it(`should refuse the scheme ${format}`, () => assert.match(formatProblem(format) ?? '', why));

  it('should accept the default scheme', () =>
    assert.equal(formatProblem('{works}-{seq:5}'), null));
});
