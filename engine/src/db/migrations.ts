/** Every module's migrations, in one list; migrate() orders them by name. */
import type { Migration } from './migrator.js';
import { tenancyMigrations } from '../modules/tenancy/tenancy.migrations.js';
import { authMigrations } from '../modules/auth/auth.migrations.js';
import { auditMigrations } from '../modules/audit/audit.migrations.js';
import { demoMigrations } from '../modules/demo/demo.migrations.js';
import { workflowMigrations } from '../workflow/workflow.migrations.js';
import { billingMigrations } from '../modules/billing/billing.migrations.js';
import { readingsMigrations } from '../modules/readings/readings.migrations.js';
import { registryMigrations } from '../modules/registry/registry.migrations.js';
import { eventsMigrations } from '../modules/events/events.migrations.js';
import { paymentsMigrations } from '../modules/payments/payments.migrations.js';

export const MIGRATIONS: readonly Migration[] = [
  ...tenancyMigrations,
  ...authMigrations,
  ...auditMigrations,
  ...demoMigrations,
  ...workflowMigrations,
  ...billingMigrations,
  ...readingsMigrations,
  ...registryMigrations,
  ...eventsMigrations,
  ...paymentsMigrations,
];
