import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bahtTextGolden from './golden/baht-text.json' with { type: 'json' };
import { bahtTextChecks, type BahtTextGolden } from './golden/golden-checks.test.js';
import * as domain from './index.js';

describe('bahtText (golden table golden/baht-text.json)', () => {
  for (const check of bahtTextChecks(domain, bahtTextGolden as unknown as BahtTextGolden)) {
    it(`should give ${check.name}`, () => {
      assert.deepEqual(check.actual, check.expected);
    });
  }
});
