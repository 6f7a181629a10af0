import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { BillingSettingsService } from './billing-settings.service.js';

const rules = z
  .object({
    dueDays: z.number().int().min(0).max(365),
    penaltyKind: z.enum(['none', 'flat', 'percent']),
    penaltyValue: z.number().int().min(0).max(10_000_000),
    invoicePrefix: z.string().regex(/^[A-Z]{1,8}$/),
    creditNotePrefix: z.string().regex(/^[A-Z]{1,8}$/),
    runChunkSize: z.number().int().min(1).max(5000),
  })
  .openapi('BillingSettings');

export function billingSettingsRoutes(api: ApiRouter, svc: BillingSettingsService): void {
  const tag = 'billing';
  api.route(
    {
      method: 'get',
      path: '/billing-settings',
      summary: 'Billing rules: days to the due date, late penalty, document prefixes',
      tag,
      access: 'staff',
      response: rules,
    },
    ({ tenantId }) => svc.get(tenantId),
  );
  api.route(
    {
      method: 'patch',
      path: '/billing-settings',
      summary: 'Change billing rules (from the next invoice on)',
      tag,
      access: roles('admin', 'finance'),
      body: rules.partial(),
      response: rules,
    },
    ({ tenantId, body }) => svc.update(tenantId, body),
  );
}
