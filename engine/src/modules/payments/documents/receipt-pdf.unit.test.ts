import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfInfo, pdfText } from '../../billing/documents/pdf-probe.test.js';
import { longReceiptDocument, receiptDocumentFixture } from './receipt-fixture.test.js';
import { renderReceiptPdf } from './receipt-pdf.js';

// Thai layout marks word boundaries with U+200B; a reader's copy-paste keeps them.
const plain = (text: string) => text.replace(/\u200B/g, '');

describe('receipt PDF', () => {
  const a5 = renderReceiptPdf(receiptDocumentFixture(), { size: 'A5' });

  it('should show what a receipt must show: who received, เล่มที่/เลขที่, date, payer, amount in words, receiver', async () => {
    // given receipt 245 of book 3: 1,234.50 baht in cash on 5 March 2569 at 10:15 Bangkok time
    const pdf = await a5;

    // when a person reads the PDF's text
    const text = plain(pdfText(pdf));

    // then
    assert.match(text, /องค์การบริหารส่วนตำบลหนองบัว/);
    assert.match(text, /99 หมู่ 3 ตำบลหนองบัว/);
    assert.match(text, /0994000165501/);
    assert.match(text, /ใบเสร็จรับเงิน/);
    assert.match(text, /เล่มที่ 3/);
    assert.match(text, /เลขที่ 245/);
    assert.match(text, /RC2569-000245/);
    assert.match(text, /5 มีนาคม 2569 เวลา 10:15 น\./);
    assert.doesNotMatch(text, /2026/);
    assert.match(text, /นางสาวมะลิวัลย์ ศรีสุขใจ/);
    assert.match(text, /0300123/);
    assert.match(text, /เงินสด/);
    assert.match(text, /1,234\.50/);
    assert.match(text, /\(หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์\)/);
    assert.match(text, /ลงชื่อ \.+ ผู้รับเงิน/);
    assert.match(text, /\(นายสมชาย ใจดี\)/);
    assert.doesNotMatch(text, /ยกเลิก/);
  });

  it('should list each invoice paid with its period in Thai month and BE year', async () => {
    // given
    const pdf = await a5;

    // when
    const text = plain(pdfText(pdf));

    // then
    assert.match(text, /IV2569-000123/);
    assert.match(text, /มกราคม 2569/);
    assert.match(text, /428\.20/);
    assert.match(text, /IV2569-000311/);
    assert.match(text, /กุมภาพันธ์ 2569/);
    assert.match(text, /706\.30/);
  });

  it('should say that an overpayment is kept as credit for the next invoice', async () => {
    // given 100.00 of the 1,234.50 was more than the two bills
    const pdf = await a5;

    // when
    const text = plain(pdfText(pdf));

    // then
    assert.match(text, /เครดิตยกไปหักใบแจ้งหนี้ครั้งถัดไป 100\.00/);
  });

  it('should NOT print a credit line when nothing was overpaid', async () => {
    // given
    const doc = receiptDocumentFixture({
      items: [{ ...receiptDocumentFixture().items[0]!, amountSatang: 10200 }],
      totalSatang: 10200,
      creditSatang: 0,
    });

    // when
    const text = plain(pdfText(await renderReceiptPdf(doc, { size: 'A5' })));

    // then
    assert.doesNotMatch(text, /เครดิต/);
    assert.match(text, /\(หนึ่งร้อยสองบาทถ้วน\)/);
  });

  for (const [size, points] of [
    ['A5', '419.53 x 595.28 pts'],
    ['A4', '595.28 x 841.89 pts'],
  ] as const) {
    it(`should be one ${size} page with the Thai font embedded`, async () => {
      // given
      const pdf = await renderReceiptPdf(receiptDocumentFixture(), { size });

      // when
      const info = pdfInfo(pdf);

      // then
      assert.equal(info.pages, 1);
      assert.equal(info.pageSize.slice(0, points.length), points);
      assert.match(info.fonts, /NotoSansThai-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    });
  }

  it('should name in Thai each way the money came in', async () => {
    for (const [method, thai] of [
      ['transfer', 'โอนเงิน'],
      ['bank', 'ชำระผ่านธนาคาร'],
      ['slip', 'สลิปโอนเงิน'],
      ['cheque', 'เช็ค'],
    ] as const) {
      // when
      const pdf = await renderReceiptPdf(receiptDocumentFixture({ method }), { size: 'A5' });

      // then
      assert.match(plain(pdfText(pdf)), new RegExp(`ชำระโดย ${thai}`), method);
    }
  });

  it('should mark a void receipt ยกเลิก / VOID across the page with its reason and date, keeping its number', async () => {
    // given receipt 245 cancelled the next morning
    const doc = receiptDocumentFixture({
      void: { reason: 'รับเงินซ้ำ คืนเงินผู้ชำระแล้ว', at: '2026-03-06T02:00:00.000Z' },
    });

    // when
    const text = plain(pdfText(await renderReceiptPdf(doc, { size: 'A5' })));

    // then
    assert.match(text, /ยกเลิก \/ VOID/);
    assert.match(text, /ยกเลิกเมื่อ 6 มีนาคม 2569 เวลา 09:00 น\./);
    assert.match(text, /รับเงินซ้ำ คืนเงินผู้ชำระแล้ว/);
    assert.match(text, /เลขที่ 245/);
    assert.match(text, /RC2569-000245/);
  });

  it('should keep the longest names on one A5 page', async () => {
    // given
    const doc = longReceiptDocument();

    // when
    const pdf = await renderReceiptPdf(doc, { size: 'A5' });

    // then
    assert.equal(pdfInfo(pdf).pages, 1);
    const text = plain(pdfText(pdf)).replace(/\s+/g, '');
    assert.ok(text.includes(doc.payer.name.replace(/\s+/g, '')));
    assert.ok(text.includes('เก้าหมื่นแปดพันเจ็ดร้อยหกสิบห้าบาทสี่สิบสามสตางค์'));
  });

  it('should print English labels and still the Thai words of the amount when asked for English', async () => {
    // given
    const doc = receiptDocumentFixture();

    // when
    const text = plain(pdfText(await renderReceiptPdf(doc, { size: 'A5', lang: 'en' })));

    // then
    assert.match(text, /Receipt/);
    assert.match(text, /Book 3/);
    assert.match(text, /No\. 245/);
    assert.match(text, /Cash/);
    assert.match(text, /5 March 2569 BE, 10:15/);
    assert.match(text, /January 2569/);
    assert.match(text, /หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์/);
  });

  it('should render the same bytes for the same receipt', async () => {
    // given
    const doc = receiptDocumentFixture();

    // when
    const first = await renderReceiptPdf(doc, { size: 'A5' });
    const second = await renderReceiptPdf(structuredClone(doc), { size: 'A5' });

    // then
    assert.ok(first.equals(second), 'identical PDF bytes');
    assert.ok(first.equals(await a5), 'identical to an earlier rendering');
    assert.match(first.subarray(0, 8).toString('latin1'), /^%PDF-1\.\d/);
  });
});
