/**
 * The receipt as rows for a 58 mm thermal printer (32 cells of font A per row), in Thai,
 * with the same facts as the PDF: organisation, เล่มที่/เลขที่, date, payer, what was paid,
 * the total in figures and in Thai words, how it was paid, and the receiver's signature line.
 * Every row fits 32 cells, Thai counted by display cells (tone marks take none).
 */
import { bahtText, formatBaht } from '../../../domain/index.js';
import {
  displayCells,
  periodName,
  SLIP_WIDTH,
  wrapCells,
  type SlipRow,
} from '../../billing/documents/index.js';
import type { ReceiptDocument, ReceiptSlipLayout } from './receipt-document.js';
import {
  methodName,
  receiptDateTime,
  receiptLabel,
  VOID_MARK,
  type ReceiptLabelKey,
} from './receipt-labels.js';

export function receiptSlipLayout(doc: ReceiptDocument): ReceiptSlipLayout {
  const rows: SlipRow[] = [];
  const lang = 'th';
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);

  const wrapped = (text: string, style: Omit<SlipRow, 'text'> = {}) => {
    const width = style.size === 'large' ? SLIP_WIDTH / 2 : SLIP_WIDTH;
    for (const line of wrapCells(text, width)) rows.push({ text: line, ...style });
  };
  /** name on the left, value flush right; on two rows when they do not fit one */
  const pair = (name: string, value: string, bold = false) => {
    const style = bold ? { bold } : {};
    if (displayCells(name) + 1 + displayCells(value) <= SLIP_WIDTH) {
      rows.push({ text: name, right: value, ...style });
    } else {
      wrapped(name);
      wrapped(value, { align: 'right', ...style });
    }
  };
  const rule = () => rows.push({ text: '-'.repeat(SLIP_WIDTH) });
  const voidMark = () => wrapped(VOID_MARK, { align: 'center', bold: true, size: 'large' });

  wrapped(doc.tenant.name, { align: 'center', bold: true });
  wrapped(doc.tenant.address, { align: 'center' });
  wrapped(`${t('taxId')} ${doc.tenant.taxId}`, { align: 'center' });
  if (doc.tenant.phone) wrapped(`${t('phone')} ${doc.tenant.phone}`, { align: 'center' });
  rule();
  wrapped(t('title'), { align: 'center', bold: true, size: 'large' });
  if (doc.void) voidMark();
  pair(`${t('book')} ${doc.book}`, `${t('number')} ${doc.number}`, true);
  pair(t('documentNumber'), doc.documentNumber);
  pair(t('fiscalYear'), String(doc.fiscalYear));
  pair(t('date'), receiptDateTime(doc.issuedAt, lang, 'medium'));
  rule();
  wrapped(`${t('payer')} ${doc.payer.name}`, { bold: true });
  if (doc.payer.accountNumber) pair(t('account'), doc.payer.accountNumber, true);
  if (doc.payer.address) wrapped(doc.payer.address);
  rule();
  for (const item of doc.items) {
    const amount = formatBaht(item.amountSatang);
    const [first = '', ...rest] = wrapCells(item.label.th, SLIP_WIDTH - 1 - displayCells(amount));
    rows.push({ text: first, right: amount });
    for (const more of rest) rows.push({ text: more });
    if (item.invoiceNumber) pair(`  ${t('invoice')}`, item.invoiceNumber);
    if (item.period) pair(`  ${t('period')}`, periodName(item.period, lang));
  }
  rule();
  if (doc.creditSatang > 0) {
    const amount = formatBaht(doc.creditSatang);
    const [first = '', ...rest] = wrapCells(t('credit'), SLIP_WIDTH - 1 - displayCells(amount));
    rows.push({ text: first, right: amount });
    for (const more of rest) rows.push({ text: more });
  }
  wrapped(`${t('total')} (${t('baht')})`, { align: 'center', bold: true });
  wrapped(formatBaht(doc.totalSatang), { align: 'center', bold: true, size: 'large' });
  wrapped(`(${bahtText(doc.totalSatang)})`, { align: 'center' });
  pair(t('method'), methodName(doc.method, lang), true);
  rule();
  if (doc.void) {
    voidMark();
    wrapped(`${t('voidedAt')} ${receiptDateTime(doc.void.at, lang, 'medium')}`);
    wrapped(`${t('voidReason')}: ${doc.void.reason}`);
    rule();
  }
  rows.push({ text: '' });
  rows.push({ text: `${t('signature')}${'.'.repeat(16)}${t('receiver')}`, align: 'center' });
  wrapped(`(${doc.receivedBy})`, { align: 'center' });

  return { widthChars: SLIP_WIDTH, rows };
}
