/**
 * Credit carried to the next invoice: what an overpayment left unapplied pays the account's
 * open invoices as soon as there are some (after each billing run, and on demand). The
 * money was receipted when it came in, so no new receipt is issued: the payment's own
 * allocations grow, and each application is in the audit chain.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { asTenant } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { InvoiceLedger } from '../billing/invoice-ledger.js';
import { allocate } from './allocation.js';
import { Payment, PaymentAllocation } from './payment.model.js';

export class AccountCreditService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly ledger: InvoiceLedger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Applies every account's credit of the tenant to its open invoices; how many accounts. */
  async applyAll(tenantId: number): Promise<number> {
    const rows = await this.sequelize.query<{ account_id: number }>(
      `SELECT DISTINCT p.account_id FROM payments p
         JOIN invoices i ON i.tenant_id = p.tenant_id AND i.account_id = p.account_id AND i.status = 'open'
        WHERE p.tenant_id = ? AND p.status = 'posted' AND p.unapplied_satang > 0`,
      { replacements: [tenantId], type: QueryTypes.SELECT },
    );
    for (const r of rows)
      await asTenant(tenantId, () => this.apply(tenantId, Number(r.account_id)));
    return rows.length;
  }

  /** Applies one account's credit, oldest payment first to the oldest invoice. */
  async apply(tenantId: number, accountId: number): Promise<number> {
    return this.sequelize.transaction(async (tx) => {
      const credits = await Payment.findAll({
        where: { accountId, status: 'posted' },
        order: [
          ['receivedAt', 'ASC'],
          ['id', 'ASC'],
        ],
        lock: tx.LOCK.UPDATE,
        transaction: tx,
      });
      const invoices = await this.ledger.lockOpenOfAccount(tx, accountId);
      const left = new Map(invoices.map((i) => [i.id, i.balanceSatang]));
      let applied = 0;
      for (const p of credits.filter((c) => c.unappliedSatang > 0)) {
        const owed = invoices.map((i) => ({ id: i.id, balanceSatang: left.get(i.id)! }));
        const { allocations, unappliedSatang } = allocate(p.unappliedSatang, owed);
        if (!allocations.length) break;
        await this.ledger.apply(tx, allocations, this.now());
        await PaymentAllocation.bulkCreate(
          allocations.map((a) => ({ tenantId, paymentId: p.id, ...a })),
          { transaction: tx },
        );
        const before = { appliedSatang: p.appliedSatang, unappliedSatang: p.unappliedSatang };
        await p.update(
          { appliedSatang: p.amountSatang - unappliedSatang, unappliedSatang },
          { transaction: tx },
        );
        for (const a of allocations) left.set(a.invoiceId, left.get(a.invoiceId)! - a.amountSatang);
        applied +=
          p.unappliedSatang === unappliedSatang ? 0 : before.unappliedSatang - unappliedSatang;
        await this.audit.record(tx, {
          action: 'payment.apply-credit',
          entityType: 'payment',
          entityId: p.id,
          before,
          after: { appliedSatang: p.appliedSatang, unappliedSatang, allocations },
          tenantId,
        });
      }
      return applied;
    });
  }
}
