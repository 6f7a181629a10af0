import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { CashierSessionService } from './cashier-session.service.js';
import type { PaymentService } from './payment.service.js';

const int = z.number().int();
const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const receiptSchema = z
  .object({
    id: int,
    paymentId: int,
    book: int,
    number: int,
    documentNumber: z.string(),
    fiscalYear: int,
    accountId: int,
    accountNumber: z.string(),
    payerName: z.string(),
    method: z.string(),
    amountSatang: int,
    creditSatang: int,
    items: z.array(
      z.object({
        invoiceId: int.nullable(),
        invoiceNumber: z.string().nullable(),
        period: z.string().nullable(),
        kind: z.string(),
        amountSatang: int,
      }),
    ),
    issuedAt: z.string(),
    issuedBy: z.string(),
    issuedByName: z.string(),
    status: z.enum(['valid', 'void']),
    voidReason: z.string().nullable(),
    voidedAt: z.string().nullable(),
    voidedBy: z.string().nullable(),
  })
  .openapi('Receipt');
export const paymentSchema = z
  .object({
    id: int,
    accountId: int,
    method: z.string(),
    channel: z.string(),
    amountSatang: int,
    appliedSatang: int,
    unappliedSatang: int,
    status: z.enum(['posted', 'void']),
    receivedAt: z.string(),
    receivedBy: z.string(),
    cashierSessionId: int.nullable(),
    bankFileId: int.nullable(),
    allocations: z.array(z.object({ invoiceId: int, amountSatang: int })),
  })
  .openapi('Payment');
const paidSchema = z.object({ payment: paymentSchema, receipt: receiptSchema.nullable() });
const sessionSchema = z
  .object({
    id: int,
    cashier: z.string(),
    cashierName: z.string(),
    status: z.enum(['open', 'closed', 'approved']),
    openingFloatSatang: int,
    expectedCashSatang: int.nullable(),
    countedCashSatang: int.nullable(),
    differenceSatang: int.nullable(),
    closeNote: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
  })
  .openapi('CashierSession');
const summarySchema = z.object({
  receiptCount: int,
  voidCount: int,
  firstReceipt: z.string().nullable(),
  lastReceipt: z.string().nullable(),
  cashSatang: int,
  byMethod: z.record(z.string(), z.object({ count: int, amountSatang: int })),
});

export function paymentRoutes(api: ApiRouter, payments: PaymentService): void {
  const tag = 'payments';
  api.route(
    {
      method: 'post',
      path: '/payments',
      summary:
        'Take a payment at the counter and issue its receipt (cash needs the cashier’s open session; an Idempotency-Key header makes a retry safe)',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      body: z.object({
        accountId: z.number().int().positive().optional(),
        invoiceIds: z.array(z.number().int().positive()).max(60).default([]),
        amountSatang: z.number().int().positive(),
        method: z.enum(['cash', 'transfer', 'cheque']),
      }),
      response: paidSchema,
      status: 201,
    },
    ({ body, actor, tenantId, req }) =>
      payments.pay(body, actor, tenantId, req.get('Idempotency-Key')?.slice(0, 80) || undefined),
  );
  api.route(
    {
      method: 'get',
      path: '/payments',
      summary: 'Payments received, newest first',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      query: z.object({
        method: z.enum(['cash', 'transfer', 'bank', 'slip', 'cheque']).optional(),
        cashierSessionId: id.optional(),
        bankFileId: id.optional(),
        from: day.optional(),
        to: day.optional(),
        ...page,
      }),
      response: z.object({ total: int, items: z.array(paidSchema) }),
    },
    ({ query }) => payments.list(query),
  );
  api.route(
    {
      method: 'get',
      path: '/payments/:id',
      summary: 'One payment with its receipt (residents: their accounts’ only)',
      tag,
      access: 'signed-in',
      params: idParams,
      response: paidSchema,
    },
    ({ params, actor }) => payments.get(params.id, actor),
  );
  api.route(
    {
      method: 'get',
      path: '/accounts/:id/payments',
      summary: 'An account’s payment history with receipts, and its credit (residents: their own)',
      tag,
      access: 'signed-in',
      params: idParams,
      query: z.object(page),
      response: z.object({
        accountId: int,
        creditSatang: int,
        total: int,
        items: z.array(paidSchema),
      }),
    },
    ({ params, query, actor }) => payments.history(params.id, actor, query),
  );
}

export function cashierSessionRoutes(
  api: ApiRouter,
  sessions: CashierSessionService,
  staffName: (username: string) => Promise<string>,
): void {
  const tag = 'cashier sessions';
  api.route(
    {
      method: 'post',
      path: '/cashier-sessions',
      summary: 'Open the caller’s cashier day with its float',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      body: z.object({ openingFloatSatang: z.number().int().min(0) }),
      response: sessionSchema,
      status: 201,
    },
    async ({ body, actor }) => sessions.open(actor, body, await staffName(actor.username)),
  );
  api.route(
    {
      method: 'get',
      path: '/cashier-sessions/current',
      summary: 'The caller’s open cashier day with what it took so far (204 when none is open)',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      response: sessionSchema.extend({ summary: summarySchema }),
    },
    async ({ actor }) => (await sessions.current(actor)) ?? undefined,
  );
  api.route(
    {
      method: 'get',
      path: '/cashier-sessions',
      summary: 'Cashier days, newest first',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      query: z.object({
        status: z.enum(['open', 'closed', 'approved']).optional(),
        cashier: z.string().optional(),
        ...page,
      }),
      response: z.object({ total: int, items: z.array(sessionSchema) }),
    },
    ({ query }) => sessions.list(query),
  );
  api.route(
    {
      method: 'get',
      path: '/cashier-sessions/:id',
      summary: 'One cashier day with its takings by method and its receipt range',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      params: idParams,
      response: sessionSchema.extend({ summary: summarySchema }),
    },
    ({ params }) => sessions.get(params.id),
  );
  api.route(
    {
      method: 'post',
      path: '/cashier-sessions/:id/close',
      summary: 'Close the day with the cash counted; a difference needs a note',
      tag,
      access: roles('admin', 'cashier', 'finance'),
      params: idParams,
      body: z.object({
        countedCashSatang: z.number().int().min(0),
        note: z.string().trim().max(500).optional(),
      }),
      response: sessionSchema,
    },
    ({ params, body, actor }) => sessions.close(params.id, actor, body),
  );
  api.route(
    {
      method: 'post',
      path: '/cashier-sessions/:id/approve',
      summary: 'Finance approves a closed day; it is locked from then on',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      response: sessionSchema,
    },
    ({ params, actor }) => sessions.approve(params.id, actor),
  );
}
