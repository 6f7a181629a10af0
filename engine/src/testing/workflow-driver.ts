/**
 * Drives processes through the HTTP API the way staff and residents do: start an
 * instance, find a task, claim and complete it, send a message, read the instance.
 * Time moves only when a test says so (`travel`), and due jobs fire only when it asks
 * (`fireDue`): test servers run without the job poller.
 */
import assert from 'node:assert/strict';
import { DAY_MS } from '../workflow/clock.js';
import type { Handler } from '../workflow/handlers.js';
import type { ApiResponse, TestServer } from './harness.js';

/** A task as GET /tasks lists it. */
export interface TaskItem {
  id: number;
  elementId: string;
  name: string | null;
  processKey: string;
  processVersion: number;
  instanceId: number;
  businessKey: string | null;
  formKey: string | null;
  formVersion: number | null;
  candidateGroups: string[];
  assignee: string | null;
  due: string | null;
  overdue: boolean;
  status: 'open' | 'completed' | 'cancelled';
  completedBy: string | null;
}

export interface TimelineEntry {
  at: string;
  event: string;
  elementId: string | null;
  elementType: string | null;
  actor: string | null;
  version: number;
  data: unknown;
}

/** An instance as GET /instances/{id} shows it. */
export interface InstanceView {
  id: number;
  processKey: string;
  version: number;
  businessKey: string | null;
  status: 'running' | 'completed' | 'incident' | 'terminated';
  publicStatus: string | null;
  currentActivities: { elementId: string; name: string | null; type: string | null }[];
  waitingMessages: string[];
  variables: Record<string, unknown>;
  incident: { elementId: string; topic: string; error: string; attempts: number } | null;
  endedAt: string | null;
  tasks: {
    id: number;
    elementId: string;
    status: string;
    assignee: string | null;
    completedBy: string | null;
  }[];
  jobs: {
    id: number;
    kind: 'timer' | 'retry';
    elementId: string;
    dueAt: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
  timeline: TimelineEntry[];
}

/** One call a recording handler saw. */
export interface HandlerCall {
  topic: string;
  elementId: string;
  businessKey: string | null;
  input: Record<string, unknown>;
  variables: Record<string, unknown>;
}

export class WorkflowDriver {
  private constructor(
    readonly srv: TestServer,
    private readonly tokens: Map<string, string>,
  ) {}

  /** Signs the users in once; later calls name them (`'clerk'`, `'chief'`). */
  static async signIn(srv: TestServer, usernames: string[]): Promise<WorkflowDriver> {
    const tokens = await Promise.all(usernames.map((u) => srv.login(u)));
    return new WorkflowDriver(srv, new Map(usernames.map((u, i) => [u, tokens[i]!])));
  }

  /** The same signed-in users on another engine of the same database (after a restart). */
  on(srv: TestServer): WorkflowDriver {
    return new WorkflowDriver(srv, this.tokens);
  }

  get workflow() {
    return this.srv.engine.services.workflow;
  }

  token(username: string): string {
    const t = this.tokens.get(username);
    if (!t) throw new Error(`${username} is not signed in: add them to signIn()`);
    return t;
  }

  /** Calls the API as a signed-in user. */
  call(username: string, method: string, apiPath: string, body?: unknown): Promise<ApiResponse> {
    return this.srv.api(method, apiPath, { token: this.token(username), body });
  }

  /** Starts the newest version of a process; expects 201. */
  async start(
    username: string,
    key: string,
    businessKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<InstanceView> {
    const res = await this.call(username, 'POST', `/processes/${key}/instances`, {
      businessKey,
      variables,
    });
    assert.equal(res.status, 201, `start ${key}: ${JSON.stringify(res.body)}`);
    return res.body as InstanceView;
  }

  async instance(id: number, username = 'admin'): Promise<InstanceView> {
    const res = await this.call(username, 'GET', `/instances/${id}`);
    assert.equal(res.status, 200, `instance ${id}: ${JSON.stringify(res.body)}`);
    return res.body as InstanceView;
  }

  /** The open tasks a user sees (their own and their roles' unclaimed ones). */
  async tasks(
    username: string,
    query: Record<string, string | number | boolean | undefined> = {},
  ): Promise<TaskItem[]> {
    const qs = new URLSearchParams(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]): [string, string] => [k, String(v)]),
    );
    const res = await this.call(username, 'GET', `/tasks?${qs}`);
    assert.equal(res.status, 200, `tasks: ${JSON.stringify(res.body)}`);
    return (res.body as { items: TaskItem[] }).items;
  }

  /** The one open task of a business key at an element that the user sees. */
  async task(username: string, businessKey: string, elementId: string): Promise<TaskItem> {
    const items = await this.tasks(username, { businessKey, elementId });
    assert.equal(
      items.length,
      1,
      `${username} should see one ${elementId} task of ${businessKey}: ${JSON.stringify(items)}`,
    );
    return items[0]!;
  }

  /** Completes a task; expects 200. */
  async complete(
    username: string,
    taskId: number,
    data: Record<string, unknown>,
  ): Promise<ApiResponse> {
    const res = await this.call(username, 'POST', `/tasks/${taskId}/complete`, { data });
    assert.equal(res.status, 200, `complete task ${taskId}: ${JSON.stringify(res.body)}`);
    return res;
  }

  /** Finds the user's task at an element and completes it. */
  async completeAt(
    username: string,
    businessKey: string,
    elementId: string,
    data: Record<string, unknown>,
  ): Promise<TaskItem> {
    const task = await this.task(username, businessKey, elementId);
    await this.complete(username, task.id, data);
    return task;
  }

  sendMessage(
    username: string,
    name: string,
    businessKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<ApiResponse> {
    return this.call(username, 'POST', '/messages', { name, businessKey, variables });
  }

  /** Moves the workflow clock forward; nothing fires until fireDue(). */
  travel(ms: number): void {
    this.workflow.clock.travel(ms);
  }

  travelDays(days: number): void {
    this.travel(days * DAY_MS);
  }

  /** Fires every job due on the workflow clock; resolves with how many fired. */
  fireDue(): Promise<number> {
    return this.workflow.jobs.runDue();
  }

  /** Registers a handler for each topic that records its calls and returns `results[topic]`. */
  recordHandlers(
    topics: string[],
    results: Record<string, Record<string, unknown>> = {},
  ): HandlerCall[] {
    const calls: HandlerCall[] = [];
    for (const topic of topics) {
      const handler: Handler = (ctx) => {
        calls.push({
          topic,
          elementId: ctx.elementId,
          businessKey: ctx.businessKey,
          input: { ...ctx.input },
          variables: { ...ctx.variables },
        });
        return results[topic];
      };
      this.workflow.handlers.register(topic, handler);
    }
    return calls;
  }
}

/** The element ids an instance waits at. */
export function waitingAt(instance: InstanceView): string[] {
  return instance.currentActivities.map((a) => a.elementId).sort();
}

/** The timeline entries of one event (`task.completed`, `timer.fired` …). */
export function eventsOf(instance: InstanceView, event: string): TimelineEntry[] {
  return instance.timeline.filter((t) => t.event === event);
}

/** The elements an instance went through, in order (`ended` events). */
export function endedElements(instance: InstanceView): string[] {
  return instance.timeline
    .filter((t) => t.event === 'ended' && t.elementId)
    .map((t) => t.elementId!);
}

/**
 * A duration timer's due time may be a millisecond or two past the exact duration
 * (bpmn-elements reads the system time twice while it computes the delay).
 */
export function assertNear(actualMs: number, expectedMs: number, what: string, toleranceMs = 1000) {
  assert.ok(
    Math.abs(actualMs - expectedMs) <= toleranceMs,
    `${what}: ${actualMs} should be within ${toleranceMs} ms of ${expectedMs}`,
  );
}
