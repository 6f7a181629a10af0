/** Payments and receipts as the API shows them. */
import type { Payment, PaymentAllocation, Receipt } from './payment.model.js';

export function receiptDto(r: Receipt) {
  return {
    id: r.id,
    paymentId: r.paymentId,
    /** เล่มที่ */
    book: r.book,
    /** เลขที่: runs per tenant and fiscal year without gaps */
    number: r.seq,
    documentNumber: r.number,
    fiscalYear: r.fiscalYear,
    accountId: r.accountId,
    accountNumber: r.accountNumber,
    payerName: r.payerName,
    method: r.method,
    amountSatang: r.amountSatang,
    creditSatang: r.creditSatang,
    items: r.items,
    issuedAt: new Date(r.issuedAt).toISOString(),
    issuedBy: r.issuedBy,
    issuedByName: r.issuedByName,
    status: r.status,
    voidReason: r.voidReason ?? null,
    voidedAt: r.voidedAt ? new Date(r.voidedAt).toISOString() : null,
    voidedBy: r.voidedBy ?? null,
  };
}

export type ReceiptDto = ReturnType<typeof receiptDto>;

export function paymentDto(p: Payment, allocations: PaymentAllocation[]) {
  return {
    id: p.id,
    accountId: p.accountId,
    method: p.method,
    channel: p.channel,
    amountSatang: p.amountSatang,
    appliedSatang: p.appliedSatang,
    /** kept as the account's credit for its next invoice */
    unappliedSatang: p.unappliedSatang,
    status: p.status,
    receivedAt: new Date(p.receivedAt).toISOString(),
    receivedBy: p.receivedBy,
    cashierSessionId: p.cashierSessionId ?? null,
    bankFileId: p.bankFileId ?? null,
    allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amountSatang: a.amountSatang })),
  };
}

export type PaymentDto = ReturnType<typeof paymentDto>;

/** What the audit chain keeps of a payment. */
export function paymentSnapshot(
  p: Payment,
  allocations: { invoiceId: number; amountSatang: number }[],
  receipt: Receipt,
) {
  return {
    id: p.id,
    accountId: p.accountId,
    method: p.method,
    channel: p.channel,
    amountSatang: p.amountSatang,
    appliedSatang: p.appliedSatang,
    unappliedSatang: p.unappliedSatang,
    status: p.status,
    allocations,
    receipt: { id: receipt.id, number: receipt.number, book: receipt.book, status: receipt.status },
  };
}
