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

/** GET /readings. */
export interface ReadingPage {
  readonly total: number;
  readonly items: readonly MeterReading[];
}

/** A review-queue entry: the reading with its account number and water user's name. */
export interface ReviewItem extends MeterReading {
  readonly accountNumber: string | null;
  readonly waterUserName: string | null;
}

/** GET /readings/review. */
export interface ReviewPage {
  readonly total: number;
  readonly items: readonly ReviewItem[];
}

/** Where a sheet row's previous value comes from. */
export type PreviousSource = 'this-period' | 'last-accepted' | 'meter-initial';

/** One active account on a route's reading sheet (GET /readings/sheet). */
export interface ReadingSheetItem {
  readonly accountId: number;
  readonly accountNumber: string;
  readonly waterUserName: string;
  readonly villageId: number | null;
  readonly houseNo: string | null;
  readonly moo: number | null;
  readonly routeOrder: number;
  readonly meter: {
    readonly serial: string;
    readonly size: string;
    readonly digits: number;
    /** Set when the last accepted reading is of the meter this one replaced. */
    readonly replacement: { readonly oldFinal: number; readonly newInitial: number } | null;
  } | null;
  /** The value a new reading is compared with (null: no meter). */
  readonly previous: number | null;
  readonly previousSource: PreviousSource | null;
  readonly averageM3: number | null;
  /** The reading entered for the period, if any. */
  readonly current: {
    readonly id: number;
    readonly value: number | null;
    readonly status: ReadingStatus;
    readonly flags: readonly ReadingFlag[];
    readonly consumptionM3: number | null;
  } | null;
}

export interface ReadingSheet {
  readonly period: string;
  readonly items: readonly ReadingSheetItem[];
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
