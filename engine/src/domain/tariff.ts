/**
 * Water tariffs (DOMAIN.md §1) and the bill they give for a month's consumption.
 */
import type { RoundingRule, Satang } from './money.js';

export { METER_SIZES, isMeterSize, type MeterSize } from './meter-size.js';
export { TariffError } from './tariff-error.js';
export { calculateBill, blockCharges } from './bill.js';
export { tariffProblems, type TariffProblem } from './tariff-problems.js';

export interface I18nText {
  th: string;
  en: string;
}

/** One block of a progressive tariff: covers (previous upto, upto]; null = no upper bound. */
export interface TariffBlock {
  uptoM3: number | null;
  rateSatangPerM3: number;
}

export interface TariffCustomerType {
  code: string;
  name: I18nText;
  blocks: TariffBlock[];
  /** Minimum monthly water charge in satang. */
  minimumChargeSatang?: number;
  /** Or: the water is charged as at least this many m³. */
  minimumUnitsM3?: number;
}

export interface MeterSizeFee {
  meterSize: string;
  feeSatang: Satang;
}

export interface Levy {
  code: string;
  name: I18nText;
  satangPerM3: number;
}

export type LatePenalty =
  { kind: 'none' } | { kind: 'flat'; satang: Satang } | { kind: 'percent'; basisPoints: number };

export interface Tariff {
  code: string;
  name: I18nText;
  /** 'YYYY-MM-DD': the first billing period this version applies to. */
  effectiveFrom: string;
  rounding: RoundingRule;
  /** 0 or 700 (= 7 %). */
  vatBasisPoints: number;
  customerTypes: TariffCustomerType[];
  /** Monthly service / meter-maintenance fee by meter size. */
  meterFees: MeterSizeFee[];
  levies: Levy[];
  oneOffFees: {
    installation: MeterSizeFee[];
    reconnectionSatang: Satang;
    latePenalty: LatePenalty;
  };
}

export interface BillInput {
  consumptionM3: number;
  customerType?: string;
  meterSize?: string;
}

export type BillLineCode = 'water' | 'minimum' | 'meter-fee' | 'levy' | 'vat' | 'rounding';

export interface BillLine {
  code: BillLineCode;
  label: I18nText;
  quantityM3?: number;
  unitPriceSatang?: number;
  amountSatang: Satang;
}

export interface Bill {
  tariffCode: string;
  customerType: string;
  meterSize: string | null;
  rounding: RoundingRule;
  /** Water lines are one per block used (quantity, rate, amount). */
  lines: BillLine[];
  /** The water itself after any minimum charge, before fixed fees, levies and VAT. */
  waterChargeSatang: Satang;
  feesSatang: Satang;
  leviesSatang: Satang;
  vatSatang: Satang;
  roundingSatang: Satang;
  totalSatang: Satang;
}

/** The version in force for a period: the latest effectiveFrom on or before periodStart. */
export function effectiveTariff<T extends { effectiveFrom: string }>(
  versions: T[],
  periodStart: string,
): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= periodStart && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}
