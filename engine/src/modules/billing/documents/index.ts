/** Invoice documents: the A4/A5 PDF and the 58 mm slip layout (pure rendering, no database). */
export * from './invoice-document.js';
export { renderInvoicePdf, invoicePdfDefinition } from './invoice-pdf.js';
export { invoiceSlipLayout, slipRowCells, SLIP_WIDTH, type SlipCodeRow } from './invoice-slip.js';
export { paymentPayloads, type PaymentPayloads } from './payment-codes.js';
