/**
 * FEEL, the only expression language of a diagram: what counts as FEEL, which
 * expressions are refused at deploy, and what the engine gets back when it evaluates one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feelSyntaxError, isFeel, resolveFeel } from './feel.js';

describe('FEEL', () => {
  it('should take only a string starting with "=" for FEEL', () => {
    assert.equal(isFeel('=approved = true'), true);
    assert.equal(isFeel('P3D'), false);
    assert.equal(isFeel('${approved}'), false);
    assert.equal(isFeel(' =x'), false);
    assert.equal(isFeel(42), false);
    assert.equal(isFeel(null), false);
  });

  const syntax: { expression: string; valid: boolean }[] = [
    { expression: 'amount > 10', valid: true },
    { expression: 'decision = "approve"', valid: true },
    { expression: 'if priority = "urgent" then "P1D" else "P3D"', valid: true },
    { expression: 'some x in items satisfies x.amount > 0', valid: true },
    { expression: 'date and time(payByDate)', valid: true },
    { expression: 'amount >', valid: false },
    { expression: 'date(', valid: false },
    { expression: 'a +', valid: false },
    { expression: '   ', valid: false },
  ];
  for (const row of syntax) {
    it(`should ${row.valid ? 'accept' : 'refuse'} the expression "${row.expression}"`, () => {
      // when
      const error = feelSyntaxError(row.expression);

      // then
      if (row.valid) assert.equal(error, null);
      else assert.equal(typeof error, 'string');
    });
  }

  const values: { expression: unknown; expected: unknown }[] = [
    { expression: '=amount > 10', expected: true },
    { expression: '=amount > 100', expected: false },
    { expression: '=decision = "approve"', expected: true },
    { expression: '=confirmed = true', expected: false },
    { expression: '=reporterUsername', expected: 'resident1' },
    { expression: '=nobodySetThis', expected: null },
    { expression: '=date("2026-01-01")', expected: '2026-01-01' },
    { expression: '=duration("P3D")', expected: 'P3D' },
    { expression: '=payByDate', expected: '2026-12-20T00:00:00+07:00' },
    { expression: 'P3D', expected: 'P3D' },
    { expression: 7, expected: 7 },
  ];
  const variables = {
    amount: 50,
    decision: 'approve',
    confirmed: false,
    reporterUsername: 'resident1',
    payByDate: '2026-12-20T00:00:00+07:00',
  };
  for (const row of values) {
    it(`should evaluate ${JSON.stringify(row.expression)} to ${JSON.stringify(row.expected)}`, () => {
      assert.deepEqual(resolveFeel(row.expression, variables), row.expected);
    });
  }
});
