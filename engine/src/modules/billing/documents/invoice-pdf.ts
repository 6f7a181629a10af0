/**
 * The invoice as a PDF, A4 or A5 portrait: part 1 for the water user (who, what was read,
 * what it costs, the amount in Thai words), a cut line, part 2 for paying (Thai QR and the
 * bank barcode with their captions). Pure: same document and options → same bytes.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bahtText, formatBaht } from '../../../domain/index.js';
import {
  thaiLocalDate,
  type DocumentLang,
  type InvoiceDocument,
  type InvoicePdfOptions,
} from './invoice-document.js';
import {
  documentDate,
  formatM3,
  label,
  meterText,
  periodName,
  title,
  type LabelKey,
} from './invoice-labels.js';
import { barcodeCaption, barcodeSvg, paymentPayloads, qrSvg, svgSize } from './payment-codes.js';
import { FONT, FONT_FEATURES, renderPdf } from './pdf-fonts.js';
import { forPdf as br } from './thai-text.js';

const INK = '#1d2733';
const BRAND = '#0b4f8a';
const SHADE = '#e8f0f8';
const MUTED = '#5b6773';

interface Metrics {
  page: [number, number];
  margin: number;
  font: number;
  small: number;
  org: number;
  title: number;
  due: number;
  qr: number;
  /** target width of one barcode module, in points */
  module: number;
  /** space between blocks, and above and below the text in a table cell */
  gap: number;
  pad: number;
}

const METRICS: Record<InvoicePdfOptions['size'], Metrics> = {
  A4: {
    page: [595.28, 841.89],
    margin: 36,
    font: 10,
    small: 8,
    org: 15,
    title: 16,
    due: 15,
    qr: 120,
    module: 1,
    gap: 6,
    pad: 2,
  },
  A5: {
    page: [419.53, 595.28],
    margin: 22,
    font: 7.5,
    small: 6,
    org: 11,
    title: 12,
    due: 11,
    qr: 92,
    module: 0.9,
    gap: 3,
    pad: 0.5,
  },
};

export async function renderInvoicePdf(
  doc: InvoiceDocument,
  opts: InvoicePdfOptions,
): Promise<Buffer> {
  return renderPdf(invoicePdfDefinition(doc, opts));
}

/** The pdfmake document definition of an invoice (exported for tests and previews). */
export function invoicePdfDefinition(
  doc: InvoiceDocument,
  opts: InvoicePdfOptions,
): TDocumentDefinitions {
  const lang = opts.lang ?? 'th';
  const m = METRICS[opts.size];
  const width = m.page[0] - 2 * m.margin;
  const t = (key: LabelKey) => label(key, lang);
  const issued = thaiLocalDate(doc.issueDate);
  return {
    pageSize: opts.size,
    pageOrientation: 'portrait',
    pageMargins: m.margin,
    info: {
      title: `${title(doc.kind, lang)} ${doc.number}`,
      author: doc.tenant.name,
      subject: `${doc.account.number} ${doc.account.waterUserName}`,
      creator: 'Prapa',
      producer: 'Prapa',
      creationDate: issued,
      modDate: issued,
    },
    defaultStyle: {
      font: FONT,
      fontFeatures: FONT_FEATURES,
      fontSize: m.font,
      color: INK,
      lineHeight: 1.05,
    },
    content: [
      header(doc, lang, m),
      rule(width, 1.2, BRAND),
      accountBlock(doc, lang, m),
      doc.reading ? readingTable(doc, lang, m) : '',
      chargesTable(doc, lang, m),
      notes(doc, lang, m),
      cutLine(width, t('paymentPart'), m),
      paymentPart(doc, lang, m, width),
    ],
  };
}

function header(doc: InvoiceDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: LabelKey) => label(key, lang);
  const { tenant } = doc;
  const contact = [
    `${t('taxId')} ${tenant.taxId}`,
    tenant.phone ? `${t('phone')} ${tenant.phone}` : '',
  ]
    .filter(Boolean)
    .join('   ');
  const box: TableCell[][] = [
    [
      {
        text: title(doc.kind, lang),
        bold: true,
        fontSize: m.title,
        color: BRAND,
        alignment: 'center',
      },
    ],
    [{ text: `${t('number')} ${doc.number}`, alignment: 'center', bold: true }],
    [
      {
        text: doc.period
          ? `${t('period')} ${periodName(doc.period, lang)}`
          : documentDate(doc.issueDate, lang, 'long'),
        alignment: 'center',
      },
    ],
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
        layout: boxLayout(SHADE),
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, m.gap],
  };
}

function accountBlock(doc: InvoiceDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: LabelKey) => label(key, lang);
  const pairs = (rows: [string, string, boolean?][]): Content => ({
    table: {
      widths: ['auto', '*'],
      body: rows.map(([k, v, strong]) => [
        { text: k, color: MUTED },
        { text: br(v), bold: !!strong },
      ]),
    },
    layout: plainLayout(),
  });
  return {
    columns: [
      pairs([
        [t('account'), doc.account.number, true],
        [t('waterUser'), doc.account.waterUserName, true],
        [t('address'), doc.account.address],
        [t('meter'), meterText(doc, lang)],
      ]),
      {
        width: m.page[0] * 0.34,
        stack: [
          pairs([
            [t('issueDate'), documentDate(doc.issueDate, lang, 'long')],
            [t('dueDate'), documentDate(doc.dueDate, lang, 'long'), true],
            ...(doc.period
              ? [[t('period'), periodName(doc.period, lang)] as [string, string]]
              : []),
          ]),
        ],
      },
    ],
    columnGap: 12,
    margin: [0, m.gap, 0, m.gap],
  };
}

function readingTable(doc: InvoiceDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: LabelKey) => label(key, lang);
  const r = doc.reading;
  if (!r) return '';
  const head = (key: LabelKey): TableCell => ({
    text: t(key),
    bold: true,
    alignment: 'center',
    fillColor: SHADE,
  });
  const cell = (text: string, bold = false): TableCell => ({ text, alignment: 'center', bold });
  return {
    table: {
      widths: ['*', '*', '*', '*'],
      body: [
        [head('readOn'), head('previous'), head('current'), head('consumption')],
        [
          cell(r.readOn ? documentDate(r.readOn, lang, 'medium') : '-'),
          cell(formatM3(r.previous)),
          cell(formatM3(r.current)),
          cell(formatM3(r.consumptionM3), true),
        ],
      ],
    },
    layout: gridLayout(m),
    margin: [0, 0, 0, m.gap],
  };
}

function chargesTable(doc: InvoiceDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: LabelKey) => label(key, lang);
  const head = (key: LabelKey, alignment: 'left' | 'right'): TableCell => ({
    text: t(key),
    bold: true,
    alignment,
    fillColor: SHADE,
  });
  const money = (s: number) => ({ text: formatBaht(s), alignment: 'right' as const });
  const lines: TableCell[][] = doc.lines.map((line) => [
    { text: br(line.label[lang]) },
    { text: line.quantityM3 === undefined ? '' : formatM3(line.quantityM3), alignment: 'right' },
    {
      text: line.unitPriceSatang === undefined ? '' : formatBaht(line.unitPriceSatang),
      alignment: 'right',
    },
    money(line.amountSatang),
  ]);
  const summary = (key: LabelKey, s: number, strong = false): TableCell[] => {
    const style = strong ? { bold: true, fontSize: m.due, color: BRAND } : {};
    return [
      { text: t(key), colSpan: 3, alignment: 'right', ...style },
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
          head('quantity', 'right'),
          head('unitPrice', 'right'),
          head('amount', 'right'),
        ],
        ...lines,
        summary('total', doc.totalSatang),
        summary('arrears', doc.arrearsSatang),
        summary('amountDue', doc.amountDueSatang, true),
        [
          {
            text: [
              { text: `(${t('inWords')}) `, color: MUTED },
              { text: bahtText(doc.amountDueSatang), bold: true },
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
    margin: [0, 0, 0, m.gap],
  };
}

function notes(doc: InvoiceDocument, lang: DocumentLang, m: Metrics): Content {
  const t = (key: LabelKey) => label(key, lang);
  return {
    stack: [
      doc.roundingNote ? { text: br(doc.roundingNote[lang]), color: MUTED } : '',
      { text: br(t('payBy')) },
      { text: t('notAReceipt'), bold: true },
    ],
    fontSize: m.small,
    margin: [0, 0, 0, m.gap],
  };
}

function paymentPart(doc: InvoiceDocument, lang: DocumentLang, m: Metrics, width: number): Content {
  const t = (key: LabelKey) => label(key, lang);
  const { qrPayload, barcodePayload } = paymentPayloads(doc);
  const details: [string, string, boolean?][] = [
    [t('waterUser'), doc.account.waterUserName],
    [t('ref1'), doc.payment.ref1, true],
    [t('ref2'), doc.payment.ref2, true],
    [t('billerId'), doc.payment.billerId],
    [t('dueDate'), documentDate(doc.dueDate, lang, 'long')],
  ];
  const detailTable: Content = {
    table: {
      widths: ['auto', '*'],
      body: [
        [{ text: br(doc.tenant.name), bold: true, colSpan: 2, color: BRAND }, ''],
        ...details.map(([k, v, strong]): TableCell[] => [
          { text: k, color: MUTED },
          { text: br(v), bold: !!strong },
        ]),
        [
          { text: t('amountDue'), bold: true, fontSize: m.due, color: BRAND },
          {
            text: `${formatBaht(doc.amountDueSatang)} ${t('baht')}`,
            bold: true,
            fontSize: m.due,
            color: BRAND,
          },
        ],
      ],
    },
    layout: plainLayout(),
  };
  if (!qrPayload) {
    return {
      stack: [detailTable, { text: t('nothingToPay'), bold: true, margin: [0, 6, 0, 0] }],
      unbreakable: true,
    };
  }
  const qr = qrSvg(qrPayload);
  const size = (svg: string, w: number) => {
    const { width: sw, height } = svgSize(svg, w);
    return { width: sw, height };
  };
  const bars = barcodeSvg(barcodePayload);
  return {
    stack: [
      {
        columns: [
          {
            width: m.qr + 24,
            stack: [
              { svg: qr, ...size(qr, m.qr), alignment: 'center' },
              {
                text: br(t('qrCaption')),
                fontSize: m.small,
                alignment: 'center',
                margin: [0, 2, 0, 0],
              },
            ],
          },
          { width: '*', stack: [detailTable] },
        ],
        columnGap: 12,
      },
      {
        svg: bars.svg,
        ...size(bars.svg, Math.min(width, bars.modules * m.module)),
        alignment: 'center',
        margin: [0, m.gap, 0, 1],
      },
      {
        text: barcodeCaption(barcodePayload),
        alignment: 'center',
        fontSize: m.small,
        preserveLeadingSpaces: true,
      },
      { text: br(t('barcodeCaption')), alignment: 'center', fontSize: m.small, color: MUTED },
    ],
    unbreakable: true,
  };
}

function rule(width: number, lineWidth: number, color: string): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth, lineColor: color }],
  };
}

function cutLine(width: number, caption: string, m: Metrics): Content {
  return {
    stack: [
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 0,
            x2: width,
            y2: 0,
            lineWidth: 0.8,
            dash: { length: 4, space: 3 },
            lineColor: MUTED,
          },
        ],
      },
      { text: caption, fontSize: m.small, color: MUTED, margin: [0, 1, 0, m.gap] },
    ],
    margin: [0, m.gap, 0, 0],
  };
}

function plainLayout() {
  return {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i: number) => (i === 0 ? 0 : 6),
    paddingTop: () => 1,
    paddingBottom: () => 1,
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

function boxLayout(fill: string) {
  return {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
      i === 0 || i === node.table.body.length ? 1 : 0,
    vLineWidth: () => 1,
    hLineColor: () => BRAND,
    vLineColor: () => BRAND,
    fillColor: () => fill,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
}
