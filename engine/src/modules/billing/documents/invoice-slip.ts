/**
 * The invoice as rows for a 58 mm thermal printer (32 cells of font A per row), in Thai:
 * the handheld prints these rows and draws the QR and barcode where a row says `code`.
 * Every row fits 32 cells, Thai counted by display cells (tone marks take none).
 */
import { bahtText, formatBaht } from '../../../domain/index.js';
import type { InvoiceDocument, InvoiceSlipLayout, SlipRow } from './invoice-document.js';
import { documentDate, formatM3, label, meterText, periodName, title } from './invoice-labels.js';
import { paymentPayloads } from './payment-codes.js';
import { displayCells, wrapCells } from './thai-text.js';

export const SLIP_WIDTH = 32;

/** A slip row with where the handheld draws a payment code, if it is such a row. */
export interface SlipCodeRow extends SlipRow {
  code?: 'qr' | 'barcode';
}

/** Cells a row takes on paper: large text is printed double width. */
export function slipRowCells(row: SlipRow): number {
  const cells = displayCells(row.text) + (row.right ? 1 + displayCells(row.right) : 0);
  return row.size === 'large' ? cells * 2 : cells;
}

export function invoiceSlipLayout(doc: InvoiceDocument): InvoiceSlipLayout {
  const rows: SlipCodeRow[] = [];
  const lang = 'th';
  const t = (key: Parameters<typeof label>[0]) => label(key, lang);
  const date = (ymd: string) => documentDate(ymd, lang, 'medium');

  const wrapped = (text: string, style: Omit<SlipRow, 'text'> = {}) => {
    const width = style.size === 'large' ? SLIP_WIDTH / 2 : SLIP_WIDTH;
    for (const line of wrapCells(text, width)) rows.push({ text: line, ...style });
  };
  const pair = (name: string, value: string, bold = false) => {
    if (displayCells(name) + 1 + displayCells(value) <= SLIP_WIDTH) {
      rows.push({ text: name, right: value, ...(bold ? { bold } : {}) });
    } else {
      wrapped(name);
      wrapped(value, { align: 'right', ...(bold ? { bold } : {}) });
    }
  };
  const rule = () => rows.push({ text: '-'.repeat(SLIP_WIDTH) });

  wrapped(doc.tenant.name, { align: 'center', bold: true });
  wrapped(doc.tenant.address, { align: 'center' });
  wrapped(`${t('taxId')} ${doc.tenant.taxId}`, { align: 'center' });
  if (doc.tenant.phone) wrapped(`${t('phone')} ${doc.tenant.phone}`, { align: 'center' });
  rule();
  wrapped(title(doc.kind, lang), { align: 'center', bold: true, size: 'large' });
  pair(t('number'), doc.number);
  pair(t('issueDate'), date(doc.issueDate));
  if (doc.period) pair(t('period'), periodName(doc.period, lang));
  rule();
  pair(t('account'), doc.account.number, true);
  wrapped(doc.account.waterUserName, { bold: true });
  wrapped(doc.account.address);
  pair(t('meter'), meterText(doc, lang));
  if (doc.reading) {
    const r = doc.reading;
    if (r.readOn) pair(t('readOn'), date(r.readOn));
    pair(t('previous'), formatM3(r.previous));
    pair(t('current'), formatM3(r.current));
    pair(t('consumption'), formatM3(r.consumptionM3), true);
  }
  rule();
  for (const line of doc.lines) {
    const amount = formatBaht(line.amountSatang);
    if (line.quantityM3 !== undefined && line.unitPriceSatang !== undefined) {
      wrapped(line.label.th);
      pair(`  ${formatM3(line.quantityM3)} x ${formatBaht(line.unitPriceSatang)}`, amount);
    } else {
      const [first = '', ...rest] = wrapCells(line.label.th, SLIP_WIDTH - 1 - displayCells(amount));
      rows.push({ text: first, right: amount });
      for (const more of rest) rows.push({ text: more });
    }
  }
  rule();
  pair(t('total'), formatBaht(doc.totalSatang));
  pair(t('arrears'), formatBaht(doc.arrearsSatang));
  wrapped(`${t('amountDue')} (${t('baht')})`, { align: 'center', bold: true });
  wrapped(formatBaht(doc.amountDueSatang), { align: 'center', bold: true, size: 'large' });
  wrapped(`(${bahtText(doc.amountDueSatang)})`, { align: 'center' });
  pair(t('dueDate'), date(doc.dueDate), true);
  if (doc.roundingNote) wrapped(doc.roundingNote.th);
  rule();

  const { qrPayload, barcodePayload } = paymentPayloads(doc);
  if (qrPayload) {
    wrapped(t('qrCaption'), { align: 'center' });
    rows.push({ text: '', align: 'center', code: 'qr' });
    pair(t('ref1'), doc.payment.ref1);
    pair(t('ref2'), doc.payment.ref2);
    pair(t('billerId'), doc.payment.billerId);
    wrapped(t('barcodeCaption'), { align: 'center' });
    rows.push({ text: '', align: 'center', code: 'barcode' });
  } else {
    wrapped(t('nothingToPay'), { align: 'center', bold: true });
  }
  wrapped(t('notAReceipt'), { align: 'center' });

  return { widthChars: SLIP_WIDTH, rows, qrPayload, barcodePayload };
}
