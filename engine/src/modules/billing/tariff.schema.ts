/**
 * The shape of a tariff as the API takes it (the domain's Tariff). Zod checks types and
 * ranges (422 with the field path); the domain's tariffProblems() then checks the rules
 * between fields (blocks ascending, one open-ended last block …).
 */
import { z } from 'zod';
import { METER_SIZES, ROUNDING_RULES } from '../../domain/index.js';

const text = z.object({ th: z.string().trim().min(1).max(200), en: z.string().trim().max(200) });
const satang = z.number().int().min(0).max(100_000_000);
const rate = z.number().min(0).max(10_000_000);
const meterSize = z.enum(METER_SIZES);
const sizeFee = z.object({ meterSize, feeSatang: satang });

export const tariffDefinitionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/),
    name: text,
    effectiveFrom: z.iso.date(),
    rounding: z.enum(ROUNDING_RULES as ['satang', 'quarter', 'baht']),
    vatBasisPoints: z.number().int().min(0).max(10_000),
    customerTypes: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_-]{1,20}$/),
          name: text,
          blocks: z
            .array(
              z.object({ uptoM3: z.number().int().positive().nullable(), rateSatangPerM3: rate }),
            )
            .min(1)
            .max(50),
          minimumChargeSatang: satang.optional(),
          minimumUnitsM3: z.number().int().min(0).max(100_000).optional(),
        }),
      )
      .min(1)
      .max(20),
    meterFees: z.array(sizeFee).max(METER_SIZES.length).default([]),
    levies: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_-]{1,20}$/),
          name: text,
          satangPerM3: rate,
        }),
      )
      .max(10)
      .default([]),
    oneOffFees: z
      .object({
        installation: z.array(sizeFee).max(METER_SIZES.length).default([]),
        reconnectionSatang: satang.default(0),
        latePenalty: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('none') }),
            z.object({ kind: z.literal('flat'), satang }),
            z.object({
              kind: z.literal('percent'),
              basisPoints: z.number().int().min(0).max(10_000),
            }),
          ])
          .default({ kind: 'none' }),
      })
      .default({ installation: [], reconnectionSatang: 0, latePenalty: { kind: 'none' } }),
  })
  .openapi('TariffDefinition');

export type TariffDefinitionInput = z.output<typeof tariffDefinitionSchema>;

const billLine = z.object({
  code: z.string(),
  label: z.object({ th: z.string(), en: z.string() }),
  quantityM3: z.number().optional(),
  unitPriceSatang: z.number().optional(),
  amountSatang: z.number().int(),
});
export const billLinesSchema = z.array(billLine);

export const billSchema = z
  .object({
    tariffCode: z.string(),
    customerType: z.string(),
    meterSize: z.string().nullable(),
    rounding: z.string(),
    lines: billLinesSchema,
    waterChargeSatang: z.number().int(),
    feesSatang: z.number().int(),
    leviesSatang: z.number().int(),
    vatSatang: z.number().int(),
    roundingSatang: z.number().int(),
    totalSatang: z.number().int(),
  })
  .openapi('Bill');

export const previewBody = z
  .object({
    tariffCode: z.string().trim().min(1).max(40).optional(),
    tariffId: z.number().int().positive().optional(),
    consumptionM3: z.number().int().min(0).max(1_000_000),
    meterSize: meterSize.optional(),
    customerType: z.string().trim().min(1).max(20).optional(),
    /** Which version applies ('YYYY-MM'); the newest in force today when absent. */
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .refine((b) => b.tariffCode !== undefined || b.tariffId !== undefined, {
    path: ['tariffCode'],
    message: 'tariffCode or tariffId is required',
    params: { th: 'ต้องระบุ tariffCode หรือ tariffId' },
  });
