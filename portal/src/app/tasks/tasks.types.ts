import type { Role } from '@prapa/domain/common';

/** A task as GET /tasks lists it (engine/src/workflow/task.service.ts taskDto). */
export interface TaskItem {
  readonly id: number;
  readonly elementId: string;
  readonly name: string | null;
  readonly processKey: string;
  readonly processVersion: number;
  readonly instanceId: number;
  readonly businessKey: string | null;
  readonly formKey: string | null;
  readonly formVersion: number | null;
  readonly candidateGroups: readonly Role[];
  readonly assignee: string | null;
  readonly due: string | null;
  readonly overdue: boolean;
  readonly status: 'open' | 'completed' | 'cancelled';
  readonly created: string;
}

/** GET /tasks/:id: the task, its pinned Form.io form and the instance's variables. */
export interface TaskDetail extends TaskItem {
  readonly form: FormDefinition | null;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** A Form.io form as the engine keeps it (only what the page reads is typed). */
export interface FormDefinition {
  readonly title?: string;
  readonly components: readonly Record<string, unknown>[];
  readonly [key: string]: unknown;
}

export interface TaskPage {
  readonly total: number;
  readonly items: readonly TaskItem[];
}

/** POST /tasks/:id/complete answers the task done and the instance's next tasks for me. */
export interface Completion {
  readonly task: TaskItem;
  readonly next: readonly TaskItem[];
}

/** One live change from GET /tasks/events (engine/src/workflow/task-events.ts). */
export interface TaskEvent {
  readonly type:
    'task.created' | 'task.claimed' | 'task.unclaimed' | 'task.assigned' | 'task.completed';
  readonly id: number;
  readonly processKey: string;
  readonly businessKey: string | null;
  readonly candidateGroups: readonly Role[];
  readonly assignee: string | null;
  readonly previousAssignee: string | null;
  readonly by: string;
}

/** GET /instances/:id, the parts the task page shows. */
export interface InstanceContext {
  readonly id: number;
  readonly processKey: string;
  readonly version: number;
  readonly businessKey: string | null;
  readonly status: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly timeline: readonly TimelineEntry[];
}

export interface TimelineEntry {
  readonly at: string;
  readonly event: string;
  readonly elementId: string | null;
  readonly elementName?: string | null;
  readonly actor: string | null;
}

/** GET /processes: a deployed process and its newest version. */
export interface ProcessSummary {
  readonly key: string;
  readonly name: string | null;
  readonly latest: number;
}
