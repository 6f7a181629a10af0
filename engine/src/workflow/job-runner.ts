/**
 * Jobs fall due on the workflow clock: a poller claims each due job with a lock (owner
 * and expiry, so a crashed engine's claim lapses), then advances its instance. With
 * several engine processes on one database a job is claimed by one; the instance's
 * optimistic lock and the job's status, re-read in the step's transaction, make sure
 * it fires once even if a lock lapsed mid-way.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import { Op } from 'sequelize';
import { ConflictError } from '../http/errors.js';
import { asSystem, asTenant } from '../http/request-context.js';
import type { Clock } from './clock.js';
import { ProcessInstance, WorkflowJob } from './instance.models.js';
import type { InstanceService } from './instance.service.js';

const LOCK_MS = 60_000;

export class JobRunner {
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly instances: InstanceService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Polls every intervalMs until stop(). */
  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = () => {
      this.runDue().catch((err: unknown) => this.log.error({ err }, 'job poll failed'));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** Fires every job due now; resolves with how many fired. One pass at a time. */
  runDue(limit = 100): Promise<number> {
    this.running ??= this.pass(limit).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(limit: number): Promise<number> {
    const now = this.clock.now();
    const due = await asSystem(() =>
      WorkflowJob.findAll({
        where: {
          status: 'pending',
          dueAt: { [Op.lte]: now },
          [Op.or]: [{ lockOwner: null }, { lockExpiresAt: { [Op.lt]: now } }],
        },
        order: [['dueAt', 'ASC']],
        limit,
      }),
    );
    let fired = 0;
    for (const job of due) {
      if (!(await this.claim(job, now))) continue;
      try {
        if (await this.fire(job)) fired++;
      } catch (err) {
        this.log.warn({ err, jobId: job.id, instanceId: job.instanceId }, 'job did not fire');
        await asSystem(() =>
          WorkflowJob.update(
            {
              lockOwner: null,
              lockExpiresAt: null,
              lastError: String((err as Error)?.message ?? err),
            },
            { where: { id: job.id, lockOwner: this.owner } },
          ),
        );
      }
    }
    return fired;
  }

  private async claim(job: WorkflowJob, now: Date): Promise<boolean> {
    const [n] = await asSystem(() =>
      WorkflowJob.update(
        { lockOwner: this.owner, lockExpiresAt: new Date(now.getTime() + LOCK_MS) },
        {
          where: {
            id: job.id,
            status: 'pending',
            [Op.or]: [{ lockOwner: null }, { lockExpiresAt: { [Op.lt]: now } }],
          },
        },
      ),
    );
    return n === 1;
  }

  /** Advances the job's instance; the job is marked done in the same transaction. */
  private async fire(job: WorkflowJob): Promise<boolean> {
    return asTenant(job.tenantId, async () => {
      try {
        await this.instances.advance(job.instanceId, {
          action: { kind: 'resume' },
          fireTimers: job.kind === 'timer' ? new Set([job.elementId]) : new Set(),
          cause: {
            elementId: job.elementId,
            event: job.kind === 'timer' ? 'timer.fired' : 'service.retried',
            data: { jobId: job.id, attempt: job.attempts + 1 },
          },
          ...(job.kind === 'retry' && {
            retrying: { elementId: job.elementId, attempts: job.attempts },
          }),
          alsoInTx: async (tx) => {
            const [n] = await WorkflowJob.update(
              { status: 'done', lockOwner: null, lockExpiresAt: null },
              { where: { id: job.id, status: 'pending', lockOwner: this.owner }, transaction: tx },
            );
            // another engine fired it after our lock lapsed: roll this step back
            if (n !== 1)
              throw new ConflictError('job_taken', {
                th: 'งานตั้งเวลานี้ถูกดำเนินการแล้ว',
                en: 'This job already fired.',
              });
          },
        });
        return true;
      } catch (e) {
        if (e instanceof ConflictError) {
          const instance = await ProcessInstance.findByPk(job.instanceId);
          if (!instance || instance.status === 'completed' || instance.status === 'terminated') {
            await WorkflowJob.update(
              { status: 'cancelled', lockOwner: null },
              { where: { id: job.id, status: 'pending' } },
            );
          }
          return false;
        }
        throw e;
      }
    });
  }
}
