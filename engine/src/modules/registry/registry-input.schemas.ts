/**
 * What the registry accepts, as zod schemas: the API validates request bodies with them
 * and the Excel import validates each row with the same rules.
 */
import { z } from 'zod';
import { isValidThaiId } from '../../domain/index.js';
import { METER_SIZES } from '../../domain/meter-size.js';
import { ACCOUNT_STATUSES } from './registry.types.js';

/** Optional text: trimmed, and empty means none (null). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null)
    .nullable()
    .optional();

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(s).toISOString().startsWith(s),
    {
      message: 'Not a real date (YYYY-MM-DD).',
      params: { th: 'วันที่ไม่ถูกต้อง (ปปปป-ดด-วว ค.ศ.)' },
    },
  );

export const nationalId = z
  .string()
  .trim()
  .refine((s) => s === '' || isValidThaiId(s), {
    message: 'The national ID must be a valid 13-digit number.',
    params: { th: 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลักที่ถูกต้อง' },
  })
  .transform((s) => s || null)
  .nullable()
  .optional();

export const waterUserBody = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string().trim().min(1).max(200),
  nameEn: text(200),
  nationalId,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+\-\s()]*$/)
    .transform((s) => s || null)
    .nullable()
    .optional(),
  houseNo: text(40),
  moo: z.number().int().min(1).max(99).nullable().optional(),
  address: text(1000),
  customerType: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,8}$/)
    .optional(),
});

export const accountNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9/_.-]{1,40}$/);

export const meterBody = z.object({
  serial: z.string().trim().min(1).max(40),
  size: z.enum(METER_SIZES),
  digits: z.number().int().min(4).max(8),
  initialReading: z.number().int().min(0),
  installedOn: isoDate,
});

export const meterReplacementBody = meterBody.omit({ installedOn: true }).extend({
  oldFinalReading: z.number().int().min(0),
  date: isoDate,
});

const accountFields = z.object({
  number: accountNumber.optional(),
  waterworksId: z.number().int().positive(),
  villageId: z.number().int().positive().nullable().optional(),
  routeOrder: z.number().int().min(0).max(1_000_000).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  tariffCode: text(40),
  openedOn: isoDate.nullable().optional(),
  closedOn: isoDate.nullable().optional(),
});

/** POST /accounts: a meter makes the account active at once. */
export const accountBody = accountFields.extend({
  waterUserId: z.number().int().positive(),
  meter: meterBody.optional(),
});

export const accountPatch = accountFields.partial();
