/**
 * One sheet row → a registry row or its errors, each naming the line and the column.
 * The same zod schemas as the API validate the values, so a row imports only if the same
 * data would pass POST /water-users and POST /accounts.
 */
import type { z } from 'zod';
import type { Message } from '../../http/errors.js';
import { zodIssuesToFieldErrors } from '../../http/zod-messages.js';
import type { AccountStatus } from './account.model.js';
import { accountNumber, accountPatch, meterBody, waterUserBody } from './registry-input.schemas.js';
import {
  COLUMNS,
  KIND_LABELS,
  STATUS_LABELS,
  type ColumnKey,
  type SheetRecord,
} from './registry-sheet.js';
import type { AccountInput, MeterInput, WaterUserInput } from './registry.types.js';

export interface ImportError {
  line: number;
  /** The column's key (`nationalId`); `column` is its Thai header. */
  field: ColumnKey | 'file';
  column: string;
  message: Message;
}

export interface ImportRow {
  line: number;
  number: string;
  waterUser: WaterUserInput;
  account: Omit<AccountInput, 'waterUserId' | 'number'>;
  meter: MeterInput | null;
}

export interface Places {
  /** Waterworks id by code. */
  works: ReadonlyMap<string, number>;
  /** Village by หมู่ number. */
  villages: ReadonlyMap<number, { id: number; waterworksId: number | null }>;
}

const HEADER = new Map<string, string>(COLUMNS.map((c) => [c.key, c.th]));

export function rowError(line: number, field: ColumnKey | 'file', message: Message): ImportError {
  return { line, field, column: HEADER.get(field) ?? '', message };
}

const ACCOUNT_PATHS: Record<string, ColumnKey> = { waterworksId: 'waterworks', villageId: 'moo' };
const METER_PATHS: Record<string, ColumnKey> = {
  serial: 'meterSerial',
  size: 'meterSize',
  digits: 'meterDigits',
  initialReading: 'meterInitialReading',
  installedOn: 'meterInstalledOn',
};

export function parseRow(
  line: number,
  rec: SheetRecord,
  places: Places,
): { row?: ImportRow; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const collect = <T extends z.ZodType>(
    schema: T,
    value: unknown,
    paths: Record<string, ColumnKey> = {},
  ): z.output<T> | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const e of zodIssuesToFieldErrors(r.error.issues)) {
      const key = e.path.split('.')[0] ?? '';
      errors.push(rowError(line, paths[key] ?? (key as ColumnKey), e.message));
    }
    return undefined;
  };

  const number = collect(accountNumber, text(rec.number) ?? '', { '': 'number' });
  const waterUser = collect(waterUserBody, {
    kind: label(rec.kind, KIND_LABELS) ?? 'person',
    name: text(rec.name) ?? '',
    nameEn: text(rec.nameEn),
    nationalId: digitsId(rec.nationalId),
    phone: phone(rec.phone),
    houseNo: text(rec.houseNo),
    moo: int(rec.moo),
    address: text(rec.address),
    customerType: text(rec.customerType) ?? '1',
  });

  const code = text(rec.waterworks);
  const waterworksId = code ? places.works.get(code) : undefined;
  if (code && waterworksId === undefined)
    errors.push(
      rowError(line, 'waterworks', {
        th: `ไม่พบกิจการประปารหัส ${code}`,
        en: `No waterworks with code ${code}.`,
      }),
    );
  else if (!code)
    errors.push(rowError(line, 'waterworks', { th: 'จำเป็นต้องกรอก', en: 'Required.' }));
  const moo = int(rec.moo);
  const village = typeof moo === 'number' ? places.villages.get(moo) : undefined;
  if (
    village &&
    waterworksId !== undefined &&
    village.waterworksId !== null &&
    village.waterworksId !== waterworksId
  )
    errors.push(
      rowError(line, 'moo', {
        th: `หมู่ที่ ${moo} ใช้น้ำจากกิจการประปาอื่น`,
        en: `Village no. ${moo} is served by another waterworks.`,
      }),
    );

  const hasMeter = (
    ['meterSerial', 'meterSize', 'meterDigits', 'meterInitialReading', 'meterInstalledOn'] as const
  ).some((k) => rec[k] !== undefined);
  const meter = hasMeter
    ? collect(
        meterBody,
        {
          serial: text(rec.meterSerial) ?? '',
          size: text(rec.meterSize),
          digits: int(rec.meterDigits),
          initialReading: int(rec.meterInitialReading) ?? 0,
          installedOn: date(rec.meterInstalledOn),
        },
        METER_PATHS,
      )
    : null;

  const account = collect(
    accountPatch,
    {
      waterworksId: waterworksId ?? 1,
      villageId: village?.id ?? null,
      routeOrder: int(rec.routeOrder),
      latitude: num(rec.latitude),
      longitude: num(rec.longitude),
      status: (label(rec.status, STATUS_LABELS) ??
        (hasMeter ? 'active' : 'pending')) as AccountStatus,
      tariffCode: text(rec.tariffCode),
      openedOn: date(rec.openedOn) ?? (hasMeter ? date(rec.meterInstalledOn) : null) ?? null,
    },
    ACCOUNT_PATHS,
  );
  if (account?.status === 'active' && !hasMeter)
    errors.push(
      rowError(line, 'meterSerial', {
        th: 'บัญชีที่ใช้งานต้องมีมาตร: กรอกข้อมูลมาตร หรือใช้สถานะ "รอติดตั้ง"',
        en: 'An active account needs a meter: fill in the meter, or use status "pending".',
      }),
    );
  if (errors.length || !number || !waterUser || !account || meter === undefined) return { errors };
  return {
    errors,
    row: {
      line,
      number,
      waterUser,
      account: { ...account, waterworksId: waterworksId!, villageId: village?.id ?? null },
      meter,
    },
  };
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** A whole number from a number cell or numeric text; other text passes on for zod to refuse. */
function int(v: unknown): number | string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

function num(v: unknown): number | string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** A label in Thai or the code itself, as the code. */
function label(v: unknown, labels: Record<string, string>): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const code = Object.entries(labels).find(([k, th]) => th === s || k === s.toLowerCase());
  return code ? code[0] : s;
}

/** IDs typed as numbers lose their leading zero (juristic IDs start with 0). */
function digitsId(v: unknown): string | undefined {
  const s = text(v)?.replace(/[\s-]/g, '');
  return s && /^\d{12}$/.test(s) ? `0${s}` : s;
}

function phone(v: unknown): string | undefined {
  const s = text(v);
  return s && typeof v === 'number' && !s.startsWith('0') ? `0${s}` : s;
}

/** YYYY-MM-DD, or D/M/YYYY in either era (a year past 2400 is Buddhist: − 543). */
function date(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return s;
  const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3]);
  return `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
