/**
 * The task queue: each waiting user task is a row that staff list, claim, release,
 * assign and complete. Only the assignee or a member of the candidate groups may act
 * on a task; a submission is validated against the task's pinned form on the server
 * before the process moves.
 */
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../http/errors.js';
import type { Actor } from '../http/request-context.js';
import { User } from '../modules/auth/user.model.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import type { Clock } from './clock.js';
import type { DeploymentService } from './deployment.service.js';
import { validateSubmission } from './forms/form-submission.js';
import { WorkflowTask } from './instance.models.js';
import type { TaskRecord } from './instance.repository.js';
import type { Sql } from '../db/sql.js';
import { TaskRepository, type InboxQuery } from './task.repository.js';
import type { TaskEvents } from './task-events.js';
import type { InstanceService, StepOutcome } from './instance.service.js';

const TASK = { th: 'งาน', en: 'Task' };

export type { InboxQuery as TaskQuery } from './task.repository.js';

export function taskDto(t: TaskRecord, now: Date) {
  return {
    id: t.id,
    elementId: t.elementId,
    name: t.name,
    processKey: t.processKey,
    processVersion: t.processVersion,
    instanceId: t.instanceId,
    businessKey: t.businessKey,
    formKey: t.formKey,
    formVersion: t.formVersion,
    candidateGroups: t.candidateGroups.split(',').filter(Boolean),
    assignee: t.assignee,
    due: t.dueAt ? t.dueAt.toISOString() : null,
    overdue: !!t.dueAt && t.status === 'open' && t.dueAt.getTime() < now.getTime(),
    status: t.status,
    created: (t.createdAt ?? now).toISOString(),
    completedBy: t.completedBy ?? null,
    completedAt: t.completedAt ? t.completedAt.toISOString() : null,
  };
}

/** The inbox order: due first (no due date before any), then oldest. */
function byDueThenId(a: TaskRecord, b: TaskRecord): number {
  const due = (t: TaskRecord) => t.dueAt?.getTime() ?? Number.MIN_SAFE_INTEGER;
  return due(a) - due(b) || a.id - b.id;
}

export class TaskService {
  private readonly repo: TaskRepository;

  constructor(
    sql: Sql,
    private readonly instances: InstanceService,
    private readonly deployments: DeploymentService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly events: TaskEvents,
  ) {
    this.repo = new TaskRepository(sql);
  }

  async list(actor: Actor, q: InboxQuery) {
    const now = this.clock.now();
    const { rows, total } = await this.repo.inbox(actor, q, now);
    return { total, items: rows.map((t) => taskDto(t, now)) };
  }

  private async load(id: number): Promise<WorkflowTask> {
    const t = await WorkflowTask.findByPk(id);
    if (!t) throw new NotFoundError(TASK);
    return t;
  }

  private inGroups(t: Pick<TaskRecord, 'candidateGroups'>, actor: Actor): boolean {
    if (actor.kind === 'resident') return false;
    return actor.roles.some((r) => t.candidateGroups.includes(`,${r},`));
  }

  /** May see it: assignee, candidate, or an administrator. */
  private canSee(t: WorkflowTask, actor: Actor): boolean {
    return (
      t.assignee === actor.username || this.inGroups(t, actor) || actor.roles.includes('admin')
    );
  }

  async get(actor: Actor, id: number) {
    const t = await this.load(id);
    if (!this.canSee(t, actor)) throw new ForbiddenError();
    const form =
      t.formKey && t.formVersion ? await this.deployments.form(t.formKey, t.formVersion) : null;
    const instance = await this.instances.get(t.instanceId);
    return {
      ...taskDto(t, this.clock.now()),
      form,
      variables: JSON.parse(instance.variables) as Record<string, unknown>,
    };
  }

  async claim(actor: Actor, id: number) {
    const t = await this.load(id);
    this.mustBeOpen(t);
    if (t.assignee === actor.username) return taskDto(t, this.clock.now());
    if (!this.inGroups(t, actor))
      throw new ForbiddenError('not_candidate', {
        th: 'คุณไม่อยู่ในกลุ่มผู้รับผิดชอบงานนี้',
        en: 'You are not a candidate for this task.',
      });
    const [n] = await WorkflowTask.update(
      { assignee: actor.username },
      { where: { id, status: 'open', assignee: null } },
    );
    if (n !== 1)
      throw new ConflictError('task_claimed', {
        th: 'งานนี้มีผู้รับไปแล้ว',
        en: 'Someone else has claimed this task.',
      });
    const claimed = await this.load(id);
    this.events.publish('task.claimed', claimed, { by: actor.username, at: this.clock.now() });
    return taskDto(claimed, this.clock.now());
  }

  async unclaim(actor: Actor, id: number) {
    const t = await this.load(id);
    this.mustBeOpen(t);
    if (t.assignee !== actor.username && !actor.roles.includes('admin')) throw new ForbiddenError();
    const previousAssignee = t.assignee;
    await t.update({ assignee: null });
    const at = this.clock.now();
    this.events.publish('task.unclaimed', t, { by: actor.username, previousAssignee, at });
    return taskDto(t, at);
  }

  async assign(actor: Actor, id: number, username: string) {
    const t = await this.load(id);
    this.mustBeOpen(t);
    if (!this.inGroups(t, actor) && t.assignee !== actor.username && !actor.roles.includes('admin'))
      throw new ForbiddenError();
    const user = await User.findOne({ where: { username } });
    if (!user || !user.active) {
      const m = { th: `ไม่พบผู้ใช้ "${username}"`, en: `No user "${username}".` };
      throw new UserError('unknown_user', m, [{ path: 'username', message: m }]);
    }
    if (!user.roles.some((r) => t.candidateGroups.includes(`,${r},`)) && t.assignee !== username) {
      const m = {
        th: 'ผู้ใช้นี้ไม่อยู่ในกลุ่มผู้รับผิดชอบงาน',
        en: 'That user is not a candidate for this task.',
      };
      throw new UserError('not_candidate', m, [{ path: 'username', message: m }]);
    }
    const previousAssignee = t.assignee;
    await t.update({ assignee: username });
    const at = this.clock.now();
    this.events.publish('task.assigned', t, { by: actor.username, previousAssignee, at });
    return taskDto(t, at);
  }

  /** Validates the submission against the pinned form, then moves the process on. */
  async complete(actor: Actor, id: number, submitted: unknown) {
    const t = await this.repo.task(id);
    if (!t) throw new NotFoundError(TASK);
    this.mustBeOpen(t);
    const mayAct = t.assignee ? t.assignee === actor.username : this.inGroups(t, actor);
    if (!mayAct) {
      throw new ForbiddenError('not_assignee', {
        th: 'คุณไม่มีสิทธิ์ทำงานนี้ (ต้องเป็นผู้รับงานหรืออยู่ในกลุ่มผู้รับผิดชอบ)',
        en: 'Only the assignee or a candidate may complete this task.',
      });
    }
    let data: Record<string, unknown> = {};
    if (t.formKey && t.formVersion) {
      const form = await this.deployments.form(t.formKey, t.formVersion);
      const result = validateSubmission(form, submitted ?? {});
      if (result.errors.length) {
        throw new UserError(
          'form_invalid',
          { th: 'ข้อมูลในแบบฟอร์มไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', en: 'The form has invalid fields.' },
          result.errors,
        );
      }
      data = result.data;
    }
    const now = this.clock.now();
    const assignee = t.assignee ?? actor.username;
    const outcome = await this.instances.advance(t.instanceId, {
      action: { kind: 'signal', elementId: t.elementId, executionId: t.executionId },
      merge: data,
      completes: { id: t.id, by: actor.username, assignee, at: now },
      cause: { elementId: t.elementId, event: 'task.completed', data },
      alsoInTx: async (tx) => {
        await this.audit.record(tx, {
          action: 'task.complete',
          entityType: 'workflow_task',
          entityId: t.id,
          after: { elementId: t.elementId, instanceId: t.instanceId, data },
        });
      },
    });
    const done: TaskRecord = {
      ...t,
      status: 'completed',
      completedBy: actor.username,
      completedAt: now,
      assignee,
    };
    this.events.publish('task.completed', done, { by: actor.username, at: now });
    return {
      task: taskDto(done, this.clock.now()),
      next: (await this.openAfter(actor, outcome)).map((n) => taskDto(n, this.clock.now())),
    };
  }

  /**
   * The instance's open tasks after a step that the actor may work on, as the inbox
   * orders them. The step knows the tasks it opened; tasks opened earlier (a parallel
   * branch) may have been claimed since, so then they are read.
   */
  private async openAfter(actor: Actor, outcome: StepOutcome): Promise<TaskRecord[]> {
    const opened = new Set(outcome.opened.map((o) => o.id));
    const open: TaskRecord[] = outcome.openTasks.every((o) => opened.has(o.id))
      ? outcome.opened
      : await WorkflowTask.findAll({
          where: { instanceId: outcome.instance.id, status: 'open' },
        });
    return open.filter((o) => this.mayWorkOn(o, actor)).sort(byDueThenId);
  }

  /** What the inbox shows the actor: their own tasks and their roles' unclaimed ones. */
  private mayWorkOn(t: TaskRecord, actor: Actor): boolean {
    if (t.assignee === actor.username) return true;
    return t.assignee === null && this.inGroups(t, actor);
  }

  private mustBeOpen(t: Pick<TaskRecord, 'status'>): void {
    if (t.status !== 'open')
      throw new ConflictError('task_not_open', {
        th: 'งานนี้ไม่อยู่ในสถานะรอดำเนินการ',
        en: 'This task is not open.',
      });
  }
}
