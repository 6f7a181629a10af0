import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseBarcode } from 'promptparse';
import { waterInvoice } from './invoice-fixture.test.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { decodeCode128, decodeQr, pageImage, pdfInfo, pdfText } from './pdf-probe.test.js';

// Thai layout marks word boundaries with U+200B; a reader's copy-paste keeps them.
const plain = (text: string) => text.replace(/\u200B/g, '');

describe('invoice PDF', () => {
  const POINTS = { A4: '595.28 x 841.89 pts', A5: '419.53 x 595.28 pts' };
  for (const size of ['A4', 'A5'] as const) {
    describe(size, () => {
      const rendering = renderInvoicePdf(waterInvoice(), { size });
      // the page printed at 150 dpi, as a scanner sees it
      const printed = rendering.then((pdf) => pageImage(pdf, 150));

      it('should print the amount due in Thai words and the dates in the Buddhist Era', async () => {
        // given a water bill of 428.20 baht due 20 Nov 2026, read on 31 Oct 2026
        const pdf = await rendering;

        // when a person reads the PDF's text
        const text = plain(pdfText(pdf));

        // then
        assert.match(text, /ใบแจ้งหนี้ค่าน้ำประปา/);
        assert.match(text, /สี่ร้อยยี่สิบแปดบาทยี่สิบสตางค์/);
        assert.match(text, /20 พฤศจิกายน 2569/);
        assert.match(text, /ตุลาคม 2569/);
        assert.match(text, /31 ต\.ค\. 2569/);
        assert.doesNotMatch(text, /2026/);
        assert.match(text, /องค์การบริหารส่วนตำบลหนองบัว/);
        assert.match(text, /นางสาวมะลิวัลย์ ศรีสุขใจ/);
        assert.match(text, /428\.20/);
        assert.match(text, /150\.00/, 'arrears brought forward');
        assert.match(text, /ค่าน้ำประปา 11–20 ลบ\.ม\./);
      });

      it(`should be one ${size} page with the Thai font embedded`, async () => {
        // given
        const pdf = await rendering;

        // when
        const info = pdfInfo(pdf);

        // then
        assert.equal(info.pages, 1);
        assert.equal(info.pageSize.slice(0, POINTS[size].length), POINTS[size]);
        assert.match(info.fonts, /NotoSansThai-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
        assert.match(info.fonts, /NotoSansThai-Bold/);
      });

      it('should carry a Thai QR that a banking app reads as this bill and amount', async () => {
        // given
        const page = await printed;

        // when a banking app scans it
        const payload = decodeQr(page);

        // then
        assert.ok(payload, 'a QR code is found on the page');
        const qr = parse(payload, true, true);
        assert.ok(qr, `promptparse accepts the payload and its CRC: ${payload}`);
        assert.equal(qr.getTagValue('01'), '12', 'dynamic QR: it carries an amount');
        assert.equal(qr.getTagValue('30', '00'), 'A000000677010112', 'bill payment');
        assert.equal(qr.getTagValue('30', '01'), '099400016550101');
        assert.equal(qr.getTagValue('30', '02'), '0300123');
        assert.equal(qr.getTagValue('30', '03'), 'IV2569000123');
        assert.equal(qr.getTagValue('53'), '764');
        assert.equal(qr.getTagValue('54'), '428.20');
      });

      it('should carry a bank barcode that a counter scanner reads as this bill', async () => {
        // given
        const pdf = await rendering;

        // when a counter scanner reads it
        const payload = decodeCode128(await printed);

        // then
        assert.equal(payload, '|099400016550101\r0300123\rIV2569000123\r42820');
        const barcode = parseBarcode(payload);
        assert.equal(barcode?.billerId, '099400016550101');
        assert.equal(barcode?.ref1, '0300123');
        assert.equal(barcode?.ref2, 'IV2569000123');
        assert.equal(barcode?.amount, 428.2);
        assert.match(plain(pdfText(pdf)), /\|099400016550101 0300123 IV2569000123 42820/);
      });
    });
  }

  it('should render the same bytes for the same invoice', async () => {
    // given
    const doc = waterInvoice();

    // when
    const first = await renderInvoicePdf(doc, { size: 'A4' });
    const second = await renderInvoicePdf(structuredClone(doc), { size: 'A4' });

    // then
    assert.ok(first.equals(second), 'identical PDF bytes');
    assert.match(first.subarray(0, 8).toString('latin1'), /^%PDF-1\.\d/);
  });

  it('should print English labels and still the Thai words of the amount when asked for English', async () => {
    // given
    const doc = waterInvoice();

    // when
    const text = plain(pdfText(await renderInvoicePdf(doc, { size: 'A4', lang: 'en' })));

    // then
    assert.match(text, /Water bill/);
    assert.match(text, /Amount due/);
    assert.match(text, /Water 11–20 m3/);
    assert.match(text, /สี่ร้อยยี่สิบแปดบาทยี่สิบสตางค์/);
    assert.match(text, /2569/);
  });

  it('should NOT print a payment code on a credit note that leaves nothing to pay', async () => {
    // given
    const doc = waterInvoice({
      kind: 'credit-note',
      number: 'CN2569-000007',
      period: null,
      reading: null,
      lines: [
        { label: { th: 'ลดหนี้ค่าน้ำเดือนตุลาคม', en: 'Credit, October water' }, amountSatang: -5000 },
      ],
      totalSatang: -5000,
      arrearsSatang: 0,
      amountDueSatang: 0,
    });

    // when
    const pdf = await renderInvoicePdf(doc, { size: 'A5' });

    // then
    const text = plain(pdfText(pdf));
    assert.match(text, /ใบลดหนี้/);
    assert.match(text, /ไม่มียอดที่ต้องชำระ/);
    assert.match(text, /ศูนย์บาทถ้วน/);
    assert.equal(decodeQr(pageImage(pdf, 150)), null);
  });
});
