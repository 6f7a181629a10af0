/**
 * Transfer slips: a resident (for a linked account) or staff (a slip received on LINE)
 * sends the image; its mini-QR gives the sending bank and transaction reference, and a
 * reference used before is refused (409) — the same slip sent twice never pays twice.
 * When a slip-verification API is configured its answer is kept for staff to see. Staff
 * accept (→ payment + receipt) or reject with a reason (→ the resident is told, through
 * the outbox's `slip.rejected`).
 */
import { UniqueConstraintError, type Sequelize } from 'sequelize';
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit.service.js';
import type { Outbox } from '../events/outbox.js';
import type { RegistryService } from '../registry/registry.service.js';
import { paymentDto, receiptDto } from './payment.dto.js';
import type { PaymentPoster } from './payment-posting.js';
import { Slip, type SlipChannel, type SlipStatus } from './slip.model.js';
import { readSlipImage } from './slips/slip-image.js';
import type { SlipVerifier } from './slips/slip-verifier.js';

const SLIP = { th: 'สลิปโอนเงิน', en: 'Transfer slip' };
export const SLIP_REJECTED = 'slip.rejected';
export const SLIP_SUBMITTED = 'slip.submitted';

export function slipDto(s: Slip) {
  return {
    id: s.id,
    accountId: s.accountId,
    invoiceIds: s.invoiceIds,
    amountSatang: s.amountSatang,
    sendingBank: s.sendingBank,
    transactionRef: s.transactionRef,
    channel: s.channel,
    imageType: s.imageType,
    submittedBy: s.submittedBy,
    submittedAt: new Date(s.createdAt).toISOString(),
    status: s.status,
    verification: (s.verification ?? null) as unknown,
    rejectReason: s.rejectReason ?? null,
    decidedBy: s.decidedBy ?? null,
    decidedAt: s.decidedAt ? new Date(s.decidedAt).toISOString() : null,
    paymentId: s.paymentId ?? null,
  };
}

export interface SlipSubmission {
  accountId: number;
  invoiceIds?: number[];
  amountSatang: number;
  image: Buffer;
  contentType?: string;
  channel?: SlipChannel;
}

export class SlipService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly poster: PaymentPoster,
    private readonly outbox: Outbox,
    private readonly registry: RegistryService,
    private readonly verifier: SlipVerifier,
    private readonly staffName: (username: string) => Promise<string>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(input: SlipSubmission, actor: Actor) {
    if (actor.kind === 'resident') {
      const own = await this.registry.accountsOfResident(actor.id);
      if (!own.some((a) => a.id === input.accountId))
        throw new ForbiddenError('not_your_account', {
          th: 'ส่งสลิปได้เฉพาะบัญชีผู้ใช้น้ำของคุณ',
          en: 'You may send slips only for your own accounts.',
        });
    } else {
      await this.registry.getAccount(input.accountId);
    }
    if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) {
      const m = { th: 'จำนวนเงินต้องมากกว่าศูนย์', en: 'The amount must be more than zero.' };
      throw new UserError('invalid_amount', m, [{ path: 'amountSatang', message: m }]);
    }
    const qr = readSlipImage(input.image, input.contentType);
    const earlier = await Slip.findOne({
      where: { sendingBank: qr.sendingBank, transactionRef: qr.transactionRef },
    });
    if (earlier) throw duplicate(earlier);
    let verification: unknown = null;
    try {
      verification = await this.verifier.verify(qr);
    } catch (err) {
      this.log.warn({ err }, 'slip verification unavailable; staff will check');
      verification = { status: 'unavailable' };
    }
    try {
      return await this.sequelize.transaction(async (tx) => {
        const s = await Slip.create(
          {
            accountId: input.accountId,
            invoiceIds: input.invoiceIds ?? [],
            amountSatang: input.amountSatang,
            sendingBank: qr.sendingBank,
            transactionRef: qr.transactionRef,
            channel: input.channel ?? (actor.kind === 'resident' ? 'app' : 'line'),
            image: input.image,
            imageType: input.image[0] === 0x89 ? 'image/png' : 'image/jpeg',
            submittedBy: actor.username,
            status: 'pending',
            verification,
          },
          { transaction: tx },
        );
        await this.audit.record(tx, {
          action: 'slip.submit',
          entityType: 'slip',
          entityId: s.id,
          before: null,
          after: {
            accountId: s.accountId,
            amountSatang: s.amountSatang,
            sendingBank: s.sendingBank,
            transactionRef: s.transactionRef,
          },
        });
        return slipDto(s);
      });
    } catch (err) {
      if (err instanceof UniqueConstraintError) {
        const again = await Slip.findOne({
          where: { sendingBank: qr.sendingBank, transactionRef: qr.transactionRef },
        });
        if (again) throw duplicate(again);
      }
      throw err;
    }
  }

  async list(
    q: { status?: SlipStatus; accountId?: number; limit: number; offset: number },
    actor: Actor,
  ) {
    const where: Record<string, unknown> = {};
    if (q.status) where['status'] = q.status;
    if (q.accountId) where['accountId'] = q.accountId;
    if (actor.kind === 'resident') {
      const own = (await this.registry.accountsOfResident(actor.id)).map((a) => a.id);
      where['accountId'] = q.accountId && own.includes(q.accountId) ? q.accountId : own;
    }
    const { rows, count } = await Slip.findAndCountAll({
      where,
      attributes: { exclude: ['image'] },
      order: [['id', q.status === 'pending' ? 'ASC' : 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows.map(slipDto) };
  }

  async image(id: number, actor: Actor) {
    const s = await this.find(id, actor);
    return { type: s.imageType, bytes: s.image };
  }

  async get(id: number, actor: Actor) {
    return slipDto(await this.find(id, actor));
  }

  async accept(
    id: number,
    input: { invoiceIds?: number[]; amountSatang?: number },
    actor: Actor,
    tenantId: number,
  ) {
    const name = await this.staffName(actor.username);
    const result = await this.sequelize.transaction(async (tx) => {
      const s = await Slip.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!s) throw new NotFoundError(SLIP);
      assertPending(s);
      const invoiceIds = input.invoiceIds ?? s.invoiceIds;
      const posted = await this.poster.post(tx, tenantId, {
        accountId: s.accountId,
        invoiceIds: invoiceIds.length ? invoiceIds : undefined,
        amountSatang: input.amountSatang ?? s.amountSatang,
        method: 'slip',
        channel: 'slip',
        receivedAt: this.now(),
        receivedBy: { username: actor.username, name },
        sourceKey: `slip:${s.sendingBank}:${s.transactionRef}`,
      });
      await s.update(
        {
          status: 'accepted',
          decidedBy: actor.username,
          decidedAt: this.now(),
          paymentId: posted.payment.id,
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'slip.accept',
        entityType: 'slip',
        entityId: s.id,
        before: { status: 'pending' },
        after: { status: 'accepted', paymentId: posted.payment.id, receipt: posted.receipt.number },
      });
      return {
        slip: slipDto(s),
        payment: paymentDto(posted.payment, posted.allocations),
        receipt: receiptDto(posted.receipt),
      };
    });
    this.outbox.kick();
    return result;
  }

  async reject(id: number, reason: string, actor: Actor, tenantId: number) {
    const result = await this.sequelize.transaction(async (tx) => {
      const s = await Slip.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!s) throw new NotFoundError(SLIP);
      assertPending(s);
      await s.update(
        {
          status: 'rejected',
          rejectReason: reason,
          decidedBy: actor.username,
          decidedAt: this.now(),
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'slip.reject',
        entityType: 'slip',
        entityId: s.id,
        before: { status: 'pending' },
        after: { status: 'rejected', reason },
      });
      await this.outbox.append(tx, [
        {
          tenantId,
          type: SLIP_REJECTED,
          payload: { slipId: s.id, accountId: s.accountId, submittedBy: s.submittedBy, reason },
        },
      ]);
      return slipDto(s);
    });
    this.outbox.kick();
    return result;
  }

  private async find(id: number, actor: Actor): Promise<Slip> {
    const s = await Slip.findByPk(id);
    if (!s) throw new NotFoundError(SLIP);
    if (actor.kind === 'resident') {
      const own = await this.registry.accountsOfResident(actor.id);
      if (!own.some((a) => a.id === s.accountId)) throw new NotFoundError(SLIP);
    }
    return s;
  }
}

function assertPending(s: Slip): void {
  if (s.status !== 'pending')
    throw new ConflictError('slip_decided', {
      th: 'สลิปนี้ได้รับการตรวจไปแล้ว',
      en: 'This slip has already been checked.',
    });
}

function duplicate(earlier: Slip): ConflictError {
  return new ConflictError('slip_duplicate', {
    th: `สลิปนี้ (เลขอ้างอิง ${earlier.transactionRef}) เคยส่งมาแล้วเมื่อ ${new Date(earlier.createdAt).toLocaleDateString('th-TH', { timeZone: 'Asia/Bangkok' })}`,
    en: `This slip (reference ${earlier.transactionRef}) was sent before, on ${new Date(earlier.createdAt).toISOString().slice(0, 10)}.`,
  });
}
