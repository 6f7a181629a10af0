/**
 * Live task-list changes for the inbox: `task.created`, `task.claimed`, `task.unclaimed`,
 * `task.assigned` and `task.completed`, published after the change has committed and
 * streamed as server-sent events (GET /tasks/events) to the staff members who may see
 * the task — its assignee (and the one it was taken from), its candidate groups, and
 * administrators — of the task's tenant only.
 *
 * The bus is an in-process EventEmitter: a subscriber hears the changes made by the
 * engine process it is connected to. Several engine processes behind one address would
 * need a shared bus (polling `workflow_tasks.updated_at`, or a broker); the inbox also
 * re-reads its list whenever the stream (re)connects, so a missed event heals on the
 * next reconnect.
 */
import { EventEmitter } from 'node:events';
import type { ApiRouter } from '../http/api-router.js';
import type { Actor } from '../http/request-context.js';
import type { TaskRecord } from './instance.repository.js';

export type TaskEventType =
  'task.created' | 'task.claimed' | 'task.unclaimed' | 'task.assigned' | 'task.completed';

/** What a subscriber receives: the task as the inbox lists it, and who changed it. */
export interface TaskEvent {
  type: TaskEventType;
  id: number;
  instanceId: number;
  elementId: string;
  name: string | null;
  processKey: string;
  processVersion: number;
  businessKey: string | null;
  candidateGroups: string[];
  assignee: string | null;
  /** The assignee before this change (an unclaim, an assignment to someone else). */
  previousAssignee: string | null;
  due: string | null;
  /** Who made the change; `system` for a step no one started by hand. */
  by: string;
  at: string;
}

type TaskFields = Pick<
  TaskRecord,
  | 'id'
  | 'tenantId'
  | 'instanceId'
  | 'elementId'
  | 'name'
  | 'processKey'
  | 'processVersion'
  | 'businessKey'
  | 'candidateGroups'
  | 'assignee'
  | 'dueAt'
>;

const CHANNEL = 'task';
/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

/** May this staff member see the event's task (the inbox's rule, plus the one it left)? */
export function visibleTo(e: TaskEvent, actor: Actor): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.roles.includes('admin')) return true;
  if (e.assignee === actor.username || e.previousAssignee === actor.username) return true;
  return actor.roles.some((r) => e.candidateGroups.includes(r));
}

export class TaskEvents {
  private readonly bus = new EventEmitter().setMaxListeners(0);

  /** Publishes a change of a task; call it once the change has committed. */
  publish(
    type: TaskEventType,
    t: TaskFields,
    change: { by: string; previousAssignee?: string | null; at: Date },
  ): void {
    const event: TaskEvent = {
      type,
      id: t.id,
      instanceId: t.instanceId,
      elementId: t.elementId,
      name: t.name,
      processKey: t.processKey,
      processVersion: t.processVersion,
      businessKey: t.businessKey,
      candidateGroups: t.candidateGroups.split(',').filter(Boolean),
      assignee: t.assignee,
      previousAssignee: change.previousAssignee ?? null,
      due: t.dueAt ? t.dueAt.toISOString() : null,
      by: change.by,
      at: change.at.toISOString(),
    };
    this.bus.emit(CHANNEL, t.tenantId, event);
  }

  /** Listens to the events of one tenant that the actor may see; returns the unsubscribe. */
  subscribe(tenantId: number, actor: Actor, listener: (e: TaskEvent) => void): () => void {
    const on = (tenant: number, e: TaskEvent) => {
      if (tenant === tenantId && visibleTo(e, actor)) listener(e);
    };
    this.bus.on(CHANNEL, on);
    return () => this.bus.off(CHANNEL, on);
  }

  /** How many streams listen now (for tests and metrics). */
  get listeners(): number {
    return this.bus.listenerCount(CHANNEL);
  }
}

/**
 * GET /tasks/events: a `ready` event once subscribed, then one event per change named
 * after its type. Register it before `/tasks/:id`.
 */
export function taskEventRoutes(api: ApiRouter, events: TaskEvents): void {
  api.route(
    {
      method: 'get',
      path: '/tasks/events',
      summary:
        'Server-sent events: task.created / claimed / unclaimed / assigned / completed for the tasks the caller may see',
      tag: 'workflow',
      access: 'staff',
    },
    async ({ actor, tenantId, req, res }) => {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform', // no-transform: compression() would hold the events back
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      await new Promise<void>((resolve) => {
        const unsubscribe = events.subscribe(tenantId, actor, (e) => {
          res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
        });
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
        const close = () => {
          clearInterval(keepAlive);
          unsubscribe();
          res.end();
          resolve();
        };
        req.on('close', close);
        res.write(`event: ready\ndata: {}\n\n`);
      });
    },
  );
}
