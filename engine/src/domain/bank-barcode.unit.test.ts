import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBarcode } from 'promptparse';
import qrGolden from './golden/thai-qr.json' with { type: 'json' };
import { barcodeChecks, type ThaiQrGolden } from './golden/golden-checks.test.js';
import { bankBarcodePayload } from './bank-barcode.js';
import * as domain from './index.js';

describe('bankBarcodePayload (golden table golden/thai-qr.json)', () => {
  for (const check of barcodeChecks(domain, qrGolden as unknown as ThaiQrGolden)) {
    it(`should give ${check.name}`, () => {
      assert.deepEqual(check.actual, check.expected);
    });
  }

  it('should be read back by promptparse with the same biller, references and amount', () => {
    // when
    const payload = bankBarcodePayload({
      billerId: '099400016550100',
      ref1: '1001234',
      ref2: '2569000123',
      amountSatang: 30442,
    });
    const parsed = parseBarcode(payload);

    // then
    assert.ok(parsed);
    assert.equal(parsed.billerId, '099400016550100');
    assert.equal(parsed.ref1, '1001234');
    assert.equal(parsed.ref2, '2569000123');
    assert.equal(parsed.amount, 304.42);
  });
});
