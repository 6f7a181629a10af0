/**
 * Process instances: start, advance, and what they look like. Every advance is one
 * database transaction: recover the instance, run one step (runner.ts), then write
 * the new state under an optimistic lock (`rev`), open and close its tasks, schedule
 * and cancel its timer jobs, record failures as retry jobs or an incident, and append
 * its history. A stale writer (another engine process advanced it first) updates
 * nothing, rolls back — handler writes included — and tries again.
 */
import type { Logger } from 'pino';
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { ConflictError, NotFoundError, UserError } from '../http/errors.js';
import { currentContext } from '../http/request-context.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import type { CompiledProcess } from './bpmn-source.js';
import type { Clock } from './clock.js';
import type { ProcessDefinition } from './definition.models.js';
import type { DeploymentService } from './deployment.service.js';
import { isFeel, resolveFeel } from './feel.js';
import type { HandlerRegistry } from './handlers.js';
import { HistoryEvent, ProcessInstance, WorkflowJob, WorkflowTask } from './instance.models.js';
import { EngineSession, type RunAction, type RunResult } from './runner.js';

export interface RetryPolicy {
  /** Attempts before an incident (the first run included). */
  maxAttempts: number;
  /** Delay before attempt n+1, in ms: base · 5^(n−1). */
  baseDelayMs: number;
}

export class StaleInstanceError extends Error {}

const INSTANCE = { th: 'อินสแตนซ์กระบวนการ', en: 'Process instance' };
const wrap = (ids: Iterable<string>) => {
  const list = [...new Set(ids)];
  return list.length ? `,${list.join(',')},` : '';
};
const unwrap = (s: string) => s.split(',').filter(Boolean);

interface StepInput {
  action: RunAction;
  fireTimers?: Set<string>;
  /** Changes the variables before the step (task data, message variables). */
  merge?: Record<string, unknown>;
  /** More writes in the same transaction (the task being completed, the job being fired). */
  alsoInTx?: (tx: Transaction, instance: ProcessInstance) => Promise<void>;
  /** A history entry for what caused this step. */
  cause?: { elementId: string | null; event: string; data?: unknown };
  /** The retry job this step runs: if its task fails again, the count goes on from there. */
  retrying?: { elementId: string; attempts: number };
}

/** How many live engines (instances between steps) one engine process keeps. */
const LIVE_SESSIONS = 200;

export class InstanceService {
  /** Live engines by instance id, valid while the instance's rev is the one noted. */
  private readonly sessions = new Map<number, { session: EngineSession; rev: number }>();

  constructor(
    private readonly sequelize: Sequelize,
    private readonly deployments: DeploymentService,
    private readonly handlers: HandlerRegistry,
    private readonly audit: AuditLog,
    readonly clock: Clock,
    readonly retry: RetryPolicy,
    private readonly log: Logger,
  ) {}

  /** Starts the newest version of a process. */
  async start(
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
  ): Promise<ProcessInstance> {
    const def = await this.deployments.latestProcess(key);
    const compiled = await this.deployments.compiled(def);
    return this.sequelize.transaction(async (tx) => {
      const instance = await ProcessInstance.create(
        {
          definitionId: def.id,
          processKey: def.key,
          processVersion: def.version,
          businessKey,
          status: 'running',
          variables: JSON.stringify(variables),
          state: null,
          startedBy: currentContext()?.actor?.username ?? 'system',
          startedAt: this.clock.now(),
        },
        { transaction: tx },
      );
      await this.step(tx, instance, def, compiled, {
        action: { kind: 'start' },
        cause: { elementId: null, event: 'instance.started', data: variables },
      });
      await this.audit.record(tx, {
        action: 'process.start',
        entityType: 'process_instance',
        entityId: instance.id,
        after: { key: def.key, version: def.version, businessKey },
      });
      return instance;
    });
  }

  /** Runs one step of an instance in a transaction, retrying when another writer won. */
  async advance(
    instanceId: number,
    input: StepInput | ((instance: ProcessInstance) => StepInput | Promise<StepInput>),
  ): Promise<ProcessInstance> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sequelize.transaction(async (tx) => {
          const instance = await ProcessInstance.findByPk(instanceId, { transaction: tx });
          if (!instance) throw new NotFoundError(INSTANCE);
          if (instance.status === 'completed' || instance.status === 'terminated') {
            throw new ConflictError('instance_finished', {
              th: 'กระบวนการนี้สิ้นสุดแล้ว',
              en: 'This process instance has finished.',
            });
          }
          const def = await this.deployments.definitionById(instance.definitionId);
          const compiled = await this.deployments.compiled(def);
          const step = typeof input === 'function' ? await input(instance) : input;
          await this.step(tx, instance, def, compiled, step);
          return instance;
        });
      } catch (e) {
        if (e instanceof StaleInstanceError && attempt < 5) continue;
        if (e instanceof StaleInstanceError) {
          throw new ConflictError('instance_busy', {
            th: 'มีผู้อื่นกำลังดำเนินการกับกระบวนการนี้ กรุณาลองใหม่',
            en: 'Someone else is working on this instance; try again.',
          });
        }
        throw e;
      }
    }
  }

  private async step(
    tx: Transaction,
    instance: ProcessInstance,
    def: ProcessDefinition,
    compiled: CompiledProcess,
    input: StepInput,
  ): Promise<void> {
    const now = this.clock.now();
    const variables = JSON.parse(instance.variables) as Record<string, unknown>;
    if (input.merge) Object.assign(variables, input.merge);
    let result: RunResult;
    const session = this.takeSession(instance, compiled, input.action);
    try {
      result = await session.run({
        compiled,
        name: `instance-${instance.id}`,
        state: !session.live && instance.state ? JSON.parse(instance.state) : null,
        variables,
        action: input.action,
        fireTimers: input.fireTimers ?? new Set(),
        now,
        runService: (topic, elementId) =>
          this.runHandler(tx, instance, compiled, topic, elementId, variables, now),
      });
    } catch (e) {
      // the diagram itself failed (e.g. no flow could be taken): an incident, not a crash
      const message = e instanceof Error ? e.message : String(e);
      this.log.warn({ instanceId: instance.id, err: message }, 'process step failed');
      throw new UserError('process_error', {
        th: `กระบวนการทำงานผิดพลาด: ${message}`,
        en: `The process failed: ${message}`,
      });
    }
    if (input.alsoInTx) await input.alsoInTx(tx, instance);

    const waitIds = result.waits.map((w) => w.elementId);
    const waitingMessages = waitIds
      .map((id) => compiled.messageCatches.get(id))
      .filter((m): m is string => !!m);
    const status = result.completed
      ? 'completed'
      : instance.status === 'incident' && !result.failures.length
        ? 'running'
        : instance.status;
    const [updated] = await ProcessInstance.update(
      {
        variables: JSON.stringify(variables),
        state: result.state ? JSON.stringify(result.state) : null,
        currentActivities: wrap(waitIds),
        waitingMessages: wrap(waitingMessages),
        status: result.failures.length ? status : status,
        endedAt: result.completed ? now : null,
        incident: result.failures.length ? instance.incident : null,
        rev: instance.rev + 1,
      },
      { where: { id: instance.id, rev: instance.rev }, transaction: tx },
    );
    if (updated !== 1)
      throw new StaleInstanceError(`instance ${instance.id} was advanced by someone else`);
    instance.rev += 1;
    const rev = instance.rev;
    if (session.live) tx.afterCommit(() => this.keepSession(instance.id, session, rev));
    instance.status = status;
    instance.variables = JSON.stringify(variables);

    await this.syncTasks(tx, instance, def, compiled, result, variables, now);
    await this.syncJobs(tx, instance, compiled, result, now);
    if (result.failures.length)
      await this.recordFailures(tx, instance, result, now, input.retrying);
    await this.appendHistory(tx, instance, compiled, result, input.cause, now);
  }

  /**
   * The live engine of an instance when it is still at the revision read now, else a new
   * one that recovers the stored state. Jobs (timers, retries) always recover: a fired
   * timer and a re-run service task need a recovered engine.
   */
  private takeSession(
    instance: ProcessInstance,
    compiled: CompiledProcess,
    action: RunAction,
  ): EngineSession {
    const cached = this.sessions.get(instance.id);
    this.sessions.delete(instance.id);
    if (
      cached &&
      cached.rev === instance.rev &&
      cached.session.live &&
      cached.session.compiled === compiled &&
      action.kind !== 'resume'
    ) {
      return cached.session;
    }
    if (cached) void cached.session.dispose();
    return new EngineSession(compiled, `instance-${instance.id}`);
  }

  private keepSession(id: number, session: EngineSession, rev: number): void {
    if (this.sessions.size >= LIVE_SESSIONS) {
      const [oldest, entry] = this.sessions.entries().next().value as [
        number,
        { session: EngineSession },
      ];
      this.sessions.delete(oldest);
      void entry.session.dispose();
    }
    this.sessions.set(id, { session, rev });
  }

  private async runHandler(
    tx: Transaction,
    instance: ProcessInstance,
    compiled: CompiledProcess,
    topic: string,
    elementId: string,
    variables: Record<string, unknown>,
    now: Date,
  ) {
    const handler = this.handlers.get(topic);
    if (!handler) throw new Error(`no handler is implemented for topic "${topic}" yet`);
    const input = Object.fromEntries(
      (compiled.serviceInputs.get(elementId) ?? []).map((p) => [
        p.name,
        resolveFeel(p.value, variables),
      ]),
    );
    return handler({
      input,
      tenantId: instance.tenantId,
      instanceId: instance.id,
      businessKey: instance.businessKey,
      processKey: instance.processKey,
      elementId,
      variables: structuredClone(variables),
      transaction: tx,
      now,
    });
  }

  /** Opens a task for each user task that now waits; cancels those that no longer do. */
  private async syncTasks(
    tx: Transaction,
    instance: ProcessInstance,
    def: ProcessDefinition,
    compiled: CompiledProcess,
    result: RunResult,
    variables: Record<string, unknown>,
    now: Date,
  ) {
    const waitingUserTasks = result.waits.filter((w) => compiled.userTasks.has(w.elementId));
    // open tasks exist only where a user task waited before this step
    const hadTasks = unwrap(instance.currentActivities).some((id) => compiled.userTasks.has(id));
    if (!hadTasks && !waitingUserTasks.length) return;
    const open = hadTasks
      ? await WorkflowTask.findAll({
          where: { instanceId: instance.id, status: 'open' },
          transaction: tx,
        })
      : [];
    const openByExecution = new Map(open.map((t) => [t.executionId, t]));
    const pins = JSON.parse(def.formVersions) as Record<string, number>;
    for (const w of waitingUserTasks) {
      if (openByExecution.has(w.executionId)) {
        openByExecution.delete(w.executionId);
        continue;
      }
      const info = compiled.userTasks.get(w.elementId)!;
      const groups = info.candidateGroups
        ? String(resolveFeel(info.candidateGroups, variables) ?? '')
        : '';
      const assignee = info.assignee
        ? (resolveFeel(info.assignee, variables) as string | null)
        : null;
      await WorkflowTask.create(
        {
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
        { transaction: tx },
      );
    }
    const gone = [...openByExecution.values()].map((t) => t.id);
    if (gone.length)
      await WorkflowTask.update(
        { status: 'cancelled' },
        { where: { id: { [Op.in]: gone }, status: 'open' }, transaction: tx },
      );
  }

  /** Timer jobs: new timers get a job; timers no longer waited on lose theirs. */
  private async syncJobs(
    tx: Transaction,
    instance: ProcessInstance,
    compiled: CompiledProcess,
    result: RunResult,
    now: Date,
  ) {
    // no timer waited before this step and none was set in it: no job to look at
    const waitedOnTimer = unwrap(instance.currentActivities).some((id) =>
      compiled.timerElements.has(id),
    );
    if (!waitedOnTimer && !result.timers.length) return;
    const pending = await WorkflowJob.findAll({
      where: { instanceId: instance.id, status: 'pending', kind: 'timer' },
      transaction: tx,
    });
    const waiting = new Set(result.waits.map((w) => w.elementId));
    const have = new Set(pending.map((j) => j.elementId));
    for (const t of result.timers) {
      if (have.has(t.elementId)) continue; // a recovered timer keeps its first due time
      have.add(t.elementId);
      await WorkflowJob.create(
        {
          instanceId: instance.id,
          kind: 'timer',
          elementId: t.elementId,
          dueAt: t.dueAt,
          status: 'pending',
        },
        { transaction: tx },
      );
    }
    const stale = pending.filter((j) => !waiting.has(j.elementId)).map((j) => j.id);
    if (stale.length || result.completed) {
      await WorkflowJob.update(
        { status: 'cancelled', lockOwner: null },
        {
          where: {
            instanceId: instance.id,
            status: 'pending',
            ...(result.completed ? {} : { id: { [Op.in]: stale } }),
          },
          transaction: tx,
        },
      );
    }
    void now;
  }

  /** A failed service task: retry later with backoff, or an incident once attempts run out. */
  private async recordFailures(
    tx: Transaction,
    instance: ProcessInstance,
    result: RunResult,
    now: Date,
    retrying?: StepInput['retrying'],
  ) {
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

  private async appendHistory(
    tx: Transaction,
    instance: ProcessInstance,
    compiled: CompiledProcess,
    result: RunResult,
    cause: StepInput['cause'],
    now: Date,
  ) {
    const actor = currentContext()?.actor?.username ?? 'system';
    const rows = [
      ...(cause
        ? [
            {
              elementId: cause.elementId,
              elementType: cause.elementId
                ? (compiled.elements.get(cause.elementId)?.type ?? null)
                : null,
              event: cause.event,
              data: cause.data,
              actor,
            },
          ]
        : []),
      ...result.events
        .filter((e) => compiled.elements.has(e.elementId))
        .map((e) => ({
          elementId: e.elementId,
          elementType: e.elementType,
          event: e.event,
          data: e.data,
          actor: e.event === 'ended' || e.event === 'started' ? actor : null,
        })),
      ...(result.completed
        ? [
            {
              elementId: null,
              elementType: null,
              event: 'instance.completed',
              data: undefined,
              actor,
            },
          ]
        : []),
    ];
    await HistoryEvent.bulkCreate(
      rows.map((r) => ({
        instanceId: instance.id,
        processVersion: instance.processVersion,
        elementId: r.elementId,
        elementType: r.elementType,
        elementName: r.elementId ? (compiled.elements.get(r.elementId)?.name ?? null) : null,
        event: r.event,
        actor: r.actor,
        data: r.data === undefined ? null : JSON.stringify(r.data),
        at: now,
      })),
      { transaction: tx },
    );
  }

  /** After an incident is fixed (data corrected, handler deployed): run the failed step again. */
  async retryIncident(id: number): Promise<ProcessInstance> {
    return this.advance(id, (instance) => {
      if (instance.status !== 'incident') {
        throw new ConflictError('no_incident', {
          th: 'กระบวนการนี้ไม่มีข้อผิดพลาดค้างอยู่',
          en: 'This instance has no incident.',
        });
      }
      const incident = JSON.parse(instance.incident ?? '{}') as { elementId?: string };
      return {
        action: { kind: 'resume' },
        cause: { elementId: incident.elementId ?? null, event: 'incident.retried' },
        alsoInTx: async (tx) => {
          await WorkflowJob.update(
            { status: 'done' },
            { where: { instanceId: id, kind: 'retry', status: 'failed' }, transaction: tx },
          );
          await this.audit.record(tx, {
            action: 'process.retry',
            entityType: 'process_instance',
            entityId: id,
            after: { incident },
          });
        },
      };
    });
  }

  // ── reading ──

  async get(id: number): Promise<ProcessInstance> {
    const instance = await ProcessInstance.findByPk(id);
    if (!instance) throw new NotFoundError(INSTANCE);
    return instance;
  }

  async view(id: number, redact: (vars: Record<string, unknown>) => Record<string, unknown>) {
    const instance = await this.get(id);
    const def = await this.deployments.definitionById(instance.definitionId);
    const compiled = await this.deployments.compiled(def);
    const [history, tasks, jobs] = await Promise.all([
      HistoryEvent.findAll({ where: { instanceId: id }, order: [['id', 'ASC']] }),
      WorkflowTask.findAll({ where: { instanceId: id }, order: [['id', 'ASC']] }),
      WorkflowJob.findAll({
        where: { instanceId: id, status: { [Op.in]: ['pending', 'failed'] } },
        order: [['dueAt', 'ASC']],
      }),
    ]);
    const current = unwrap(instance.currentActivities).map((elementId) => {
      const el = compiled.elements.get(elementId);
      return { elementId, name: el?.name ?? null, type: el?.type ?? null };
    });
    return {
      id: instance.id,
      processKey: instance.processKey,
      version: instance.processVersion,
      businessKey: instance.businessKey,
      status: instance.status,
      publicStatus: publicStatus(
        compiled,
        current.map((c) => c.elementId),
        history,
      ),
      currentActivities: current,
      waitingMessages: unwrap(instance.waitingMessages),
      variables: redact(JSON.parse(instance.variables) as Record<string, unknown>),
      incident: instance.incident ? (JSON.parse(instance.incident) as unknown) : null,
      startedAt: instance.startedAt.toISOString(),
      startedBy: instance.startedBy,
      endedAt: instance.endedAt ? instance.endedAt.toISOString() : null,
      tasks: tasks.map((t) => ({
        id: t.id,
        elementId: t.elementId,
        name: t.name,
        status: t.status,
        assignee: t.assignee,
        completedBy: t.completedBy ?? null,
      })),
      jobs: jobs.map((j) => ({
        id: j.id,
        kind: j.kind,
        elementId: j.elementId,
        dueAt: j.dueAt.toISOString(),
        status: j.status,
        attempts: j.attempts,
        lastError: j.lastError ?? null,
      })),
      timeline: history.map((h) => ({
        at: h.at.toISOString(),
        event: h.event,
        elementId: h.elementId,
        elementName: h.elementName,
        elementType: h.elementType,
        actor: h.actor,
        version: h.processVersion,
        data: h.data ? (redact({ v: JSON.parse(h.data) as unknown })['v'] ?? null) : null,
      })),
    };
  }

  async list(query: {
    processKey?: string;
    version?: number;
    status?: string;
    businessKey?: string;
    limit: number;
    offset: number;
  }) {
    const where: Record<string, unknown> = {};
    if (query.processKey) where['processKey'] = query.processKey;
    if (query.version) where['processVersion'] = query.version;
    if (query.status) where['status'] = query.status;
    if (query.businessKey) where['businessKey'] = query.businessKey;
    const { rows, count } = await ProcessInstance.findAndCountAll({
      where,
      order: [['id', 'DESC']],
      limit: query.limit,
      offset: query.offset,
    });
    return {
      total: count,
      items: rows.map((i) => ({
        id: i.id,
        processKey: i.processKey,
        version: i.processVersion,
        businessKey: i.businessKey,
        status: i.status,
        currentActivities: unwrap(i.currentActivities),
        startedAt: i.startedAt.toISOString(),
        endedAt: i.endedAt ? i.endedAt.toISOString() : null,
      })),
    };
  }

  /** Running instances waiting for a message name, by business key. */
  async waitingFor(name: string, businessKey: string): Promise<ProcessInstance[]> {
    return ProcessInstance.findAll({
      where: {
        businessKey,
        status: { [Op.in]: ['running', 'incident'] },
        waitingMessages: { [Op.like]: `%,${name},%` },
      },
      order: [['id', 'ASC']],
    });
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

function publicStatus(
  compiled: CompiledProcess,
  current: string[],
  history: HistoryEvent[],
): string | null {
  for (const id of current) {
    const s = compiled.elements.get(id)?.publicStatus;
    if (s) return s;
  }
  for (let i = history.length - 1; i >= 0; i--) {
    const id = history[i]!.elementId;
    const s = id ? compiled.elements.get(id)?.publicStatus : null;
    if (s) return s;
  }
  return null;
}
