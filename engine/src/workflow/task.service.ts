/**
 * The task queue: each waiting user task is a row that staff list, claim, release,
 * assign and complete. Only the assignee or a member of the candidate groups may act
 * on a task; a submission is validated against the task's pinned form on the server
 * before the process moves.
 */
import { Op, type WhereOptions } from 'sequelize';
import { ConflictError, ForbiddenError, NotFoundError, UserError } from '../http/errors.js';
import type { Actor } from '../http/request-context.js';
import { User } from '../modules/auth/user.model.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import type { Clock } from './clock.js';
import type { DeploymentService } from './deployment.service.js';
import { validateSubmission } from './forms/form-submission.js';
import { WorkflowTask } from './instance.models.js';
import type { InstanceService } from './instance.service.js';

const TASK = { th: 'งาน', en: 'Task' };

export interface TaskQuery {
  businessKey?: string;
  processKey?: string;
  elementId?: string;
  overdue?: boolean;
  /** mine: assigned to me; unclaimed: my roles' unclaimed; all (default): both */
  scope?: 'mine' | 'unclaimed' | 'all';
  limit: number;
  offset: number;
}

export function taskDto(t: WorkflowTask, now: Date) {
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

export class TaskService {
  constructor(
    private readonly instances: InstanceService,
    private readonly deployments: DeploymentService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  private visibleTo(actor: Actor, scope: TaskQuery['scope'] = 'all'): WhereOptions {
    const mine = { assignee: actor.username };
    // a resident sees only the tasks assigned to them, never a group's
    if (actor.kind === 'resident') return mine;
    const unclaimed = {
      assignee: null,
      [Op.or]: actor.roles.map((r) => ({ candidateGroups: { [Op.like]: `%,${r},%` } })),
    };
    if (scope === 'mine') return mine;
    if (scope === 'unclaimed') return unclaimed;
    return { [Op.or]: [mine, unclaimed] };
  }

  async list(actor: Actor, q: TaskQuery) {
    const now = this.clock.now();
    const where: WhereOptions[] = [{ status: 'open' }, this.visibleTo(actor, q.scope)];
    if (q.businessKey) where.push({ businessKey: q.businessKey });
    if (q.processKey) where.push({ processKey: q.processKey });
    if (q.elementId) where.push({ elementId: q.elementId });
    if (q.overdue) where.push({ dueAt: { [Op.lt]: now } });
    const { rows, count } = await WorkflowTask.findAndCountAll({
      where: { [Op.and]: where },
      order: [
        ['dueAt', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows.map((t) => taskDto(t, now)) };
  }

  private async load(id: number): Promise<WorkflowTask> {
    const t = await WorkflowTask.findByPk(id);
    if (!t) throw new NotFoundError(TASK);
    return t;
  }

  private inGroups(t: WorkflowTask, actor: Actor): boolean {
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
    return taskDto(await this.load(id), this.clock.now());
  }

  async unclaim(actor: Actor, id: number) {
    const t = await this.load(id);
    this.mustBeOpen(t);
    if (t.assignee !== actor.username && !actor.roles.includes('admin')) throw new ForbiddenError();
    await t.update({ assignee: null });
    return taskDto(t, this.clock.now());
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
    await t.update({ assignee: username });
    return taskDto(t, this.clock.now());
  }

  /** Validates the submission against the pinned form, then moves the process on. */
  async complete(actor: Actor, id: number, submitted: unknown) {
    const t = await this.load(id);
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
    await this.instances.advance(t.instanceId, {
      action: { kind: 'signal', elementId: t.elementId, executionId: t.executionId },
      merge: data,
      cause: { elementId: t.elementId, event: 'task.completed', data },
      alsoInTx: async (tx) => {
        const [n] = await WorkflowTask.update(
          {
            status: 'completed',
            completedBy: actor.username,
            completedAt: now,
            assignee: t.assignee ?? actor.username,
          },
          { where: { id: t.id, status: 'open' }, transaction: tx },
        );
        if (n !== 1)
          throw new ConflictError('task_done', {
            th: 'งานนี้ดำเนินการเสร็จแล้ว',
            en: 'This task is already completed.',
          });
        await this.audit.record(tx, {
          action: 'task.complete',
          entityType: 'workflow_task',
          entityId: t.id,
          after: { elementId: t.elementId, instanceId: t.instanceId, data },
        });
      },
    });
    const done = await this.load(id);
    const next = await this.list(actor, {
      businessKey: t.businessKey ?? undefined,
      limit: 20,
      offset: 0,
    });
    return {
      task: taskDto(done, this.clock.now()),
      next: next.items.filter((n) => n.instanceId === t.instanceId),
    };
  }

  private mustBeOpen(t: WorkflowTask): void {
    if (t.status !== 'open')
      throw new ConflictError('task_not_open', {
        th: 'งานนี้ไม่อยู่ในสถานะรอดำเนินการ',
        en: 'This task is not open.',
      });
  }
}
