/**
 * Posting one payment, the step every channel shares (counter, slip, a bank line finance
 * matched by hand): lock the invoices, spread the money oldest first, take the next
 * receipt number, write payment, allocations and receipt, audit it and put
 * `payment.received` in the outbox — all in the caller's transaction, so either all of
 * it is there or none.
 */
import type { Transaction } from 'sequelize';
import { formatDocumentNumber } from '../../domain/index.js';
import { UserError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { fiscalYearOf, thaiDay } from '../billing/billing-dates.js';
import type { DocumentSeries } from '../billing/document-series.js';
import type { InvoiceLedger, PayableInvoice } from '../billing/invoice-ledger.js';
import type { Outbox } from '../events/outbox.js';
import { allocate } from './allocation.js';
import { paymentSnapshot } from './payment.dto.js';
import {
  Payment,
  PaymentAllocation,
  Receipt,
  type PaymentChannel,
  type PaymentMethod,
  type ReceiptItem,
} from './payment.model.js';

/** Receipts per book (เล่ม): the book number is derived from the running number. */
export const RECEIPTS_PER_BOOK = 100;
export const RECEIPT_PREFIX = 'RC';
export const PAYMENT_RECEIVED = 'payment.received';

export interface PostPayment {
  /** Needed when no invoice is named (an advance payment kept as credit). */
  accountId?: number;
  /** None: the account's open invoices, oldest first. */
  invoiceIds?: number[];
  amountSatang: number;
  method: PaymentMethod;
  channel: PaymentChannel;
  receivedAt: Date;
  receivedBy: { username: string; name: string };
  cashierSessionId?: number | null;
  bankFileId?: number | null;
  sourceKey?: string | null;
  idempotencyKey?: string | null;
}

export interface AccountRef {
  id: number;
  number: string;
  name: string;
}

export interface Posted {
  payment: Payment;
  allocations: PaymentAllocation[];
  receipt: Receipt;
}

/**
 * One payment as `payment.received` tells of it, to the workflow and, later, to
 * notifications. The event's payload is `{ payments: PaymentReceivedEvent[] }`: one for a
 * payment at the counter, up to 200 for a bank file.
 */
export interface PaymentReceivedEvent {
  paymentId: number;
  receiptNumber: string;
  accountId: number;
  accountNumber: string;
  amountSatang: number;
  method: PaymentMethod;
  invoiceIds: number[];
  /** The account number and the business keys of the processes that issued paid invoices. */
  businessKeys: string[];
}

export function receiptBook(seq: number): number {
  return Math.floor((seq - 1) / RECEIPTS_PER_BOOK) + 1;
}

export function receiptItems(
  allocations: { invoiceId: number; amountSatang: number }[],
  invoices: PayableInvoice[],
  unappliedSatang: number,
): ReceiptItem[] {
  const items: ReceiptItem[] = allocations.map((a) => {
    const i = invoices.find((x) => x.id === a.invoiceId)!;
    return {
      invoiceId: i.id,
      invoiceNumber: i.number,
      period: i.kind === 'water' ? i.period : null,
      kind: i.kind,
      amountSatang: a.amountSatang,
    };
  });
  if (unappliedSatang > 0)
    items.push({
      invoiceId: null,
      invoiceNumber: null,
      period: null,
      kind: 'credit',
      amountSatang: unappliedSatang,
    });
  return items;
}

export class PaymentPoster {
  constructor(
    private readonly audit: AuditLog,
    private readonly ledger: InvoiceLedger,
    private readonly series: DocumentSeries,
    private readonly outbox: Outbox,
    private readonly account: (id: number) => Promise<AccountRef>,
  ) {}

  async post(tx: Transaction, tenantId: number, input: PostPayment): Promise<Posted> {
    if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) {
      const m = { th: 'จำนวนเงินต้องมากกว่าศูนย์', en: 'The amount must be more than zero.' };
      throw new UserError('invalid_amount', m, [{ path: 'amountSatang', message: m }]);
    }
    const invoices = input.invoiceIds?.length
      ? await this.ledger.lockInvoices(tx, input.invoiceIds)
      : input.accountId
        ? await this.ledger.lockOpenOfAccount(tx, input.accountId)
        : [];
    const first = invoices[0];
    if (input.accountId && first && first.accountId !== input.accountId) {
      const m = {
        th: 'ใบแจ้งหนี้ไม่ใช่ของผู้ใช้น้ำรายนี้',
        en: 'The invoices are not this account’s.',
      };
      throw new UserError('invoice_of_other_account', m, [{ path: 'invoiceIds', message: m }]);
    }
    const accountId = first?.accountId ?? input.accountId;
    if (!accountId) {
      const m = { th: 'ระบุผู้ใช้น้ำหรือใบแจ้งหนี้', en: 'Name an account or invoices.' };
      throw new UserError('no_account', m, [{ path: 'accountId', message: m }]);
    }
    const account: AccountRef = first
      ? { id: accountId, number: first.accountNumber, name: first.customerName }
      : await this.account(accountId);
    const { allocations, unappliedSatang } = allocate(input.amountSatang, invoices);
    if (input.invoiceIds?.length && allocations.length < invoices.length) {
      const m = {
        th: 'ยอดเงินไม่ถึงใบแจ้งหนี้ทุกใบที่เลือก ให้เลือกเฉพาะใบที่ชำระ',
        en: 'The amount does not reach every invoice chosen; choose only those being paid.',
      };
      throw new UserError('amount_short_of_invoices', m, [{ path: 'amountSatang', message: m }]);
    }
    await this.ledger.apply(tx, allocations, input.receivedAt);

    const payment = await Payment.create(
      {
        tenantId,
        accountId,
        method: input.method,
        channel: input.channel,
        amountSatang: input.amountSatang,
        appliedSatang: input.amountSatang - unappliedSatang,
        unappliedSatang,
        status: 'posted',
        receivedAt: input.receivedAt,
        receivedBy: input.receivedBy.username,
        cashierSessionId: input.cashierSessionId ?? null,
        bankFileId: input.bankFileId ?? null,
        sourceKey: input.sourceKey ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      { transaction: tx },
    );
    const rows = await PaymentAllocation.bulkCreate(
      allocations.map((a) => ({ tenantId, paymentId: payment.id, ...a })),
      { transaction: tx },
    );
    const fiscalYear = fiscalYearOf(thaiDay(input.receivedAt));
    const seq = await this.series.next(tx, tenantId, 'receipt', fiscalYear);
    const receipt = await Receipt.create(
      {
        tenantId,
        paymentId: payment.id,
        fiscalYear,
        seq,
        book: receiptBook(seq),
        number: formatDocumentNumber(RECEIPT_PREFIX, fiscalYear, seq),
        accountId,
        accountNumber: account.number,
        payerName: account.name,
        method: input.method,
        amountSatang: input.amountSatang,
        creditSatang: unappliedSatang,
        items: receiptItems(allocations, invoices, unappliedSatang),
        issuedAt: input.receivedAt,
        issuedBy: input.receivedBy.username,
        issuedByName: input.receivedBy.name,
        status: 'valid',
      },
      { transaction: tx },
    );
    await this.audit.record(tx, {
      action: 'payment.receive',
      entityType: 'payment',
      entityId: payment.id,
      before: null,
      after: paymentSnapshot(payment, allocations, receipt),
      tenantId,
    });
    const paid = invoices.filter((i) => allocations.some((a) => a.invoiceId === i.id));
    const event: PaymentReceivedEvent = {
      paymentId: payment.id,
      receiptNumber: receipt.number,
      accountId,
      accountNumber: account.number,
      amountSatang: input.amountSatang,
      method: input.method,
      invoiceIds: paid.map((i) => i.id),
      businessKeys: businessKeys(account.number, paid),
    };
    await this.outbox.append(tx, [
      { tenantId, type: PAYMENT_RECEIVED, payload: { payments: [event] } },
    ]);
    return { payment, allocations: rows, receipt };
  }
}

export function businessKeys(
  accountNumber: string,
  paid: { businessKey: string | null }[],
): string[] {
  return [
    ...new Set([accountNumber, ...paid.flatMap((i) => (i.businessKey ? [i.businessKey] : []))]),
  ];
}
