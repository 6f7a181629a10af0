/**
 * One page of a billing run, inside its transaction: the bills of the accounts that have
 * an accepted reading and no invoice yet, computed in memory, numbered gap-free under the
 * series lock and inserted in one statement.
 */
import { pageHash } from './billing-run.audit.js';
import type { Transaction } from 'sequelize';
import {
  calculateBill,
  formatDocumentNumber,
  mulDivRound,
  type Bill,
  type BillLine,
  type Tariff,
} from '../../domain/index.js';
import type { BillingAccount } from '../registry/registry.types.js';
import type { BillingRun } from './billing-run.model.js';
import type {
  BillableReading,
  BillingRunRepository,
  InvoiceRow,
  OpenBalance,
} from './billing-run.repository.js';
import type { BillingRules } from './billing-settings.service.js';
import type { DocumentSeries } from './document-series.js';
import { customerTypeIn, type TariffBook } from './tariff.service.js';

export interface PageInput {
  tx: Transaction;
  tenantId: number;
  run: BillingRun;
  rules: BillingRules;
  book: TariffBook;
  fiscalYear: number;
  accounts: BillingAccount[];
  readings: Map<number, BillableReading>;
  repo: BillingRunRepository;
  series: DocumentSeries;
  /** Bills already computed in this run, by tariff, type, size and m³ (a bill is pure). */
  bills?: Map<string, CachedBill>;
}

interface CachedBill {
  bill: Bill;
  linesJson: string;
}

export interface PageResult {
  created: number;
  skipped: number;
  /** What the chunk's audit event records: the numbers issued and a hash of their totals. */
  summary: Record<string, unknown>;
}

/** The late-payment line a tenant's rules add for overdue arrears, if any. */
export function penaltyLine(
  rules: BillingRules,
  balance: OpenBalance | undefined,
): BillLine | null {
  if (!balance || balance.overdue <= 0 || rules.penaltyKind === 'none') return null;
  const amount =
    rules.penaltyKind === 'flat'
      ? rules.penaltyValue
      : mulDivRound(balance.overdue, rules.penaltyValue, 10_000);
  if (amount <= 0) return null;
  return {
    code: 'penalty' as BillLine['code'],
    label: { th: 'ค่าปรับชำระล่าช้า', en: 'Late-payment penalty' },
    amountSatang: amount,
  };
}

function meterSizeIn(tariff: Tariff, size: string | undefined): string | undefined {
  return size && tariff.meterFees.some((f) => f.meterSize === size) ? size : undefined;
}

export async function billPage(p: PageInput): Promise<PageResult> {
  const { run, rules, book, tenantId } = p;
  const billable = p.accounts.filter((a) => p.readings.has(a.accountId));
  const last = await p.series.lock(p.tx, tenantId, 'invoice', p.fiscalYear);
  const ids = billable.map((a) => a.accountId);
  const { invoiced, balances } = await p.repo.accountState(p.tx, tenantId, ids, {
    period: run.period,
    kind: 'water',
    issueDate: run.issueDate,
  });
  const bills = p.bills ?? new Map<string, CachedBill>();
  const rows: InvoiceRow[] = [];
  let skipped = 0;
  let seq = last;
  for (const a of billable) {
    const code = book.codeFor(run.waterworksId, a.customerType, a.tariffCode);
    const tariff = code ? book.get(code) : undefined;
    if (invoiced.has(a.accountId) || !tariff) {
      skipped++;
      continue;
    }
    const reading = p.readings.get(a.accountId)!;
    const customerType = customerTypeIn(tariff, a.customerType);
    const meterSize = meterSizeIn(tariff, a.meter?.size);
    const key = `${tariff.code}|${customerType}|${meterSize}|${reading.consumptionM3}`;
    let cached = bills.get(key);
    if (!cached) {
      const bill = calculateBill(tariff, {
        consumptionM3: reading.consumptionM3,
        ...(customerType ? { customerType } : {}),
        ...(meterSize ? { meterSize } : {}),
      });
      cached = { bill, linesJson: JSON.stringify(bill.lines) };
      bills.set(key, cached);
    }
    const { bill } = cached;
    const balance = balances.get(a.accountId);
    const penalty = penaltyLine(rules, balance);
    seq++;
    rows.push({
      tenant_id: tenantId,
      account_id: a.accountId,
      waterworks_id: run.waterworksId,
      village_id: a.villageId,
      account_number: a.number,
      customer_name: a.waterUserName,
      period: run.period,
      kind: 'water',
      number: formatDocumentNumber(rules.invoicePrefix, p.fiscalYear, seq),
      fiscal_year: p.fiscalYear,
      seq,
      status: 'open',
      issue_date: run.issueDate,
      due_date: run.dueDate,
      tariff_code: tariff.code,
      reading_id: reading.id,
      consumption_m3: reading.consumptionM3,
      water_charge_satang: bill.waterChargeSatang,
      fees_satang: bill.feesSatang + (penalty?.amountSatang ?? 0),
      levies_satang: bill.leviesSatang,
      vat_satang: bill.vatSatang,
      rounding_satang: bill.roundingSatang,
      total_satang: bill.totalSatang + (penalty?.amountSatang ?? 0),
      arrears_satang: balance?.arrears ?? 0,
      lines_json: penalty ? JSON.stringify([...bill.lines, penalty]) : cached.linesJson,
      billing_run_id: run.id,
    });
  }
  await p.repo.insertInvoices(p.tx, rows);
  if (seq !== last) await p.series.advance(p.tx, tenantId, 'invoice', p.fiscalYear, seq);
  return {
    created: rows.length,
    skipped,
    summary: {
      run: run.id,
      period: run.period,
      count: rows.length,
      first: rows[0]?.number ?? null,
      last: rows[rows.length - 1]?.number ?? null,
      totalSatang: rows.reduce((s, r) => s + r.total_satang, 0),
      sha256: pageHash(
        rows.map((r) => ({
          number: r.number,
          accountId: r.account_id,
          totalSatang: r.total_satang,
        })),
      ),
    },
  };
}
