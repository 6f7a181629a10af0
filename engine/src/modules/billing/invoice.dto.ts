/** Invoices as the API shows them: payment references and the amount due included. */
import { billerId } from '../../domain/index.js';
import type { Tenant } from '../tenancy/tenant.model.js';
import type { CreditNote, Invoice } from './invoice.model.js';

/** What is left to pay of the invoice itself. */
export function balanceOf(i: Pick<Invoice, 'totalSatang' | 'creditedSatang' | 'paidSatang'>) {
  return i.totalSatang - i.creditedSatang - i.paidSatang;
}

export function invoiceDto(i: Invoice, tenant: Tenant) {
  const balance = balanceOf(i);
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    accountId: i.accountId,
    accountNumber: i.accountNumber,
    customerName: i.customerName,
    waterworksId: i.waterworksId ?? null,
    villageId: i.villageId ?? null,
    period: i.period,
    status: i.status,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    tariffCode: i.tariffCode ?? null,
    readingId: i.readingId ?? null,
    consumptionM3: i.consumptionM3 ?? null,
    lines: i.lines,
    waterChargeSatang: i.waterChargeSatang,
    feesSatang: i.feesSatang,
    leviesSatang: i.leviesSatang,
    vatSatang: i.vatSatang,
    roundingSatang: i.roundingSatang,
    totalSatang: i.totalSatang,
    /** Open invoices of the account when this one was issued: shown, not part of the total. */
    arrearsSatang: i.arrearsSatang,
    creditedSatang: i.creditedSatang,
    paidSatang: i.paidSatang,
    balanceSatang: balance,
    /** What the document asks for: this invoice's balance and the arrears printed on it. */
    amountDueSatang: i.status === 'open' ? balance + i.arrearsSatang : 0,
    ref1: i.accountNumber,
    ref2: i.number,
    billerId: billerId(tenant.taxId, tenant.promptpayBillerSuffix),
    billingRunId: i.billingRunId ?? null,
    paidAt: i.paidAt ? new Date(i.paidAt).toISOString() : null,
  };
}

export type InvoiceDto = ReturnType<typeof invoiceDto>;

export function creditNoteDto(c: CreditNote) {
  return {
    id: c.id,
    number: c.number,
    invoiceId: c.invoiceId,
    amountSatang: c.amountSatang,
    reason: c.reason,
    issueDate: c.issueDate,
  };
}
