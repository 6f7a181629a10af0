/** What the registry hands out: plain data for routes, billing and the import/export. */
import { maskThaiId } from '../../domain/index.js';
import { dateOnly, type AccountRow, type BillingRow } from './account-search.repository.js';
import type { Account } from './account.model.js';
import type { Meter } from './meter.model.js';
import type { AccountListItem, BillingAccount } from './registry.types.js';
import type { WaterUser } from './water-user.model.js';

export interface WaterUserDto {
  id: number;
  kind: 'person' | 'organisation';
  name: string;
  nameEn: string | null;
  /** Masked ("x-xxxx-xxxxx-12-3") unless the caller may see it. */
  nationalId: string | null;
  phone: string | null;
  houseNo: string | null;
  moo: number | null;
  address: string | null;
  customerType: string;
}

export interface MeterDto {
  id: number;
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  installedOn: string;
  removedOn: string | null;
  finalReading: number | null;
  status: 'active' | 'removed';
  replacesMeterId: number | null;
}

export interface AccountDto {
  id: number;
  number: string;
  status: string;
  waterUserId: number;
  waterUser: WaterUserDto;
  waterworksId: number;
  villageId: number | null;
  houseNo: string | null;
  moo: number | null;
  routeOrder: number;
  latitude: number | null;
  longitude: number | null;
  tariffCode: string | null;
  openedOn: string | null;
  closedOn: string | null;
  meter: MeterDto | null;
}

export function waterUserDto(u: WaterUser, showNationalId = false): WaterUserDto {
  return {
    id: u.id,
    kind: u.kind,
    name: u.name,
    nameEn: u.nameEn ?? null,
    nationalId: u.nationalId ? (showNationalId ? u.nationalId : maskThaiId(u.nationalId)) : null,
    phone: u.phone ?? null,
    houseNo: u.houseNo ?? null,
    moo: u.moo ?? null,
    address: u.address ?? null,
    customerType: u.customerType,
  };
}

export function meterDto(m: Meter): MeterDto {
  return {
    id: m.id,
    serial: m.serial,
    size: m.size,
    digits: m.digits,
    initialReading: m.initialReading,
    installedOn: m.installedOn,
    removedOn: m.removedOn ?? null,
    finalReading: m.finalReading ?? null,
    status: m.status,
    replacesMeterId: m.replacesMeterId ?? null,
  };
}

export function accountDto(a: Account, u: WaterUser, meter: Meter | null): AccountDto {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    waterUserId: a.waterUserId,
    waterUser: waterUserDto(u),
    waterworksId: a.waterworksId,
    villageId: a.villageId ?? null,
    houseNo: u.houseNo ?? null,
    moo: u.moo ?? null,
    routeOrder: a.routeOrder,
    latitude: a.latitude ?? null,
    longitude: a.longitude ?? null,
    tariffCode: a.tariffCode ?? null,
    openedOn: a.openedOn ?? null,
    closedOn: a.closedOn ?? null,
    meter: meter ? meterDto(meter) : null,
  };
}

/** Audit snapshots: the fields that matter, as they read back from the database. */
export const snapshots = {
  waterUser: (u: WaterUser) => ({ ...waterUserDto(u, true), tenantId: u.tenantId }),
  account: (a: Account) => ({
    id: a.id,
    tenantId: a.tenantId,
    number: a.number,
    waterUserId: a.waterUserId,
    waterworksId: a.waterworksId,
    villageId: a.villageId ?? null,
    routeOrder: a.routeOrder,
    latitude: a.latitude ?? null,
    longitude: a.longitude ?? null,
    status: a.status,
    tariffCode: a.tariffCode ?? null,
    openedOn: a.openedOn ?? null,
    closedOn: a.closedOn ?? null,
  }),
  meter: (m: Meter) => ({ ...meterDto(m), tenantId: m.tenantId, accountId: m.accountId }),
};

/** A row of the search as GET /accounts lists it. */
export function listItem(r: AccountRow): AccountListItem {
  return {
    id: Number(r.id),
    number: r.number,
    status: r.status,
    waterUser: { id: Number(r.water_user_id), name: r.name, phone: r.phone ?? null },
    houseNo: r.house_no ?? null,
    moo: r.moo ?? null,
    villageId: r.village_id ?? null,
    waterworksId: Number(r.waterworks_id),
    meter: r.serial ? { serial: r.serial, size: r.size! } : null,
  };
}

/** A row of billing's page as billing reads it. */
export function billingAccount(r: BillingRow): BillingAccount {
  return {
    accountId: Number(r.id),
    number: r.number,
    waterUserName: r.name,
    customerType: r.customer_type,
    villageId: r.village_id ?? null,
    moo: r.moo ?? null,
    houseNo: r.house_no ?? null,
    routeOrder: Number(r.route_order),
    status: r.status,
    tariffCode: r.tariff_code ?? null,
    meter:
      r.meter_id === null || r.meter_id === undefined
        ? null
        : {
            id: Number(r.meter_id),
            serial: r.serial!,
            size: r.size!,
            digits: Number(r.digits),
            initialReading: Number(r.initial_reading),
            installedOn: dateOnly(r.installed_on)!,
            ...(r.old_meter_id
              ? {
                  replacedMeter: {
                    id: Number(r.old_meter_id),
                    finalReading: Number(r.old_final_reading),
                    removedOn: dateOnly(r.old_removed_on),
                  },
                }
              : {}),
          },
  };
}
