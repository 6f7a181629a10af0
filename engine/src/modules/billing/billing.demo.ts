/**
 * Demo billing history for the demo อบต.: default tariffs per waterworks, twelve months of
 * meter readings and production, and a billing run per month. Readings of the past come in
 * through ReadingService.recordHistory (one INSERT per period); the newest month is read
 * through the ordinary batch entry, so its assessment is real and a few readings wait in
 * the review queue. Invoices come from real billing runs (numbering, chunk audit events),
 * and stay open: payments are the next step's.
 */
import type { Logger } from 'pino';
import { asSystem, asTenant } from '../../http/request-context.js';
import type { HistoricReading } from '../readings/reading.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { BillingAccount } from '../registry/registry.types.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { Tenant } from '../tenancy/tenant.model.js';
import type { Billing } from './billing.module.js';
import { thaiDay } from './billing-dates.js';

export interface BillingDemoDeps {
  tenancy: TenancyService;
  registry: RegistryService;
  billing: Billing;
  log: Logger;
}

const MONTHS = 12;
/** Readings of the newest month entered as a reader would, through the assessment. */
const ROUTE = 12;
/** Demo tariffs by waterworks code; any other waterworks bills on VILLAGE-BLOCK. */
const TARIFF_OF: Record<string, string> = { WW1: 'VILLAGE-BLOCK', WW2: 'VILLAGE-FLAT' };
/** Hot season (March–May) uses more, the rains (July–October) less. */
const SEASON = [1, 1, 1.05, 1.25, 1.3, 1.2, 1, 0.9, 0.9, 0.85, 0.9, 1];

/** 'YYYY-MM' n months after (or before) a period. */
export function shiftPeriod(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The twelve periods that ended before `today`'s month, oldest first. */
export function historyPeriods(today: string, months = MONTHS): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: months }, (_, i) => shiftPeriod(current, i - months));
}

/** A small deterministic generator: the same demo every time. */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

/** m³ an account uses in a month: its own level, the season, a little noise. */
export function monthlyUse(a: BillingAccount, period: string): number {
  const level = a.customerType === '1' ? 6 + (a.accountId % 19) : 35 + (a.accountId % 40);
  const month = Number(period.slice(5, 7));
  const wobble = 0.85 + 0.3 * noise(a.accountId * 100 + month);
  return Math.max(1, Math.round(level * SEASON[month - 1]! * wobble));
}

async function allAccounts(registry: RegistryService, waterworksId: number) {
  const out: BillingAccount[] = [];
  for (;;) {
    const page = await registry.billingAccounts({
      waterworksId,
      afterId: out.at(-1)?.accountId ?? 0,
      limit: 1000,
    });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

async function run(deps: BillingDemoDeps, tenantId: number, waterworksId: number, period: string) {
  const { runs } = deps.billing;
  const started = await runs.start(
    { waterworksId, period, issueDate: `${shiftPeriod(period, 1)}-01` },
    tenantId,
  );
  await runs.settled(started.id);
}

/** One waterworks' year: readings month by month, a run after each. */
async function seedWaterworks(
  deps: BillingDemoDeps,
  tenantId: number,
  waterworksId: number,
  periods: string[],
) {
  const { readings, production } = deps.billing;
  const accounts = (await allAccounts(deps.registry, waterworksId)).filter((a) => a.meter);
  const last = new Map(accounts.map((a) => [a.accountId, a.meter!.initialReading]));
  const reads = (period: string) =>
    accounts.map((a) => {
      const previous = last.get(a.accountId)!;
      const current = previous + monthlyUse(a, period);
      last.set(a.accountId, current);
      return { a, previous, current };
    });
  const readAtOf = (period: string) => {
    const at = new Date(`${shiftPeriod(period, 1)}-01T10:00:00+07:00`);
    at.setUTCDate(at.getUTCDate() - 2);
    return at;
  };
  const history = (period: string, list: ReturnType<typeof reads>): HistoricReading[] =>
    list.map(({ a, previous, current }) => ({
      accountId: a.accountId,
      waterworksId,
      meterId: a.meter!.id,
      previousReading: previous,
      currentReading: current,
      readAt: readAtOf(period),
      readBy: 'reader',
    }));
  for (const period of periods.slice(0, -1)) {
    const rows = history(period, reads(period));
    await readings.recordHistory(period, rows);
    await run(deps, tenantId, waterworksId, period);
    await production.record(producedOf(rows, waterworksId, period));
  }
  // the newest month: the first route through the ordinary entry, where two readings are
  // far above the account's average and one did not move, so they wait for review
  const period = periods.at(-1)!;
  const newest = reads(period);
  const route = newest.slice(0, ROUTE);
  const entered = await readings.enterBatch(
    period,
    route.map(({ a, previous, current }, i) => ({
      accountId: a.accountId,
      currentReading:
        i === 3 || i === 7 ? previous + 8 * monthlyUse(a, period) : i === 5 ? previous : current,
    })),
  );
  const rest = history(period, newest.slice(ROUTE));
  await readings.recordHistory(period, rest);
  await run(deps, tenantId, waterworksId, period);
  const accepted = entered
    .filter((r) => r.status === 'accepted')
    .map((r) => ({ previousReading: r.previousReading, currentReading: r.currentReading! }));
  await production.record(producedOf([...accepted, ...rest], waterworksId, period));
}

/** Production 10–30 % above what was billed (leaks, flushing, public taps). */
function producedOf(
  rows: { previousReading: number; currentReading: number }[],
  waterworksId: number,
  period: string,
) {
  const billed = rows.reduce((s, r) => s + Math.max(0, r.currentReading - r.previousReading), 0);
  const loss = 1.1 + 0.2 * noise(waterworksId * 1000 + Number(period.replace('-', '')));
  return {
    waterworksId,
    period,
    producedM3: Math.round(billed * loss),
    readOn: `${shiftPeriod(period, 1)}-01`,
    note: 'demo',
  };
}

/** The seeder `billing.history`: the main demo tenant only. */
export async function seedBillingHistory(deps: BillingDemoDeps, today = new Date()) {
  const tenant = await asSystem(() => Tenant.findOne({ where: { code: 'nongbua' } }));
  if (!tenant) return;
  const periods = historyPeriods(thaiDay(today));
  await asTenant(tenant.id, async () => {
    for (const w of await deps.tenancy.listWaterworks()) {
      await deps.billing.tariffs.assign({
        waterworksId: w.id,
        customerType: '*',
        tariffCode: TARIFF_OF[w.code] ?? 'VILLAGE-BLOCK',
      });
      await seedWaterworks(deps, tenant.id, w.id, periods);
    }
  });
  deps.log.info({ periods: periods.length }, 'demo billing history seeded');
}
