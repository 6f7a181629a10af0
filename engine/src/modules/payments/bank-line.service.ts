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
import { gunzipSync } from 'node:zlib';
import { parseBankFile, type BankLayout } from './bank-file/index.js';
import {
  BANK_FILE_SUMMARY,
  BankFile,
  BankLine,
  type BankFileLineStatus,
  type BankLineStatus,
} from './bank-file.model.js';
import { Payment, Receipt } from './payment.model.js';
import { sourceKey } from './bank-match.js';
import { paymentDto, receiptDto } from './payment.dto.js';
import type { PaymentPoster } from './payment-posting.js';

const LINE = { th: 'รายการจากไฟล์ธนาคาร', en: 'Bank line' };
const FILE = { th: 'ไฟล์ธนาคาร', en: 'Bank file' };

/** What the bank sent on a line, from a bank_lines row or from the file read again. */
interface Sent {
  bankCode: string;
  paidAt: string | Date;
  customerName: string;
  ref1: string;
  ref2: string;
  ref3: string;
  kind: string;
  amountSatang: number;
  sendingBank: string;
}

function sentDto(lineNo: number, l: Sent) {
  return {
    lineNo,
    bankCode: l.bankCode,
    paidAt: new Date(l.paidAt).toISOString(),
    customerName: l.customerName,
    ref1: l.ref1,
    ref2: l.ref2,
    ref3: l.ref3,
    kind: l.kind,
    amountSatang: l.amountSatang,
    sendingBank: l.sendingBank,
  };
}

export function bankLineDto(l: BankLine) {
  return {
    id: l.id,
    bankFileId: l.bankFileId,
    ...sentDto(l.lineNo, l),
    status: l.status,
    reason: l.reason,
    paymentId: l.paymentId,
    resolvedBy: l.resolvedBy ?? null,
    resolvedAt: l.resolvedAt ? new Date(l.resolvedAt).toISOString() : null,
    note: l.note ?? null,
  };
}

/** A line of a file, as its bank sent it, with what became of it. */
function fileLineDto(
  lineNo: number,
  l: Sent,
  status: BankFileLineStatus,
  row: BankLine | null,
  paymentId: number | null = row?.paymentId ?? null,
  receipt: { id: number; number: string } | null = null,
) {
  return {
    ...sentDto(lineNo, l),
    status,
    reason: row?.reason ?? null,
    bankLineId: row?.id ?? null,
    paymentId,
    receiptId: receipt?.id ?? null,
    receiptNumber: receipt?.number ?? null,
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
    totalSatang: Number(f.totalSatang),
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
      attributes: BANK_FILE_SUMMARY,
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

  /**
   * The lines of a file as the bank sent them, read again from the file kept at import,
   * each with what became of it: matched (its payment and receipt), unmatched / resolved /
   * dismissed (its exception row), or duplicate (paid, or queued, from an earlier line).
   * Files imported before they were kept list their exception rows only.
   */
  async fileLines(fileId: number, q: { limit: number; offset: number }) {
    const file = await BankFile.findByPk(fileId);
    if (!file) throw new NotFoundError(FILE);
    const rows = await BankLine.findAll({
      where: { bankFileId: fileId },
      order: [['lineNo', 'ASC']],
    });
    if (!file.content || !file.layoutJson) {
      const page = rows.slice(q.offset, q.offset + q.limit);
      return { total: rows.length, items: page.map((l) => fileLineDto(l.lineNo, l, l.status, l)) };
    }
    const parsed = parseBankFile(
      gunzipSync(file.content),
      JSON.parse(file.layoutJson) as BankLayout,
      { billerIds: null },
    );
    const firstOf = new Map<string, number>();
    for (const l of parsed.details) if (!firstOf.has(l.lineKey)) firstOf.set(l.lineKey, l.line);
    const page = parsed.details.slice(q.offset, q.offset + q.limit);
    const exception = new Map(rows.map((r) => [r.lineNo, r]));
    const payments = page.length
      ? await Payment.findAll({
          where: { bankFileId: fileId, sourceKey: page.map((l) => sourceKey(l.lineKey)) },
          attributes: ['id', 'sourceKey'],
        })
      : [];
    const paymentOf = new Map(payments.map((p) => [p.sourceKey, p.id]));
    const receipts = payments.length
      ? await Receipt.findAll({
          where: { paymentId: payments.map((p) => p.id) },
          attributes: ['id', 'paymentId', 'number'],
        })
      : [];
    const receiptOf = new Map(receipts.map((r) => [r.paymentId, r]));
    return {
      total: parsed.details.length,
      items: page.map((l) => {
        const row = exception.get(l.line);
        if (row)
          return fileLineDto(
            l.line,
            l,
            row.status,
            row,
            row.paymentId,
            receiptOf.get(row.paymentId ?? 0) ?? null,
          );
        const paymentId =
          firstOf.get(l.lineKey) === l.line ? paymentOf.get(sourceKey(l.lineKey)) : undefined;
        return paymentId === undefined
          ? fileLineDto(l.line, l, 'duplicate', null)
          : fileLineDto(l.line, l, 'matched', null, paymentId, receiptOf.get(paymentId) ?? null);
      }),
    };
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
        sourceKey: sourceKey(line.lineKey),
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
