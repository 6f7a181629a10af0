import { TARIFF_PRESETS, type Tariff } from '@prapa/domain';
import {
  addAt,
  emptyTariffForm,
  formFromTariff,
  parseRate,
  removeAt,
  setAt,
  tariffFromForm,
} from './tariff-form';

const preset = (code: string): Tariff => TARIFF_PRESETS.find((t) => t.code === code)!;

describe('the tariff editor’s form', () => {
  it.each(['VILLAGE-BLOCK', 'VILLAGE-FLAT', 'PWA-2', 'MWA-1'])(
    'should give back %s unchanged after a trip through the form',
    (code) => {
      // given a preset as the form shows it
      const form = formFromTariff(preset(code));
      // when it is read back
      const result = tariffFromForm(form);
      // then nothing was lost or rounded
      expect(result.problems).toEqual([]);
      expect(result.tariff).toEqual(preset(code));
    },
  );

  it('should name each field at fault with the engine’s path', () => {
    // given a new tariff with a bad rate and an open block that is not the last
    let form = emptyTariffForm('2027-01-01');
    form = setAt(form, 'code', 'LOCAL');
    form = setAt(form, 'nameTh', 'อัตราหมู่บ้าน');
    form = setAt(form, 'customerTypes.0.blocks.0.rate', '5,5');
    form = addAt(form, 'customerTypes.0.blocks');
    form = setAt(form, 'customerTypes.0.blocks.1.rate', '7');
    form = setAt(form, 'customerTypes.0.minimumCharge', 'สามสิบ');
    // when
    const result = tariffFromForm(form);
    // then
    expect(result.tariff).toBeNull();
    expect(result.problems.map((p) => p.path)).toEqual([
      'customerTypes.0.blocks.0.uptoM3',
      'customerTypes.0.blocks.0.rateSatangPerM3',
      'customerTypes.0.minimumChargeSatang',
    ]);
  });

  it('should remove a row without touching the form it came from', () => {
    const form = addAt(emptyTariffForm('2027-01-01'), 'levies');
    const removed = removeAt(form, 'levies', 0);
    expect(removed.levies).toEqual([]);
    expect(form.levies).toHaveLength(1);
  });

  it.each([
    ['10.20', 1020],
    ['8.505', 850.5],
    ['0.15', 15],
    ['7', 700],
    ['1,000', null],
    ['-1', null],
    ['1.23456', null],
  ])('should read the rate "%s" as %s satang per m³', (text, satang) => {
    expect(parseRate(text)).toBe(satang);
  });
});
