/**
 * The billing module as main.ts wires it: models, services and routes of tariffs,
 * billing settings, invoices and billing runs (readings live in modules/readings).
 */
import type { Sequelize } from 'sequelize';
import type { Dialect } from '../../db/database.js';
import type { ApiRouter } from '../../http/api-router.js';
import type { AuditLog } from '../audit/audit.service.js';
import { BillingSettings } from './billing-settings.model.js';
import { billingSettingsRoutes } from './billing-settings.routes.js';
import { BillingSettingsService } from './billing-settings.service.js';
import { TariffAssignment, TariffVersion } from './tariff.model.js';
import { tariffRoutes } from './tariff.routes.js';
import { TariffService } from './tariff.service.js';

export interface BillingDeps {
  sequelize: Sequelize;
  dialect: Dialect;
  audit: AuditLog;
}

export function initBillingModels(sequelize: Sequelize): void {
  for (const m of [TariffVersion, TariffAssignment, BillingSettings]) m.initModel(sequelize);
}

export function createBilling(deps: BillingDeps) {
  const tariffs = new TariffService(deps.sequelize, deps.audit);
  const settings = new BillingSettingsService(deps.sequelize, deps.audit);
  return { tariffs, settings };
}

export type Billing = ReturnType<typeof createBilling>;

export function billingRoutes(api: ApiRouter, billing: Billing): void {
  tariffRoutes(api, billing.tariffs);
  billingSettingsRoutes(api, billing.settings);
}
