import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate, parse, validate } from 'promptparse';
import qrGolden from './golden/thai-qr.json' with { type: 'json' };
import { thaiQrChecks, type ThaiQrGolden } from './golden/golden-checks.test.js';
import * as domain from './index.js';
import { parseSlipQr, thaiQrBillPayment } from './thai-qr.js';

const golden = qrGolden as unknown as ThaiQrGolden;

describe('Thai QR (golden table golden/thai-qr.json)', () => {
  for (const check of thaiQrChecks(domain, golden)) {
    it(`should give ${check.name}`, () => {
      assert.deepEqual(check.actual, check.expected);
    });
  }
});

describe('thaiQrBillPayment beside promptparse', () => {
  const inputs = [
    ...golden.billPayments.map((c) => c.input),
    { billerId: '099400016550100', ref1: 'A', amountSatang: 99_999_999 },
    { billerId: '099400016550100', ref1: '1234567890', ref2: 'IV2569-000123', amountSatang: 30442 },
    { billerId: '099400016550100', ref1: '1234567890', ref3: 'X', amountSatang: 5 },
  ];
  for (const input of inputs) {
    it(`should build the same bytes as promptparse for ${JSON.stringify(input)}`, () => {
      // when
      const ours = thaiQrBillPayment(input);
      const theirs = generate.billPayment({
        billerId: input.billerId,
        ref1: input.ref1,
        ...(input.ref2 ? { ref2: input.ref2 } : {}),
        ...(input.ref3 ? { ref3: input.ref3 } : {}),
        ...(input.amountSatang ? { amount: input.amountSatang / 100 } : {}),
      });

      // then
      assert.equal(ours, theirs);
    });

    it(`should be parsed back by promptparse for ${JSON.stringify(input)}`, () => {
      // when
      const parsed = validate.billPayment(thaiQrBillPayment(input));

      // then
      assert.ok(parsed, 'promptparse refused the payload');
      assert.equal(parsed.billerId, input.billerId);
      assert.equal(parsed.ref1, input.ref1);
      assert.equal(parsed.ref2, input.ref2 || undefined);
      assert.equal(parsed.ref3, input.ref3 || undefined);
      assert.equal(
        parsed.amount === undefined ? undefined : Math.round(parsed.amount * 100),
        input.amountSatang || undefined,
      );
      assert.ok(parse(thaiQrBillPayment(input), true), 'CRC check in strict mode');
    });
  }

  it('should NOT build a code without a biller or ref1, or with a fractional amount', () => {
    assert.throws(() => thaiQrBillPayment({ billerId: '', ref1: 'x' }), RangeError);
    assert.throws(() => thaiQrBillPayment({ billerId: '1', ref1: '' }), RangeError);
    assert.throws(
      () => thaiQrBillPayment({ billerId: '1', ref1: 'x', amountSatang: 1.5 }),
      RangeError,
    );
  });
});

describe('parseSlipQr beside promptparse', () => {
  it('should read the DOMAIN.md slip as bank 002, ref 0002123123121200011', () => {
    // given
    const slip = '004000060000010103002021900021231231212000115102TH91049C30';

    // then
    assert.deepEqual(parseSlipQr(slip), {
      sendingBank: '002',
      transactionRef: '0002123123121200011',
    });
    assert.deepEqual(validate.slipVerify(slip), {
      sendingBank: '002',
      transRef: '0002123123121200011',
    });
  });

  it('should read every slip promptparse generates, with and without a shortened CRC', () => {
    for (const bank of ['002', '004', '006', '014', '030', '034']) {
      for (let i = 0; i < 200; i++) {
        // given
        const transRef = `2026120${bank}${String(i).padStart(8, '0')}`;
        const slip = generate.slipVerify({ sendingBank: bank, transRef });
        const crc = slip.slice(-4);
        const shortened = `${slip.slice(0, -4)}${crc.replace(/^0+/, '') || '0'}`;

        // then
        const expected = { sendingBank: bank, transactionRef: transRef };
        assert.deepEqual(parseSlipQr(slip), expected, slip);
        assert.deepEqual(parseSlipQr(shortened), expected, shortened);
      }
    }
  });
});
