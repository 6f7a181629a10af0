import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import tariffsGolden from './golden/tariffs.json' with { type: 'json' };
import { tariffChecks, type TariffGolden } from './golden/golden-checks.test.js';
import * as domain from './index.js';
import {
  calculateBill,
  effectiveTariff,
  TARIFF_PRESETS,
  tariffProblems,
  TariffError,
  type Tariff,
} from './index.js';

describe('calculateBill (golden table golden/tariffs.json)', () => {
  for (const check of tariffChecks(domain, tariffsGolden as unknown as TariffGolden)) {
    it(`should give ${check.name}`, () => {
      assert.deepEqual(check.actual, check.expected);
    });
  }
});

const preset = (code: string): Tariff => {
  const t = TARIFF_PRESETS.find((p) => p.code === code);
  assert.ok(t, code);
  return structuredClone(t);
};

describe('calculateBill', () => {
  it('should make the lines add up to the total for every preset from 0 to 1,200 m³', () => {
    for (const tariff of TARIFF_PRESETS) {
      for (const type of tariff.customerTypes) {
        for (let m3 = 0; m3 <= 1200; m3 += 7) {
          // when
          const bill = calculateBill(tariff, { consumptionM3: m3, customerType: type.code });

          // then
          const sum = bill.lines.reduce((a, l) => a + l.amountSatang, 0);
          assert.equal(sum, bill.totalSatang, `${tariff.code}/${type.code} ${m3} m³`);
          assert.ok(bill.lines.every((l) => Number.isSafeInteger(l.amountSatang)));
          assert.equal(
            bill.totalSatang,
            bill.waterChargeSatang +
              bill.feesSatang +
              bill.leviesSatang +
              bill.vatSatang +
              bill.roundingSatang,
          );
        }
      }
    }
  });

  it('should charge more (or the same) for every extra m³', () => {
    for (const tariff of TARIFF_PRESETS) {
      let previous = -1;
      for (let m3 = 0; m3 <= 400; m3++) {
        const { waterChargeSatang } = calculateBill(tariff, { consumptionM3: m3 });
        assert.ok(waterChargeSatang >= previous, `${tariff.code} at ${m3} m³`);
        previous = waterChargeSatang;
      }
    }
  });

  it('should label lines in Thai and English', () => {
    // when
    const bill = calculateBill(preset('MWA-2'), { consumptionM3: 5, meterSize: '1 1/2' });

    // then
    assert.deepEqual(
      bill.lines.map((l) => l.label.th),
      [
        'ค่าน้ำ 0–10 ลบ.ม.',
        'ค่าน้ำขั้นต่ำ 90.00 บาท (ส่วนที่เพิ่ม)',
        'ค่าบริการรายเดือน (มาตรขนาด 1 1/2 นิ้ว)',
        'ค่าน้ำดิบ',
        'ภาษีมูลค่าเพิ่ม 7%',
      ],
    );
    assert.equal(bill.lines[0]?.label.en, 'Water, 0–10 m³');
  });

  it('should name the whole-baht rounding on the bill', () => {
    // given a flat 6.50 baht/m³ rounded to the whole baht
    const tariff = preset('VILLAGE-FLAT');
    tariff.customerTypes[0]!.blocks = [{ uptoM3: null, rateSatangPerM3: 650 }];

    // when
    const bill = calculateBill(tariff, { consumptionM3: 7 });

    // then 45.50 + 10.00 fee = 55.50 → 56
    assert.equal(bill.totalSatang, 5600);
    assert.deepEqual(bill.lines.at(-1), {
      code: 'rounding',
      label: { th: 'ปัดเศษเป็นบาท', en: 'Rounding to the whole baht' },
      amountSatang: 50,
    });
  });

  it('should NOT bill past the last block of a tariff that is not open-ended', () => {
    // given
    const tariff = preset('VILLAGE-BLOCK');
    tariff.customerTypes[0]!.blocks = [{ uptoM3: 10, rateSatangPerM3: 500 }];

    // then
    assert.throws(
      () => calculateBill(tariff, { consumptionM3: 11 }),
      (e: unknown) => e instanceof TariffError && e.code === 'consumption_beyond_tariff',
    );
  });

  it('should give a Thai and an English message with the field at fault', () => {
    try {
      calculateBill(preset('PWA-1'), { consumptionM3: 1, customerType: 'x' });
      assert.fail('expected a TariffError');
    } catch (e) {
      assert.ok(e instanceof TariffError);
      assert.equal(e.path, 'customerType');
      assert.match(e.messages.th, /ประเภทผู้ใช้น้ำ/);
      assert.equal(e.message, e.messages.en);
    }
  });
});

describe('tariffProblems', () => {
  const cases: { name: string; change: (t: Tariff) => void; paths: string[] }[] = [
    {
      name: 'blocks that do not ascend',
      change: (t) => {
        t.customerTypes[0]!.blocks[1]!.uptoM3 = 5;
      },
      paths: ['customerTypes.0.blocks.1.uptoM3'],
    },
    {
      name: 'a last block with an upper bound',
      change: (t) => {
        t.customerTypes[0]!.blocks[3]!.uptoM3 = 99;
      },
      paths: ['customerTypes.0.blocks.3.uptoM3'],
    },
    {
      name: 'an open block before the last',
      change: (t) => {
        t.customerTypes[0]!.blocks[0]!.uptoM3 = null;
      },
      paths: ['customerTypes.0.blocks.0.uptoM3'],
    },
    {
      name: 'a rate in fractions of a satang',
      change: (t) => {
        t.customerTypes[1]!.blocks[0]!.rateSatangPerM3 = 10.5;
      },
      paths: ['customerTypes.1.blocks.0.rateSatangPerM3'],
    },
    {
      name: 'an unknown rounding rule',
      change: (t) => {
        (t as { rounding: string }).rounding = 'ten';
      },
      paths: ['rounding'],
    },
    {
      name: 'VAT in percent instead of basis points',
      change: (t) => {
        t.vatBasisPoints = 7.5;
      },
      paths: ['vatBasisPoints'],
    },
    {
      name: 'a day that does not exist',
      change: (t) => {
        t.effectiveFrom = '2026-02-30';
      },
      paths: ['effectiveFrom'],
    },
    {
      name: 'two customer types with one code, no blocks',
      change: (t) => {
        t.customerTypes[1]!.code = '1';
        t.customerTypes[1]!.blocks = [];
      },
      paths: ['customerTypes.1.code', 'customerTypes.1.blocks'],
    },
    {
      name: 'an unknown meter size and a negative fee',
      change: (t) => {
        t.meterFees[0]!.meterSize = '5';
        t.meterFees[1]!.feeSatang = -100;
      },
      paths: ['meterFees.0.meterSize', 'meterFees.1.feeSatang'],
    },
    {
      name: 'a minimum charge in baht with decimals',
      change: (t) => {
        t.customerTypes[0]!.minimumChargeSatang = 20.5;
      },
      paths: ['customerTypes.0.minimumChargeSatang'],
    },
    {
      name: 'a name with no English',
      change: (t) => {
        t.name = { th: 'ชื่อ', en: ' ' };
      },
      paths: ['name'],
    },
    {
      name: 'a late penalty over 100 %',
      change: (t) => {
        t.oneOffFees.latePenalty = { kind: 'percent', basisPoints: 20_000 };
      },
      paths: ['oneOffFees.latePenalty.basisPoints'],
    },
    {
      name: 'no customer types',
      change: (t) => {
        t.customerTypes = [];
      },
      paths: ['customerTypes'],
    },
  ];
  for (const { name, change, paths } of cases) {
    it(`should report ${name}`, () => {
      // given
      const tariff = preset('VILLAGE-BLOCK');
      change(tariff);

      // when
      const problems = tariffProblems(tariff);

      // then
      assert.deepEqual(
        problems.map((p) => p.path),
        paths,
      );
      for (const p of problems) assert.ok(p.message.th && p.message.en, p.path);
    });
  }
});

describe('effectiveTariff', () => {
  const versions = [
    { code: 'A', effectiveFrom: '2025-10-01' },
    { code: 'B', effectiveFrom: '2024-01-01' },
    { code: 'C', effectiveFrom: '2026-06-01' },
  ];
  const cases = [
    { period: '2023-12-01', expected: undefined },
    { period: '2024-01-01', expected: 'B' },
    { period: '2025-09-01', expected: 'B' },
    { period: '2025-10-01', expected: 'A' },
    { period: '2026-05-01', expected: 'A' },
    { period: '2026-06-01', expected: 'C' },
  ];
  for (const { period, expected } of cases) {
    it(`should bill the period from ${period} with ${expected ?? 'no tariff'}`, () => {
      assert.equal(effectiveTariff(versions, period)?.code, expected);
    });
  }
});
