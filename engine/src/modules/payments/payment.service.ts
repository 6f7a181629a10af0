/**
 * Payments at the counter (cash with an open cashier day; transfers and cheques keyed by
 * staff), a resident's payment history, and the account's credit.
 */
import { Op, UniqueConstraintError, type Sequelize } from 'sequelize';
import { ConflictError, ForbiddenError, NotFoundError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { Outbox } from '../events/outbox.js';
import type { CashierSessionService } from './cashier-session.service.js';
import { paymentDto, receiptDto } from './payment.dto.js';
import { Payment, PaymentAllocation, Receipt, type PaymentMethod } from './payment.model.js';
import type { PaymentPoster } from './payment-posting.js';

export interface CounterPayment {
  accountId?: number;
  invoiceIds: number[];
  amountSatang: number;
  method: Exclude<PaymentMethod, 'bank' | 'slip'>;
}

export class PaymentService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly poster: PaymentPoster,
    private readonly sessions: CashierSessionService,
    private readonly registry: RegistryService,
    private readonly outbox: Outbox,
    private readonly staffName: (username: string) => Promise<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pay(input: CounterPayment, actor: Actor, tenantId: number, idempotencyKey?: string) {
    if (idempotencyKey) {
      const again = await this.byIdempotencyKey(idempotencyKey);
      if (again) return again;
    }
    const name = await this.staffName(actor.username);
    try {
      const posted = await this.sequelize.transaction(async (tx) => {
        const session = await this.sessions.lockOpenOf(tx, actor.username);
        if (input.method === 'cash' && !session)
          throw new ConflictError('no_open_session', {
            th: 'ยังไม่ได้เปิดรอบการรับเงินของวันนี้ กรุณาเปิดรอบก่อนรับเงินสด',
            en: 'Open your cashier session before taking cash.',
          });
        return this.poster.post(tx, tenantId, {
          accountId: input.accountId,
          invoiceIds: input.invoiceIds,
          amountSatang: input.amountSatang,
          method: input.method,
          channel: 'counter',
          receivedAt: this.now(),
          receivedBy: { username: actor.username, name },
          cashierSessionId: session?.id ?? null,
          idempotencyKey: idempotencyKey ?? null,
        });
      });
      this.outbox.kick();
      return {
        payment: paymentDto(posted.payment, posted.allocations),
        receipt: receiptDto(posted.receipt),
      };
    } catch (err) {
      if (idempotencyKey && err instanceof UniqueConstraintError) {
        const again = await this.byIdempotencyKey(idempotencyKey);
        if (again) return again;
      }
      throw err;
    }
  }

  async get(id: number, actor: Actor) {
    const p = await Payment.findByPk(id);
    if (!p) throw new NotFoundError({ th: 'รายการรับชำระ', en: 'Payment' });
    await this.assertMayRead(actor, p.accountId);
    return this.full(p);
  }

  /** The account's payments, newest first, with receipts and its credit. */
  async history(accountId: number, actor: Actor, q: { limit: number; offset: number }) {
    await this.assertMayRead(actor, accountId);
    const { rows, count } = await Payment.findAndCountAll({
      where: { accountId },
      order: [
        ['receivedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: q.limit,
      offset: q.offset,
    });
    const credit = await Payment.sum('unappliedSatang', { where: { accountId, status: 'posted' } });
    return {
      accountId,
      creditSatang: Number(credit ?? 0),
      total: count,
      items: await this.fullMany(rows),
    };
  }

  async list(q: {
    method?: PaymentMethod;
    cashierSessionId?: number;
    bankFileId?: number;
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  }) {
    const where: Record<string | symbol, unknown> = {};
    if (q.method) where['method'] = q.method;
    if (q.cashierSessionId) where['cashierSessionId'] = q.cashierSessionId;
    if (q.bankFileId) where['bankFileId'] = q.bankFileId;
    if (q.from || q.to)
      where['receivedAt'] = {
        ...(q.from ? { [Op.gte]: new Date(`${q.from}T00:00:00+07:00`) } : {}),
        ...(q.to
          ? { [Op.lt]: new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000) }
          : {}),
      };
    const { rows, count } = await Payment.findAndCountAll({
      where,
      order: [['id', 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: await this.fullMany(rows) };
  }

  private async byIdempotencyKey(key: string) {
    const p = await Payment.findOne({ where: { idempotencyKey: key } });
    return p ? this.full(p) : null;
  }

  private async full(p: Payment) {
    const [one] = await this.fullMany([p]);
    return one!;
  }

  private async fullMany(rows: Payment[]) {
    const ids = rows.map((p) => p.id);
    const [allocations, receipts] = await Promise.all([
      PaymentAllocation.findAll({ where: { paymentId: { [Op.in]: ids } }, order: [['id', 'ASC']] }),
      Receipt.findAll({ where: { paymentId: { [Op.in]: ids } } }),
    ]);
    return rows.map((p) => {
      const r = receipts.find((x) => x.paymentId === p.id);
      return {
        payment: paymentDto(
          p,
          allocations.filter((a) => a.paymentId === p.id),
        ),
        receipt: r ? receiptDto(r) : null,
      };
    });
  }

  private async assertMayRead(actor: Actor, accountId: number): Promise<void> {
    if (actor.kind !== 'resident') return;
    const own = await this.registry.accountsOfResident(actor.id);
    if (!own.some((a) => a.id === accountId))
      throw new ForbiddenError('not_your_account', {
        th: 'คุณดูได้เฉพาะบัญชีผู้ใช้น้ำของคุณ',
        en: 'You may see only your own accounts.',
      });
  }
}
