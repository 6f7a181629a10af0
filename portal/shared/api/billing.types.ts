/**
 * Tariffs, readings, billing runs and invoices as the engine's API returns them
 * (engine/src/modules/billing and readings). Tariff and bill shapes are @prapa/domain's own.
 */
import type { Bill, BillLine, ReadingFlag, Tariff } from '@prapa/domain';
import type { Bilingual } from './problem';

/** GET /tariffs: a shipped preset (id null) or one of the tenant's own versions. */
export interface TariffView {
  readonly id: number | null;
  readonly source: 'preset' | 'tenant';
  readonly code: string;
  readonly name: Bilingual;
  readonly effectiveFrom: string;
  readonly definition: Tariff;
}

export interface TariffPreviewInput {
  tariffCode?: string;
  tariffId?: number;
  consumptionM3: number;
  meterSize?: string;
  customerType?: string;
}

/** POST /tariffs/preview answers a domain Bill. */
export type TariffPreview = Bill;

export type ReadingStatus = 'accepted' | 'review' | 'reread';

/** One meter reading of an account in a billing period ('YYYY-MM'). */
export interface MeterReading {
  readonly id: number;
  readonly accountId: number;
  readonly waterworksId: number;
  readonly meterId?: number | null;
  readonly period: string;
  readonly previousReading: number;
  readonly currentReading: number | null;
  readonly consumptionM3: number | null;
  readonly flags: readonly ReadingFlag[];
  readonly status: ReadingStatus;
  readonly estimated: boolean;
  readonly source?: string;
  readonly note: string | null;
  readonly readAt: string;
  readonly readBy?: string;
  readonly reviewedBy?: string | null;
}

/** GET /readings and GET /readings/review. */
export interface ReadingPage {
  readonly total: number;
  readonly items: readonly MeterReading[];
}

export type BillingRunStatus = 'running' | 'completed' | 'failed';

export interface BillingRun {
  readonly id: number;
  readonly waterworksId: number;
  readonly period: string;
  readonly status: BillingRunStatus;
  readonly total: number;
  readonly done: number;
  readonly createdCount: number;
  readonly skippedCount: number;
  readonly issueDate?: string;
  readonly dueDate?: string;
  readonly error?: string | null;
  readonly finishedAt?: string | null;
}

/** One progress event of a billing run's stream. */
export interface BillingRunProgress {
  readonly done: number;
  readonly total: number;
  readonly status?: BillingRunStatus;
  readonly createdCount?: number;
  readonly skippedCount?: number;
}

export type InvoiceStatus = 'open' | 'paid' | 'void';

export interface InvoiceSummary {
  readonly id: number;
  readonly number: string;
  readonly accountId: number;
  readonly accountNumber?: string;
  readonly customerName?: string;
  readonly period: string | null;
  readonly kind?: string;
  readonly status: InvoiceStatus;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly totalSatang: number;
  readonly arrearsSatang?: number;
  readonly amountDueSatang: number;
  readonly villageId?: number | null;
}

export interface Invoice extends InvoiceSummary {
  readonly ref1: string;
  readonly ref2: string;
  readonly billerId: string;
  readonly lines: readonly BillLine[];
  readonly consumptionM3?: number | null;
  readonly tariffCode?: string | null;
  readonly reading?: {
    readonly previous: number;
    readonly current: number;
    readonly consumptionM3: number;
  } | null;
}
