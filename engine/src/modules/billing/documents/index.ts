/** Invoice documents: the A4/A5 PDF and the 58 mm slip layout (pure rendering, no database). */
export * from './invoice-document.js';
export { renderInvoicePdf, invoicePdfDefinition } from './invoice-pdf.js';
export { invoiceSlipLayout, slipRowCells, SLIP_WIDTH, type SlipCodeRow } from './invoice-slip.js';
export { paymentPayloads, type PaymentPayloads } from './payment-codes.js';
// shared with other documents (receipts): the PDF fonts, Thai text layout, period names
export { FONT, FONT_FEATURES, renderPdf } from './pdf-fonts.js';
export { displayCells, forPdf, wrapCells } from './thai-text.js';
export { periodName } from './invoice-labels.js';
