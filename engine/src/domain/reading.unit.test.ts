import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import readingsGolden from './golden/readings.json' with { type: 'json' };
import { readingChecks, type ReadingGolden } from './golden/golden-checks.test.js';
import * as domain from './index.js';

describe('assessReading and estimateConsumption (golden table golden/readings.json)', () => {
  for (const check of readingChecks(domain, readingsGolden as unknown as ReadingGolden)) {
    it(`should give ${check.name}`, () => {
      assert.deepEqual(check.actual, check.expected);
    });
  }
});

describe('assessReading', () => {
  it('should bill an estimate from the average and flag it as estimated', () => {
    // given a meter the reader could not reach, with three real months behind it
    const average = domain.estimateConsumption([12, 15, 18]);
    const previous = 2040;

    // when
    const r = domain.assessReading({
      previous,
      current: previous + average,
      digits: 4,
      averageM3: average,
      estimated: true,
    });

    // then
    assert.deepEqual(r, { consumptionM3: 15, flags: ['estimated'], needsReview: false });
  });
});
