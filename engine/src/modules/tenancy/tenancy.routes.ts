import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { Tenant } from './tenant.model.js';
import type { TenancyService } from './tenancy.service.js';
import type { Village } from './village.model.js';
import type { Waterworks } from './waterworks.model.js';

const tenantSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    taxId: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    logoUrl: z.string().nullable(),
    promptPayBillerSuffix: z.string(),
  })
  .openapi('Tenant');

const waterworksSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    villageCount: z.number().int().optional(),
  })
  .openapi('Waterworks');

const villageSchema = z
  .object({
    id: z.number().int(),
    waterworksId: z.number().int().nullable(),
    moo: z.number().int(),
    name: z.string(),
  })
  .openapi('Village');

const idParams = z.object({ id: z.coerce.number().int().positive() });

const latitude = z.number().min(-90).max(90).nullable();
const longitude = z.number().min(-180).max(180).nullable();
const waterworksBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(1000).nullable().optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
});
const villageBody = z.object({
  moo: z.number().int().min(1).max(99),
  name: z.string().trim().min(1).max(200),
  waterworksId: z.number().int().positive().nullable().optional(),
});
const tenantPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().max(200).nullable().optional(),
  address: z.string().trim().min(1).max(1000).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  logoUrl: z.string().trim().max(500).nullable().optional(),
  promptpayBillerSuffix: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

const tenantDto = (t: Tenant) => ({
  id: t.id,
  code: t.code,
  name: t.name,
  nameEn: t.nameEn ?? null,
  taxId: t.taxId,
  address: t.address,
  phone: t.phone ?? null,
  logoUrl: t.logoUrl ?? null,
  promptPayBillerSuffix: t.promptpayBillerSuffix,
});
const waterworksDto = (w: Waterworks & { villageCount?: number }) => ({
  id: w.id,
  code: w.code,
  name: w.name,
  address: w.address ?? null,
  latitude: w.latitude ?? null,
  longitude: w.longitude ?? null,
  ...(w.villageCount !== undefined ? { villageCount: w.villageCount } : {}),
});
const villageDto = (v: Village) => ({
  id: v.id,
  waterworksId: v.waterworksId ?? null,
  moo: v.moo,
  name: v.name,
});

export function tenancyRoutes(api: ApiRouter, svc: TenancyService): void {
  const tag = 'tenancy';
  api.route(
    {
      method: 'get',
      path: '/tenant',
      summary: "The signed-in user's tenant (อบต./เทศบาล)",
      tag,
      access: 'signed-in',
      response: tenantSchema,
    },
    async ({ tenantId }) => tenantDto(await svc.getTenant(tenantId)),
  );
  api.route(
    {
      method: 'patch',
      path: '/tenant',
      summary: "Edit the tenant's profile",
      tag,
      access: roles('admin'),
      body: tenantPatch,
      response: tenantSchema,
    },
    async ({ tenantId, body }) => tenantDto(await svc.updateTenant(tenantId, body)),
  );

  api.route(
    {
      method: 'get',
      path: '/waterworks',
      summary: "The tenant's waterworks",
      tag,
      access: 'staff',
      response: z.object({ items: z.array(waterworksSchema) }),
    },
    async () => ({ items: (await svc.listWaterworks()).map(waterworksDto) }),
  );
  api.route(
    {
      method: 'get',
      path: '/waterworks/:id',
      summary: 'One waterworks',
      tag,
      access: 'staff',
      params: idParams,
      response: waterworksSchema,
    },
    async ({ params }) => waterworksDto(await svc.getWaterworks(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/waterworks',
      summary: 'Add a waterworks',
      tag,
      access: roles('admin'),
      body: waterworksBody,
      response: waterworksSchema,
      status: 201,
    },
    async ({ body }) => waterworksDto(await svc.createWaterworks(body)),
  );
  api.route(
    {
      method: 'patch',
      path: '/waterworks/:id',
      summary: 'Edit a waterworks',
      tag,
      access: roles('admin'),
      params: idParams,
      body: waterworksBody.partial(),
      response: waterworksSchema,
    },
    async ({ params, body }) => waterworksDto(await svc.updateWaterworks(params.id, body)),
  );

  api.route(
    {
      method: 'get',
      path: '/villages',
      summary: "The tenant's villages (หมู่)",
      tag,
      access: 'staff',
      response: z.object({ items: z.array(villageSchema) }),
    },
    async () => ({ items: (await svc.listVillages()).map(villageDto) }),
  );
  api.route(
    {
      method: 'get',
      path: '/villages/:id',
      summary: 'One village',
      tag,
      access: 'staff',
      params: idParams,
      response: villageSchema,
    },
    async ({ params }) => villageDto(await svc.getVillage(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/villages',
      summary: 'Add a village',
      tag,
      access: roles('admin'),
      body: villageBody,
      response: villageSchema,
      status: 201,
    },
    async ({ body }) => villageDto(await svc.createVillage(body)),
  );
  api.route(
    {
      method: 'patch',
      path: '/villages/:id',
      summary: 'Edit a village',
      tag,
      access: roles('admin'),
      params: idParams,
      body: villageBody.partial(),
      response: villageSchema,
    },
    async ({ params, body }) => villageDto(await svc.updateVillage(params.id, body)),
  );
}
