import {
  METER_SIZES,
  parseBaht,
  type LatePenalty,
  type RoundingRule,
  type Tariff,
  type TariffCustomerType,
} from '@prapa/domain';
import { rateText } from '@prapa/ui';

/**
 * A tariff as the editor holds it: amounts as the user types them (baht, "10.20"), so the
 * form can show exactly what was typed; `tariffFromForm` turns it into the domain's Tariff in
 * satang, naming each field at fault with the same path the engine uses.
 */
export interface TariffForm {
  code: string;
  nameTh: string;
  nameEn: string;
  effectiveFrom: string;
  rounding: RoundingRule;
  vat: boolean;
  customerTypes: CustomerTypeForm[];
  meterFees: SizeFeeForm[];
  levies: LevyForm[];
  installation: SizeFeeForm[];
  reconnection: string;
  penaltyKind: LatePenalty['kind'];
  /** Baht for a flat penalty, percent for a percentage. */
  penaltyAmount: string;
}

export interface CustomerTypeForm {
  code: string;
  nameTh: string;
  nameEn: string;
  blocks: { upto: string; rate: string }[];
  minimumCharge: string;
  minimumUnits: string;
}

export interface SizeFeeForm {
  meterSize: string;
  fee: string;
}

export interface LevyForm {
  code: string;
  nameTh: string;
  nameEn: string;
  rate: string;
}

/** A field at fault: `customerTypes.0.blocks.1.rateSatangPerM3` and a translation key. */
export interface FormProblem {
  readonly path: string;
  readonly key: string;
}

export const VAT_BASIS_POINTS = 700;

export function emptyTariffForm(effectiveFrom: string): TariffForm {
  return {
    code: '',
    nameTh: '',
    nameEn: '',
    effectiveFrom,
    rounding: 'satang',
    vat: false,
    customerTypes: [
      {
        code: '1',
        nameTh: 'ที่อยู่อาศัย',
        nameEn: 'Residential',
        blocks: [{ upto: '', rate: '' }],
        minimumCharge: '',
        minimumUnits: '',
      },
    ],
    meterFees: [],
    levies: [],
    installation: [],
    reconnection: '',
    penaltyKind: 'none',
    penaltyAmount: '',
  };
}

/** The editor's view of a tariff (a preset to copy, or a version to edit). */
export function formFromTariff(t: Tariff): TariffForm {
  const penalty = t.oneOffFees.latePenalty;
  return {
    code: t.code,
    nameTh: t.name.th,
    nameEn: t.name.en,
    effectiveFrom: t.effectiveFrom,
    rounding: t.rounding,
    vat: t.vatBasisPoints > 0,
    customerTypes: t.customerTypes.map((c) => ({
      code: c.code,
      nameTh: c.name.th,
      nameEn: c.name.en,
      blocks: c.blocks.map((b) => ({
        upto: b.uptoM3 === null ? '' : String(b.uptoM3),
        rate: rateText(b.rateSatangPerM3),
      })),
      minimumCharge: c.minimumChargeSatang ? bahtText(c.minimumChargeSatang) : '',
      minimumUnits: c.minimumUnitsM3 ? String(c.minimumUnitsM3) : '',
    })),
    meterFees: t.meterFees.map((f) => ({ meterSize: f.meterSize, fee: bahtText(f.feeSatang) })),
    levies: t.levies.map((l) => ({
      code: l.code,
      nameTh: l.name.th,
      nameEn: l.name.en,
      rate: rateText(l.satangPerM3),
    })),
    installation: t.oneOffFees.installation.map((f) => ({
      meterSize: f.meterSize,
      fee: bahtText(f.feeSatang),
    })),
    reconnection: t.oneOffFees.reconnectionSatang ? bahtText(t.oneOffFees.reconnectionSatang) : '',
    penaltyKind: penalty.kind,
    penaltyAmount:
      penalty.kind === 'flat'
        ? bahtText(penalty.satang)
        : penalty.kind === 'percent'
          ? String(penalty.basisPoints / 100)
          : '',
  };
}

/** The domain's Tariff from the form, or the fields at fault. */
export function tariffFromForm(
  f: TariffForm,
): { tariff: Tariff; problems: [] } | { tariff: null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const need = (path: string, text: string) => {
    if (!text.trim()) problems.push({ path, key: 'required' });
    return text.trim();
  };
  const money = (path: string, text: string, optional = true): number => {
    if (!text.trim()) {
      if (!optional) problems.push({ path, key: 'required' });
      return 0;
    }
    try {
      const s = parseBaht(text);
      if (s < 0) throw new RangeError('negative');
      return s;
    } catch {
      problems.push({ path, key: 'tariffs.problems.baht' });
      return 0;
    }
  };
  const rate = (path: string, text: string): number => {
    const s = parseRate(text);
    if (s === null)
      problems.push({ path, key: text.trim() ? 'tariffs.problems.rate' : 'required' });
    return s ?? 0;
  };
  const sizes = (path: string, list: SizeFeeForm[]) =>
    list.map((x, i) => {
      if (!(METER_SIZES as readonly string[]).includes(x.meterSize)) {
        problems.push({ path: `${path}.${i}.meterSize`, key: 'required' });
      }
      return { meterSize: x.meterSize, feeSatang: money(`${path}.${i}.feeSatang`, x.fee, false) };
    });

  const customerTypes = f.customerTypes.map((c, i): TariffCustomerType => {
    const at = `customerTypes.${i}`;
    const blocks = c.blocks.map((b, j) => {
      const last = j === c.blocks.length - 1;
      let uptoM3: number | null = null;
      if (b.upto.trim()) {
        if (!/^\d+$/.test(b.upto.trim()) || Number(b.upto) <= 0) {
          problems.push({ path: `${at}.blocks.${j}.uptoM3`, key: 'tariffs.problems.units' });
        } else uptoM3 = Number(b.upto);
      } else if (!last) {
        problems.push({ path: `${at}.blocks.${j}.uptoM3`, key: 'required' });
      }
      return { uptoM3, rateSatangPerM3: rate(`${at}.blocks.${j}.rateSatangPerM3`, b.rate) };
    });
    const minimumCharge = money(`${at}.minimumChargeSatang`, c.minimumCharge);
    const units = c.minimumUnits.trim();
    if (units && !/^\d+$/.test(units)) {
      problems.push({ path: `${at}.minimumUnitsM3`, key: 'tariffs.problems.units' });
    }
    return {
      code: need(`${at}.code`, c.code),
      name: { th: need(`${at}.name.th`, c.nameTh), en: c.nameEn.trim() },
      blocks,
      ...(minimumCharge ? { minimumChargeSatang: minimumCharge } : {}),
      ...(units && /^\d+$/.test(units) && Number(units) > 0
        ? { minimumUnitsM3: Number(units) }
        : {}),
    };
  });

  const penaltyAmount = f.penaltyAmount.trim();
  let latePenalty: LatePenalty = { kind: 'none' };
  if (f.penaltyKind === 'flat') {
    latePenalty = {
      kind: 'flat',
      satang: money('oneOffFees.latePenalty.satang', penaltyAmount, false),
    };
  } else if (f.penaltyKind === 'percent') {
    const bp = parsePercent(penaltyAmount);
    if (bp === null)
      problems.push({
        path: 'oneOffFees.latePenalty.basisPoints',
        key: 'tariffs.problems.percent',
      });
    latePenalty = { kind: 'percent', basisPoints: bp ?? 0 };
  }

  const tariff: Tariff = {
    code: need('code', f.code),
    name: { th: need('name.th', f.nameTh), en: f.nameEn.trim() },
    effectiveFrom: need('effectiveFrom', f.effectiveFrom),
    rounding: f.rounding,
    vatBasisPoints: f.vat ? VAT_BASIS_POINTS : 0,
    customerTypes,
    meterFees: sizes('meterFees', f.meterFees),
    levies: f.levies.map((l, i) => ({
      code: need(`levies.${i}.code`, l.code),
      name: { th: need(`levies.${i}.name.th`, l.nameTh), en: l.nameEn.trim() },
      satangPerM3: rate(`levies.${i}.satangPerM3`, l.rate),
    })),
    oneOffFees: {
      installation: sizes('oneOffFees.installation', f.installation),
      reconnectionSatang: money('oneOffFees.reconnectionSatang', f.reconnection),
      latePenalty,
    },
  };
  return problems.length ? { tariff: null, problems } : { tariff, problems: [] };
}

/** Satang per m³ (maybe fractional) from baht per m³ with up to 4 decimals: "8.505" → 850.5. */
export function parseRate(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const [, whole = '0', fraction = ''] = m;
  return Number(whole) * 100 + Number(fraction.padEnd(4, '0')) / 100;
}

function bahtText(satang: number): string {
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
}

/** Basis points from a percentage with up to 2 decimals: "1.5" → 150. */
function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** New rows of the form's lists, by the list's name. */
const NEW_ITEMS: Record<string, () => unknown> = {
  customerTypes: () => ({
    code: '',
    nameTh: '',
    nameEn: '',
    blocks: [{ upto: '', rate: '' }],
    minimumCharge: '',
    minimumUnits: '',
  }),
  blocks: () => ({ upto: '', rate: '' }),
  meterFees: () => ({ meterSize: '1/2', fee: '' }),
  installation: () => ({ meterSize: '1/2', fee: '' }),
  levies: () => ({ code: '', nameTh: '', nameEn: '', rate: '' }),
};

/** A copy of the form with the value at a dotted path (`customerTypes.0.blocks.1.rate`) set. */
export function setAt(form: TariffForm, path: string, value: unknown): TariffForm {
  const copy = structuredClone(form);
  const keys = path.split('.');
  const last = keys.pop()!;
  (walk(copy, keys) as Record<string, unknown>)[last] = value;
  return copy;
}

/** A copy of the form with a new, empty row at the end of a list (`customerTypes.0.blocks`). */
export function addAt(form: TariffForm, path: string): TariffForm {
  const copy = structuredClone(form);
  const keys = path.split('.');
  const make = NEW_ITEMS[keys[keys.length - 1]!];
  if (!make) throw new Error(`no such list: ${path}`);
  (walk(copy, keys) as unknown[]).push(make());
  return copy;
}

/** A copy of the form without one row of a list. */
export function removeAt(form: TariffForm, path: string, index: number): TariffForm {
  const copy = structuredClone(form);
  (walk(copy, path.split('.')) as unknown[]).splice(index, 1);
  return copy;
}

function walk(root: unknown, keys: readonly string[]): unknown {
  let at = root as Record<string, unknown>;
  for (const k of keys) {
    const next = at[k];
    if (next === null || typeof next !== 'object')
      throw new Error(`no such field: ${keys.join('.')}`);
    at = next as Record<string, unknown>;
  }
  return at;
}
