import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slipRowCells } from '../../billing/documents/index.js';
import { longReceiptDocument, receiptDocumentFixture } from './receipt-fixture.test.js';
import { receiptSlipLayout } from './receipt-slip.js';

const slipText = (rows: { text: string; right?: string }[]) =>
  rows.map((r) => `${r.text}${r.right ?? ''}`).join('');

describe('58 mm receipt slip', () => {
  for (const [name, doc] of [
    ['a usual receipt', receiptDocumentFixture()],
    ['a void receipt with the longest names and amounts', longReceiptDocument()],
  ] as const) {
    it(`should fit every row of ${name} in 32 printer cells`, () => {
      // when
      const slip = receiptSlipLayout(doc);

      // then
      assert.equal(slip.widthChars, 32);
      const tooWide = slip.rows.filter((row) => slipRowCells(row) > 32);
      assert.deepEqual(tooWide, []);
      assert.ok(slip.rows.length > 20);
    });
  }

  it('should show the number, the date, the payer, the total in figures and in Thai words', () => {
    // given
    const doc = receiptDocumentFixture();

    // when
    const { rows } = receiptSlipLayout(doc);

    // then
    const text = slipText(rows);
    assert.match(text, /ใบเสร็จรับเงิน/);
    assert.ok(rows.some((r) => r.text === 'เล่มที่ 3' && r.right === 'เลขที่ 245'));
    assert.ok(rows.some((r) => r.right === 'RC2569-000245'));
    assert.ok(rows.some((r) => r.right === '5 มี.ค. 2569 10:15 น.'));
    assert.match(text, /นางสาวมะลิวัลย์ ศรีสุขใจ/);
    assert.ok(rows.some((r) => r.text === '1,234.50' && r.size === 'large' && r.bold));
    assert.match(text, /\(หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์\)/);
    assert.ok(rows.some((r) => r.right === 'เงินสด'));
    assert.ok(
      rows.some((r) => r.right === '100.00'),
      'credit carried forward',
    );
    assert.match(text, /\(นายสมชาย ใจดี\)/);
    assert.doesNotMatch(text, /ยกเลิก/);
  });

  it('should list each invoice paid with its period', () => {
    // when
    const { rows } = receiptSlipLayout(receiptDocumentFixture());

    // then
    assert.ok(rows.some((r) => r.right === 'IV2569-000123'));
    assert.ok(rows.some((r) => r.right === 'มกราคม 2569'));
    assert.ok(rows.some((r) => r.right === '706.30'));
  });

  it('should wrap the amount in words of a large amount over rows, keeping every word', () => {
    // given 98,765.43 baht
    const doc = longReceiptDocument();

    // when
    const { rows } = receiptSlipLayout(doc);

    // then
    const words = '(เก้าหมื่นแปดพันเจ็ดร้อยหกสิบห้าบาทสี่สิบสามสตางค์)';
    const start = rows.findIndex((r) => r.text.startsWith('(เก้าหมื่น'));
    assert.ok(start > 0);
    const end = rows.findIndex((r, i) => i >= start && r.text.endsWith(')'));
    assert.ok(end > start, 'takes more than one row');
    assert.equal(
      rows
        .slice(start, end + 1)
        .map((r) => r.text)
        .join(''),
      words,
    );
  });

  it('should mark a void receipt ยกเลิก with its reason', () => {
    // given
    const doc = receiptDocumentFixture({
      void: { reason: 'รับเงินซ้ำ', at: '2026-03-06T02:00:00.000Z' },
    });

    // when
    const { rows } = receiptSlipLayout(doc);

    // then
    assert.ok(rows.some((r) => r.text === 'ยกเลิก / VOID' && r.size === 'large'));
    assert.match(slipText(rows), /เหตุผล: รับเงินซ้ำ/);
    assert.ok(rows.some((r) => r.right === 'เลขที่ 245'));
  });
});
