import { z } from 'zod';
import type { ApiRouter } from '../../http/api-router.js';
import { documentQuery, sendPdf, slipRowSchema } from '../../http/pdf-response.js';
import type { InvoiceDocuments } from './invoice-documents.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const slipSchema = z
  .object({
    widthChars: z.literal(32),
    rows: z.array(slipRowSchema),
    qrPayload: z.string(),
    barcodePayload: z.string(),
  })
  .openapi('InvoiceSlip');

/** An invoice printed: A4/A5 PDF for paper and mail, the 58 mm slip layout for the handheld. */
export function invoiceDocumentRoutes(api: ApiRouter, docs: InvoiceDocuments): void {
  const tag = 'invoices';
  api.route(
    {
      method: 'get',
      path: '/invoices/:id/pdf',
      summary:
        'The invoice as a PDF (application/pdf): Thai font, amount in words, BE dates, Thai QR and bank barcode',
      tag,
      access: 'signed-in',
      params: idParams,
      query: documentQuery('A4'),
    },
    async ({ params, query, actor, tenantId, res }) => {
      const { number, pdf } = await docs.pdf(params.id, query, actor, tenantId);
      sendPdf(res, number, pdf);
    },
  );
  api.route(
    {
      method: 'get',
      path: '/invoices/:id/slip',
      summary: 'The invoice as rows of the handheld’s 58 mm slip, with the QR and barcode payloads',
      tag,
      access: 'signed-in',
      params: idParams,
      response: slipSchema,
    },
    ({ params, actor, tenantId }) => docs.slip(params.id, actor, tenantId),
  );
}
