/**
 * Meter reading validation (DOMAIN.md §2): consumption from two readings, with the meter's
 * rollover, a meter replacement between them, and flags for what a person should look at
 * before the reading is billed.
 */

export type ReadingFlag =
  | 'below-previous'
  | 'rollover'
  | 'meter-replaced'
  | 'zero-occupied'
  | 'abnormal-high'
  | 'abnormal-low'
  | 'estimated';

export interface ReadingThresholds {
  /** High when consumption is above average × highFactor (default 2) … */
  highFactor?: number;
  /** … and at least highMinM3 above the average (default 10 m³). */
  highMinM3?: number;
  /** Low when consumption is below average × lowFactor (default 0.5) … */
  lowFactor?: number;
  /** … and at least lowMinM3 below the average (default 5 m³). */
  lowMinM3?: number;
  /**
   * The most a rollover may account for (default a tenth of the dial, 10^(digits−1) m³):
   * 9,998 → 3 on 4 digits is a rollover of 5 m³; 500 → 480 would be 9,980 m³, so a misread.
   */
  rolloverMaxM3?: number;
}

export interface ReadingInput {
  previous: number;
  current: number;
  /** How many whole-m³ digits the dial has: it rolls over from 10^digits − 1 to 0. */
  digits: number;
  /** The meter was changed since the previous reading (which was on the old meter). */
  replacement?: { oldFinal: number; newInitial: number };
  /** The account's recent average consumption (e.g. from estimateConsumption). */
  averageM3?: number | null;
  occupied?: boolean;
  /** The current value is an estimate, not a reading of the dial. */
  estimated?: boolean;
  thresholds?: ReadingThresholds;
}

export interface ReadingAssessment {
  /** Null when no consumption can be trusted (a reading below the previous one). */
  consumptionM3: number | null;
  flags: ReadingFlag[];
  /** True when a person must accept, correct or re-read before billing. */
  needsReview: boolean;
}

/** Flags that hold a reading in the review queue; the others only inform. */
export const REVIEW_FLAGS: readonly ReadingFlag[] = [
  'below-previous',
  'zero-occupied',
  'abnormal-high',
  'abnormal-low',
];

/**
 * @throws RangeError when a value is not a whole number of m³ that fits the dial.
 */
export function assessReading(r: ReadingInput): ReadingAssessment {
  if (!Number.isInteger(r.digits) || r.digits < 1 || r.digits > 12) {
    throw new RangeError(`digits must be a whole number from 1 to 12: ${r.digits}`);
  }
  const dial = 10 ** r.digits;
  const fits = (n: number, what: string) => {
    if (!Number.isInteger(n) || n < 0 || n >= dial) {
      throw new RangeError(`${what} must be a whole number from 0 to ${dial - 1}: ${n}`);
    }
  };
  fits(r.previous, 'previous');
  fits(r.current, 'current');
  const t = r.thresholds ?? {};
  const rolloverMax = t.rolloverMaxM3 ?? dial / 10;

  const flags: ReadingFlag[] = [];
  let consumption: number | null;
  if (r.replacement) {
    fits(r.replacement.oldFinal, 'replacement.oldFinal');
    fits(r.replacement.newInitial, 'replacement.newInitial');
    flags.push('meter-replaced');
    const oldPart = r.replacement.oldFinal - r.previous;
    const newPart = r.current - r.replacement.newInitial;
    consumption = oldPart >= 0 && newPart >= 0 ? oldPart + newPart : null;
  } else if (r.current >= r.previous) {
    consumption = r.current - r.previous;
  } else {
    const rolled = dial - r.previous + r.current;
    consumption = rolled <= rolloverMax ? rolled : null;
    if (consumption !== null) flags.push('rollover');
  }
  if (consumption === null) flags.push('below-previous');
  if (r.estimated) flags.push('estimated');

  if (consumption !== null) {
    const avg = r.averageM3;
    if (consumption === 0 && r.occupied) flags.push('zero-occupied');
    if (avg !== null && avg !== undefined && avg >= 0) {
      const highFactor = t.highFactor ?? 2;
      const highMin = t.highMinM3 ?? 10;
      const lowFactor = t.lowFactor ?? 0.5;
      const lowMin = t.lowMinM3 ?? 5;
      if (consumption > avg * highFactor && consumption - avg >= highMin) {
        flags.push('abnormal-high');
      } else if (
        !flags.includes('zero-occupied') &&
        !(consumption === 0 && r.occupied === false) &&
        consumption < avg * lowFactor &&
        avg - consumption >= lowMin
      ) {
        flags.push('abnormal-low');
      }
    }
  }
  return {
    consumptionM3: consumption,
    flags,
    needsReview: flags.some((f) => REVIEW_FLAGS.includes(f)),
  };
}

/**
 * An estimated month's consumption: the average of the last `months` real readings
 * (history oldest first), rounded half up to whole m³; 0 without history.
 */
export function estimateConsumption(historyM3: number[], months = 3): number {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`months must be a whole number of at least 1: ${months}`);
  }
  const last = historyM3.slice(-months);
  if (last.length === 0) return 0;
  if (last.some((m) => !Number.isFinite(m) || m < 0)) {
    throw new RangeError('history must hold non-negative consumptions');
  }
  return Math.floor(last.reduce((a, m) => a + m, 0) / last.length + 0.5);
}
