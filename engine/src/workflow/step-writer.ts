/**
 * Writes what one step did, in the step's transaction: the instance row under its
 * optimistic lock (`rev`), the tasks it opens and cancels, its timer jobs, failed service
 * tasks as retry jobs or an incident, and its history. A stale writer (another engine
 * process advanced the instance first) updates nothing and throws StaleInstanceError, so
 * the whole step rolls back — handler writes included.
 */
import { Op, type Transaction } from 'sequelize';
import { currentContext } from '../http/request-context.js';
import type { CompiledProcess } from './bpmn-source.js';
import type { ProcessDefinition } from './definition.models.js';
import { isFeel, resolveFeel } from './feel.js';
import { ProcessInstance, WorkflowJob } from './instance.models.js';
import type {
  InstanceRecord,
  InstanceRepository,
  NewHistoryEvent,
  TaskRecord,
} from './instance.repository.js';
import type { OpenTask } from './live-sessions.js';
import type { RunResult } from './runner.js';

export interface RetryPolicy {
  /** Attempts before an incident (the first run included). */
  maxAttempts: number;
  /** Delay before attempt n+1, in ms: base · 5^(n−1). */
  baseDelayMs: number;
}

export class StaleInstanceError extends Error {}

export const wrap = (ids: Iterable<string>) => {
  const list = [...new Set(ids)];
  return list.length ? `,${list.join(',')},` : '';
};
export const unwrap = (s: string) => s.split(',').filter(Boolean);

export interface StepRecord {
  instance: InstanceRecord;
  def: ProcessDefinition;
  compiled: CompiledProcess;
  result: RunResult;
  variables: Record<string, unknown>;
  now: Date;
  /** The instance's open tasks before the step, when the live engine knows them. */
  openTasks?: OpenTask[];
  cause?: { elementId: string | null; event: string; data?: unknown };
  retrying?: { elementId: string; attempts: number };
}

export interface StepWritten {
  /** The tasks this step opened. */
  opened: TaskRecord[];
  /** Every open task of the instance after the step. */
  openTasks: OpenTask[];
}

export class StepWriter {
  constructor(
    private readonly repo: InstanceRepository,
    private readonly retry: RetryPolicy,
  ) {}

  /** Persists the step; `s.instance` becomes the row as written. */
  async write(tx: Transaction, s: StepRecord): Promise<StepWritten> {
    const { instance, compiled, result } = s;
    const before = instance.currentActivities;
    const waitIds = result.waits.map((w) => w.elementId);
    const fields = {
      variables: JSON.stringify(s.variables),
      state: result.state ? JSON.stringify(result.state) : null,
      currentActivities: wrap(waitIds),
      waitingMessages: wrap(
        waitIds.map((id) => compiled.messageCatches.get(id)).filter((m): m is string => !!m),
      ),
      status: result.completed
        ? ('completed' as const)
        : instance.status === 'incident' && !result.failures.length
          ? ('running' as const)
          : instance.status,
      endedAt: result.completed ? s.now : null,
      incident: result.failures.length ? instance.incident : null,
    };
    if (!(await this.repo.advanceInstance(tx, instance, instance.rev, fields)))
      throw new StaleInstanceError(`instance ${instance.id} was advanced by someone else`);
    Object.assign(instance, fields, { rev: instance.rev + 1 });

    const tasks = await this.syncTasks(tx, s, before);
    await this.syncJobs(tx, s, before);
    if (result.failures.length) await this.recordFailures(tx, s);
    await this.appendHistory(tx, s);
    return tasks;
  }

  /** Opens a task for each user task that now waits; cancels those that no longer do. */
  private async syncTasks(tx: Transaction, s: StepRecord, before: string): Promise<StepWritten> {
    const { instance, compiled, result, variables, now } = s;
    const waitingUserTasks = result.waits.filter((w) => compiled.userTasks.has(w.elementId));
    // open tasks exist only where a user task waited before this step
    const hadTasks = unwrap(before).some((id) => compiled.userTasks.has(id));
    if (!hadTasks && !waitingUserTasks.length) return { opened: [], openTasks: [] };
    const open = !hadTasks ? [] : (s.openTasks ?? (await this.repo.openTasks(tx, instance)));
    const openByExecution = new Map(open.map((t) => [t.executionId, t]));
    const pins = JSON.parse(s.def.formVersions) as Record<string, number>;
    const opened: TaskRecord[] = [];
    const still: OpenTask[] = [];
    const created = new Date();
    for (const w of waitingUserTasks) {
      const known = openByExecution.get(w.executionId);
      if (known) {
        openByExecution.delete(w.executionId);
        still.push(known);
        continue;
      }
      const info = compiled.userTasks.get(w.elementId)!;
      const groups = info.candidateGroups
        ? String(resolveFeel(info.candidateGroups, variables) ?? '')
        : '';
      const assignee = info.assignee
        ? (resolveFeel(info.assignee, variables) as string | null)
        : null;
      const task = await this.repo.insertTask(
        tx,
        {
          tenantId: instance.tenantId,
          instanceId: instance.id,
          elementId: w.elementId,
          executionId: w.executionId,
          name: info.name,
          processKey: instance.processKey,
          processVersion: instance.processVersion,
          businessKey: instance.businessKey,
          formKey: info.formKey,
          formVersion: info.formKey ? (pins[info.formKey] ?? null) : null,
          candidateGroups: wrap(
            groups
              .split(',')
              .map((g) => g.trim())
              .filter(Boolean),
          ),
          assignee: assignee ? String(assignee) : null,
          dueAt: dueDate(info.dueDate, variables, now),
          status: 'open',
        },
        created,
      );
      opened.push(task);
    }
    const gone = [...openByExecution.values()].map((t) => t.id);
    await this.repo.cancelTasks(tx, instance.tenantId, gone, created);
    return {
      opened,
      openTasks: [...still, ...opened.map((t) => ({ id: t.id, executionId: t.executionId }))],
    };
  }

  /** Timer jobs: new timers get a job; timers no longer waited on lose theirs. */
  private async syncJobs(tx: Transaction, s: StepRecord, before: string): Promise<void> {
    const { instance, compiled, result } = s;
    // no timer waited before this step and none was set in it: no job to look at
    const waitedOnTimer = unwrap(before).some((id) => compiled.timerElements.has(id));
    if (!waitedOnTimer && !result.timers.length) return;
    const now = new Date();
    if (result.completed) return this.repo.cancelJobs(tx, instance, null, now);
    const waiting = result.waits.map((w) => w.elementId);
    if (!result.timers.length) return this.repo.cancelTimersExcept(tx, instance, waiting, now);
    const pending = await this.repo.pendingTimers(tx, instance);
    const have = new Set(pending.map((j) => j.elementId));
    const fresh: RunResult['timers'] = [];
    for (const t of result.timers) {
      if (have.has(t.elementId)) continue; // a recovered timer keeps its first due time
      have.add(t.elementId);
      fresh.push(t);
    }
    if (fresh.length) await this.repo.insertTimers(tx, instance, fresh, now);
    const stale = pending.filter((j) => !waiting.includes(j.elementId)).map((j) => Number(j.id));
    await this.repo.cancelJobs(tx, instance, stale, now);
  }

  /** A failed service task: retry later with backoff, or an incident once attempts run out. */
  private async recordFailures(tx: Transaction, s: StepRecord): Promise<void> {
    const { instance, result, now, retrying } = s;
    for (const f of result.failures) {
      const prior = await WorkflowJob.findOne({
        where: {
          instanceId: instance.id,
          kind: 'retry',
          elementId: f.elementId,
          status: { [Op.in]: ['pending', 'done', 'failed'] },
        },
        order: [['id', 'DESC']],
        transaction: tx,
      });
      // the retry job being run was marked done in this transaction (job-runner.ts): its
      // attempts still count; a job done earlier (the task succeeded, or an administrator
      // retried an incident) starts the count afresh
      const carried = retrying?.elementId === f.elementId ? retrying.attempts : 0;
      const attempts = (prior && prior.status !== 'done' ? prior.attempts : carried) + 1;
      const exhausted = attempts >= this.retry.maxAttempts;
      const fields = {
        attempts,
        lastError: f.error.message,
        status: exhausted ? ('failed' as const) : ('pending' as const),
        dueAt: new Date(now.getTime() + this.retry.baseDelayMs * 5 ** (attempts - 1)),
        lockOwner: null,
        lockExpiresAt: null,
      };
      if (prior && prior.status !== 'done') await prior.update(fields, { transaction: tx });
      else
        await WorkflowJob.create(
          { instanceId: instance.id, kind: 'retry', elementId: f.elementId, ...fields },
          { transaction: tx },
        );
      if (exhausted) {
        const incident = JSON.stringify({
          elementId: f.elementId,
          topic: f.topic,
          error: f.error.message,
          attempts,
          at: now.toISOString(),
        });
        await ProcessInstance.update(
          { status: 'incident', incident },
          { where: { id: instance.id }, transaction: tx },
        );
        instance.status = 'incident';
        instance.incident = incident;
      }
    }
  }

  private async appendHistory(tx: Transaction, s: StepRecord): Promise<void> {
    const { instance, compiled, result, cause, now } = s;
    const actor = currentContext()?.actor?.username ?? 'system';
    const row = (
      elementId: string | null,
      elementType: string | null,
      event: string,
      data: unknown,
      by: string | null,
    ): NewHistoryEvent => ({
      tenantId: instance.tenantId,
      instanceId: instance.id,
      processVersion: instance.processVersion,
      elementId,
      elementType,
      elementName: elementId ? (compiled.elements.get(elementId)?.name ?? null) : null,
      event,
      actor: by,
      data: data === undefined ? null : JSON.stringify(data),
      at: now,
    });
    const rows: NewHistoryEvent[] = [];
    if (cause) {
      const type = cause.elementId ? (compiled.elements.get(cause.elementId)?.type ?? null) : null;
      rows.push(row(cause.elementId, type, cause.event, cause.data, actor));
    }
    for (const e of result.events) {
      if (!compiled.elements.has(e.elementId)) continue;
      const by = e.event === 'ended' || e.event === 'started' ? actor : null;
      rows.push(row(e.elementId, e.elementType, e.event, e.data, by));
    }
    if (result.completed) rows.push(row(null, null, 'instance.completed', undefined, actor));
    await this.repo.insertHistory(tx, rows);
  }
}

function dueDate(spec: string | null, variables: Record<string, unknown>, now: Date): Date | null {
  if (!spec) return null;
  const value = isFeel(spec) ? resolveFeel(spec, variables) : spec;
  if (typeof value !== 'string') return null;
  const m =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      value,
    );
  if (m) {
    const [, y, mo, w, d, h, mi, s] = m.map((x) => Number(x ?? 0));
    const due = new Date(now);
    due.setUTCFullYear(
      due.getUTCFullYear() + y!,
      due.getUTCMonth() + mo!,
      due.getUTCDate() + 7 * w! + d!,
    );
    return new Date(due.getTime() + ((h! * 60 + mi!) * 60 + s!) * 1000);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}
