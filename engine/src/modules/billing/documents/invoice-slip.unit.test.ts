import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseBarcode } from 'promptparse';
import { longWaterInvoice, waterInvoice } from './invoice-fixture.test.js';
import { invoiceSlipLayout, slipRowCells, type SlipCodeRow } from './invoice-slip.js';
import { displayCells, segments, withThaiBreaks, wrapCells } from './thai-text.js';

describe('58 mm invoice slip', () => {
  for (const [name, doc] of [
    ['a usual bill', waterInvoice()],
    ['a bill with the longest names and amounts', longWaterInvoice()],
  ] as const) {
    it(`should fit every row of ${name} in 32 printer cells`, () => {
      // when
      const slip = invoiceSlipLayout(doc);

      // then
      assert.equal(slip.widthChars, 32);
      const tooWide = slip.rows.filter((row) => slipRowCells(row) > 32);
      assert.deepEqual(tooWide, []);
      assert.ok(slip.rows.length > 20);
    });
  }

  it('should show the total, the amount due and the amount in Thai words', () => {
    // given
    const doc = waterInvoice();

    // when
    const { rows } = invoiceSlipLayout(doc);

    // then
    const text = rows.map((r) => `${r.text}${r.right ?? ''}`).join('');
    assert.ok(
      rows.some((r) => r.right === '278.20'),
      'total this invoice',
    );
    assert.ok(
      rows.some((r) => r.right === '150.00'),
      'arrears',
    );
    assert.ok(rows.some((r) => r.text === '428.20' && r.size === 'large' && r.bold));
    assert.match(text, /\(สี่ร้อยยี่สิบแปดบาทยี่สิบสตางค์\)/);
    assert.match(text, /20 พ\.ย\. 2569/);
    assert.match(text, /ใบแจ้งหนี้ค่าน้ำประปา/);
  });

  it('should keep Thai words whole when a long name wraps', () => {
    // given
    const doc = longWaterInvoice();

    // when
    const { rows } = invoiceSlipLayout(doc);

    // then the tenant's name (57 cells) takes two rows, cut where one word ends
    const name = doc.tenant.name;
    const [first = '', second = ''] = rows.map((r) => r.text);
    assert.equal(first + second, name);
    const wordEnds = new Set<number>();
    let end = 0;
    for (const word of segments(name)) wordEnds.add((end += word.length));
    assert.ok(wordEnds.has(first.length), `"${first}" ends inside a word`);
    assert.ok(first.length < name.length);
    assert.ok(rows.some((r) => r.right === '98,765.43' || r.text === '98,765.43'));
  });

  it('should give the handheld the payloads of this bill and where to print them', () => {
    // given
    const doc = waterInvoice();

    // when
    const slip = invoiceSlipLayout(doc);

    // then
    const qr = parse(slip.qrPayload, true, true);
    assert.equal(qr?.getTagValue('30', '01'), '099400016550101');
    assert.equal(qr?.getTagValue('30', '02'), '0300123');
    assert.equal(qr?.getTagValue('30', '03'), 'IV2569000123');
    assert.equal(qr?.getTagValue('54'), '428.20');
    assert.equal(parseBarcode(slip.barcodePayload)?.amount, 428.2);
    const codes = (slip.rows as SlipCodeRow[]).filter((r) => r.code).map((r) => r.code);
    assert.deepEqual(codes, ['qr', 'barcode']);
  });

  it('should NOT ask for payment when nothing is due', () => {
    // given
    const doc = waterInvoice({
      kind: 'credit-note',
      amountDueSatang: 0,
      totalSatang: -5000,
      arrearsSatang: 0,
    });

    // when
    const slip = invoiceSlipLayout(doc);

    // then
    assert.equal(slip.qrPayload, '');
    assert.equal(slip.barcodePayload, '');
    assert.ok(slip.rows.some((r) => r.text === 'ไม่มียอดที่ต้องชำระ'));
    assert.ok(!(slip.rows as SlipCodeRow[]).some((r) => r.code));
  });
});

describe('Thai text cells', () => {
  for (const [text, cells] of [
    ['น้ำ', 2],
    ['ที่', 1],
    ['ค่าน้ำประปา', 9],
    ['ใบแจ้งหนี้ค่าน้ำประปา', 16],
    ['428.20', 6],
    ['a\u200Bb', 2],
  ] as const) {
    it(`should count "${text}" as ${cells} printer cells`, () => {
      assert.equal(displayCells(text), cells);
    });
  }

  it('should wrap Thai at word boundaries and never past the width', () => {
    // when
    const lines = wrapCells('องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองอุดรธานี', 12);

    // then
    assert.ok(
      lines.every((l) => displayCells(l) <= 12),
      lines.join('|'),
    );
    assert.equal(lines.join('').replace(/ /g, ''), 'องค์การบริหารส่วนตำบลหนองบัวอำเภอเมืองอุดรธานี');
    assert.ok(lines.includes('องค์การ') || lines[0]?.startsWith('องค์การ'));
  });

  it('should mark Thai word boundaries with U+200B and leave Latin text alone', () => {
    assert.equal(withThaiBreaks('ค่าน้ำประปา'), 'ค่าน้ำ\u200Bประปา');
    assert.equal(withThaiBreaks('Meter AS-2023 1/2"'), 'Meter AS-2023 1/2"');
  });
});
