import { TARIFF_PRESETS } from '@prapa/domain';
import { billInBrowser, sameBill } from './bill-check';

const PWA_1 = TARIFF_PRESETS.find((t) => t.code === 'PWA-1')!;

describe('the bill calculator in the browser', () => {
  it('should price 20 m³ of PWA residential water as published, plus VAT', () => {
    const r = billInBrowser(PWA_1, { consumption: '20', customerType: '', meterSize: '' });
    expect(r.ok && r.bill.waterChargeSatang).toBe(26200);
    expect(r.ok && r.bill.totalSatang).toBe(28034);
  });

  it('should NOT price a consumption that is not whole m³', () => {
    const r = billInBrowser(PWA_1, { consumption: '2.5', customerType: '', meterSize: '' });
    expect(r).toEqual({ ok: false, message: null, key: 'tariffs.problems.units' });
  });

  it('should show the domain’s own message for a customer type the tariff does not have', () => {
    const r = billInBrowser(PWA_1, { consumption: '5', customerType: '9', meterSize: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message?.th).toBeTruthy();
  });

  it('should tell a server bill that differs by one satang', () => {
    const r = billInBrowser(PWA_1, { consumption: '20', customerType: '', meterSize: '' });
    if (!r.ok) throw new Error('no bill');
    expect(sameBill(r.bill, structuredClone(r.bill))).toBe(true);
    expect(sameBill(r.bill, { ...r.bill, totalSatang: r.bill.totalSatang + 1 })).toBe(false);
  });
});
