import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { readUpload } from '../registry/registry-upload.js';
import { paymentSchema, receiptSchema } from './payment.routes.js';
import type { SlipService } from './slip.service.js';
import { assertReason } from './void.service.js';

const int = z.number().int();
const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const slipSchema = z
  .object({
    id: int,
    accountId: int,
    invoiceIds: z.array(int),
    amountSatang: int,
    sendingBank: z.string(),
    transactionRef: z.string(),
    channel: z.string(),
    imageType: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    status: z.enum(['pending', 'accepted', 'rejected']),
    verification: z.unknown(),
    rejectReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    paymentId: int.nullable(),
  })
  .openapi('Slip');
const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/)
  .transform((s) => s.split(',').map(Number));

export function slipRoutes(api: ApiRouter, slips: SlipService): void {
  const tag = 'slips';
  api.route(
    {
      method: 'post',
      path: '/slips',
      summary:
        'Send a transfer slip (the PNG/JPEG image as the body; account, amount and invoices in the query): its QR is read, a slip sent before is refused with 409',
      tag,
      access: roles('admin', 'cashier', 'finance', 'clerk', 'resident'),
      query: z.object({
        accountId: id,
        amountSatang: z.coerce.number().int().positive(),
        invoiceIds: idList.optional(),
        channel: z.enum(['app', 'line', 'counter']).optional(),
      }),
      response: slipSchema,
      status: 201,
    },
    async ({ query, actor, req }) =>
      slips.submit(
        { ...query, image: await readUpload(req), contentType: req.get('content-type') },
        actor,
      ),
  );
  api.route(
    {
      method: 'get',
      path: '/slips',
      summary: 'Slips; status=pending is the verification queue (residents: their own)',
      tag,
      access: 'signed-in',
      query: z.object({
        status: z.enum(['pending', 'accepted', 'rejected']).optional(),
        accountId: id.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({ total: int, items: z.array(slipSchema) }),
    },
    ({ query, actor }) => slips.list(query, actor),
  );
  api.route(
    {
      method: 'get',
      path: '/slips/:id',
      summary: 'One slip',
      tag,
      access: 'signed-in',
      params: idParams,
      response: slipSchema,
    },
    ({ params, actor }) => slips.get(params.id, actor),
  );
  api.route(
    {
      method: 'get',
      path: '/slips/:id/image',
      summary: 'The slip image as sent',
      tag,
      access: 'signed-in',
      params: idParams,
    },
    async ({ params, actor, res }) => {
      const { type, bytes } = await slips.image(params.id, actor);
      res.status(200).type(type).setHeader('Cache-Control', 'private, max-age=3600').send(bytes);
    },
  );
  api.route(
    {
      method: 'post',
      path: '/slips/:id/accept',
      summary: 'Staff accept a slip: a payment with its receipt',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      params: idParams,
      body: z
        .object({
          invoiceIds: z.array(z.number().int().positive()).max(60).optional(),
          amountSatang: z.number().int().positive().optional(),
        })
        .default({}),
      response: z.object({ slip: slipSchema, payment: paymentSchema, receipt: receiptSchema }),
    },
    ({ params, body, actor, tenantId }) => slips.accept(params.id, body, actor, tenantId),
  );
  api.route(
    {
      method: 'post',
      path: '/slips/:id/reject',
      summary: 'Staff reject a slip with a reason; the sender is told',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      params: idParams,
      body: z.object({ reason: z.string().max(500) }),
      response: slipSchema,
    },
    ({ params, body, actor, tenantId }) =>
      slips.reject(params.id, assertReason(body.reason), actor, tenantId),
  );
}
