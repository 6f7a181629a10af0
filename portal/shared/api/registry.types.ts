/**
 * The water-user registry as the engine's API returns it (engine/src/modules/registry):
 * water users, accounts, meters, search pages and the import report. Mirrors its zod schemas.
 */
import type { Bilingual } from './problem';

export type WaterUserKind = 'person' | 'organisation';
export type AccountStatus = 'pending' | 'active' | 'suspended' | 'disconnected' | 'closed';
export const ACCOUNT_STATUSES: readonly AccountStatus[] = [
  'pending',
  'active',
  'suspended',
  'disconnected',
  'closed',
];

export interface WaterUser {
  readonly id: number;
  readonly kind: WaterUserKind;
  readonly name: string;
  readonly nameEn?: string | null;
  /** Masked (x-xxxx-xxxxx-12-3) unless an admin or clerk asked for the detail. */
  readonly nationalId?: string | null;
  readonly phone?: string | null;
  readonly houseNo?: string | null;
  readonly moo?: number | null;
  readonly address?: string | null;
  readonly customerType: string;
}

export interface Meter {
  readonly id: number;
  readonly serial: string;
  readonly size: string;
  readonly digits: number;
  readonly initialReading: number;
  readonly installedOn: string;
  readonly removedOn?: string | null;
  readonly finalReading?: number | null;
  readonly status: 'active' | 'removed';
}

/** One row of GET /accounts (the search). */
export interface AccountSummary {
  readonly id: number;
  readonly number: string;
  readonly status: AccountStatus;
  readonly waterUser: {
    readonly id: number;
    readonly name: string;
    readonly phone?: string | null;
  };
  readonly houseNo?: string | null;
  readonly moo?: number | null;
  readonly villageId?: number | null;
  readonly waterworksId: number;
  readonly meter: { readonly serial: string; readonly size: string } | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
}

/** GET /accounts/{id}. */
export interface Account {
  readonly id: number;
  readonly number: string;
  readonly status: AccountStatus;
  readonly waterUserId?: number;
  readonly waterUser?: WaterUser;
  readonly waterworksId: number;
  readonly villageId?: number | null;
  readonly routeOrder?: number | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly tariffCode?: string | null;
  readonly openedOn?: string | null;
  readonly closedOn?: string | null;
  readonly meter?: Meter | null;
}

/** What the registry's forms send (POST/PATCH water-users, accounts). */
export interface WaterUserInput {
  kind: WaterUserKind;
  name: string;
  nameEn?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  houseNo?: string | null;
  moo?: number | null;
  address?: string | null;
  customerType: string;
}

export interface AccountInput {
  waterworksId: number;
  villageId?: number | null;
  routeOrder?: number | null;
  status?: AccountStatus;
  tariffCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface MeterReplacementInput {
  oldFinalReading: number;
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  date: string;
}

export type ImportMode = 'validate' | 'all-or-nothing' | 'valid-rows';

export interface ImportError {
  readonly line: number;
  readonly field: string;
  /** The sheet's column letter ("E"). */
  readonly column?: string;
  readonly message: Bilingual;
}

/** POST /registry/import. */
export interface ImportReport {
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly imported: number;
  readonly errors: readonly ImportError[];
}
