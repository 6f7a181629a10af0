/**
 * The billing module as main.ts wires it: models, services and routes of tariffs,
 * billing settings, meter readings (modules/readings), billing runs and invoices.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Dialect } from '../../db/database.js';
import type { ApiRouter } from '../../http/api-router.js';
import { NotFoundError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { MeterReading, ProductionReading } from '../readings/meter-reading.model.js';
import { ProductionReadingService } from '../readings/production-reading.service.js';
import type { ReadingPorts } from '../readings/reading-account.js';
import { readingRoutes } from '../readings/reading.routes.js';
import { ReadingService } from '../readings/reading.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { Sql } from '../../db/sql.js';
import { BILLING_RUN_CHUNK, billingRunAuditCheck } from './billing-run.audit.js';
import { BillingRun } from './billing-run.model.js';
import { billingRunRoutes } from './billing-run.routes.js';
import { BillingRunService } from './billing-run.service.js';
import { BillingSettings } from './billing-settings.model.js';
import { billingSettingsRoutes } from './billing-settings.routes.js';
import { BillingSettingsService } from './billing-settings.service.js';
import { DocumentSeries } from './document-series.js';
import { invoiceDocumentRoutes } from './invoice-document.routes.js';
import { InvoiceDocuments } from './invoice-documents.js';
import { CreditNote, Invoice } from './invoice.model.js';
import { invoiceRoutes } from './invoice.routes.js';
import { InvoiceService } from './invoice.service.js';
import { TariffAssignment, TariffVersion } from './tariff.model.js';
import { tariffRoutes } from './tariff.routes.js';
import { TariffService } from './tariff.service.js';

export interface BillingDeps {
  sequelize: Sequelize;
  dialect: Dialect;
  audit: AuditLog;
  tenancy: TenancyService;
  registry: RegistryService;
  log: Logger;
}

export function initBillingModels(sequelize: Sequelize): void {
  for (const m of [
    TariffVersion,
    TariffAssignment,
    BillingSettings,
    Invoice,
    CreditNote,
    BillingRun,
    MeterReading,
    ProductionReading,
  ])
    m.initModel(sequelize);
}

/** The registry's account, as readings need it (null when the tenant has no such account). */
function readingPorts(registry: RegistryService, invoices: () => InvoiceService): ReadingPorts {
  return {
    account: async (id) => {
      const a = await registry.getAccount(id).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      });
      if (!a) return null;
      const m = a.meter;
      const old = m?.replacesMeterId
        ? (await registry.meterHistory(a.id)).find((h) => h.id === m.replacesMeterId)
        : undefined;
      return {
        id: a.id,
        number: a.number,
        waterworksId: a.waterworksId,
        villageId: a.villageId,
        customerName: a.waterUser.name,
        status: a.status,
        meter: m
          ? {
              id: m.id,
              digits: m.digits,
              initialReading: m.initialReading,
              replaced: old ? { id: old.id, finalReading: old.finalReading } : null,
            }
          : null,
      };
    },
    routeAccounts: (q) => registry.routeAccounts(q),
    accountsByIds: (ids) => registry.accountsByIds(ids),
    billedReadings: (ids) => invoices().billedReadings(ids),
  };
}

export function createBilling(deps: BillingDeps) {
  const { sequelize, audit, tenancy, registry } = deps;
  const series = new DocumentSeries(sequelize, deps.dialect);
  const tariffs = new TariffService(sequelize, audit);
  const settings = new BillingSettingsService(sequelize, audit);
  const invoices = new InvoiceService(sequelize, audit, tenancy, registry, series, settings);
  const readings = new ReadingService(
    sequelize,
    audit,
    readingPorts(registry, () => invoices),
  );
  const production = new ProductionReadingService(sequelize, audit, (id) =>
    tenancy.getWaterworks(id),
  );
  const runs = new BillingRunService(
    sequelize,
    audit,
    tenancy,
    registry,
    tariffs,
    settings,
    series,
    deps.log,
  );
  const documents = new InvoiceDocuments(invoices, registry, readings, tenancy);
  audit.registerBatch(BILLING_RUN_CHUNK, billingRunAuditCheck(new Sql(sequelize)));
  return { tariffs, settings, invoices, documents, readings, production, runs, series };
}

export type Billing = ReturnType<typeof createBilling>;

export function billingRoutes(api: ApiRouter, billing: Billing): void {
  tariffRoutes(api, billing.tariffs);
  billingSettingsRoutes(api, billing.settings);
  readingRoutes(api, billing.readings, billing.production);
  billingRunRoutes(api, billing.runs);
  invoiceRoutes(api, billing.invoices);
  invoiceDocumentRoutes(api, billing.documents);
}
