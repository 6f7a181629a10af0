/**
 * What the engine's payments API sends (engine/src/modules/payments/*.routes.ts): receipts,
 * payments, cashier days, void requests, bank files and their lines, transfer slips.
 */

export type PaymentMethod = 'cash' | 'transfer' | 'bank' | 'slip' | 'cheque';
/** What a cashier may key at the counter. */
export type CounterMethod = 'cash' | 'transfer' | 'cheque';
export const COUNTER_METHODS: readonly CounterMethod[] = ['cash', 'transfer', 'cheque'];

export interface ReceiptItem {
  readonly invoiceId: number | null;
  readonly invoiceNumber: string | null;
  readonly period: string | null;
  readonly kind: string;
  readonly amountSatang: number;
}

export interface Receipt {
  readonly id: number;
  readonly paymentId: number;
  readonly book: number;
  readonly number: number;
  readonly documentNumber: string;
  readonly fiscalYear: number;
  readonly accountId: number;
  readonly accountNumber: string;
  readonly payerName: string;
  readonly method: PaymentMethod;
  readonly amountSatang: number;
  readonly creditSatang: number;
  readonly items: readonly ReceiptItem[];
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly issuedByName: string;
  readonly status: 'valid' | 'void';
  readonly voidReason: string | null;
  readonly voidedAt: string | null;
  readonly voidedBy: string | null;
}

export interface Payment {
  readonly id: number;
  readonly accountId: number;
  readonly method: PaymentMethod;
  readonly channel: string;
  readonly amountSatang: number;
  readonly appliedSatang: number;
  readonly unappliedSatang: number;
  readonly status: 'posted' | 'void';
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly allocations: readonly { readonly invoiceId: number; readonly amountSatang: number }[];
}

export interface Paid {
  readonly payment: Payment;
  readonly receipt: Receipt | null;
}

export type SessionStatus = 'open' | 'closed' | 'approved';

export interface CashierSession {
  readonly id: number;
  readonly cashier: string;
  readonly cashierName: string;
  readonly status: SessionStatus;
  readonly openingFloatSatang: number;
  readonly expectedCashSatang: number | null;
  readonly countedCashSatang: number | null;
  readonly differenceSatang: number | null;
  readonly closeNote: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
}

export interface SessionSummary {
  readonly receiptCount: number;
  readonly voidCount: number;
  readonly firstReceipt: string | null;
  readonly lastReceipt: string | null;
  readonly cashSatang: number;
  readonly byMethod: Readonly<
    Record<string, { readonly count: number; readonly amountSatang: number }>
  >;
}

export interface SessionWithSummary extends CashierSession {
  readonly summary: SessionSummary;
}

export interface VoidRequest {
  readonly id: number;
  readonly receiptId: number;
  readonly reason: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly receipt: Receipt | null;
}

export interface ReceiptRegister {
  readonly total: number;
  readonly validAmountSatang: number;
  readonly voidCount: number;
  readonly missingNumbers: readonly number[];
  readonly items: readonly Receipt[];
}

export interface BankLayoutInfo {
  readonly code: string;
  readonly bankCode: string;
  readonly name: { readonly th: string; readonly en: string };
  readonly builtIn: boolean;
}

export interface BankFileImport {
  readonly id: number;
  readonly bank: string;
  readonly effectiveDate: string;
  readonly lines: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly duplicates: number;
  readonly totalSatang: number;
  readonly matchedSatang: number;
}

export interface BankFileRow {
  readonly id: number;
  readonly bankCode: string;
  readonly layoutCode: string;
  readonly fileName: string | null;
  readonly effectiveDate: string;
  readonly lines: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly duplicates: number;
  readonly totalSatang: number;
  readonly importedBy: string;
  readonly importedAt: string;
}

export type BankLineStatus = 'matched' | 'unmatched' | 'resolved' | 'dismissed';

export interface BankLine {
  readonly id: number;
  readonly bankFileId: number;
  readonly lineNo: number;
  readonly bankCode: string;
  readonly paidAt: string;
  readonly customerName: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly ref3: string;
  readonly kind: string;
  readonly amountSatang: number;
  readonly sendingBank: string;
  readonly status: BankLineStatus;
  readonly reason: string | null;
  readonly paymentId: number | null;
  readonly note: string | null;
}

export interface SlipVerification {
  readonly status: 'verified' | 'not_found' | 'unavailable';
  readonly amountSatang?: number;
  readonly transferredAt?: string;
  readonly senderName?: string;
}

export interface Slip {
  readonly id: number;
  readonly accountId: number;
  readonly invoiceIds: readonly number[];
  readonly amountSatang: number;
  readonly sendingBank: string;
  readonly transactionRef: string;
  readonly channel: string;
  readonly imageType: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly verification: SlipVerification | null;
  readonly rejectReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly paymentId: number | null;
}

export interface Listed<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/** A line of a bank file as the bank sent it, with what became of it. */
export interface BankFileLine {
  readonly lineNo: number;
  readonly paidAt: string;
  readonly customerName: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly kind: string;
  readonly amountSatang: number;
  readonly status: BankLineStatus | 'duplicate';
  readonly reason: string | null;
  readonly paymentId: number | null;
  readonly receiptId: number | null;
  readonly receiptNumber: string | null;
}
