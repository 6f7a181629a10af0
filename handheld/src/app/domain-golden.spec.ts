/**
 * The engine's golden tables, run against `@prapa/domain` as the handheld build bundles it:
 * a bill, a reading check, the baht text and the QR printed offline on the handheld must
 * equal what the engine issues, to the satang and to the byte.
 */
import * as domain from '@prapa/domain';
/* eslint-disable no-restricted-imports -- the engine's golden tables are shared test data
   (STYLE.md §15: the same table runs against the engine and the handheld build), not engine
   internals; the code under test still comes only through @prapa/domain. */
import bahtTextGolden from '../../../engine/src/domain/golden/baht-text.json';
import {
  bahtTextChecks,
  barcodeChecks,
  readingChecks,
  tariffChecks,
  thaiQrChecks,
  type BahtTextGolden,
  type GoldenCheck,
  type ReadingGolden,
  type TariffGolden,
  type ThaiQrGolden,
} from '../../../engine/src/domain/golden/golden-checks.test';
import readingsGolden from '../../../engine/src/domain/golden/readings.json';
import qrGolden from '../../../engine/src/domain/golden/thai-qr.json';
import tariffsGolden from '../../../engine/src/domain/golden/tariffs.json';
/* eslint-enable no-restricted-imports */

function run(checks: GoldenCheck[]): void {
  it('should have golden cases to run', () => {
    expect(checks.length).toBeGreaterThan(0);
  });
  for (const check of checks) {
    it(`should give ${check.name}`, () => {
      expect(check.actual).toEqual(check.expected);
    });
  }
}

describe('@prapa/domain golden tables in the handheld build', () => {
  describe('tariffs', () => run(tariffChecks(domain, tariffsGolden as unknown as TariffGolden)));
  describe('readings', () =>
    run(readingChecks(domain, readingsGolden as unknown as ReadingGolden)));
  describe('baht text', () =>
    run(bahtTextChecks(domain, bahtTextGolden as unknown as BahtTextGolden)));
  describe('Thai QR', () => run(thaiQrChecks(domain, qrGolden as unknown as ThaiQrGolden)));
  describe('bank barcode', () => run(barcodeChecks(domain, qrGolden as unknown as ThaiQrGolden)));
});
