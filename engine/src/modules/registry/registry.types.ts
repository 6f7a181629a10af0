/** The registry's inputs and outputs as other modules and the routes see them. */
import { UserError, type Message } from '../../http/errors.js';
import { currentContext } from '../../http/request-context.js';
import type { MeterDto } from './registry.dto.js';
import type { WaterUserKind } from './water-user.model.js';

export const ACCOUNT_STATUSES = [
  'pending',
  'active',
  'suspended',
  'disconnected',
  'closed',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface WaterUserInput {
  kind: WaterUserKind;
  name: string;
  nameEn?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  houseNo?: string | null;
  moo?: number | null;
  address?: string | null;
  customerType?: string;
}

export interface AccountInput {
  /** Given by imports; otherwise made by the tenant's account-number scheme. */
  number?: string;
  waterUserId: number;
  waterworksId: number;
  villageId?: number | null;
  routeOrder?: number;
  latitude?: number | null;
  longitude?: number | null;
  status?: AccountStatus;
  tariffCode?: string | null;
  openedOn?: string | null;
  closedOn?: string | null;
}

export interface MeterInput {
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  /** YYYY-MM-DD */
  installedOn: string;
}

export interface MeterReplacementInput {
  oldFinalReading: number;
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  /** YYYY-MM-DD: the day the old meter came off and the new one went on. */
  date: string;
}

export interface AccountSearch {
  q?: string;
  villageId?: number;
  waterworksId?: number;
  status?: AccountStatus;
  page: number;
  limit: number;
  /** Set for residents: only their linked accounts. */
  residentUserId?: number;
}

export interface AccountListItem {
  id: number;
  number: string;
  status: string;
  waterUser: { id: number; name: string; phone: string | null };
  houseNo: string | null;
  moo: number | null;
  villageId: number | null;
  waterworksId: number;
  meter: { serial: string; size: string } | null;
}

/** What billing needs of an account, one page at a time. */
export interface BillingAccount {
  accountId: number;
  number: string;
  waterUserName: string;
  customerType: string;
  villageId: number | null;
  moo: number | null;
  houseNo: string | null;
  routeOrder: number;
  status: string;
  tariffCode: string | null;
  meter:
    | (Pick<MeterDto, 'id' | 'serial' | 'size' | 'digits' | 'initialReading' | 'installedOn'> & {
        /** The meter this one replaced (its final reading ends the old meter's consumption). */
        replacedMeter?: { id: number; finalReading: number; removedOn: string | null };
      })
    | null;
}

export const WATER_USER: Message = { th: 'ผู้ใช้น้ำ', en: 'Water user' };
export const ACCOUNT: Message = { th: 'บัญชีผู้ใช้น้ำ', en: 'Account' };

/** A 422 naming the one field at fault. */
export function fieldError(code: string, path: string, message: Message): UserError {
  return new UserError(code, message, [{ path, message }]);
}

/** The tenant of the request context (raw SQL filters by it). */
export function tenantOfContext(): number {
  const t = currentContext()?.tenantId;
  if (t === undefined) throw new Error('registry: no tenant in the request context');
  return t;
}
