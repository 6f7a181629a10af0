import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { InvoiceService } from './invoice.service.js';
import { billLinesSchema } from './tariff.schema.js';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const int = z.number().int();
export const invoiceSchema = z
  .object({
    id: int,
    number: z.string(),
    kind: z.string(),
    accountId: int,
    accountNumber: z.string(),
    customerName: z.string(),
    waterworksId: int.nullable(),
    villageId: int.nullable(),
    period: z.string(),
    status: z.enum(['open', 'paid', 'void']),
    issueDate: z.string(),
    dueDate: z.string(),
    tariffCode: z.string().nullable(),
    readingId: int.nullable(),
    consumptionM3: int.nullable(),
    lines: billLinesSchema,
    waterChargeSatang: int,
    feesSatang: int,
    leviesSatang: int,
    vatSatang: int,
    roundingSatang: int,
    totalSatang: int,
    arrearsSatang: int,
    creditedSatang: int,
    paidSatang: int,
    balanceSatang: int,
    amountDueSatang: int,
    ref1: z.string(),
    ref2: z.string(),
    billerId: z.string(),
    billingRunId: int.nullable(),
    paidAt: z.string().nullable(),
  })
  .openapi('Invoice');
const creditNoteSchema = z
  .object({
    id: int,
    number: z.string(),
    invoiceId: int,
    amountSatang: int,
    reason: z.string(),
    issueDate: z.string(),
  })
  .openapi('CreditNote');
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function invoiceRoutes(api: ApiRouter, svc: InvoiceService): void {
  const tag = 'invoices';
  api.route(
    {
      method: 'get',
      path: '/invoices',
      summary: 'Invoices (residents: their linked accounts’ only)',
      tag,
      access: 'signed-in',
      query: z.object({
        status: z.enum(['open', 'paid', 'void']).optional(),
        account: z.coerce.number().int().positive().optional(),
        period: period.optional(),
        village: z.coerce.number().int().positive().optional(),
        waterworks: z.coerce.number().int().positive().optional(),
        kind: z.enum(['water', 'installation', 'reconnection']).optional(),
        billingRunId: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({ total: int, items: z.array(invoiceSchema) }),
    },
    ({ query, actor, tenantId }) =>
      svc.list(
        {
          status: query.status,
          accountId: query.account,
          period: query.period,
          villageId: query.village,
          waterworksId: query.waterworks,
          kind: query.kind,
          billingRunId: query.billingRunId,
          limit: query.limit,
          offset: query.offset,
        },
        actor,
        tenantId,
      ),
  );
  api.route(
    {
      method: 'get',
      path: '/invoices/:id',
      summary: 'One invoice with its lines and credit notes',
      tag,
      access: 'signed-in',
      params: idParams,
      response: invoiceSchema.extend({ creditNotes: z.array(creditNoteSchema) }),
    },
    ({ params, actor, tenantId }) => svc.get(params.id, actor, tenantId),
  );
  api.route(
    {
      method: 'post',
      path: '/invoices/:id/credit-notes',
      summary: 'Correct an issued invoice with a credit note (its own number series)',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      body: z.object({
        amountSatang: z.number().int().positive(),
        reason: z.string().trim().min(3).max(500),
      }),
      response: creditNoteSchema,
      status: 201,
    },
    ({ params, body, tenantId }) => svc.creditNote(params.id, body, tenantId),
  );
}
