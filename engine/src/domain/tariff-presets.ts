/**
 * Tariffs shipped as data (DOMAIN.md §1). A tenant copies one and edits it in the portal;
 * its own tariffs are never code. Rates are satang per m³, fees satang.
 *
 * Where the published tables stop, the last block is left open at its rate, because every
 * tariff must bill any consumption: PWA residential above 50 m³ and PWA types 2 and 3 above
 * 1,000 m³ (the table prints "—" / nothing beyond). See docs/domain.md.
 */
import type { MeterSizeFee, Tariff, TariffBlock } from './tariff.js';

/** Blocks from [upto m³, baht per m³] pairs; the last upto is null (open-ended). */
function blocks(...rows: [number | null, number][]): TariffBlock[] {
  return rows.map(([uptoM3, baht]) => ({ uptoM3, rateSatangPerM3: Math.round(baht * 100) }));
}

function fees(...rows: [string, number][]): MeterSizeFee[] {
  return rows.map(([meterSize, baht]) => ({ meterSize, feeSatang: Math.round(baht * 100) }));
}

const NO_ONE_OFF_FEES: Tariff['oneOffFees'] = {
  installation: [],
  reconnectionSatang: 0,
  latePenalty: { kind: 'none' },
};

/** PWA Table 1 (pwa.co.th, contents/service/table-price), private-investment areas. */
const PWA_SOURCE = 'การประปาส่วนภูมิภาค ตารางที่ 1';

function pwa(
  n: 1 | 2 | 3,
  name: { th: string; en: string },
  rates: number[],
  minimumChargeSatang?: number,
): Tariff {
  const uptos = [10, 20, 30, 50, 80, 100, 300, 1000];
  const rows = rates.map((rate, i): [number | null, number] => [
    i === rates.length - 1 ? null : (uptos[i] ?? null),
    rate,
  ]);
  return {
    code: `PWA-${n}`,
    name: { th: `${PWA_SOURCE} ประเภท ${n} ${name.th}`, en: `PWA Table 1, type ${n}: ${name.en}` },
    effectiveFrom: '2000-01-01',
    rounding: 'satang',
    vatBasisPoints: 700,
    customerTypes: [
      {
        code: String(n),
        name,
        blocks: blocks(...rows),
        ...(minimumChargeSatang ? { minimumChargeSatang } : {}),
      },
    ],
    meterFees: [],
    levies: [],
    oneOffFees: NO_ONE_OFF_FEES,
  };
}

/** MWA service fee by meter size (mwa.co.th, monthly service fee, since January 2007). */
const MWA_SERVICE_FEES = /* @__PURE__ */ fees(
  ['1/2', 25],
  ['3/4', 40],
  ['1', 50],
  ['1 1/2', 80],
  ['2', 300],
  ['3', 400],
  ['4', 500],
  ['6', 900],
  ['8', 1100],
  ['12', 3500],
  ['16', 5000],
);

function mwa(n: 1 | 2, name: { th: string; en: string }, type: Tariff['customerTypes'][0]): Tariff {
  return {
    code: `MWA-${n}`,
    name: { th: `การประปานครหลวง ประเภท ${n} ${name.th}`, en: `MWA type ${n}: ${name.en}` },
    // rates from December 1999, raw-water levy from June 2004, service fees from January 2007
    effectiveFrom: '2007-01-01',
    rounding: 'satang',
    vatBasisPoints: 700,
    customerTypes: [type],
    meterFees: MWA_SERVICE_FEES,
    levies: [{ code: 'raw-water', name: { th: 'ค่าน้ำดิบ', en: 'Raw-water levy' }, satangPerM3: 15 }],
    oneOffFees: { installation: [], reconnectionSatang: 10_000, latePenalty: { kind: 'none' } },
  };
}

const RESIDENTIAL = { th: 'ที่อยู่อาศัย', en: 'Residential' };
const BUSINESS_MWA = {
  th: 'ธุรกิจ ราชการ รัฐวิสาหกิจ อุตสาหกรรม',
  en: 'Business, government, state enterprise, industry',
};

/**
 * Built by a function marked pure, so a bundle that imports the domain for something else
 * (the portal's start-up code) leaves the presets out.
 */
export const TARIFF_PRESETS: readonly Tariff[] = /* @__PURE__ */ presets();

function presets(): readonly Tariff[] {
  return [
    pwa(1, RESIDENTIAL, [10.2, 16, 19, 21.2]),
    pwa(
      2,
      { th: 'ราชการและธุรกิจขนาดเล็ก', en: 'Government and small business' },
      [17, 20, 21, 22, 23, 24, 27.4, 27.5],
      15_000,
    ),
    pwa(
      3,
      {
        th: 'รัฐวิสาหกิจ อุตสาหกรรม ธุรกิจขนาดใหญ่',
        en: 'State enterprise, industry, large business',
      },
      [18.25, 21.5, 25.5, 28.5, 31, 31.25, 31.5, 31.75],
      30_000,
    ),
    mwa(1, RESIDENTIAL, {
      code: '1',
      name: RESIDENTIAL,
      blocks: blocks(
        [30, 8.5],
        [40, 10.03],
        [50, 10.35],
        [60, 10.68],
        [70, 11],
        [80, 11.33],
        [90, 12.5],
        [100, 12.82],
        [120, 13.15],
        [160, 13.47],
        [200, 13.8],
        [null, 14.45],
      ),
    }),
    mwa(2, BUSINESS_MWA, {
      code: '2',
      name: BUSINESS_MWA,
      minimumChargeSatang: 9_000,
      blocks: blocks(
        [10, 9.5],
        [20, 10.7],
        [30, 10.95],
        [40, 13.21],
        [50, 13.54],
        [60, 13.86],
        [80, 14.19],
        [100, 14.51],
        [120, 14.84],
        [160, 15.16],
        [200, 15.49],
        [null, 15.81],
      ),
    }),
    {
      code: 'VILLAGE-FLAT',
      name: {
        th: 'ประปาหมู่บ้าน อัตราเดียว 6 บาท/ลบ.ม.',
        en: 'Village waterworks, flat 6 baht/m³',
      },
      effectiveFrom: '2000-01-01',
      rounding: 'baht',
      vatBasisPoints: 0,
      customerTypes: [
        {
          code: '1',
          name: { th: 'ครัวเรือน', en: 'Household' },
          blocks: blocks([null, 6]),
          minimumChargeSatang: 3_000,
        },
      ],
      meterFees: fees(['1/2', 10], ['3/4', 10], ['1', 10]),
      levies: [],
      oneOffFees: {
        installation: fees(['1/2', 1_500], ['3/4', 2_500], ['1', 3_500]),
        reconnectionSatang: 10_000,
        latePenalty: { kind: 'none' },
      },
    },
    {
      code: 'VILLAGE-BLOCK',
      name: { th: 'ประปาหมู่บ้าน อัตราก้าวหน้า', en: 'Village waterworks, progressive blocks' },
      effectiveFrom: '2000-01-01',
      rounding: 'satang',
      vatBasisPoints: 0,
      customerTypes: [
        {
          code: '1',
          name: { th: 'ครัวเรือน', en: 'Household' },
          blocks: blocks([10, 5], [20, 7], [30, 9], [null, 12]),
          minimumChargeSatang: 2_000,
        },
        {
          code: '2',
          name: { th: 'ร้านค้าและกิจการ', en: 'Shops and businesses' },
          blocks: blocks([10, 8], [30, 10], [null, 14]),
          minimumChargeSatang: 5_000,
        },
      ],
      meterFees: fees(['1/2', 10], ['3/4', 20], ['1', 30]),
      levies: [],
      oneOffFees: {
        installation: fees(['1/2', 1_500], ['3/4', 2_500], ['1', 3_500]),
        reconnectionSatang: 10_000,
        latePenalty: { kind: 'flat', satang: 2_000 },
      },
    },
  ];
}
