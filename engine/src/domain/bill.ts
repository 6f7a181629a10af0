/**
 * The bill a tariff gives for a month's consumption, line by line.
 *
 * Order of work (docs/domain.md): water by blocks → minimum charge top-up → monthly meter
 * fee → levies per m³ → VAT on all of these (rounded to the satang, half up) → the tariff's
 * rounding rule on the total, shown as its own 'rounding' line. Every line is whole satang
 * and the lines add up to the total.
 */
import { formatBaht, mulDivRound, roundSatang, type Satang } from './money.js';
import { isMeterSize, METER_SIZES } from './meter-size.js';
import { TariffError } from './tariff-error.js';
import type {
  Bill,
  BillInput,
  BillLine,
  I18nText,
  Tariff,
  TariffBlock,
  TariffCustomerType,
} from './tariff.js';

/** One block's share of a consumption: m³ in (fromM3, toM3], at the block's rate. */
export interface BlockCharge {
  fromM3: number;
  toM3: number | null;
  quantityM3: number;
  rateSatangPerM3: number;
  amountSatang: Satang;
}

/** Splits a consumption over progressive blocks; blocks past the consumption are left out. */
export function blockCharges(blocks: readonly TariffBlock[], consumptionM3: number): BlockCharge[] {
  const charges: BlockCharge[] = [];
  let from = 0;
  for (const block of blocks) {
    if (consumptionM3 <= from) break;
    const upto = block.uptoM3;
    const quantity = (upto === null ? consumptionM3 : Math.min(consumptionM3, upto)) - from;
    charges.push({
      fromM3: from,
      toM3: upto,
      quantityM3: quantity,
      rateSatangPerM3: block.rateSatangPerM3,
      amountSatang: roundSatang(quantity * block.rateSatangPerM3, 'satang'),
    });
    if (upto === null) return charges;
    from = upto;
  }
  if (consumptionM3 > from) {
    throw new TariffError(
      'consumption_beyond_tariff',
      {
        th: `อัตราค่าน้ำไม่ครอบคลุมการใช้น้ำเกิน ${from} ลบ.ม.`,
        en: `The tariff has no block for consumption above ${from} m³.`,
      },
      'consumptionM3',
    );
  }
  return charges;
}

const sum = (xs: readonly { amountSatang: Satang }[]) => xs.reduce((a, x) => a + x.amountSatang, 0);

export function calculateBill(tariff: Tariff, input: BillInput): Bill {
  const m3 = input.consumptionM3;
  if (typeof m3 !== 'number' || !Number.isSafeInteger(m3) || m3 < 0) {
    throw new TariffError(
      'invalid_consumption',
      {
        th: 'ปริมาณการใช้น้ำต้องเป็นจำนวนเต็มลูกบาศก์เมตรที่ไม่ติดลบ',
        en: 'Consumption must be a whole, non-negative number of m³.',
      },
      'consumptionM3',
    );
  }
  const type = customerTypeOf(tariff, input.customerType);
  const meter = meterOf(tariff, input.meterSize);

  const water = blockCharges(type.blocks, m3);
  const lines: BillLine[] = water.map((c) => ({
    code: 'water',
    label: blockLabel(c, type.blocks.length === 1),
    quantityM3: c.quantityM3,
    unitPriceSatang: c.rateSatangPerM3,
    amountSatang: c.amountSatang,
  }));
  const minimum = minimumLine(type, m3, sum(water));
  if (minimum) lines.push(minimum);
  const waterChargeSatang = sum(lines);

  if (meter.feeSatang > 0) {
    lines.push({
      code: 'meter-fee',
      label: {
        th: `ค่าบริการรายเดือน (มาตรขนาด ${meter.size} นิ้ว)`,
        en: `Monthly service fee (${meter.size}" meter)`,
      },
      amountSatang: meter.feeSatang,
    });
  }
  const levies: BillLine[] = [];
  for (const levy of tariff.levies) {
    const amountSatang = roundSatang(m3 * levy.satangPerM3, 'satang');
    if (amountSatang === 0) continue;
    levies.push({
      code: 'levy',
      label: levy.name,
      quantityM3: m3,
      unitPriceSatang: levy.satangPerM3,
      amountSatang,
    });
  }
  lines.push(...levies);
  const leviesSatang = sum(levies);

  const vatBase = waterChargeSatang + meter.feeSatang + leviesSatang;
  const vatSatang = tariff.vatBasisPoints ? mulDivRound(vatBase, tariff.vatBasisPoints, 10_000) : 0;
  if (vatSatang !== 0) {
    const pct = percent(tariff.vatBasisPoints);
    lines.push({
      code: 'vat',
      label: { th: `ภาษีมูลค่าเพิ่ม ${pct}%`, en: `VAT ${pct}%` },
      amountSatang: vatSatang,
    });
  }

  const subtotal = vatBase + vatSatang;
  const totalSatang = roundSatang(subtotal, tariff.rounding);
  const roundingSatang = totalSatang - subtotal;
  if (roundingSatang !== 0) {
    lines.push({
      code: 'rounding',
      label: ROUNDING_LABEL[tariff.rounding],
      amountSatang: roundingSatang,
    });
  }

  return {
    tariffCode: tariff.code,
    customerType: type.code,
    meterSize: meter.size,
    rounding: tariff.rounding,
    lines,
    waterChargeSatang,
    feesSatang: meter.feeSatang,
    leviesSatang,
    vatSatang,
    roundingSatang,
    totalSatang,
  };
}

const ROUNDING_LABEL: Record<Tariff['rounding'], I18nText> = {
  satang: { th: 'ปัดเศษสตางค์', en: 'Rounding to the satang' },
  quarter: { th: 'ปัดเศษเป็น 25 สตางค์', en: 'Rounding to 25 satang' },
  baht: { th: 'ปัดเศษเป็นบาท', en: 'Rounding to the whole baht' },
};

function percent(basisPoints: number): string {
  return (basisPoints / 100).toString();
}

function customerTypeOf(tariff: Tariff, code: string | undefined): TariffCustomerType {
  const type =
    code === undefined
      ? tariff.customerTypes[0]
      : tariff.customerTypes.find((t) => t.code === code);
  if (!type) {
    throw new TariffError(
      'unknown_customer_type',
      {
        th: `ไม่พบประเภทผู้ใช้น้ำ "${code ?? ''}" ในอัตราค่าน้ำ ${tariff.code}`,
        en: `Tariff ${tariff.code} has no customer type "${code ?? ''}".`,
      },
      'customerType',
    );
  }
  return type;
}

/** The meter size billed and its monthly fee; without a size, the smallest the tariff lists. */
function meterOf(
  tariff: Tariff,
  size: string | undefined,
): { size: string | null; feeSatang: Satang } {
  if (size === undefined) {
    const smallest = METER_SIZES.map((s) => tariff.meterFees.find((f) => f.meterSize === s)).find(
      (f) => f !== undefined,
    );
    return smallest
      ? { size: smallest.meterSize, feeSatang: smallest.feeSatang }
      : { size: null, feeSatang: 0 };
  }
  const fee = tariff.meterFees.find((f) => f.meterSize === size);
  if (fee) return { size, feeSatang: fee.feeSatang };
  if (isMeterSize(size) && tariff.meterFees.length === 0) return { size, feeSatang: 0 };
  throw new TariffError(
    'unknown_meter_size',
    {
      th: `อัตราค่าน้ำ ${tariff.code} ไม่มีค่าบริการสำหรับมาตรขนาด "${size}" นิ้ว`,
      en: `Tariff ${tariff.code} has no fee for a "${size}" meter.`,
    },
    'meterSize',
  );
}

/**
 * The top-up that brings the water charge to the customer type's minimum: a charge in baht,
 * or the charge for a minimum number of m³, whichever is higher. Null when none is due.
 */
function minimumLine(type: TariffCustomerType, m3: number, waterSatang: Satang): BillLine | null {
  const byCharge = type.minimumChargeSatang ?? 0;
  const units = type.minimumUnitsM3 ?? 0;
  const byUnits = units > m3 ? sum(blockCharges(type.blocks, units)) : 0;
  const floor = Math.max(byCharge, byUnits);
  if (floor <= waterSatang) return null;
  const amountSatang = floor - waterSatang;
  if (byUnits >= byCharge) {
    return {
      code: 'minimum',
      label: {
        th: `ค่าน้ำขั้นต่ำ ${units} ลบ.ม. (ส่วนที่เพิ่ม)`,
        en: `Minimum charge of ${units} m³ (top-up)`,
      },
      quantityM3: units - m3,
      amountSatang,
    };
  }
  return {
    code: 'minimum',
    label: {
      th: `ค่าน้ำขั้นต่ำ ${formatBaht(byCharge)} บาท (ส่วนที่เพิ่ม)`,
      en: `Minimum charge of ${formatBaht(byCharge)} baht (top-up)`,
    },
    amountSatang,
  };
}

function blockLabel(c: BlockCharge, flat: boolean): I18nText {
  if (flat) return { th: 'ค่าน้ำ', en: 'Water' };
  const from = c.fromM3 === 0 ? 0 : c.fromM3 + 1;
  if (c.toM3 === null) {
    return { th: `ค่าน้ำ ${from} ลบ.ม. ขึ้นไป`, en: `Water, ${from} m³ and above` };
  }
  return { th: `ค่าน้ำ ${from}–${c.toM3} ลบ.ม.`, en: `Water, ${from}–${c.toM3} m³` };
}
