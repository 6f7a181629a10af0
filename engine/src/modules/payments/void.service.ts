/**
 * Voiding a receipt takes two people: a cashier or finance asks with a reason, finance
 * (someone else) approves. On approval the receipt keeps its number marked void, the
 * payment is void, its money comes off the invoices (which reopen), any credit it left is
 * gone — one transaction, each change in the audit chain. A day finance approved is locked.
 */
import { type Sequelize } from 'sequelize';
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { InvoiceLedger } from '../billing/invoice-ledger.js';
import type { Outbox } from '../events/outbox.js';
import { VoidRequest } from './cashier-session.model.js';
import type { CashierSessionService } from './cashier-session.service.js';
import { receiptDto } from './payment.dto.js';
import { Payment, PaymentAllocation, Receipt } from './payment.model.js';

const RECEIPT = { th: 'ใบเสร็จรับเงิน', en: 'Receipt' };
const REQUEST = { th: 'คำขอยกเลิกใบเสร็จ', en: 'Void request' };
export const PAYMENT_VOIDED = 'payment.voided';

export function voidRequestDto(v: VoidRequest, receipt?: Receipt | null) {
  return {
    id: v.id,
    receiptId: v.receiptId,
    reason: v.reason,
    status: v.status,
    requestedBy: v.requestedBy,
    requestedAt: new Date(v.createdAt).toISOString(),
    decidedBy: v.decidedBy ?? null,
    decidedAt: v.decidedAt ? new Date(v.decidedAt).toISOString() : null,
    decisionNote: v.decisionNote ?? null,
    receipt: receipt ? receiptDto(receipt) : null,
  };
}

export class VoidService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly ledger: InvoiceLedger,
    private readonly sessions: CashierSessionService,
    private readonly outbox: Outbox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async request(receiptId: number, reason: string, actor: Actor) {
    return this.sequelize.transaction(async (tx) => {
      const r = await Receipt.findByPk(receiptId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!r) throw new NotFoundError(RECEIPT);
      if (r.status === 'void')
        throw new ConflictError('receipt_void', {
          th: `ใบเสร็จ ${r.number} ถูกยกเลิกไปแล้ว`,
          en: `Receipt ${r.number} is already void.`,
        });
      const pending = await VoidRequest.findOne({
        where: { receiptId, status: 'pending' },
        transaction: tx,
      });
      if (pending)
        throw new ConflictError('void_already_requested', {
          th: `มีคำขอยกเลิกใบเสร็จ ${r.number} รออนุมัติอยู่แล้ว`,
          en: `A void of receipt ${r.number} is already waiting for approval.`,
        });
      const p = await Payment.findByPk(r.paymentId, { transaction: tx });
      await this.sessions.assertNotLocked(tx, p?.cashierSessionId ?? null);
      const v = await VoidRequest.create(
        { receiptId, reason: reason.trim(), status: 'pending', requestedBy: actor.username },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'receipt.void-request',
        entityType: 'receipt',
        entityId: r.id,
        before: null,
        after: { requestId: v.id, number: r.number, reason: v.reason },
      });
      return voidRequestDto(v, r);
    });
  }

  async list(q: { status?: 'pending' | 'approved' | 'rejected'; limit: number; offset: number }) {
    const { rows, count } = await VoidRequest.findAndCountAll({
      where: q.status ? { status: q.status } : {},
      order: [['id', 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    const receipts = await Receipt.findAll({ where: { id: rows.map((v) => v.receiptId) } });
    return {
      total: count,
      items: rows.map((v) =>
        voidRequestDto(
          v,
          receipts.find((r) => r.id === v.receiptId),
        ),
      ),
    };
  }

  async approve(id: number, actor: Actor, note?: string) {
    const result = await this.sequelize.transaction(async (tx) => {
      const v = await VoidRequest.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!v) throw new NotFoundError(REQUEST);
      this.assertDecidable(v, actor);
      const r = await Receipt.findByPk(v.receiptId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!r) throw new NotFoundError(RECEIPT);
      const p = await Payment.findByPk(r.paymentId, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!p) throw new NotFoundError({ th: 'รายการรับชำระ', en: 'Payment' });
      await this.sessions.assertNotLocked(tx, p.cashierSessionId);
      const allocations = await PaymentAllocation.findAll({
        where: { paymentId: p.id },
        transaction: tx,
      });
      await this.ledger.reverse(
        tx,
        allocations.map((a) => ({ invoiceId: a.invoiceId, amountSatang: a.amountSatang })),
      );
      const at = this.now();
      const before = { payment: p.status, receipt: r.status };
      await p.update({ status: 'void' }, { transaction: tx });
      await r.update(
        { status: 'void', voidReason: v.reason, voidedAt: at, voidedBy: actor.username },
        { transaction: tx },
      );
      await v.update(
        {
          status: 'approved',
          decidedBy: actor.username,
          decidedAt: at,
          decisionNote: note ?? null,
        },
        { transaction: tx },
      );
      await this.audit.recordMany(tx, [
        {
          action: 'payment.void',
          entityType: 'payment',
          entityId: p.id,
          before: { status: before.payment },
          after: {
            status: 'void',
            amountSatang: p.amountSatang,
            reversed: allocations.map((a) => ({
              invoiceId: a.invoiceId,
              amountSatang: a.amountSatang,
            })),
          },
        },
        {
          action: 'receipt.void',
          entityType: 'receipt',
          entityId: r.id,
          before: { status: before.receipt, number: r.number },
          after: {
            status: 'void',
            number: r.number,
            reason: v.reason,
            requestedBy: v.requestedBy,
            approvedBy: actor.username,
          },
        },
      ]);
      await this.outbox.append(tx, [
        {
          tenantId: r.tenantId,
          type: PAYMENT_VOIDED,
          payload: {
            paymentId: p.id,
            receiptNumber: r.number,
            accountId: p.accountId,
            amountSatang: p.amountSatang,
          },
        },
      ]);
      return voidRequestDto(v, r);
    });
    this.outbox.kick();
    return result;
  }

  async reject(id: number, actor: Actor, note: string) {
    return this.sequelize.transaction(async (tx) => {
      const v = await VoidRequest.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!v) throw new NotFoundError(REQUEST);
      this.assertDecidable(v, actor);
      await v.update(
        {
          status: 'rejected',
          decidedBy: actor.username,
          decidedAt: this.now(),
          decisionNote: note,
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'receipt.void-reject',
        entityType: 'receipt',
        entityId: v.receiptId,
        before: null,
        after: { requestId: v.id, note },
      });
      return voidRequestDto(v, await Receipt.findByPk(v.receiptId, { transaction: tx }));
    });
  }

  private assertDecidable(v: VoidRequest, actor: Actor): void {
    if (v.status !== 'pending')
      throw new ConflictError('void_already_decided', {
        th: 'คำขอนี้ได้รับการพิจารณาไปแล้ว',
        en: 'This request has already been decided.',
      });
    if (v.requestedBy === actor.username)
      throw new ForbiddenError('approve_own_void', {
        th: 'ผู้ขอยกเลิกใบเสร็จอนุมัติคำขอของตนเองไม่ได้',
        en: 'You may not decide your own void request.',
      });
  }
}

export function assertReason(reason: string | undefined): string {
  const r = reason?.trim() ?? '';
  if (r.length < 3) {
    const m = { th: 'กรุณาระบุเหตุผล', en: 'Give a reason.' };
    throw new UserError('reason_required', m, [{ path: 'reason', message: m }]);
  }
  return r;
}
