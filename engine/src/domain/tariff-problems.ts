/**
 * Structural checks of a tariff before it is stored or used: each problem names the field
 * (a JSON path such as "customerTypes.0.blocks.2.uptoM3") and says what is wrong in Thai and
 * English. An empty list means calculateBill can bill any whole consumption with it.
 */
import { ROUNDING_RULES } from './money.js';
import { isMeterSize } from './meter-size.js';
import type { I18nText, MeterSizeFee, Tariff } from './tariff.js';

export interface TariffProblem {
  path: string;
  message: I18nText;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const isNonNegativeInt = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isText = (t: unknown): t is I18nText =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as I18nText).th === 'string' &&
  (t as I18nText).th.trim() !== '' &&
  typeof (t as I18nText).en === 'string' &&
  (t as I18nText).en.trim() !== '';

const MONEY: I18nText = {
  th: 'ต้องเป็นจำนวนเต็มสตางค์ที่ไม่ติดลบ',
  en: 'must be a whole, non-negative number of satang',
};
const NAME: I18nText = {
  th: 'ต้องมีชื่อทั้งภาษาไทยและภาษาอังกฤษ',
  en: 'needs a Thai and an English name',
};
const CODE: I18nText = { th: 'ต้องมีรหัส', en: 'needs a code' };

export function tariffProblems(t: Tariff): TariffProblem[] {
  const problems: TariffProblem[] = [];
  const add = (path: string, message: I18nText) => problems.push({ path, message });

  if (typeof t.code !== 'string' || t.code.trim() === '') add('code', CODE);
  if (!isText(t.name)) add('name', NAME);
  if (!isCalendarDate(t.effectiveFrom)) {
    add('effectiveFrom', {
      th: 'วันที่มีผลต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)',
      en: 'effective date must be a calendar date written YYYY-MM-DD',
    });
  }
  if (!ROUNDING_RULES.includes(t.rounding)) {
    add('rounding', {
      th: 'วิธีปัดเศษต้องเป็น satang, quarter หรือ baht',
      en: 'rounding must be satang, quarter or baht',
    });
  }
  if (!isNonNegativeInt(t.vatBasisPoints) || t.vatBasisPoints > 10_000) {
    add('vatBasisPoints', {
      th: 'อัตราภาษีมูลค่าเพิ่มต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 10000 (หนึ่งในหมื่น เช่น 700 = 7%)',
      en: 'VAT must be whole basis points from 0 to 10000 (700 = 7 %)',
    });
  }

  if (!Array.isArray(t.customerTypes) || t.customerTypes.length === 0) {
    add('customerTypes', {
      th: 'ต้องมีประเภทผู้ใช้น้ำอย่างน้อยหนึ่งประเภท',
      en: 'needs at least one customer type',
    });
  } else {
    const seen = new Set<string>();
    t.customerTypes.forEach((type, i) => {
      const at = `customerTypes.${i}`;
      if (typeof type.code !== 'string' || type.code.trim() === '') add(`${at}.code`, CODE);
      else if (seen.has(type.code)) add(`${at}.code`, duplicate(type.code));
      seen.add(type.code);
      if (!isText(type.name)) add(`${at}.name`, NAME);
      blockProblems(type.blocks, `${at}.blocks`, add);
      if (type.minimumChargeSatang !== undefined && !isNonNegativeInt(type.minimumChargeSatang)) {
        add(`${at}.minimumChargeSatang`, MONEY);
      }
      if (type.minimumUnitsM3 !== undefined && !isNonNegativeInt(type.minimumUnitsM3)) {
        add(`${at}.minimumUnitsM3`, {
          th: 'หน่วยขั้นต่ำต้องเป็นจำนวนเต็มลูกบาศก์เมตรที่ไม่ติดลบ',
          en: 'minimum units must be a whole, non-negative number of m³',
        });
      }
    });
  }

  feeProblems(t.meterFees, 'meterFees', add);
  if (!Array.isArray(t.levies)) add('levies', { th: 'ต้องเป็นรายการ', en: 'must be a list' });
  else {
    const seen = new Set<string>();
    t.levies.forEach((levy, i) => {
      if (typeof levy.code !== 'string' || levy.code.trim() === '') add(`levies.${i}.code`, CODE);
      else if (seen.has(levy.code)) add(`levies.${i}.code`, duplicate(levy.code));
      seen.add(levy.code);
      if (!isText(levy.name)) add(`levies.${i}.name`, NAME);
      if (!isNonNegativeInt(levy.satangPerM3)) add(`levies.${i}.satangPerM3`, MONEY);
    });
  }

  const oneOff = t.oneOffFees;
  if (typeof oneOff !== 'object' || oneOff === null) {
    add('oneOffFees', { th: 'ต้องระบุค่าธรรมเนียม', en: 'is required' });
    return problems;
  }
  feeProblems(oneOff.installation, 'oneOffFees.installation', add);
  if (!isNonNegativeInt(oneOff.reconnectionSatang)) add('oneOffFees.reconnectionSatang', MONEY);
  const p = oneOff.latePenalty;
  if (p?.kind === 'flat') {
    if (!isNonNegativeInt(p.satang)) add('oneOffFees.latePenalty.satang', MONEY);
  } else if (p?.kind === 'percent') {
    if (!isNonNegativeInt(p.basisPoints) || p.basisPoints > 10_000) {
      add('oneOffFees.latePenalty.basisPoints', {
        th: 'ร้อยละต้องเป็นจำนวนเต็มหนึ่งในหมื่นตั้งแต่ 0 ถึง 10000',
        en: 'must be whole basis points from 0 to 10000',
      });
    }
  } else if (p?.kind !== 'none') {
    add('oneOffFees.latePenalty.kind', {
      th: 'ค่าปรับต้องเป็น none, flat หรือ percent',
      en: 'kind must be none, flat or percent',
    });
  }
  return problems;
}

function duplicate(code: string): I18nText {
  return { th: `รหัส "${code}" ซ้ำ`, en: `code "${code}" appears twice` };
}

function blockProblems(
  blocks: unknown,
  at: string,
  add: (path: string, message: I18nText) => void,
): void {
  if (!Array.isArray(blocks) || blocks.length === 0) {
    add(at, { th: 'ต้องมีช่วงอัตราอย่างน้อยหนึ่งช่วง', en: 'needs at least one block' });
    return;
  }
  let previous = 0;
  blocks.forEach((block: { uptoM3: unknown; rateSatangPerM3: unknown }, i) => {
    const last = i === blocks.length - 1;
    if (!isNonNegativeInt(block.rateSatangPerM3)) add(`${at}.${i}.rateSatangPerM3`, MONEY);
    if (last) {
      if (block.uptoM3 !== null) {
        add(`${at}.${i}.uptoM3`, {
          th: 'ช่วงสุดท้ายต้องไม่มีเพดาน (ว่างไว้ = ขึ้นไป)',
          en: 'the last block must be open-ended (null)',
        });
      }
      return;
    }
    if (!isNonNegativeInt(block.uptoM3) || (block.uptoM3 as number) <= previous) {
      add(`${at}.${i}.uptoM3`, {
        th: `ต้องเป็นจำนวนเต็มลูกบาศก์เมตรที่มากกว่า ${previous} (ช่วงเรียงจากน้อยไปมาก มีเพดานทุกช่วงยกเว้นช่วงสุดท้าย)`,
        en: `must be a whole number of m³ above ${previous} (blocks ascend; only the last is open-ended)`,
      });
      return;
    }
    previous = block.uptoM3 as number;
  });
}

function feeProblems(
  fees: MeterSizeFee[] | undefined,
  at: string,
  add: (path: string, message: I18nText) => void,
): void {
  if (!Array.isArray(fees)) {
    add(at, { th: 'ต้องเป็นรายการ', en: 'must be a list' });
    return;
  }
  const seen = new Set<string>();
  fees.forEach((fee, i) => {
    if (!isMeterSize(fee.meterSize)) {
      add(`${at}.${i}.meterSize`, {
        th: `ขนาดมาตร "${String(fee.meterSize)}" ไม่รู้จัก`,
        en: `unknown meter size "${String(fee.meterSize)}"`,
      });
    } else if (seen.has(fee.meterSize)) {
      add(`${at}.${i}.meterSize`, {
        th: `ขนาดมาตร ${fee.meterSize} นิ้ว ซ้ำ`,
        en: `meter size ${fee.meterSize}" appears twice`,
      });
    }
    seen.add(fee.meterSize);
    if (!isNonNegativeInt(fee.feeSatang)) add(`${at}.${i}.feeSatang`, MONEY);
  });
}
