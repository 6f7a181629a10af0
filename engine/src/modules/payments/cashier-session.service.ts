/**
 * A cashier's day: opened with a float, cash payments need it open; closing counts the
 * cash against what the receipts say (float + cash received, voids excluded) and records
 * the difference, which needs an explanation; finance approves and the day is locked —
 * no payment and no void touches it afterwards.
 */
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { CashierSession } from './cashier-session.model.js';
import { Payment, Receipt } from './payment.model.js';

const SESSION = { th: 'รอบการรับเงิน', en: 'Cashier session' };

export function sessionDto(s: CashierSession) {
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: s.id,
    cashier: s.cashier,
    cashierName: s.cashierName,
    status: s.status,
    openingFloatSatang: s.openingFloatSatang,
    expectedCashSatang: s.expectedCashSatang ?? null,
    countedCashSatang: s.countedCashSatang ?? null,
    differenceSatang: s.differenceSatang ?? null,
    closeNote: s.closeNote ?? null,
    openedAt: iso(s.openedAt)!,
    closedAt: iso(s.closedAt),
    approvedBy: s.approvedBy ?? null,
    approvedAt: iso(s.approvedAt),
  };
}

function snapshot(s: CashierSession) {
  return sessionDto(s);
}

export interface SessionSummary {
  receiptCount: number;
  voidCount: number;
  firstReceipt: string | null;
  lastReceipt: string | null;
  cashSatang: number;
  byMethod: Record<string, { count: number; amountSatang: number }>;
}

export class CashierSessionService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(actor: Actor, input: { openingFloatSatang: number }, name: string) {
    return this.sequelize.transaction(async (tx) => {
      const open = await CashierSession.findOne({
        where: { cashier: actor.username, status: 'open' },
        transaction: tx,
        lock: tx.LOCK.UPDATE,
      });
      if (open)
        throw new ConflictError('session_already_open', {
          th: `คุณเปิดรอบการรับเงินไว้แล้ว (รอบที่ ${open.id}) ปิดรอบเดิมก่อน`,
          en: `You already have an open cashier session (${open.id}); close it first.`,
        });
      const s = await CashierSession.create(
        {
          cashier: actor.username,
          cashierName: name,
          status: 'open',
          openingFloatSatang: input.openingFloatSatang,
          openedAt: this.now(),
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'cashier-session.open',
        entityType: 'cashier-session',
        entityId: s.id,
        before: null,
        after: snapshot(s),
      });
      return sessionDto(s);
    });
  }

  /** The caller's open session, locked in the payment's transaction (null: none open). */
  async lockOpenOf(tx: Transaction, username: string): Promise<CashierSession | null> {
    return CashierSession.findOne({
      where: { cashier: username, status: 'open' },
      transaction: tx,
      lock: tx.LOCK.UPDATE,
    });
  }

  /** Refuses a change to a payment of a day finance has approved. */
  async assertNotLocked(tx: Transaction, sessionId: number | null): Promise<void> {
    if (!sessionId) return;
    const s = await CashierSession.findByPk(sessionId, { transaction: tx, lock: tx.LOCK.UPDATE });
    if (s?.status === 'approved')
      throw new ConflictError('session_locked', {
        th: `รอบการรับเงินวันที่ปิดและอนุมัติแล้ว (รอบที่ ${s.id}) แก้ไขไม่ได้`,
        en: `That cashier day (${s.id}) is closed and approved: it is locked.`,
      });
  }

  async current(actor: Actor) {
    const s = await CashierSession.findOne({ where: { cashier: actor.username, status: 'open' } });
    return s ? { ...sessionDto(s), summary: await this.summary(s) } : null;
  }

  async list(q: { status?: string; cashier?: string; limit: number; offset: number }) {
    const where = Object.fromEntries(
      Object.entries({ status: q.status, cashier: q.cashier }).filter(([, v]) => v !== undefined),
    );
    const { rows, count } = await CashierSession.findAndCountAll({
      where,
      order: [['id', 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows.map(sessionDto) };
  }

  async get(id: number) {
    const s = await CashierSession.findByPk(id);
    if (!s) throw new NotFoundError(SESSION);
    return { ...sessionDto(s), summary: await this.summary(s) };
  }

  async close(id: number, actor: Actor, input: { countedCashSatang: number; note?: string }) {
    return this.sequelize.transaction(async (tx) => {
      const s = await CashierSession.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!s) throw new NotFoundError(SESSION);
      if (
        s.cashier !== actor.username &&
        !actor.roles.some((r) => r === 'finance' || r === 'admin')
      )
        throw new ForbiddenError('not_your_session', {
          th: 'ปิดได้เฉพาะรอบการรับเงินของตนเอง',
          en: 'You may close only your own cashier session.',
        });
      if (s.status !== 'open')
        throw new ConflictError('session_not_open', {
          th: 'รอบการรับเงินนี้ปิดไปแล้ว',
          en: 'This cashier session is already closed.',
        });
      const cash = await this.cashReceived(s.id, tx);
      const expected = s.openingFloatSatang + cash;
      const difference = input.countedCashSatang - expected;
      if (difference !== 0 && !input.note?.trim()) {
        const m = {
          th: `เงินนับได้ต่างจากยอดที่ควรมี ${(difference / 100).toFixed(2)} บาท กรุณาบันทึกเหตุผล`,
          en: `The count differs from the expected cash by ${(difference / 100).toFixed(2)} baht; say why.`,
        };
        throw new UserError('difference_needs_note', m, [{ path: 'note', message: m }]);
      }
      const before = snapshot(s);
      await s.update(
        {
          status: 'closed',
          expectedCashSatang: expected,
          countedCashSatang: input.countedCashSatang,
          differenceSatang: difference,
          closeNote: input.note?.trim() || null,
          closedAt: this.now(),
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'cashier-session.close',
        entityType: 'cashier-session',
        entityId: s.id,
        before,
        after: snapshot(s),
      });
      return sessionDto(s);
    });
  }

  async approve(id: number, actor: Actor) {
    return this.sequelize.transaction(async (tx) => {
      const s = await CashierSession.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!s) throw new NotFoundError(SESSION);
      if (s.status !== 'closed')
        throw new ConflictError('session_not_closed', {
          th: 'อนุมัติได้เฉพาะรอบที่ปิดและนับเงินแล้ว',
          en: 'Only a closed, counted session can be approved.',
        });
      if (s.cashier === actor.username)
        throw new ForbiddenError('approve_own_session', {
          th: 'ผู้รับเงินอนุมัติรอบของตนเองไม่ได้',
          en: 'A cashier may not approve their own day.',
        });
      const before = snapshot(s);
      await s.update(
        { status: 'approved', approvedBy: actor.username, approvedAt: this.now() },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'cashier-session.approve',
        entityType: 'cashier-session',
        entityId: s.id,
        before,
        after: snapshot(s),
      });
      return sessionDto(s);
    });
  }

  private async cashReceived(sessionId: number, tx?: Transaction): Promise<number> {
    const sum = await Payment.sum('amountSatang', {
      where: { cashierSessionId: sessionId, method: 'cash', status: 'posted' },
      transaction: tx,
    });
    return Number(sum ?? 0);
  }

  private async summary(s: CashierSession): Promise<SessionSummary> {
    const payments = await Payment.findAll({ where: { cashierSessionId: s.id } });
    const receipts = await Receipt.findAll({
      where: { paymentId: { [Op.in]: payments.map((p) => p.id) } },
      order: [['seq', 'ASC']],
    });
    const byMethod: SessionSummary['byMethod'] = {};
    for (const p of payments.filter((x) => x.status === 'posted')) {
      const m = (byMethod[p.method] ??= { count: 0, amountSatang: 0 });
      m.count += 1;
      m.amountSatang += p.amountSatang;
    }
    return {
      receiptCount: receipts.length,
      voidCount: receipts.filter((r) => r.status === 'void').length,
      firstReceipt: receipts[0]?.number ?? null,
      lastReceipt: receipts.at(-1)?.number ?? null,
      cashSatang: byMethod['cash']?.amountSatang ?? 0,
      byMethod,
    };
  }
}
