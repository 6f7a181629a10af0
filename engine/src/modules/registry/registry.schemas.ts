/** The registry's responses as zod schemas (they document the API in OpenAPI). */
import { z } from 'zod';

export const waterUserSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['person', 'organisation']),
    name: z.string(),
    nameEn: z.string().nullable(),
    nationalId: z.string().nullable().openapi({ description: 'Masked but for admin/clerk detail' }),
    phone: z.string().nullable(),
    houseNo: z.string().nullable(),
    moo: z.number().int().nullable(),
    address: z.string().nullable(),
    customerType: z.string(),
  })
  .openapi('WaterUser');

export const meterSchema = z
  .object({
    id: z.number().int(),
    serial: z.string(),
    size: z.string(),
    digits: z.number().int(),
    initialReading: z.number().int(),
    installedOn: z.string(),
    removedOn: z.string().nullable(),
    finalReading: z.number().int().nullable(),
    status: z.enum(['active', 'removed']),
    replacesMeterId: z.number().int().nullable(),
  })
  .openapi('Meter');

export const accountSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    status: z.string(),
    waterUserId: z.number().int(),
    waterUser: waterUserSchema,
    waterworksId: z.number().int(),
    villageId: z.number().int().nullable(),
    houseNo: z.string().nullable(),
    moo: z.number().int().nullable(),
    routeOrder: z.number().int(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    tariffCode: z.string().nullable(),
    openedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    meter: meterSchema.nullable(),
  })
  .openapi('Account');

export const accountListItemSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    status: z.string(),
    waterUser: z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() }),
    houseNo: z.string().nullable(),
    moo: z.number().int().nullable(),
    villageId: z.number().int().nullable(),
    waterworksId: z.number().int(),
    meter: z.object({ serial: z.string(), size: z.string() }).nullable(),
  })
  .openapi('AccountListItem');
