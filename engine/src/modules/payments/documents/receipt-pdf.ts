/**
 * The receipt as a PDF, A5 (the counter's paper) or A4 portrait: the receiving organisation,
 * ใบเสร็จรับเงิน with เล่มที่/เลขที่, who paid and how, what for, the total in figures and in
 * Thai words, and the receiver's signature line. A void receipt keeps everything and is
 * marked "ยกเลิก / VOID" across the page with the reason. Pure: same receipt → same bytes.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bahtText, formatBaht } from '../../../domain/index.js';
import {
  FONT,
  FONT_FEATURES,
  forPdf as br,
  periodName,
  renderPdf,
  type DocumentLang,
} from '../../billing/documents/index.js';
import type { ReceiptDocument, ReceiptPdfOptions } from './receipt-document.js';
import {
  methodName,
  receiptDateTime,
  receiptLabel,
  VOID_MARK,
  type ReceiptLabelKey,
} from './receipt-labels.js';

const INK = '#1d2733';
const BRAND = '#0b4f8a';
const SHADE = '#e8f0f8';
const MUTED = '#5b6773';
const VOID_RED = '#c62828';

interface Metrics {
  page: [number, number];
  margin: number;
  font: number;
  small: number;
  org: number;
  title: number;
  total: number;
  /** space between blocks, and above and below the text in a table cell */
  gap: number;
  pad: number;
}

const METRICS: Record<ReceiptPdfOptions['size'], Metrics> = {
  A4: {
    page: [595.28, 841.89],
    margin: 36,
    font: 10,
    small: 8,
    org: 15,
    title: 18,
    total: 13,
    gap: 8,
    pad: 2,
  },
  A5: {
    page: [419.53, 595.28],
    margin: 24,
    font: 8,
    small: 6.5,
    org: 11,
    title: 14,
    total: 10,
    gap: 5,
    pad: 1,
  },
};

export async function renderReceiptPdf(
  doc: ReceiptDocument,
  opts: ReceiptPdfOptions,
): Promise<Buffer> {
  return renderPdf(receiptPdfDefinition(doc, opts));
}

/** The pdfmake document definition of a receipt (exported for tests and previews). */
export function receiptPdfDefinition(
  doc: ReceiptDocument,
  opts: ReceiptPdfOptions,
): TDocumentDefinitions {
  const lang = opts.lang ?? 'th';
  const m = METRICS[opts.size];
  const width = m.page[0] - 2 * m.margin;
  const issued = new Date(doc.issuedAt);
  return {
    pageSize: opts.size,
    pageOrientation: 'portrait',
    pageMargins: m.margin,
    info: {
      title: `${receiptLabel('title', lang)} ${doc.documentNumber}`,
      author: doc.tenant.name,
      subject: doc.payer.name,
      creator: 'Prapa',
      producer: 'Prapa',
      creationDate: issued,
      modDate: issued,
    },
    ...(doc.void
      ? { watermark: { text: VOID_MARK, color: VOID_RED, opacity: 0.3, bold: true } }
      : {}),
    defaultStyle: {
      font: FONT,
      fontFeatures: FONT_FEATURES,
      fontSize: m.font,
      color: INK,
      lineHeight: 1.1,
    },
    content: [
      header(doc, lang, m),
      rule(width),
      payerBlock(doc, lang, m),
      doc.void ? voidNotice(doc.void, lang, m) : '',
      itemsTable(doc, lang, m),
      signature(doc, lang, m),
    ],
  };
}

function header(doc: ReceiptDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);
  const { tenant } = doc;
  const contact = [
    `${t('taxId')} ${tenant.taxId}`,
    tenant.phone ? `${t('phone')} ${tenant.phone}` : '',
  ]
    .filter(Boolean)
    .join('   ');
  const box: TableCell[][] = [
    [{ text: t('title'), bold: true, fontSize: m.title, color: BRAND, alignment: 'center' }],
    [
      {
        text: `${t('book')} ${doc.book}   ${t('number')} ${doc.number}`,
        alignment: 'center',
        bold: true,
      },
    ],
    [{ text: doc.documentNumber, alignment: 'center' }],
    [{ text: `${t('fiscalYear')} ${doc.fiscalYear}`, alignment: 'center', color: MUTED }],
  ];
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: br(tenant.name), bold: true, fontSize: m.org, color: BRAND },
          { text: br(tenant.address) },
          { text: contact, fontSize: m.small, color: MUTED },
        ],
      },
      {
        width: m.page[0] * 0.34,
        table: { widths: ['*'], body: box },
        layout: boxLayout(),
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, m.gap],
  };
}

function payerBlock(doc: ReceiptDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);
  const { payer } = doc;
  const left: Pair[] = [
    [t('payer'), payer.name, true],
    ...(payer.accountNumber ? [[t('account'), payer.accountNumber, true] as Pair] : []),
    ...(payer.address ? [[t('address'), payer.address] as Pair] : []),
  ];
  const right: Pair[] = [
    [t('date'), receiptDateTime(doc.issuedAt, lang, 'long')],
    [t('method'), methodName(doc.method, lang), true],
  ];
  return {
    columns: [pairs(left), { width: m.page[0] * 0.34, stack: [pairs(right)] }],
    columnGap: 12,
    margin: [0, m.gap, 0, m.gap],
  };
}

function voidNotice(
  cancelled: NonNullable<ReceiptDocument['void']>,
  lang: DocumentLang,
  m: Metrics,
): Content {
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: [
              { text: `${VOID_MARK}   `, bold: true, fontSize: m.total },
              { text: `${t('voidedAt')} ${receiptDateTime(cancelled.at, lang, 'long')}\n` },
              { text: `${t('voidReason')}: `, bold: true },
              { text: br(cancelled.reason) },
            ],
            color: VOID_RED,
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => VOID_RED,
      vLineColor: () => VOID_RED,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, m.gap],
  };
}

function itemsTable(doc: ReceiptDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);
  const head = (key: ReceiptLabelKey, alignment: 'left' | 'center' | 'right'): TableCell => ({
    text: t(key),
    bold: true,
    alignment,
    fillColor: SHADE,
  });
  const money = (s: number) => ({ text: formatBaht(s), alignment: 'right' as const });
  const items: TableCell[][] = doc.items.map((item) => [
    { text: br(item.label[lang]) },
    { text: item.invoiceNumber ?? '-', alignment: 'center' },
    { text: item.period ? periodName(item.period, lang) : '-', alignment: 'center' },
    money(item.amountSatang),
  ]);
  const summary = (text: string, s: number, strong = false): TableCell[] => {
    const style = strong ? { bold: true, fontSize: m.total, color: BRAND } : {};
    return [
      { text: br(text), colSpan: 3, alignment: 'right', ...style },
      '',
      '',
      { ...money(s), ...style },
    ];
  };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', m.font * 9],
      body: [
        [
          head('item', 'left'),
          head('invoice', 'center'),
          head('period', 'center'),
          head('amount', 'right'),
        ],
        ...items,
        ...(doc.creditSatang > 0 ? [summary(t('credit'), doc.creditSatang)] : []),
        summary(t('total'), doc.totalSatang, true),
        [
          {
            text: [
              { text: `${t('inWords')} `, color: MUTED },
              { text: `(${bahtText(doc.totalSatang)})`, bold: true },
            ],
            colSpan: 4,
            alignment: 'right',
            fillColor: SHADE,
          },
          '',
          '',
          '',
        ],
      ],
    },
    layout: gridLayout(m),
    margin: [0, 0, 0, m.gap * 3],
  };
}

function signature(doc: ReceiptDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: ReceiptLabelKey) => receiptLabel(key, lang);
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [
          { text: `${t('signature')} ${'.'.repeat(48)} ${t('receiver')}` },
          { text: br(`(${doc.receivedBy})`), alignment: 'center', margin: [0, m.gap / 2, 0, 0] },
        ],
      },
    ],
    unbreakable: true,
  };
}

/** a name, its value, and whether the value is printed bold */
type Pair = [string, string, boolean?];

function pairs(rows: Pair[]): Content {
  return {
    table: {
      widths: ['auto', '*'],
      body: rows.map(([k, v, strong]) => [
        { text: k, color: MUTED },
        { text: br(v), bold: !!strong },
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : 6),
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  };
}

function rule(width: number): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.2, lineColor: BRAND }],
  };
}

function gridLayout(m: Metrics) {
  return {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#9aa7b4',
    vLineColor: () => '#9aa7b4',
    paddingTop: () => m.pad,
    paddingBottom: () => m.pad,
  };
}

function boxLayout() {
  return {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
      i === 0 || i === node.table.body.length ? 1 : 0,
    vLineWidth: () => 1,
    hLineColor: () => BRAND,
    vLineColor: () => BRAND,
    fillColor: () => SHADE,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
}
