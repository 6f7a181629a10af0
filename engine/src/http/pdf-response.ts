/** What printable-document routes share: the size and language query, and the PDF answer. */
import type { Response } from 'express';
import { z } from 'zod';

/** `?size=A4|A5&lang=th|en`, with the document's usual paper size as the default. */
export function documentQuery(defaultSize: 'A4' | 'A5') {
  return z.object({
    size: z.enum(['A4', 'A5']).default(defaultSize),
    lang: z.enum(['th', 'en']).default('th'),
  });
}

/** Answers with the PDF, shown in the browser under the document's number. */
export function sendPdf(res: Response, number: string, pdf: Buffer): void {
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `inline; filename="${number}.pdf"`)
    .send(pdf);
}

/** One printed row of the 58 mm slip (documents/invoice-document.ts `SlipRow`). */
export const slipRowSchema = z.object({
  text: z.string(),
  align: z.enum(['left', 'center', 'right']).optional(),
  bold: z.boolean().optional(),
  size: z.enum(['normal', 'large']).optional(),
  right: z.string().optional(),
});
