import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { Actor } from '../../http/request-context.js';
import { ACCOUNT_STATUSES } from './registry.types.js';
import type { RegistryImport } from './registry-import.js';
import { registrySheetRoutes } from './registry-sheet.routes.js';
import type { RegistryService } from './registry.service.js';
import {
  accountSchema,
  accountListItemSchema,
  meterSchema,
  waterUserSchema,
} from './registry.schemas.js';
import {
  accountBody,
  accountPatch,
  meterBody,
  meterReplacementBody,
  waterUserBody,
} from './registry-input.schemas.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(20),
};
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  });

/** Who edits the registry; who swaps meters in the field. */
const EDITORS = roles('admin', 'clerk');
const METER_CREW = roles('admin', 'clerk', 'technician');

/** Residents see only the accounts linked to them; staff see the tenant's. */
const residentOf = (actor: Actor) => (actor.kind === 'resident' ? actor.id : undefined);

export function registryRoutes(api: ApiRouter, svc: RegistryService, sheets: RegistryImport): void {
  const tag = 'registry';
  registrySheetRoutes(api, sheets);

  api.route(
    {
      method: 'get',
      path: '/water-users',
      summary: 'Water users, by name (partial)',
      tag,
      access: 'staff',
      query: z.object({ q: z.string().trim().max(100).optional(), ...pageQuery }),
      response: page(waterUserSchema),
    },
    ({ query }) => svc.listWaterUsers(query),
  );
  api.route(
    {
      method: 'post',
      path: '/water-users',
      summary: 'Add a water user',
      tag,
      access: EDITORS,
      body: waterUserBody,
      response: waterUserSchema,
      status: 201,
    },
    ({ body }) => svc.createWaterUser(body),
  );
  api.route(
    {
      method: 'get',
      path: '/water-users/:id',
      summary: 'One water user; the national ID in full for admin and clerk',
      tag,
      access: 'staff',
      params: idParams,
      response: waterUserSchema,
    },
    ({ params, actor }) =>
      svc.getWaterUser(params.id, {
        showNationalId: actor.roles.some((r) => r === 'admin' || r === 'clerk'),
      }),
  );
  api.route(
    {
      method: 'patch',
      path: '/water-users/:id',
      summary: 'Edit a water user',
      tag,
      access: EDITORS,
      params: idParams,
      body: waterUserBody.partial(),
      response: waterUserSchema,
    },
    ({ params, body }) => svc.updateWaterUser(params.id, body),
  );

  api.route(
    {
      method: 'get',
      path: '/accounts',
      summary:
        'Search accounts: q matches name (any part), account number, house number, meter serial, phone',
      tag,
      access: 'signed-in',
      query: z.object({
        q: z.string().trim().max(100).optional(),
        village: z.coerce.number().int().positive().optional(),
        waterworks: z.coerce.number().int().positive().optional(),
        status: z.enum(ACCOUNT_STATUSES).optional(),
        ...pageQuery,
      }),
      response: page(accountListItemSchema),
    },
    ({ query, actor }) =>
      svc.searchAccounts({
        q: query.q,
        villageId: query.village,
        waterworksId: query.waterworks,
        status: query.status,
        page: query.page,
        limit: query.limit,
        residentUserId: residentOf(actor),
      }),
  );
  api.route(
    {
      method: 'post',
      path: '/accounts',
      summary: 'Open an account for a water user (pending; active when a meter is given)',
      tag,
      access: EDITORS,
      body: accountBody,
      response: accountSchema,
      status: 201,
    },
    ({ body: { meter, ...account } }) =>
      svc.createAccount(
        {
          ...account,
          status: account.status ?? (meter ? 'active' : 'pending'),
          openedOn: account.openedOn ?? meter?.installedOn ?? null,
        },
        meter,
      ),
  );
  api.route(
    {
      method: 'get',
      path: '/accounts/:id',
      summary: 'One account with its water user and active meter',
      tag,
      access: 'signed-in',
      params: idParams,
      response: accountSchema,
    },
    ({ params, actor }) => svc.getAccount(params.id, { residentUserId: residentOf(actor) }),
  );
  api.route(
    {
      method: 'patch',
      path: '/accounts/:id',
      summary: 'Edit an account (status, place, route, tariff)',
      tag,
      access: EDITORS,
      params: idParams,
      body: accountPatch,
      response: accountSchema,
    },
    ({ params, body }) => svc.updateAccount(params.id, body),
  );
  api.route(
    {
      method: 'post',
      path: '/accounts/:id/activate',
      summary: 'Install the first meter of a pending account and start billing it',
      tag,
      access: METER_CREW,
      params: idParams,
      body: meterBody,
      response: accountSchema,
    },
    ({ params, body }) => svc.activateAccount(params.id, body),
  );
  api.route(
    {
      method: 'get',
      path: '/accounts/:id/meters',
      summary: "The account's meters, oldest first (replacement history)",
      tag,
      access: 'signed-in',
      params: idParams,
      response: z.object({ items: z.array(meterSchema) }),
    },
    async ({ params, actor }) => ({
      items: await svc.meterHistory(params.id, { residentUserId: residentOf(actor) }),
    }),
  );
  api.route(
    {
      method: 'post',
      path: '/accounts/:id/meter-replacements',
      summary: 'Replace the meter: the old one ends at its final reading, the new one starts',
      tag,
      access: METER_CREW,
      params: idParams,
      body: meterReplacementBody,
      response: z.object({ items: z.array(meterSchema) }),
      status: 201,
    },
    async ({ params, body }) => ({ items: await svc.replaceMeter(params.id, body) }),
  );
  api.route(
    {
      method: 'post',
      path: '/accounts/:id/residents',
      summary: 'Link a resident user (mobile app) to the account',
      tag,
      access: EDITORS,
      params: idParams,
      body: z.object({ userId: z.number().int().positive() }),
      response: z.object({ accountId: z.number().int(), userId: z.number().int() }),
      status: 201,
    },
    ({ params, body }) => svc.linkResident(params.id, body.userId),
  );
  api.route(
    {
      method: 'delete',
      path: '/accounts/:id/residents/:userId',
      summary: 'Unlink a resident user from the account',
      tag,
      access: EDITORS,
      params: idParams.extend({ userId: z.coerce.number().int().positive() }),
    },
    ({ params }) => svc.unlinkResident(params.id, params.userId),
  );

  const settingsSchema = z.object({ accountNumberFormat: z.string() }).openapi('RegistrySettings');
  api.route(
    {
      method: 'get',
      path: '/registry/settings',
      summary: 'The account-number scheme, e.g. {works}-{seq:5}',
      tag,
      access: 'staff',
      response: settingsSchema,
    },
    () => svc.settings(),
  );
  api.route(
    {
      method: 'patch',
      path: '/registry/settings',
      summary: 'Change the account-number scheme ({works}, {moo}, {seq:N})',
      tag,
      access: roles('admin'),
      body: z.object({ accountNumberFormat: z.string().trim().min(1).max(60) }),
      response: settingsSchema,
    },
    ({ body }) => svc.updateSettings(body),
  );
}
