/** A tenant's billing rules (due date, late penalty, document prefixes), with defaults. */
import type { Sequelize } from 'sequelize';
import type { AuditLog } from '../audit/audit.service.js';
import { BillingSettings, type PenaltyKind } from './billing-settings.model.js';

export interface BillingRules {
  dueDays: number;
  penaltyKind: PenaltyKind;
  penaltyValue: number;
  invoicePrefix: string;
  creditNotePrefix: string;
  runChunkSize: number;
}

export const DEFAULT_RULES: BillingRules = {
  dueDays: 15,
  penaltyKind: 'none',
  penaltyValue: 0,
  invoicePrefix: 'IV',
  creditNotePrefix: 'CN',
  runChunkSize: 500,
};

const rulesOf = (s: BillingSettings | null): BillingRules =>
  s
    ? {
        dueDays: s.dueDays,
        penaltyKind: s.penaltyKind,
        penaltyValue: s.penaltyValue,
        invoicePrefix: s.invoicePrefix,
        creditNotePrefix: s.creditNotePrefix,
        runChunkSize: s.runChunkSize,
      }
    : { ...DEFAULT_RULES };

export class BillingSettingsService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
  ) {
    audit.registerEntity('billing-settings', {
      model: BillingSettings,
      snapshot: (s: BillingSettings) => ({ tenantId: s.tenantId, ...rulesOf(s) }),
    });
  }

  async get(tenantId: number): Promise<BillingRules> {
    return rulesOf(await BillingSettings.findByPk(tenantId));
  }

  async update(tenantId: number, patch: Partial<BillingRules>): Promise<BillingRules> {
    return this.sequelize.transaction(async (transaction) => {
      const s = await BillingSettings.findByPk(tenantId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const before = this.audit.snapshot('billing-settings', s);
      const row = s
        ? await s.update(patch, { transaction })
        : await BillingSettings.create({ ...DEFAULT_RULES, ...patch, tenantId }, { transaction });
      await this.audit.record(transaction, {
        action: 'billing-settings.update',
        entityType: 'billing-settings',
        entityId: tenantId,
        before,
        after: this.audit.snapshot('billing-settings', row),
      });
      return rulesOf(row);
    });
  }
}
