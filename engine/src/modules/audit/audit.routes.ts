import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { AuditEvent } from './audit-event.model.js';
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
    async ({ query }) => {
      const where = Object.fromEntries(
        Object.entries({ action: query.action, entityType: query.entityType, entityId: query.entityId }).filter(([, v]) => v),
      );
      const { rows, count } = await AuditEvent.findAndCountAll({ where, order: [['seq', 'DESC']], limit: query.limit, offset: query.offset });
      return {
        total: count,
        items: rows.map((e) => ({
          id: Number(e.id),
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          actorName: e.actorName,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.beforeJson ? JSON.parse(e.beforeJson) : null,
          after: e.afterJson ? JSON.parse(e.afterJson) : null,
          requestId: e.requestId,
          hash: e.hash,
        })),
      };
    },
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
