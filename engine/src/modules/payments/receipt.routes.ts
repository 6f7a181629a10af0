import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { documentQuery, sendPdf, slipRowSchema } from '../../http/pdf-response.js';
import { receiptSchema } from './payment.routes.js';
import type { ReceiptService } from './receipt.service.js';
import { assertReason, type VoidService } from './void.service.js';

const int = z.number().int();
const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};
const voidRequestSchema = z
  .object({
    id: int,
    receiptId: int,
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    receipt: receiptSchema.nullable(),
  })
  .openapi('VoidRequest');

export function receiptRoutes(api: ApiRouter, receipts: ReceiptService, voids: VoidService): void {
  const tag = 'receipts';
  api.route(
    {
      method: 'get',
      path: '/receipts',
      summary:
        'The receipt control register (ทะเบียนคุมใบเสร็จ): every number, valid or void, with any missing number of the fiscal year named',
      tag,
      access: roles('admin', 'cashier', 'finance', 'chief_administrator', 'mayor'),
      query: z.object({
        fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
        from: day.optional(),
        to: day.optional(),
        status: z.enum(['valid', 'void']).optional(),
        account: id.optional(),
        ...page,
      }),
      response: z.object({
        total: int,
        validAmountSatang: int,
        voidCount: int,
        missingNumbers: z.array(int),
        items: z.array(receiptSchema),
      }),
    },
    ({ query, tenantId }) => receipts.register({ ...query, accountId: query.account }, tenantId),
  );
  api.route(
    {
      method: 'get',
      path: '/receipts/:id',
      summary: 'One receipt (residents: their accounts’ only)',
      tag,
      access: 'signed-in',
      params: idParams,
      response: receiptSchema,
    },
    ({ params, actor }) => receipts.get(params.id, actor),
  );
  api.route(
    {
      method: 'get',
      path: '/receipts/:id/pdf',
      summary: 'The receipt as a PDF (A5 unless told): amount in Thai words, BE date, void marked',
      tag,
      access: 'signed-in',
      params: idParams,
      query: documentQuery('A5'),
    },
    async ({ params, query, actor, tenantId, res }) => {
      const { number, pdf } = await receipts.pdf(params.id, query, actor, tenantId);
      sendPdf(res, number, pdf);
    },
  );
  api.route(
    {
      method: 'get',
      path: '/receipts/:id/slip',
      summary: 'The receipt as rows of the 58 mm printer (32 cells a row)',
      tag,
      access: 'signed-in',
      params: idParams,
      response: z.object({
        widthChars: z.literal(32),
        rows: z.array(slipRowSchema),
      }),
    },
    ({ params, actor, tenantId }) => receipts.slip(params.id, actor, tenantId),
  );
  api.route(
    {
      method: 'post',
      path: '/receipts/:id/void-requests',
      summary: 'Ask to void a receipt, with a reason; finance (someone else) decides',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      params: idParams,
      body: z.object({ reason: z.string().max(500) }),
      response: voidRequestSchema,
      status: 201,
    },
    ({ params, body, actor }) => voids.request(params.id, assertReason(body.reason), actor),
  );
  api.route(
    {
      method: 'get',
      path: '/void-requests',
      summary: 'Requests to void receipts (pending first for finance)',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      query: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), ...page }),
      response: z.object({ total: int, items: z.array(voidRequestSchema) }),
    },
    ({ query }) => voids.list(query),
  );
  api.route(
    {
      method: 'post',
      path: '/void-requests/:id/approve',
      summary: 'Finance approves: the receipt is void (number kept), the invoices reopen',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      body: z.object({ note: z.string().max(500).optional() }).default({}),
      response: voidRequestSchema,
    },
    ({ params, body, actor }) => voids.approve(params.id, actor, body.note),
  );
  api.route(
    {
      method: 'post',
      path: '/void-requests/:id/reject',
      summary: 'Finance refuses the void, with a note',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      body: z.object({ note: z.string().max(500) }),
      response: voidRequestSchema,
    },
    ({ params, body, actor }) => voids.reject(params.id, actor, assertReason(body.note)),
  );
}
