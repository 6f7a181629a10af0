/** Receipt documents: the A5/A4 PDF and the 58 mm slip layout (pure rendering, no database). */
export * from './receipt-document.js';
export { renderReceiptPdf, receiptPdfDefinition } from './receipt-pdf.js';
export { receiptSlipLayout } from './receipt-slip.js';
