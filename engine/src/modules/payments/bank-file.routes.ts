import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { readUpload } from '../registry/registry-upload.js';
import type { BankFileService } from './bank-file.service.js';
import type { BankLayouts } from './bank-layouts.js';
import type { BankLineService } from './bank-line.service.js';
import { paymentSchema, receiptSchema } from './payment.routes.js';
import { assertReason } from './void.service.js';

const int = z.number().int();
const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
/** What the bank sent on a line. */
const sentSchema = z.object({
  lineNo: int,
  bankCode: z.string(),
  paidAt: z.string(),
  customerName: z.string(),
  ref1: z.string(),
  ref2: z.string(),
  ref3: z.string(),
  kind: z.string(),
  amountSatang: int,
  sendingBank: z.string(),
});

const bankLineSchema = sentSchema
  .extend({
    id: int,
    bankFileId: int,
    status: z.enum(['matched', 'unmatched', 'resolved', 'dismissed']),
    reason: z.string().nullable(),
    paymentId: int.nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('BankLine');

const fileLineSchema = sentSchema
  .extend({
    status: z.enum(['matched', 'unmatched', 'resolved', 'dismissed', 'duplicate']),
    reason: z.string().nullable(),
    bankLineId: int.nullable(),
    paymentId: int.nullable(),
    receiptId: int.nullable(),
    receiptNumber: z.string().nullable(),
  })
  .openapi('BankFileLine');

export function bankFileRoutes(
  api: ApiRouter,
  files: BankFileService,
  lines: BankLineService,
  layouts: BankLayouts,
): void {
  const tag = 'bank files';
  api.route(
    {
      method: 'post',
      path: '/bank-files',
      summary:
        'Import a bank’s daily bill-payment file (the raw file as the body, TIS-620): refused whole with 422 naming each line at fault, 409 when imported before; matched lines become payments with receipts',
      tag,
      access: roles('admin', 'finance'),
      query: z.object({
        bank: z.string().min(3).max(20),
        fileName: z.string().max(200).optional(),
      }),
      response: z.object({
        id: int,
        bank: z.string(),
        effectiveDate: z.string(),
        lines: int,
        matched: int,
        unmatched: int,
        duplicates: int,
        totalSatang: int,
        matchedSatang: int,
      }),
      status: 201,
    },
    async ({ query, actor, tenantId, req }) =>
      files.import(await readUpload(req), query.bank, actor, tenantId, {
        fileName: query.fileName,
      }),
  );
  api.route(
    {
      method: 'get',
      path: '/bank-files',
      summary: 'Imported bank files, newest first',
      tag,
      access: roles('admin', 'finance'),
      query: z.object(page),
    },
    ({ query }) => lines.files(query),
  );
  api.route(
    {
      method: 'get',
      path: '/bank-files/:id/lines',
      summary:
        'The lines of a bank file as the bank sent them, each with what became of it (matched with its payment and receipt, an exception, or a duplicate)',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      query: z.object(page),
      response: z.object({ total: int, items: z.array(fileLineSchema) }),
    },
    ({ params, query }) => lines.fileLines(params.id, query),
  );
  api.route(
    {
      method: 'get',
      path: '/bank-lines',
      summary:
        'Bank lines that did not match on import (the exceptions); status=unmatched is the queue finance works',
      tag,
      access: roles('admin', 'finance'),
      query: z.object({
        status: z.enum(['matched', 'unmatched', 'resolved', 'dismissed']).optional(),
        bankFileId: id.optional(),
        ...page,
      }),
      response: z.object({ total: int, items: z.array(bankLineSchema) }),
    },
    ({ query }) => lines.lines(query),
  );
  api.route(
    {
      method: 'post',
      path: '/bank-lines/:id/match',
      summary:
        'Finance matches an unmatched line to an account (and invoices): a payment with its receipt',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      body: z.object({
        accountId: z.number().int().positive(),
        invoiceIds: z.array(z.number().int().positive()).max(60).optional(),
        note: z.string().max(500).optional(),
      }),
      response: z.object({ line: bankLineSchema, payment: paymentSchema, receipt: receiptSchema }),
      status: 201,
    },
    ({ params, body, actor, tenantId }) => lines.match(params.id, body, actor, tenantId),
  );
  api.route(
    {
      method: 'post',
      path: '/bank-lines/:id/dismiss',
      summary: 'Finance sets an unmatched line aside, with a reason',
      tag,
      access: roles('admin', 'finance'),
      params: idParams,
      body: z.object({ reason: z.string().max(500) }),
      response: bankLineSchema,
    },
    ({ params, body, actor }) => lines.dismiss(params.id, assertReason(body.reason), actor),
  );
  api.route(
    {
      method: 'get',
      path: '/bank-layouts',
      summary: 'Bank file layouts: the built-in Bank of Thailand ones and the tenant’s own',
      tag,
      access: roles('admin', 'finance'),
    },
    () => layouts.list(),
  );
  api.route(
    {
      method: 'put',
      path: '/bank-layouts/:code',
      summary: 'Add or replace a bank’s file layout (data, no code): 422 names each field at fault',
      tag,
      access: roles('admin'),
      params: z.object({ code: z.string().min(2).max(20) }),
      body: z.record(z.string(), z.unknown()),
    },
    ({ params, body }) => layouts.save({ ...body, code: params.code }),
  );
}
