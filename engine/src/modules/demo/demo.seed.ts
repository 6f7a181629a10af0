/**
 * Demo data that grows with Prapa: each step adds its seeders to DEMO_SEEDERS, and
 * each seeder runs once per database (demo_seed_log), so an existing demo database
 * picks up a later step's data on its next start. A database that holds tenants but no
 * seed log is a real installation and is never seeded.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import { asSystem, asTenant } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import { seedBillingHistory } from '../billing/billing.demo.js';
import type { Billing } from '../billing/billing.module.js';
import { hashPassword } from '../auth/password.js';
import type { Outbox } from '../events/outbox.js';
import { seedPaymentsHistory } from '../payments/payments.demo.js';
import type { Payments } from '../payments/payments.module.js';
import type { RegistryService } from '../registry/registry.service.js';
import { seedRegistryDemo } from '../registry/registry.demo.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { Tenant } from '../tenancy/tenant.model.js';
import * as data from './demo-data.js';

export interface DemoContext {
  sequelize: Sequelize;
  tenancy: TenancyService;
  auth: AuthService;
  registry: RegistryService;
  /** Absent in engines built without billing (the seeder then does nothing). */
  billing?: Billing;
  /** Absent in engines built without payments (the seeder then does nothing). */
  payments?: Payments;
  audit?: AuditLog;
  outbox?: Outbox;
  /** One Argon2 hash of the demo password, made once for every demo user. */
  passwordHash: string;
  log: Logger;
}

export interface Seeder {
  /** Unique and stable: it is recorded in demo_seed_log. */
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

async function seedTenant(
  ctx: DemoContext,
  tenant: typeof data.MAIN_TENANT,
  works: typeof data.MAIN_WATERWORKS,
  villages: typeof data.MAIN_VILLAGES,
  staff: typeof data.MAIN_STAFF,
  residents: typeof data.MAIN_RESIDENTS,
): Promise<void> {
  const t = await ctx.tenancy.createTenant(tenant);
  await asTenant(t.id, async () => {
    const ids = new Map<string, number>();
    for (const w of works) ids.set(w.code, (await ctx.tenancy.createWaterworks(w)).id);
    for (const v of villages)
      await ctx.tenancy.createVillage({
        moo: v.moo,
        name: v.name,
        waterworksId: ids.get(v.works) ?? null,
      });
    const password = { hash: ctx.passwordHash };
    for (const s of staff) await ctx.auth.createUser({ ...s, kind: 'staff', password });
    for (const r of residents)
      await ctx.auth.createUser({ ...r, kind: 'resident', roles: ['resident'], password });
  });
}

/** In order; later steps append theirs. */
export const DEMO_SEEDERS: Seeder[] = [
  {
    name: 'foundation.tenants',
    run: async (ctx) => {
      await seedTenant(
        ctx,
        data.MAIN_TENANT,
        data.MAIN_WATERWORKS,
        data.MAIN_VILLAGES,
        data.MAIN_STAFF,
        data.MAIN_RESIDENTS,
      );
      await seedTenant(
        ctx,
        data.SECOND_TENANT,
        data.SECOND_WATERWORKS,
        data.SECOND_VILLAGES,
        data.SECOND_STAFF,
        [],
      );
    },
  },
  { name: 'registry.water-users', run: (ctx) => seedRegistryDemo(ctx) },
  {
    name: 'billing.history',
    run: async (ctx) => {
      if (ctx.billing) await seedBillingHistory({ ...ctx, billing: ctx.billing });
    },
  },
  {
    name: 'payments.history',
    run: async ({ billing, payments, audit, outbox, ...ctx }) => {
      if (billing && payments && audit && outbox)
        await seedPaymentsHistory({ ...ctx, billing, payments, audit, outbox });
    },
  },
];

export async function seedDemo(
  deps: Omit<DemoContext, 'passwordHash'>,
  password: string,
  seeders: readonly Seeder[] = DEMO_SEEDERS,
): Promise<string[]> {
  return asSystem(async () => {
    const done = new Set(
      (
        await deps.sequelize.query<{ name: string }>('SELECT name FROM demo_seed_log', {
          type: QueryTypes.SELECT,
        })
      ).map((r) => r.name),
    );
    if (done.size === 0 && (await Tenant.count()) > 0) {
      deps.log.info('the database holds a real installation: no demo data seeded');
      return [];
    }
    const todo = seeders.filter((s) => !done.has(s.name));
    if (!todo.length) return [];
    const ctx: DemoContext = { ...deps, passwordHash: await hashPassword(password) };
    for (const s of todo) {
      await s.run(ctx);
      await deps.sequelize.query('INSERT INTO demo_seed_log (name, seeded_at) VALUES (?, ?)', {
        replacements: [s.name, new Date()],
      });
      deps.log.info({ seeder: s.name }, 'demo data seeded');
    }
    return todo.map((s) => s.name);
  });
}
