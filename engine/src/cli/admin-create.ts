/**
 * `npm run admin:create -- --username somchai --name "สมชาย ใจดี" [tenant options]`
 * makes the first administrator of a real installation (PRAPA_DEMO=0). On a database
 * with no tenant it also creates the tenant (--tenant-code, --tenant-name, --tax-id,
 * --address); otherwise --tenant-code picks the tenant. The password comes from
 * PRAPA_ADMIN_PASSWORD or is asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { AppError } from '../http/errors.js';
import { asSystem, asTenant } from '../http/request-context.js';
import { createLog } from '../log/logger.js';
import { createCore } from '../main.js';
import { Tenant } from '../modules/tenancy/tenant.model.js';

const USAGE = `usage: npm run admin:create -- --username <name> --name <display name>
       [--tenant-code <code> --tenant-name <name> --tax-id <13 digits> --address <address>]
       password: PRAPA_ADMIN_PASSWORD, or typed when asked`;

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'tenant-code': { type: 'string' },
      'tenant-name': { type: 'string' },
      'tax-id': { type: 'string' },
      address: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.username || !values.name) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const password =
    process.env['PRAPA_ADMIN_PASSWORD'] ?? (await ask('Password for the new administrator: '));
  if (password.length < 8) {
    console.error('The password needs at least 8 characters.');
    return 2;
  }
  const config = loadConfig({ ...process.env, PRAPA_DEMO: '0' });
  const { db, services } = await createCore(config, createLog('warn'), { migrate: true });
  try {
    const tenants = await asSystem(() => Tenant.findAll());
    let tenant = values['tenant-code']
      ? tenants.find((t) => t.code === values['tenant-code'])
      : tenants.length === 1
        ? tenants[0]
        : undefined;
    if (!tenant) {
      if (tenants.length > 0 && !values['tenant-name']) {
        console.error(
          `Name the tenant with --tenant-code (one of: ${tenants.map((t) => t.code).join(', ')}).`,
        );
        return 2;
      }
      const { 'tenant-code': code, 'tenant-name': name, 'tax-id': taxId, address } = values;
      if (!code || !name || !taxId || !address) {
        console.error(
          'There is no tenant yet: give --tenant-code, --tenant-name, --tax-id and --address.',
        );
        return 2;
      }
      tenant = await services.tenancy.createTenant({ code, name, taxId, address });
      console.log(`Created tenant ${tenant.code} (${tenant.name}).`);
    }
    const t = tenant;
    const user = await asTenant(t.id, () =>
      services.auth.createUser({
        username: values.username!,
        displayName: values.name!,
        kind: 'staff',
        roles: ['admin'],
        password,
      }),
    );
    console.log(`Created administrator ${user.username} of ${t.name}.`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${e.messages.th} — ${e.messages.en}`);
      for (const f of e.errors) console.error(`  ${f.path}: ${f.message.th} — ${f.message.en}`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('admin:create failed:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
