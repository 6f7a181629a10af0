import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { AuditLog } from './audit.service.js';
import { verifyAuditChain } from './audit-verify.js';

const eventSchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    at: z.string(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

export function auditRoutes(api: ApiRouter, audit: AuditLog): void {
  api.route(
    {
      method: 'get',
      path: '/audit-events',
      summary: "The tenant's audit events, newest first",
      tag: 'audit',
      access: roles('admin', 'finance', 'chief_administrator', 'mayor'),
      query: z.object({
        action: z.string().max(64).optional(),
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({ items: z.array(eventSchema), total: z.number().int() }),
    },
    async ({ query }) => audit.list(query),
  );

  api.route(
    {
      method: 'get',
      path: '/audit/verify',
      summary: "Check the tenant's audit chain against the database",
      tag: 'audit',
      access: roles('admin', 'finance', 'chief_administrator'),
    },
    async ({ tenantId }) => verifyAuditChain(audit, tenantId),
  );
}
