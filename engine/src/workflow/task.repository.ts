/**
 * The task queue's hot reads as raw SQL (sql.ts): one task, and a page of an inbox.
 * Every statement is limited to the current tenant.
 */
import type { Actor } from '../http/request-context.js';
import type { TaskRecord } from './instance.repository.js';
import { readDate, tenantFilter, type Param, type Sql } from '../db/sql.js';

const COLUMNS = `id, tenant_id AS tenantId, instance_id AS instanceId, element_id AS elementId,
  execution_id AS executionId, name, process_key AS processKey,
  process_version AS processVersion, business_key AS businessKey, form_key AS formKey,
  form_version AS formVersion, candidate_groups AS candidateGroups, assignee, due_at AS dueAt,
  status, completed_by AS completedBy, completed_at AS completedAt, created_at AS createdAt`;

export interface InboxQuery {
  businessKey?: string;
  processKey?: string;
  elementId?: string;
  overdue?: boolean;
  /** mine: assigned to me; unclaimed: my roles' unclaimed; all (default): both */
  scope?: 'mine' | 'unclaimed' | 'all';
  limit: number;
  offset: number;
}

function toTask(row: TaskRecord): TaskRecord {
  return {
    ...row,
    dueAt: readDate(row.dueAt),
    completedAt: readDate(row.completedAt),
    createdAt: readDate(row.createdAt)!,
  };
}

export class TaskRepository {
  constructor(private readonly sql: Sql) {}

  async task(id: number): Promise<TaskRecord | null> {
    const tenant = tenantFilter('workflow task');
    const [row] = await this.sql.select<TaskRecord>(
      `SELECT ${COLUMNS} FROM workflow_tasks WHERE id = ? ${tenant.sql}`,
      [id, ...tenant.params],
    );
    return row ? toTask(row) : null;
  }

  /**
   * A page of the actor's open tasks: their own and their roles' unclaimed ones (a
   * resident: only their own), due first, then oldest. The total is counted only when
   * the page does not tell it.
   */
  async inbox(
    actor: Actor,
    q: InboxQuery,
    now: Date,
  ): Promise<{ rows: TaskRecord[]; total: number }> {
    const where: string[] = ["status = 'open'"];
    const params: Param[] = [];
    const tenant = tenantFilter('workflow task', 'tenant_id');
    if (tenant.sql) {
      where.push('tenant_id = ?');
      params.push(...tenant.params);
    }
    const mine = 'assignee = ?';
    const groups = actor.roles.map(() => 'candidate_groups LIKE ?');
    const unclaimed = `(assignee IS NULL AND (${groups.join(' OR ') || '1 = 0'}))`;
    const scope = actor.kind === 'resident' ? 'mine' : (q.scope ?? 'all');
    if (scope === 'mine') {
      where.push(mine);
      params.push(actor.username);
    } else if (scope === 'unclaimed') {
      where.push(unclaimed);
      params.push(...actor.roles.map((r) => `%,${r},%`));
    } else {
      where.push(`(${mine} OR ${unclaimed})`);
      params.push(actor.username, ...actor.roles.map((r) => `%,${r},%`));
    }
    for (const [column, value] of [
      ['business_key', q.businessKey],
      ['process_key', q.processKey],
      ['element_id', q.elementId],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    if (q.overdue) {
      where.push('due_at < ?');
      params.push(this.sql.date(now));
    }
    const filter = where.join(' AND ');
    const rows = (
      await this.sql.select<TaskRecord>(
        `SELECT ${COLUMNS} FROM workflow_tasks WHERE ${filter}
         ORDER BY due_at ASC, id ASC LIMIT ? OFFSET ?`,
        [...params, q.limit, q.offset],
      )
    ).map(toTask);
    // a page that is not full (and not past the end) tells the total
    if (rows.length < q.limit && (rows.length > 0 || q.offset === 0))
      return { rows, total: q.offset + rows.length };
    const [count] = await this.sql.select<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM workflow_tasks WHERE ${filter}`,
      params,
    );
    return { rows, total: Number(count?.n ?? 0) };
  }
}
