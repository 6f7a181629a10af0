/**
 * Process instances: start, advance, and what they look like. Every advance is one
 * database transaction: take the instance's live engine (live-sessions.ts) or recover
 * it, run one step (runner.ts), and write what the step did (step-writer.ts) under the
 * instance's optimistic lock. A stale writer (another engine process advanced it first)
 * updates nothing, rolls back — handler writes included — and tries again from the
 * database.
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
import { resolveFeel } from './feel.js';
import type { HandlerRegistry } from './handlers.js';
import { HistoryEvent, ProcessInstance, WorkflowJob, WorkflowTask } from './instance.models.js';
import { InstanceRepository, type InstanceRecord, type TaskRecord } from './instance.repository.js';
import { LiveSessions, type OpenTask } from './live-sessions.js';
import type { Sql } from '../db/sql.js';
import { EngineSession, type RunAction } from './runner.js';
import {
  StaleInstanceError,
  StepWriter,
  unwrap,
  type RetryPolicy,
  type StepWritten,
} from './step-writer.js';

export { StaleInstanceError, type RetryPolicy } from './step-writer.js';

const INSTANCE = { th: 'อินสแตนซ์กระบวนการ', en: 'Process instance' };

export interface StepInput {
  action: RunAction;
  fireTimers?: Set<string>;
  /** Changes the variables before the step (task data, message variables). */
  merge?: Record<string, unknown>;
  /** The task this step completes: closed first, so that only one completion moves on. */
  completes?: { id: number; by: string; assignee: string; at: Date };
  /** More writes in the same transaction (an audit event, the job being fired). */
  alsoInTx?: (tx: Transaction, instance: InstanceRecord) => Promise<void>;
  /** A history entry for what caused this step. */
  cause?: { elementId: string | null; event: string; data?: unknown };
  /** The retry job this step runs: if its task fails again, the count goes on from there. */
  retrying?: { elementId: string; attempts: number };
}

export interface StepOutcome extends StepWritten {
  instance: InstanceRecord;
}

/** How many live engines (instances between steps) one engine process keeps. */
const LIVE_SESSIONS = 200;

export class InstanceService {
  private readonly live = new LiveSessions(LIVE_SESSIONS);
  /** Told of the tasks a step opened, once the step has committed (the inbox's live stream). */
  onTasksOpened: (opened: TaskRecord[], by: string) => void = () => undefined;
  private readonly repo: InstanceRepository;
  private readonly writer: StepWriter;

  constructor(
    private readonly sequelize: Sequelize,
    sql: Sql,
    private readonly deployments: DeploymentService,
    private readonly handlers: HandlerRegistry,
    private readonly audit: AuditLog,
    readonly clock: Clock,
    readonly retry: RetryPolicy,
    private readonly log: Logger,
  ) {
    this.repo = new InstanceRepository(sql);
    this.writer = new StepWriter(this.repo, retry);
  }

  /** Starts the newest version of a process. */
  async start(
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
  ): Promise<InstanceRecord> {
    const def = await this.deployments.latestProcess(key);
    const compiled = await this.deployments.compiled(def);
    return this.sequelize.transaction(async (tx) => {
      const instance: InstanceRecord = {
        id: 0,
        tenantId: def.tenantId,
        definitionId: def.id,
        processKey: def.key,
        processVersion: def.version,
        businessKey,
        status: 'running',
        currentActivities: '',
        waitingMessages: '',
        variables: JSON.stringify(variables),
        state: null,
        rev: 0,
        incident: null,
        startedBy: currentContext()?.actor?.username ?? 'system',
        startedAt: this.clock.now(),
        endedAt: null,
      };
      instance.id = await this.repo.insertInstance(tx, instance);
      const session = new EngineSession(compiled, `instance-${instance.id}`);
      await this.step(
        tx,
        { instance, def, compiled, session },
        {
          action: { kind: 'start' },
          cause: { elementId: null, event: 'instance.started', data: variables },
        },
      );
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
    input: StepInput | ((instance: InstanceRecord) => StepInput | Promise<StepInput>),
  ): Promise<StepOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sequelize.transaction(async (tx) => {
          // the live engine and its copy of the row, unless this step must recover (a
          // fired timer, a re-run service task) or a first attempt lost the race
          const reuse =
            attempt === 1 && typeof input !== 'function' && input.action.kind !== 'resume';
          let entry = reuse ? this.live.take(instanceId, currentContext()?.tenantId) : undefined;
          if (!entry) this.live.drop(instanceId);
          let instance = entry ? { ...entry.instance } : await this.read(tx, instanceId);
          const def = await this.deployments.definitionById(instance.definitionId);
          const compiled = await this.deployments.compiled(def);
          if (entry && entry.session.compiled !== compiled) {
            void entry.session.dispose();
            entry = undefined;
            instance = await this.read(tx, instanceId);
          }
          const step = typeof input === 'function' ? await input(instance) : input;
          const session = entry?.session ?? new EngineSession(compiled, `instance-${instance.id}`);
          const written = await this.step(
            tx,
            { instance, def, compiled, session, openTasks: entry?.openTasks },
            step,
          );
          return { instance, ...written };
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

  /** The instance row, read in the step's transaction. */
  private async read(tx: Transaction, id: number): Promise<InstanceRecord> {
    const row = await this.repo.instance(id, tx);
    if (!row) throw new NotFoundError(INSTANCE);
    if (row.status === 'completed' || row.status === 'terminated') {
      throw new ConflictError('instance_finished', {
        th: 'กระบวนการนี้สิ้นสุดแล้ว',
        en: 'This process instance has finished.',
      });
    }
    return row;
  }

  /**
   * One step on the session: close the task it completes, run the engine until every
   * branch waits, write the outcome. A session that can run on is kept after the commit;
   * any other is stopped.
   */
  private async step(
    tx: Transaction,
    on: {
      instance: InstanceRecord;
      def: ProcessDefinition;
      compiled: CompiledProcess;
      session: EngineSession;
      openTasks?: OpenTask[];
    },
    input: StepInput,
  ): Promise<StepWritten> {
    const { instance, def, compiled, session } = on;
    try {
      const now = this.clock.now();
      if (input.completes) await this.closeTask(tx, instance, input.completes);
      const variables = JSON.parse(instance.variables) as Record<string, unknown>;
      if (input.merge) Object.assign(variables, input.merge);
      const result = await this.run(instance, compiled, session, {
        tx,
        action: input.action,
        fireTimers: input.fireTimers,
        variables,
        now,
      });
      if (input.alsoInTx) await input.alsoInTx(tx, instance);
      const openTasks = on.openTasks?.filter((t) => t.id !== input.completes?.id);
      const written = await this.writer.write(tx, {
        instance,
        def,
        compiled,
        result,
        variables,
        now,
        openTasks,
        cause: input.cause,
        retrying: input.retrying,
      });
      if (written.opened.length) {
        const by = currentContext()?.actor?.username ?? 'system';
        tx.afterCommit(() => this.onTasksOpened(written.opened, by));
      }
      if (session.live) {
        const kept = {
          session,
          instance: { ...instance, state: null },
          openTasks: written.openTasks,
        };
        tx.afterCommit(() => this.live.keep(kept));
      } else void session.dispose();
      return written;
    } catch (e) {
      void session.dispose();
      throw e;
    }
  }

  private async closeTask(
    tx: Transaction,
    instance: InstanceRecord,
    c: NonNullable<StepInput['completes']>,
  ): Promise<void> {
    if (!(await this.repo.completeTask(tx, instance.tenantId, c, new Date())))
      throw new ConflictError('task_done', {
        th: 'งานนี้ดำเนินการเสร็จแล้ว',
        en: 'This task is already completed.',
      });
  }

  private async run(
    instance: InstanceRecord,
    compiled: CompiledProcess,
    session: EngineSession,
    r: {
      tx: Transaction;
      action: RunAction;
      fireTimers?: Set<string>;
      variables: Record<string, unknown>;
      now: Date;
    },
  ) {
    try {
      return await session.run({
        compiled,
        name: `instance-${instance.id}`,
        state: !session.live && instance.state ? JSON.parse(instance.state) : null,
        variables: r.variables,
        action: r.action,
        fireTimers: r.fireTimers ?? new Set(),
        now: r.now,
        runService: (topic, elementId) =>
          this.runHandler(r.tx, instance, compiled, topic, elementId, r.variables, r.now),
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
  }

  private async runHandler(
    tx: Transaction,
    instance: InstanceRecord,
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

  /** After an incident is fixed (data corrected, handler deployed): run the failed step again. */
  async retryIncident(id: number): Promise<StepOutcome> {
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

  async get(id: number): Promise<InstanceRecord> {
    const instance = await this.repo.instance(id);
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

  /** How many instances each process version has, by status: the studio's overview. */
  async counts(): Promise<
    { processKey: string; version: number; status: string; count: number }[]
  > {
    const rows = (await ProcessInstance.count({
      attributes: ['processKey', 'processVersion', 'status'],
      group: ['processKey', 'processVersion', 'status'],
    })) as unknown as {
      processKey: string;
      processVersion: number;
      status: string;
      count: number;
    }[];
    return rows
      .map((r) => ({
        processKey: r.processKey,
        version: Number(r.processVersion),
        status: r.status,
        count: Number(r.count),
      }))
      .sort((a, b) => a.processKey.localeCompare(b.processKey) || b.version - a.version);
  }

  /** Running instances waiting for a message name, by business key. */
  waitingKeys(name: string, businessKeys: readonly string[]): Promise<Set<string>> {
    return this.repo.waitingKeys(name, businessKeys);
  }

  waitingFor(name: string, businessKey: string): Promise<{ id: number; definitionId: number }[]> {
    return this.repo.waitingFor(name, businessKey);
  }
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
