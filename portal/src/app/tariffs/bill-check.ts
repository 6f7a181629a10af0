import { TariffError, calculateBill, type Bill, type I18nText, type Tariff } from '@prapa/domain';

/** The calculator's fields as typed. */
export interface CalculatorInput {
  readonly consumption: string;
  readonly customerType: string;
  readonly meterSize: string;
}

export type BrowserBill =
  | { readonly ok: true; readonly consumptionM3: number; readonly bill: Bill }
  | { readonly ok: false; readonly message: I18nText | null; readonly key: string | null };

/** The bill as @prapa/domain computes it in the browser, or why there is none. */
export function billInBrowser(tariff: Tariff, input: CalculatorInput): BrowserBill {
  const text = input.consumption.trim();
  if (!/^\d{1,7}$/.test(text)) {
    return { ok: false, message: null, key: text ? 'tariffs.problems.units' : 'forms.required' };
  }
  const consumptionM3 = Number(text);
  try {
    const bill = calculateBill(tariff, {
      consumptionM3,
      ...(input.customerType ? { customerType: input.customerType } : {}),
      ...(input.meterSize ? { meterSize: input.meterSize } : {}),
    });
    return { ok: true, consumptionM3, bill };
  } catch (err) {
    if (err instanceof TariffError) return { ok: false, message: err.messages, key: null };
    throw err;
  }
}

/** Whether the engine's bill is the browser's, line by line, to the satang. */
export function sameBill(a: Bill, b: Bill): boolean {
  if (a.totalSatang !== b.totalSatang || a.waterChargeSatang !== b.waterChargeSatang) return false;
  if (a.lines.length !== b.lines.length) return false;
  return a.lines.every(
    (line, i) => line.code === b.lines[i]!.code && line.amountSatang === b.lines[i]!.amountSatang,
  );
}
