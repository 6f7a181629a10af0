/**
 * The composition root: config → database → migrations → modules → HTTP → listen.
 * Nothing else wires Prapa together; tests build engines through createEngine() too.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Express } from 'express';
import { loadConfig, type Config } from './config/config.js';
import { loadOrCreateSecret } from './config/secret.js';
import { openDatabase, type Database } from './db/database.js';
import { MIGRATIONS } from './db/migrations.js';
import { migrate } from './db/migrator.js';
import { ApiRouter } from './http/api-router.js';
import { buildApp } from './http/app.js';
import { healthRoutes } from './http/health.routes.js';
import { createLog, type Log } from './log/logger.js';
import { AuditEvent, AuditHead } from './modules/audit/audit-event.model.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { AuditLog } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import {
  billingRoutes,
  createBilling,
  initBillingModels,
  type Billing,
} from './modules/billing/billing.module.js';
import { registerNewConnectionHandlers } from './modules/billing/new-connection/index.js';
import { AuthService } from './modules/auth/auth.service.js';
import { authenticate } from './modules/auth/authenticate.js';
import { loginLimiter } from './modules/auth/login-limiter.js';
import { Tokens } from './modules/auth/token.js';
import { User } from './modules/auth/user.model.js';
import { seedDemo } from './modules/demo/demo.seed.js';
import { TenancyService } from './modules/tenancy/tenancy.service.js';
import { Tenant } from './modules/tenancy/tenant.model.js';
import { Village } from './modules/tenancy/village.model.js';
import { Waterworks } from './modules/tenancy/waterworks.model.js';
import { tenancyRoutes } from './modules/tenancy/tenancy.routes.js';
import { initRegistryModels } from './modules/registry/registry.models.js';
import { RegistryService } from './modules/registry/registry.service.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { RegistryImport } from './modules/registry/registry-import.js';
import { Outbox } from './modules/events/outbox.js';
import {
  createPayments,
  initPaymentsModels,
  paymentsRoutes,
  type Payments,
} from './modules/payments/payments.module.js';
import { httpSlipVerifier, noSlipVerifier } from './modules/payments/slips/slip-verifier.js';
import { VERSION } from './version.js';
import { createWorkflow, initWorkflowModels, type Workflow } from './workflow/workflow.js';
import { workflowRoutes } from './workflow/workflow.routes.js';

export interface Engine {
  config: Config;
  log: Log;
  db: Database;
  app: Express;
  services: {
    audit: AuditLog;
    auth: AuthService;
    tenancy: TenancyService;
    registry: RegistryService;
    workflow: Workflow;
    billing: Billing;
    outbox: Outbox;
    payments: Payments;
  };
  /** Starts listening; resolves with the port. */
  listen(): Promise<number>;
  /** Stops taking requests, lets open ones finish, closes the database. */
  stop(): Promise<void>;
}

export interface Core {
  db: Database;
  services: Engine['services'];
}

/**
 * Database, models and services without HTTP: the engine and the command-line tools
 * (audit:verify, admin:create) share it. `migrate: false` leaves the schema untouched.
 */
export async function createCore(
  config: Config,
  log: Log,
  opts: { migrate: boolean },
): Promise<Core> {
  const db = await openDatabase(config.databaseUrl, log.scoped('db'));
  if (opts.migrate) await migrate(db.sequelize, db.dialect, MIGRATIONS, log.scoped('db'));

  for (const model of [Tenant, Waterworks, Village, User, AuditEvent, AuditHead])
    model.initModel(db.sequelize);

  const audit = new AuditLog(db.sequelize, db.dialect);
  const tokens = new Tokens(
    loadOrCreateSecret(config.dataDir, config.jwtSecret),
    config.tokenTtlMinutes,
  );
  const auth = new AuthService(db.sequelize, audit, tokens, log.scoped('auth'));
  const tenancy = new TenancyService(db.sequelize, audit);
  initRegistryModels(db.sequelize);
  const registry = new RegistryService(db.sequelize, audit, tenancy, auth);
  initWorkflowModels(db.sequelize);
  const workflow = createWorkflow(
    db.sequelize,
    audit,
    { maxAttempts: config.jobMaxAttempts, baseDelayMs: config.jobRetryBaseMs },
    log.scoped('workflow'),
  );
  initBillingModels(db.sequelize);
  const billing = createBilling({
    sequelize: db.sequelize,
    dialect: db.dialect,
    audit,
    tenancy,
    registry,
    log: log.scoped('billing'),
  });
  registerNewConnectionHandlers(workflow.handlers, {
    registry,
    tenancy,
    tariffs: billing.tariffs,
    invoices: billing.invoices,
  });
  const outbox = new Outbox(db.sequelize, log.scoped('outbox'));
  initPaymentsModels(db.sequelize);
  const payments = createPayments({
    sequelize: db.sequelize,
    audit,
    tenancy,
    registry,
    billing,
    workflow,
    outbox,
    slipVerifier: config.slipVerifyUrl
      ? httpSlipVerifier({ url: config.slipVerifyUrl, token: config.slipVerifyToken ?? '' })
      : noSlipVerifier,
    log: log.scoped('payments'),
  });
  return {
    db,
    services: { audit, auth, tenancy, registry, workflow, billing, outbox, payments },
  };
}

export async function createEngine(
  config: Config,
  log: Log = createLog(config.logLevel),
): Promise<Engine> {
  const { db, services } = await createCore(config, log, { migrate: true });
  const { audit, auth, tenancy, workflow } = services;

  if (config.demo)
    await seedDemo(
      {
        sequelize: db.sequelize,
        tenancy,
        auth,
        registry: services.registry,
        billing: services.billing,
        payments: services.payments,
        audit,
        outbox: services.outbox,
        log: log.scoped('demo'),
      },
      config.demoPassword,
    );
  await workflow.deployments.deployShipped(config.processesDir, config.formsDir);

  const api = new ApiRouter();
  healthRoutes(api, db.sequelize, db.dialect, VERSION);
  authRoutes(api, auth, loginLimiter(config.loginMaxFailures, config.loginWindowMinutes));
  tenancyRoutes(api, tenancy);
  registryRoutes(api, services.registry, new RegistryImport(services.registry, tenancy));
  auditRoutes(api, audit);
  workflowRoutes(api, workflow);
  billingRoutes(api, services.billing);
  paymentsRoutes(api, services.payments);

  const app = buildApp({
    log: log.scoped('http'),
    api,
    authenticate: authenticate(auth),
    appsDir: config.appsDir,
    trustProxy: config.trustProxy,
    version: VERSION,
  });

  let server: Server | undefined;
  return {
    config,
    log,
    db,
    app,
    services,
    listen: () =>
      new Promise((resolve, reject) => {
        server = app.listen(config.port, config.host, (err?: Error) => {
          if (err) return reject(err);
          if (config.jobPollMs > 0) workflow.jobs.start(config.jobPollMs);
          if (config.outboxPollMs > 0) services.outbox.start(config.outboxPollMs);
          resolve((server!.address() as AddressInfo).port);
        });
      }),
    stop: async () => {
      await workflow.jobs.stop();
      await services.outbox.stop();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeIdleConnections();
          setTimeout(() => s.closeAllConnections(), 10_000).unref();
        });
      }
      await db.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const engine = await createEngine(config, log);
  const port = await engine.listen();
  log.pino.info(
    { port, database: engine.db.dialect },
    `Prapa is running at http://localhost:${port}/`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.pino.info({ signal }, 'shutting down');
    engine.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.pino.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
