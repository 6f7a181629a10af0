/**
 * The exceptions queue: bank lines that matched nothing on import. Finance names the
 * account (and, if it wants, the invoices) and the line becomes a payment with a receipt,
 * dated when the bank received it; or finance dismisses it with a reason (a refund made
 * outside Prapa, a line of another biller's).
 */
import { Op, type Sequelize } from 'sequelize';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Outbox } from '../events/outbox.js';
import { BankFile, BankLine, type BankLineStatus } from './bank-file.model.js';
import { paymentDto, receiptDto } from './payment.dto.js';
import type { PaymentPoster } from './payment-posting.js';

const LINE = { th: 'รายการจากไฟล์ธนาคาร', en: 'Bank line' };

export function bankLineDto(l: BankLine) {
  return {
    id: l.id,
    bankFileId: l.bankFileId,
    lineNo: l.lineNo,
    bankCode: l.bankCode,
    paidAt: new Date(l.paidAt).toISOString(),
    customerName: l.customerName,
    ref1: l.ref1,
    ref2: l.ref2,
    ref3: l.ref3,
    kind: l.kind,
    amountSatang: l.amountSatang,
    sendingBank: l.sendingBank,
    status: l.status,
    reason: l.reason,
    paymentId: l.paymentId,
    resolvedBy: l.resolvedBy ?? null,
    resolvedAt: l.resolvedAt ? new Date(l.resolvedAt).toISOString() : null,
    note: l.note ?? null,
  };
}

export function bankFileDto(f: BankFile) {
  return {
    id: f.id,
    bankCode: f.bankCode,
    layoutCode: f.layoutCode,
    fileName: f.fileName,
    effectiveDate: f.effectiveDate,
    lines: f.lineCount,
    matched: f.matchedCount,
    unmatched: f.unmatchedCount,
    duplicates: f.duplicateCount,
    totalSatang: f.totalSatang,
    importedBy: f.importedBy,
    importedAt: new Date(f.createdAt).toISOString(),
  };
}

export class BankLineService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly poster: PaymentPoster,
    private readonly outbox: Outbox,
    private readonly staffName: (username: string) => Promise<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async files(q: { limit: number; offset: number }) {
    const { rows, count } = await BankFile.findAndCountAll({
      order: [['id', 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows.map(bankFileDto) };
  }

  async lines(q: { status?: BankLineStatus; bankFileId?: number; limit: number; offset: number }) {
    const where: Record<string, unknown> = {};
    if (q.status) where['status'] = q.status;
    if (q.bankFileId) where['bankFileId'] = q.bankFileId;
    const { rows, count } = await BankLine.findAndCountAll({
      where,
      order: [['id', q.status === 'unmatched' ? 'ASC' : 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows.map(bankLineDto) };
  }

  async match(
    id: number,
    input: { accountId: number; invoiceIds?: number[]; note?: string },
    actor: Actor,
    tenantId: number,
  ) {
    const name = await this.staffName(actor.username);
    const result = await this.sequelize.transaction(async (tx) => {
      const line = await BankLine.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!line) throw new NotFoundError(LINE);
      if (line.status !== 'unmatched')
        throw new ConflictError('bank_line_not_open', {
          th: 'รายการนี้จับคู่หรือจัดการไปแล้ว',
          en: 'This line has already been matched or dealt with.',
        });
      const posted = await this.poster.post(tx, tenantId, {
        accountId: input.accountId,
        invoiceIds: input.invoiceIds,
        amountSatang: line.amountSatang,
        method: 'bank',
        channel: 'bank-file',
        receivedAt: new Date(line.paidAt),
        receivedBy: { username: actor.username, name },
        bankFileId: line.bankFileId,
        sourceKey: `bank:${line.lineKey}`,
      });
      await line.update(
        {
          status: 'resolved',
          paymentId: posted.payment.id,
          resolvedBy: actor.username,
          resolvedAt: this.now(),
          note: input.note ?? null,
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'bank-line.match',
        entityType: 'bank-line',
        entityId: line.id,
        before: { status: 'unmatched', reason: line.reason },
        after: { status: 'resolved', paymentId: posted.payment.id, receipt: posted.receipt.number },
      });
      return {
        line: bankLineDto(line),
        payment: paymentDto(posted.payment, posted.allocations),
        receipt: receiptDto(posted.receipt),
      };
    });
    this.outbox.kick();
    return result;
  }

  async dismiss(id: number, reason: string, actor: Actor) {
    return this.sequelize.transaction(async (tx) => {
      const line = await BankLine.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!line) throw new NotFoundError(LINE);
      if (line.status !== 'unmatched')
        throw new ConflictError('bank_line_not_open', {
          th: 'รายการนี้จับคู่หรือจัดการไปแล้ว',
          en: 'This line has already been matched or dealt with.',
        });
      await line.update(
        { status: 'dismissed', resolvedBy: actor.username, resolvedAt: this.now(), note: reason },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'bank-line.dismiss',
        entityType: 'bank-line',
        entityId: line.id,
        before: { status: 'unmatched' },
        after: { status: 'dismissed', reason },
      });
      return bankLineDto(line);
    });
  }

  /** Unmatched lines count per file, for the upload page. */
  async unmatchedCount(): Promise<number> {
    return BankLine.count({ where: { status: { [Op.eq]: 'unmatched' } } });
  }
}
