import { z } from 'zod';
import type { Tariff } from '../../domain/index.js';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { billSchema, previewBody, tariffDefinitionSchema } from './tariff.schema.js';
import type { TariffService, TariffView } from './tariff.service.js';

const tariffView = z
  .object({
    id: z.number().int().nullable(),
    source: z.enum(['preset', 'tenant']),
    code: z.string(),
    name: z.object({ th: z.string(), en: z.string() }),
    effectiveFrom: z.string(),
    definition: z.unknown(),
  })
  .openapi('Tariff');
const assignmentSchema = z
  .object({
    id: z.number().int(),
    waterworksId: z.number().int(),
    customerType: z.string(),
    tariffCode: z.string(),
  })
  .openapi('TariffAssignment');
const idParams = z.object({ id: z.coerce.number().int().positive() });
const editors = roles('admin', 'finance');

const dto = (t: TariffView) => t;

export function tariffRoutes(api: ApiRouter, svc: TariffService): void {
  const tag = 'tariffs';
  api.route(
    {
      method: 'get',
      path: '/tariffs',
      summary: 'The presets and the tenant’s own tariff versions',
      tag,
      access: 'signed-in',
      response: z.object({ items: z.array(tariffView) }),
    },
    async () => ({ items: (await svc.list()).map(dto) }),
  );
  api.route(
    {
      method: 'get',
      path: '/tariffs/:id',
      summary: 'One of the tenant’s tariff versions',
      tag,
      access: 'signed-in',
      params: idParams,
      response: tariffView,
    },
    async ({ params }) => dto(await svc.get(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/tariffs',
      summary: 'Add a tariff (or a new version of one, by effective date)',
      tag,
      access: editors,
      body: tariffDefinitionSchema,
      response: tariffView,
      status: 201,
    },
    async ({ body }) => dto(await svc.create(body as Tariff)),
  );
  api.route(
    {
      method: 'put',
      path: '/tariffs/:id',
      summary: 'Replace a tariff version',
      tag,
      access: editors,
      params: idParams,
      body: tariffDefinitionSchema,
      response: tariffView,
    },
    async ({ params, body }) => dto(await svc.update(params.id, body as Tariff)),
  );
  api.route(
    {
      method: 'post',
      path: '/tariffs/preview',
      summary: 'The bill a tariff gives for a consumption (the bill calculator)',
      tag,
      access: 'signed-in',
      body: previewBody,
      response: billSchema,
    },
    async ({ body }) => svc.preview(body),
  );
  api.route(
    {
      method: 'get',
      path: '/tariff-assignments',
      summary: 'The default tariff of each waterworks per customer type',
      tag,
      access: 'staff',
      response: z.object({ items: z.array(assignmentSchema) }),
    },
    async () => ({
      items: (await svc.listAssignments()).map((a) => ({
        id: a.id,
        waterworksId: a.waterworksId,
        customerType: a.customerType,
        tariffCode: a.tariffCode,
      })),
    }),
  );
  api.route(
    {
      method: 'put',
      path: '/tariff-assignments',
      summary: 'Set the default tariff of a waterworks for a customer type (`*` = every type)',
      tag,
      access: editors,
      body: z.object({
        waterworksId: z.number().int().positive(),
        customerType: z
          .string()
          .trim()
          .regex(/^(\*|[A-Za-z0-9_-]{1,20})$/),
        tariffCode: z.string().trim().min(1).max(40),
      }),
      response: assignmentSchema,
    },
    async ({ body }) => {
      const a = await svc.assign(body);
      return {
        id: a.id,
        waterworksId: a.waterworksId,
        customerType: a.customerType,
        tariffCode: a.tariffCode,
      };
    },
  );
}
