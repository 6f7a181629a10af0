/**
 * A step's reads and writes as a few raw statements (sql.ts): the instance row under its
 * optimistic lock, the tasks it opens, completes and cancels, its timer jobs and its
 * history (one multi-row INSERT). Every statement names tenant_id. Dates are written in
 * the text Sequelize writes for DATE(3), so the models read them back and compare them
 * (job due times) as before.
 */
import type { Transaction } from 'sequelize';
import type { InstanceStatus, TaskStatus } from './instance.models.js';
import { readDate, tenantFilter, type Param, type Sql } from '../db/sql.js';

/** A process instance row as the engine holds it between steps. */
export interface InstanceRecord {
  id: number;
  tenantId: number;
  definitionId: number;
  processKey: string;
  processVersion: number;
  businessKey: string | null;
  status: InstanceStatus;
  currentActivities: string;
  waitingMessages: string;
  variables: string;
  state: string | null;
  rev: number;
  incident: string | null;
  startedBy: string;
  startedAt: Date;
  endedAt: Date | null;
}

/** A task row as the task queue shows it. */
export interface TaskRecord {
  id: number;
  tenantId: number;
  instanceId: number;
  elementId: string;
  executionId: string;
  name: string | null;
  processKey: string;
  processVersion: number;
  businessKey: string | null;
  formKey: string | null;
  formVersion: number | null;
  candidateGroups: string;
  assignee: string | null;
  dueAt: Date | null;
  status: TaskStatus;
  completedBy: string | null;
  completedAt: Date | null;
  createdAt: Date;
}

type InstanceKey = Pick<InstanceRecord, 'id' | 'tenantId'>;

export type NewTask = Omit<TaskRecord, 'id' | 'completedBy' | 'completedAt' | 'createdAt'>;

export interface NewHistoryEvent {
  tenantId: number;
  instanceId: number;
  processVersion: number;
  elementId: string | null;
  elementType: string | null;
  elementName: string | null;
  event: string;
  actor: string | null;
  data: string | null;
  at: Date;
}

/** Rows per multi-row INSERT: far below either dialect's limit on parameters. */
const ROWS_PER_INSERT = 50;

const INSTANCE_COLUMNS = `id, tenant_id AS tenantId, definition_id AS definitionId,
  process_key AS processKey, process_version AS processVersion, business_key AS businessKey,
  status, current_activities AS currentActivities, waiting_messages AS waitingMessages,
  variables, state, rev, incident, started_by AS startedBy, started_at AS startedAt,
  ended_at AS endedAt`;

/** Business keys asked about per statement (SQLite binds 32,766 parameters at most). */
const KEYS_PAGE = 1000;

export class InstanceRepository {
  constructor(private readonly sql: Sql) {}

  private driver(tx: Transaction) {
    return this.sql.in(tx);
  }

  private date(d: Date | null): string | null {
    return this.sql.date(d);
  }

  /** The current tenant's instance (any tenant's in system context), or null. */
  async instance(id: number, tx?: Transaction): Promise<InstanceRecord | null> {
    const tenant = tenantFilter('process instance');
    const sql = `SELECT ${INSTANCE_COLUMNS} FROM process_instances WHERE id = ? ${tenant.sql}`;
    const params = [id, ...tenant.params];
    const [row] = tx
      ? await this.driver(tx).all<InstanceRecord>(sql, params)
      : await this.sql.select<InstanceRecord>(sql, params);
    if (!row) return null;
    return { ...row, startedAt: readDate(row.startedAt)!, endedAt: readDate(row.endedAt) };
  }

  /** Running instances with a business key that wait for a message name, oldest first. */
  waitingFor(name: string, businessKey: string): Promise<{ id: number; definitionId: number }[]> {
    const tenant = tenantFilter('process instance');
    return this.sql.select(
      `SELECT id, definition_id AS definitionId FROM process_instances
       WHERE business_key = ? AND status IN ('running', 'incident') AND waiting_messages LIKE ?
       ${tenant.sql} ORDER BY id ASC`,
      [businessKey, `%,${name},%`, ...tenant.params],
    );
  }

  /** Which of these business keys have a running instance waiting for a message name. */
  async waitingKeys(name: string, businessKeys: readonly string[]): Promise<Set<string>> {
    const tenant = tenantFilter('process instance');
    const found = new Set<string>();
    for (let i = 0; i < businessKeys.length; i += KEYS_PAGE) {
      const page = businessKeys.slice(i, i + KEYS_PAGE);
      const rows = await this.sql.select<{ k: string }>(
        `SELECT DISTINCT business_key AS k FROM process_instances
         WHERE business_key IN (${page.map(() => '?').join(',')})
           AND status IN ('running', 'incident') AND waiting_messages LIKE ? ${tenant.sql}`,
        [...page, `%,${name},%`, ...tenant.params],
      );
      for (const r of rows) found.add(r.k);
    }
    return found;
  }

  async insertInstance(tx: Transaction, r: Omit<InstanceRecord, 'id'>): Promise<number> {
    const { lastId } = await this.driver(tx).run(
      `INSERT INTO process_instances (tenant_id, definition_id, process_key, process_version,
        business_key, status, current_activities, waiting_messages, variables, state, rev,
        incident, started_by, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.tenantId,
        r.definitionId,
        r.processKey,
        r.processVersion,
        r.businessKey,
        r.status,
        r.currentActivities,
        r.waitingMessages,
        r.variables,
        r.state,
        r.rev,
        r.incident,
        r.startedBy,
        this.date(r.startedAt),
        this.date(r.endedAt),
      ],
    );
    return lastId;
  }

  /** Writes a step's outcome if the row is still at `rev`; false when another writer won. */
  async advanceInstance(
    tx: Transaction,
    r: InstanceRecord,
    rev: number,
    fields: Pick<
      InstanceRecord,
      | 'variables'
      | 'state'
      | 'currentActivities'
      | 'waitingMessages'
      | 'status'
      | 'endedAt'
      | 'incident'
    >,
  ): Promise<boolean> {
    const { changes } = await this.driver(tx).run(
      `UPDATE process_instances SET variables = ?, state = ?, current_activities = ?,
        waiting_messages = ?, status = ?, ended_at = ?, incident = ?, rev = ?
       WHERE id = ? AND tenant_id = ? AND rev = ?`,
      [
        fields.variables,
        fields.state,
        fields.currentActivities,
        fields.waitingMessages,
        fields.status,
        this.date(fields.endedAt),
        fields.incident,
        rev + 1,
        r.id,
        r.tenantId,
        rev,
      ],
    );
    return changes === 1;
  }

  /** The open tasks of an instance: which execution each one waits on. */
  openTasks(tx: Transaction, r: InstanceKey): Promise<{ id: number; executionId: string }[]> {
    return this.ofInstance(
      tx,
      r,
      'id, execution_id AS executionId',
      'workflow_tasks',
      "status = 'open'",
    );
  }

  async insertTask(tx: Transaction, t: NewTask, now: Date): Promise<TaskRecord> {
    const created = this.date(now);
    const { lastId } = await this.driver(tx).run(
      `INSERT INTO workflow_tasks (tenant_id, instance_id, element_id, execution_id, name,
        process_key, process_version, business_key, form_key, form_version, candidate_groups,
        assignee, due_at, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        t.tenantId,
        t.instanceId,
        t.elementId,
        t.executionId,
        t.name,
        t.processKey,
        t.processVersion,
        t.businessKey,
        t.formKey,
        t.formVersion,
        t.candidateGroups,
        t.assignee,
        this.date(t.dueAt),
        t.status,
        created,
        created,
      ],
    );
    return { ...t, id: lastId, completedBy: null, completedAt: null, createdAt: now };
  }

  /** Closes an open task; false when it was no longer open (someone else completed it). */
  async completeTask(
    tx: Transaction,
    tenantId: number,
    c: { id: number; by: string; assignee: string; at: Date },
    now: Date,
  ): Promise<boolean> {
    const { changes } = await this.driver(tx).run(
      `UPDATE workflow_tasks SET status = 'completed', completed_by = ?, completed_at = ?,
        assignee = ?, updated_at = ?
       WHERE id = ? AND tenant_id = ? AND status = 'open'`,
      [c.by, this.date(c.at), c.assignee, this.date(now), c.id, tenantId],
    );
    return changes === 1;
  }

  async cancelTasks(tx: Transaction, tenantId: number, ids: number[], now: Date): Promise<void> {
    if (!ids.length) return;
    await this.driver(tx).run(
      `UPDATE workflow_tasks SET status = 'cancelled', updated_at = ?
       WHERE tenant_id = ? AND status = 'open' AND id IN (${ids.map(() => '?').join(', ')})`,
      [this.date(now), tenantId, ...ids],
    );
  }

  /** Pending timer jobs of an instance. */
  pendingTimers(tx: Transaction, r: InstanceKey): Promise<{ id: number; elementId: string }[]> {
    return this.ofInstance(
      tx,
      r,
      'id, element_id AS elementId',
      'workflow_jobs',
      "status = 'pending' AND kind = 'timer'",
    );
  }

  /** Rows of an instance's tasks or jobs that match a condition. */
  private ofInstance<T>(
    tx: Transaction,
    r: InstanceKey,
    columns: string,
    table: string,
    condition: string,
  ): Promise<T[]> {
    return this.driver(tx).all<T>(
      `SELECT ${columns} FROM ${table} WHERE instance_id = ? AND tenant_id = ? AND ${condition}`,
      [r.id, r.tenantId],
    );
  }

  async insertTimers(
    tx: Transaction,
    r: InstanceKey,
    timers: { elementId: string; dueAt: Date }[],
    now: Date,
  ): Promise<void> {
    const created = this.date(now);
    await this.insertRows(
      tx,
      `INSERT INTO workflow_jobs (tenant_id, instance_id, kind, element_id, due_at, status,
        attempts, created_at, updated_at) VALUES`,
      '(?, ?, ?, ?, ?, ?, ?, ?, ?)',
      timers.map((t) => [
        r.tenantId,
        r.id,
        'timer',
        t.elementId,
        this.date(t.dueAt),
        'pending',
        0,
        created,
        created,
      ]),
    );
  }

  /** Cancels an instance's pending jobs: those listed, or all of them (`ids` null). */
  async cancelJobs(
    tx: Transaction,
    r: InstanceKey,
    ids: number[] | null,
    now: Date,
  ): Promise<void> {
    if (ids && !ids.length) return;
    await this.driver(tx).run(
      `UPDATE workflow_jobs SET status = 'cancelled', lock_owner = NULL, updated_at = ?
       WHERE instance_id = ? AND tenant_id = ? AND status = 'pending'
       ${ids ? `AND id IN (${ids.map(() => '?').join(', ')})` : ''}`,
      [this.date(now), r.id, r.tenantId, ...(ids ?? [])],
    );
  }

  /** Cancels an instance's pending timer jobs except those of the elements listed. */
  async cancelTimersExcept(
    tx: Transaction,
    r: InstanceKey,
    elementIds: string[],
    now: Date,
  ): Promise<void> {
    const except = elementIds.length
      ? `AND element_id NOT IN (${elementIds.map(() => '?').join(', ')})`
      : '';
    await this.driver(tx).run(
      `UPDATE workflow_jobs SET status = 'cancelled', lock_owner = NULL, updated_at = ?
       WHERE instance_id = ? AND tenant_id = ? AND status = 'pending' AND kind = 'timer'
       ${except}`,
      [this.date(now), r.id, r.tenantId, ...elementIds],
    );
  }

  /** A step's history: nothing reads it before the step commits, so it goes in with COMMIT. */
  async insertHistory(tx: Transaction, events: NewHistoryEvent[]): Promise<void> {
    await this.insertRows(
      tx,
      `INSERT INTO workflow_history (tenant_id, instance_id, process_version, element_id,
        element_type, element_name, event, actor, data, at) VALUES`,
      '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      events.map((e) => [
        e.tenantId,
        e.instanceId,
        e.processVersion,
        e.elementId,
        e.elementType,
        e.elementName,
        e.event,
        e.actor,
        e.data,
        this.date(e.at),
      ]),
      true,
    );
  }

  /** Multi-row INSERTs of `rows`, ROWS_PER_INSERT at a time (at COMMIT, if `atCommit`). */
  private async insertRows(
    tx: Transaction,
    head: string,
    tuple: string,
    rows: Param[][],
    atCommit = false,
  ): Promise<void> {
    const driver = this.driver(tx);
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const sql = `${head} ${chunk.map(() => tuple).join(', ')}`;
      if (atCommit) await this.sql.atCommit(tx, sql, chunk.flat());
      else await driver.run(sql, chunk.flat());
    }
  }
}
