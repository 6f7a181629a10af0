/** One-off charges a tariff sets (DOMAIN.md §1): installation by meter size, late penalty. */
import { isSatang, mulDivRound, type Satang } from './money.js';
import { TariffError } from './tariff-error.js';
import type { LatePenalty, Tariff } from './tariff.js';

/** The installation fee for a meter size. @throws TariffError when the tariff lists none. */
export function installationFeeSatang(tariff: Tariff, meterSize: string): Satang {
  const fee = tariff.oneOffFees.installation.find((f) => f.meterSize === meterSize);
  if (!fee) {
    throw new TariffError(
      'unknown_meter_size',
      {
        th: `อัตราค่าน้ำ ${tariff.code} ไม่มีค่าติดตั้งสำหรับมาตรขนาด "${meterSize}" นิ้ว`,
        en: `Tariff ${tariff.code} has no installation fee for a "${meterSize}" meter.`,
      },
      'meterSize',
    );
  }
  return fee.feeSatang;
}

/**
 * The penalty on an overdue amount: none, a flat amount, or basis points of the amount due
 * rounded to the satang (half up). Nothing is due on nothing overdue.
 */
export function latePenaltySatang(penalty: LatePenalty, overdueSatang: Satang): Satang {
  if (!isSatang(overdueSatang)) throw new RangeError(`not satang: ${overdueSatang}`);
  if (overdueSatang <= 0) return 0;
  switch (penalty.kind) {
    case 'none':
      return 0;
    case 'flat':
      return penalty.satang;
    case 'percent':
      return mulDivRound(overdueSatang, penalty.basisPoints, 10_000);
  }
}
