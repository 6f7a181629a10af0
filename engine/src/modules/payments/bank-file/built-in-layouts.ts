/**
 * The layouts Prapa ships: the Bank of Thailand cross-bank bill-payment file as BBL, KBank,
 * KTB, SCB, GSB and BAAC send it. Each is a JSON file in ./layouts, checked by the same
 * schema a tenant's own layout goes through.
 */
import { bankLayoutSchema, type BankLayout } from './bank-layout.js';
import baac from './layouts/baac.json' with { type: 'json' };
import bbl from './layouts/bbl.json' with { type: 'json' };
import gsb from './layouts/gsb.json' with { type: 'json' };
import kbank from './layouts/kbank.json' with { type: 'json' };
import ktb from './layouts/ktb.json' with { type: 'json' };
import scb from './layouts/scb.json' with { type: 'json' };

const BUILT_IN: readonly BankLayout[] = Object.freeze(
  [bbl, kbank, ktb, scb, gsb, baac].map((json) => bankLayoutSchema.parse(json)),
);

/** Every built-in layout, in bank-code order. */
export function builtInLayouts(): BankLayout[] {
  return [...BUILT_IN];
}

/**
 * The built-in layout for a bank, by its short code in any case ("kbank", "KBANK") or its
 * 3-digit Bank of Thailand code ("004"); undefined when Prapa has none.
 */
export function layoutFor(code: string): BankLayout | undefined {
  const wanted = code.trim().toUpperCase();
  return BUILT_IN.find((l) => l.code === wanted || l.bankCode === wanted);
}
