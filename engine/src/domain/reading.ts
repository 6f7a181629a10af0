/** Meter reading validation (DOMAIN.md §2): rollover, replacement, abnormal use. */

export type ReadingFlag =
  | 'below-previous'
  | 'rollover'
  | 'meter-replaced'
  | 'zero-occupied'
  | 'abnormal-high'
  | 'abnormal-low'
  | 'estimated';

export interface ReadingInput {
  previous: number;
  current: number;
  digits: number;
  replacement?: { oldFinal: number; newInitial: number };
  averageM3?: number | null;
  occupied?: boolean;
  /** The current value is an estimate, not a reading of the dial. */
  estimated?: boolean;
  thresholds?: {
    highFactor?: number;
    highMinM3?: number;
    lowFactor?: number;
    lowMinM3?: number;
    rolloverMaxM3?: number;
  };
}

export interface ReadingAssessment {
  consumptionM3: number | null;
  flags: ReadingFlag[];
  needsReview: boolean;
}

export function assessReading(r: ReadingInput): ReadingAssessment {
  void r;
  throw new Error('not implemented');
}

export function estimateConsumption(historyM3: number[], months = 3): number {
  void historyM3;
  void months;
  throw new Error('not implemented');
}
