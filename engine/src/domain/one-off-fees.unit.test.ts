import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installationFeeSatang, latePenaltySatang, TARIFF_PRESETS, TariffError } from './index.js';

describe('installationFeeSatang', () => {
  const village = TARIFF_PRESETS.find((t) => t.code === 'VILLAGE-FLAT')!;

  it('should give the fee for the meter size', () => {
    assert.equal(installationFeeSatang(village, '1/2'), 150_000);
    assert.equal(installationFeeSatang(village, '1'), 350_000);
  });

  it('should NOT guess a fee for a size the tariff does not list', () => {
    assert.throws(
      () => installationFeeSatang(village, '2'),
      (e: unknown) => e instanceof TariffError && e.path === 'meterSize',
    );
  });
});

describe('latePenaltySatang', () => {
  const cases: [string, Parameters<typeof latePenaltySatang>[0], number, number][] = [
    ['no penalty', { kind: 'none' }, 30_442, 0],
    ['a flat 20 baht', { kind: 'flat', satang: 2_000 }, 30_442, 2_000],
    ['1.5 % of 304.42 baht = 4.5663 → 4.57', { kind: 'percent', basisPoints: 150 }, 30_442, 457],
    ['10 % of 0.05 baht = 0.5 satang → 1', { kind: 'percent', basisPoints: 1_000 }, 5, 1],
    ['nothing overdue', { kind: 'flat', satang: 2_000 }, 0, 0],
  ];
  for (const [name, penalty, overdue, expected] of cases) {
    it(`should charge ${expected} satang for ${name}`, () => {
      assert.equal(latePenaltySatang(penalty, overdue), expected);
    });
  }
});
