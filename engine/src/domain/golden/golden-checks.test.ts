/**
 * The shared runner of the golden tables in this folder — not a test file by itself.
 * Each function turns a golden JSON file into checks { name, actual, expected } using the
 * domain module it is given, so the same tables run in the engine (node:test,
 * engine/src/domain/*.unit.test.ts) and in the handheld build (Vitest,
 * handheld/src/app/domain-golden.spec.ts, with `@prapa/domain` as the handheld imports it).
 */
import type * as DomainModule from '../index.js';
import type { Bill, BillLine, Tariff } from '../index.js';

export type Domain = typeof DomainModule;

export interface GoldenCheck {
  name: string;
  actual: unknown;
  expected: unknown;
}

/** What a call gives, or the kind of error it throws (TariffError: its code and field). */
function outcome(d: Domain, call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    if (e instanceof d.TariffError) return { code: e.code, path: e.path };
    return { error: e instanceof Error ? e.name : String(e) };
  }
}

interface BillCase {
  name: string;
  tariffCode: string;
  consumptionM3: number;
  customerType?: string;
  meterSize?: string;
  expect: Record<string, unknown>;
}

export interface TariffGolden {
  tariffs: unknown[];
  cases: BillCase[];
  errors: BillCase[];
}

/** The bill's fields the case names; `lines` without labels, `waterLinesSatang` summed. */
function projectBill(bill: Bill, expect: Record<string, unknown>): Record<string, unknown> {
  const actual: Record<string, unknown> = {};
  for (const key of Object.keys(expect)) {
    if (key === 'waterLinesSatang') {
      actual[key] = bill.lines
        .filter((l) => l.code === 'water')
        .reduce((a, l) => a + l.amountSatang, 0);
    } else if (key === 'lines') {
      actual[key] = bill.lines.map((l: BillLine) => {
        const { label: _label, ...rest } = l;
        return rest;
      });
    } else {
      actual[key] = (bill as unknown as Record<string, unknown>)[key];
    }
  }
  return actual;
}

export function tariffChecks(d: Domain, golden: TariffGolden): GoldenCheck[] {
  const tariffs = [...d.TARIFF_PRESETS, ...(golden.tariffs as Tariff[])];
  const find = (code: string) => {
    const t = tariffs.find((x) => x.code === code);
    if (!t) throw new Error(`golden case names an unknown tariff ${code}`);
    return t;
  };
  const input = (c: BillCase) => ({
    consumptionM3: c.consumptionM3,
    ...(c.customerType !== undefined ? { customerType: c.customerType } : {}),
    ...(c.meterSize !== undefined ? { meterSize: c.meterSize } : {}),
  });
  return [
    ...tariffs.map((t) => ({
      name: `tariff ${t.code} has no structural problems`,
      actual: d.tariffProblems(t),
      expected: [],
    })),
    ...golden.cases.map((c) => ({
      name: `${c.tariffCode} ${c.consumptionM3} m³: ${c.name}`,
      actual: outcome(d, () =>
        projectBill(d.calculateBill(find(c.tariffCode), input(c)), c.expect),
      ),
      expected: c.expect,
    })),
    ...golden.errors.map((c) => ({
      name: `${c.tariffCode} should NOT bill: ${c.name}`,
      actual: outcome(d, () => d.calculateBill(find(c.tariffCode), input(c))),
      expected: c.expect,
    })),
  ];
}

export interface ReadingGolden {
  assess: { name: string; input: DomainModule.ReadingInput; expect: unknown }[];
  estimate: { name: string; historyM3: number[]; months?: number; expect: unknown }[];
}

export function readingChecks(d: Domain, golden: ReadingGolden): GoldenCheck[] {
  return [
    ...golden.assess.map((c) => ({
      name: `assessReading: ${c.name}`,
      actual: outcome(d, () => d.assessReading(c.input)),
      expected: c.expect,
    })),
    ...golden.estimate.map((c) => ({
      name: `estimateConsumption: ${c.name}`,
      actual: outcome(d, () => d.estimateConsumption(c.historyM3, c.months)),
      expected: c.expect,
    })),
  ];
}

export interface BahtTextGolden {
  cases: [number, string][];
  invalid: number[];
}

export function bahtTextChecks(d: Domain, golden: BahtTextGolden): GoldenCheck[] {
  return [
    ...golden.cases.map(([satang, text]) => ({
      name: `bahtText(${satang}) is ${text}`,
      actual: outcome(d, () => d.bahtText(satang)),
      expected: text,
    })),
    ...golden.invalid.map((satang) => ({
      name: `bahtText should NOT write ${satang}`,
      actual: outcome(d, () => d.bahtText(satang)),
      expected: { error: 'RangeError' },
    })),
  ];
}

export interface ThaiQrGolden {
  billPayments: {
    name: string;
    input: Parameters<Domain['thaiQrBillPayment']>[0];
    payload: string;
  }[];
  crc: { input: string; crc: string }[];
  slips: { name: string; text: string; expect: unknown }[];
  billerIds: { taxId13: string; suffix2: string; expect: unknown }[];
  barcodes: { name: string; input: Parameters<Domain['bankBarcodePayload']>[0]; expect: unknown }[];
}

export function thaiQrChecks(d: Domain, golden: ThaiQrGolden): GoldenCheck[] {
  return [
    ...golden.billPayments.map((c) => ({
      name: `bill-payment QR: ${c.name}`,
      actual: outcome(d, () => d.thaiQrBillPayment(c.input)),
      expected: c.payload,
    })),
    ...golden.crc.map((c) => ({
      name: `crc16("${c.input.slice(0, 20)}…") is ${c.crc}`,
      actual: d.crc16(c.input),
      expected: c.crc,
    })),
    ...golden.slips.map((c) => ({
      name: `slip QR: ${c.name}`,
      actual: outcome(d, () => d.parseSlipQr(c.text)),
      expected: c.expect,
    })),
    ...golden.billerIds.map((c) => ({
      name: `billerId(${c.taxId13}, ${c.suffix2})`,
      actual: outcome(d, () => d.billerId(c.taxId13, c.suffix2)),
      expected: c.expect,
    })),
  ];
}

export function barcodeChecks(d: Domain, golden: ThaiQrGolden): GoldenCheck[] {
  return golden.barcodes.map((c) => ({
    name: `bank barcode: ${c.name}`,
    actual: outcome(d, () => d.bankBarcodePayload(c.input)),
    expected: c.expect,
  }));
}
