/**
 * Billing runs: one waterworks, one period. POST starts (or resumes) a run and answers
 * at once; the run goes through the waterworks' active accounts in keyset pages, and
 * each page is one transaction: the invoice numbers are taken, the invoices inserted in
 * one statement, the progress written and one audit event appended, or none of it.
 * So a crash leaves whole pages behind it, no gap in the numbers, and a rerun (which
 * goes on after the last page done) creates what is missing and nothing twice.
 */
import { BILLING_RUN_CHUNK } from './billing-run.audit.js';
import { EventEmitter } from 'node:events';
import type { Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { asTenant, currentContext, type Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { addDays, fiscalYearOf, thaiDay } from './billing-dates.js';
import { BillingRun } from './billing-run.model.js';
import { BillingRunRepository } from './billing-run.repository.js';
import type { BillingSettingsService } from './billing-settings.service.js';
import { billPage } from './bill-page.js';
import type { DocumentSeries } from './document-series.js';
import { periodStart, type TariffService } from './tariff.service.js';

const RUN = { th: 'รอบออกใบแจ้งหนี้', en: 'Billing run' };

export interface RunProgress {
  id: number;
  status: BillingRun['status'];
  done: number;
  total: number;
  createdCount: number;
  skippedCount: number;
}

export function runDto(r: BillingRun) {
  return {
    id: r.id,
    waterworksId: r.waterworksId,
    period: r.period,
    status: r.status,
    total: r.total,
    done: r.done,
    createdCount: r.createdCount,
    skippedCount: r.skippedCount,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    startedBy: r.startedBy,
    error: r.error ?? null,
    startedAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}

export const progressOf = (r: BillingRun): RunProgress => ({
  id: r.id,
  status: r.status,
  done: r.done,
  total: r.total,
  createdCount: r.createdCount,
  skippedCount: r.skippedCount,
});

export class BillingRunService {
  /** Progress of the runs this process works on, for the event streams. */
  readonly progress = new EventEmitter();
  private readonly working = new Map<number, Promise<void>>();
  private readonly afterRunHooks: ((tenantId: number, runId: number) => Promise<void>)[] = [];
  private readonly repo: BillingRunRepository;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
    private readonly registry: RegistryService,
    private readonly tariffs: TariffService,
    private readonly settings: BillingSettingsService,
    private readonly series: DocumentSeries,
    private readonly log: Logger,
  ) {
    this.repo = new BillingRunRepository(sequelize);
    this.progress.setMaxListeners(0);
  }

  /**
   * Starts a run, or resumes the unfinished run of the same waterworks and period (one
   * that a crash or a stop cut short). `issueDate` backdates the documents (today else).
   */
  async start(
    input: { waterworksId: number; period: string; issueDate?: string },
    tenantId: number,
  ): Promise<BillingRun> {
    await this.tenancy.getWaterworks(input.waterworksId);
    const unfinished = await BillingRun.findOne({
      where: { waterworksId: input.waterworksId, period: input.period, status: 'running' },
      order: [['id', 'DESC']],
    });
    const run = unfinished ?? (await this.create(input, tenantId));
    this.work(run.id, tenantId);
    return run;
  }

  async get(id: number): Promise<BillingRun> {
    const r = await BillingRun.findByPk(id);
    if (!r) throw new NotFoundError(RUN);
    return r;
  }

  async list(q: { waterworksId?: number; period?: string; limit: number }) {
    return BillingRun.findAll({
      where: Object.fromEntries(
        Object.entries(q).filter(([k, v]) => k !== 'limit' && v !== undefined),
      ),
      order: [['id', 'DESC']],
      limit: q.limit,
    });
  }

  /** Resolves when this process's work on the run ends (tests, seeding). */
  async settled(id: number): Promise<void> {
    await this.working.get(id);
  }

  private async create(
    input: { waterworksId: number; period: string; issueDate?: string },
    tenantId: number,
  ): Promise<BillingRun> {
    const rules = await this.settings.get(tenantId);
    const issueDate = input.issueDate ?? thaiDay(new Date());
    return this.sequelize.transaction(async (tx) => {
      const clash = await BillingRun.findOne({
        where: { waterworksId: input.waterworksId, period: input.period, status: 'running' },
        transaction: tx,
        lock: tx.LOCK.UPDATE,
      });
      if (clash)
        throw new ConflictError('billing_run_running', {
          th: 'รอบออกใบแจ้งหนี้ของงวดนี้กำลังทำงานอยู่',
          en: 'A billing run of this period is running.',
        });
      const run = await BillingRun.create(
        {
          waterworksId: input.waterworksId,
          period: input.period,
          status: 'running',
          total: await this.repo.countReadings(tenantId, input.waterworksId, input.period),
          issueDate,
          dueDate: addDays(issueDate, rules.dueDays),
          startedBy: currentContext()?.actor?.username ?? 'system',
        },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'billing-run.start',
        entityType: 'billing-run',
        entityId: run.id,
        after: { waterworksId: run.waterworksId, period: run.period, issueDate, total: run.total },
      });
      return run;
    });
  }

  /** Runs (in the background) unless this process already works on it. */
  private work(id: number, tenantId: number): void {
    if (this.working.has(id)) return;
    const actor: Actor | undefined = currentContext()?.actor;
    const job = asTenant(tenantId, () => this.runPages(id, tenantId), actor)
      .catch(async (err: unknown) => {
        this.log.error({ err, run: id }, 'billing run failed');
        await asTenant(tenantId, () =>
          BillingRun.update(
            {
              status: 'failed',
              error: String((err as Error)?.message ?? err),
              finishedAt: new Date(),
            },
            { where: { id } },
          ),
        ).catch(() => undefined);
        const r = await asTenant(tenantId, () => BillingRun.findByPk(id)).catch(() => null);
        if (r) this.progress.emit(String(id), progressOf(r));
      })
      .finally(() => this.working.delete(id));
    this.working.set(id, job);
  }

  private async runPages(id: number, tenantId: number): Promise<void> {
    const run = await this.get(id);
    const rules = await this.settings.get(tenantId);
    const book = await this.tariffs.book(periodStart(run.period));
    const fy = fiscalYearOf(run.issueDate);
    const bills = new Map();
    // the next page is read while this one is written (reads only, outside the transaction)
    const fetchPage = async (afterId: number | null) => {
      const accounts = await this.registry.billingAccounts({
        waterworksId: run.waterworksId,
        afterId: afterId ?? undefined,
        limit: rules.runChunkSize,
      });
      const readings = await this.repo.readings(
        tenantId,
        accounts.map((a) => a.accountId),
        run.period,
      );
      return { accounts, readings };
    };
    let next = fetchPage(run.cursorAccountId);
    for (;;) {
      const { accounts, readings } = await next;
      if (!accounts.length) break;
      next = fetchPage(accounts[accounts.length - 1]!.accountId);
      next.catch(() => undefined); // awaited on the next turn; a failed page fails the run there
      await this.sequelize.transaction(async (tx) => {
        const page = await billPage({
          tx,
          tenantId,
          run,
          rules,
          book,
          fiscalYear: fy,
          accounts,
          readings,
          repo: this.repo,
          series: this.series,
          bills,
        });
        await run.update(
          {
            done: Math.min(run.total, run.done + readings.size),
            createdCount: run.createdCount + page.created,
            skippedCount: run.skippedCount + page.skipped,
            cursorAccountId: accounts[accounts.length - 1]!.accountId,
          },
          { transaction: tx },
        );
        if (page.created)
          await this.audit.record(tx, {
            action: BILLING_RUN_CHUNK,
            entityType: 'billing-run',
            entityId: run.id,
            after: page.summary,
          });
      });
      this.progress.emit(String(id), progressOf(run));
    }
    await run.update({ status: 'completed', done: run.total, finishedAt: new Date() });
    for (const hook of this.afterRunHooks) {
      try {
        await hook(run.tenantId, run.id);
      } catch (err) {
        this.log.error({ err, run: run.id }, 'after-run hook failed');
      }
    }
    this.progress.emit(String(id), progressOf(run));
  }

  /** Work other modules do once a run's invoices are out (payments: apply account credit). */
  onRunCompleted(hook: (tenantId: number, runId: number) => Promise<void>): void {
    this.afterRunHooks.push(hook);
  }
}
