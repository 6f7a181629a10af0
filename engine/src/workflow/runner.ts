/**
 * One step of one instance on bpmn-engine: recover its state (or start it), apply an
 * action (complete a task, deliver a message, fire a timer), run until every branch
 * waits, and hand back the new state and what now waits. No database here: the
 * instance service (instance.service.ts) persists the result.
 *
 * Prapa keeps three things out of bpmn-engine's hands:
 * - variables: FEEL reads and handlers write the instance's own variable object, the
 *   one source of truth, so bpmn-engine's state stays lean;
 * - timers: setTimeout is intercepted and becomes a job row with a due time on the
 *   workflow clock; a timer fires only when its job falls due and the instance is run
 *   with that element in `fireTimers`;
 * - service tasks: run the registered handler; a failure leaves the task waiting and is
 *   retried later as a job.
 *
 * An EngineSession can stay alive after a step: the instance service keeps it (keyed by
 * instance and revision) and runs the next step on it without recovering the state
 * again, as long as nothing else advanced the instance in between.
 */
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import type { CompiledProcess } from './bpmn-source.js';
import { isFeel, resolveFeel } from './feel.js';

export type RunAction =
  | { kind: 'start' }
  | { kind: 'resume' }
  | { kind: 'signal'; elementId: string; executionId?: string }
  | { kind: 'message'; messageId: string };

export interface RunRequest {
  compiled: CompiledProcess;
  name: string;
  /** bpmn-engine state from the last step; null to start. */
  state: unknown;
  /** The instance variables: read by FEEL, changed by handlers and the caller. */
  variables: Record<string, unknown>;
  action: RunAction;
  /** Timer elements whose jobs fell due: their timers fire in this run. */
  fireTimers: Set<string>;
  now: Date;
  runService(topic: string, elementId: string): Promise<Record<string, unknown> | void>;
}

export interface Wait {
  elementId: string;
  executionId: string;
  type: string;
}

export interface StepEvent {
  elementId: string;
  elementType: string;
  event: 'started' | 'ended' | 'waiting' | 'failed';
  at: Date;
  data?: unknown;
}

export interface RunResult {
  state: Record<string, unknown> | null;
  completed: boolean;
  waits: Wait[];
  timers: { elementId: string; dueAt: Date }[];
  failures: { elementId: string; topic: string; error: Error }[];
  events: StepEvent[];
}

/** What bpmn-elements registers a timer with: its element and, for a date timer, the date. */
interface TimerOwner {
  id?: string;
  timerType?: string;
  expireAt?: Date | string;
}

/** The documented parts of a bpmn-engine execution that make up its state. */
interface ExecutionState {
  state: string;
  stopped: boolean;
  environment: { getState(): unknown };
  definitions: { getState(): unknown }[];
}

const ignore = (): void => undefined;
const SILENT_LOGGER = () => ({ debug: ignore, error: ignore, warn: ignore });

/**
 * Scripts never run: deploy refuses them, and this refuses anything that slips by.
 * bpmn-elements asks for a script for every condition too, with no language for a plain
 * expression: that one is not a script — it gets none and is resolved as FEEL.
 */
const NO_SCRIPTS = {
  register() {
    return undefined;
  },
  getScript(language: string | undefined, { id, type }: { id: string; type?: string }) {
    if (!language && type === 'bpmn:SequenceFlow') return undefined;
    return {
      execute() {
        throw new Error(`scripts are not allowed (${id})`);
      },
    };
  },
};

/** Everything that belongs to one step; the session's closures read the current one. */
interface StepScope {
  req: RunRequest;
  pending: number;
  timers: { elementId: string; dueAt: Date; ref: object }[];
  failures: RunResult['failures'];
  events: StepEvent[];
}

export class EngineSession {
  private readonly engine: Engine;
  private readonly listener = new EventEmitter();
  private execution: Awaited<ReturnType<Engine['execute']>> | undefined;
  private scope: StepScope | undefined;
  private ended = false;
  private failure: Error | null = null;
  /** False once the session must not run another step (failed, or finished). */
  reusable = true;

  constructor(
    readonly compiled: CompiledProcess,
    name: string,
  ) {
    const current = () => {
      if (!this.scope) throw new Error(`${name}: the engine ran outside a step`);
      return this.scope;
    };
    const expressions = {
      resolveExpression(expression: unknown) {
        return isFeel(expression) ? resolveFeel(expression, current().req.variables) : expression;
      },
      isExpression: (s: unknown) => isFeel(s),
      hasExpression: (s: unknown) => isFeel(s),
    };

    const timerApi = {
      executing: [] as unknown[],
      register(owner: TimerOwner) {
        return {
          setTimeout: (cb: (...a: unknown[]) => void, delay: number, ...args: unknown[]) =>
            timerApi.schedule(owner, cb, delay, args),
          clearTimeout: (ref: object) => timerApi.clearTimeout(ref),
        };
      },
      schedule(owner: TimerOwner, cb: (...a: unknown[]) => void, delay: number, args: unknown[]) {
        const s = current();
        const elementId = String(owner?.id ?? 'timer');
        const ref = { timerId: `${elementId}:${s.timers.length}`, owner };
        if (s.req.fireTimers.has(elementId)) {
          s.req.fireTimers.delete(elementId);
          s.pending++;
          setImmediate(() => {
            s.pending--;
            cb(...args);
          });
          return ref;
        }
        // bpmn-elements counts a delay from the system time: a duration runs from the
        // workflow clock's now, but a date timer falls due on the date it names
        const dueAt =
          owner?.timerType === 'timeDate' && owner.expireAt
            ? new Date(owner.expireAt)
            : new Date(s.req.now.getTime() + Math.max(0, delay));
        s.timers.push({ elementId, dueAt, ref });
        return ref;
      },
      setTimeout(cb: (...a: unknown[]) => void, delay: number, ...args: unknown[]) {
        return timerApi.schedule({ id: 'engine' }, cb, delay, args);
      },
      clearTimeout(ref: object) {
        const timers = this.scopeTimers();
        const i = timers.findIndex((t) => t.ref === ref);
        if (i >= 0) timers.splice(i, 1);
      },
      scopeTimers: () => this.scope?.timers ?? [],
    };

    const extensions = {
      prapaServiceTasks(activity: {
        type: string;
        id: string;
        behaviour: Record<string, unknown>;
      }) {
        if (!['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'].includes(activity.type))
          return;
        const topic = String(activity.behaviour['topic'] ?? '');
        activity.behaviour['Service'] = function PrapaService() {
          return {
            execute(_message: unknown, callback: (err: Error | null, output?: unknown) => void) {
              const s = current();
              s.pending++;
              s.req.runService(topic, activity.id).then(
                (output) => {
                  s.pending--;
                  if (output) Object.assign(s.req.variables, output);
                  callback(null, output ?? {});
                },
                (error: unknown) => {
                  s.pending--;
                  const err = error instanceof Error ? error : new Error(String(error));
                  s.failures.push({ elementId: activity.id, topic, error: err });
                  s.events.push({
                    elementId: activity.id,
                    elementType: activity.type,
                    event: 'failed',
                    at: s.req.now,
                    data: { error: err.message },
                  });
                  // no callback: the task stays where it is until the retry job runs it again
                },
              );
            },
          };
        };
      },
    };

    this.engine = new Engine({
      name,
      sourceContext: compiled.sourceContext as never,
      expressions: expressions as never,
      timers: timerApi as never,
      extensions: extensions as never,
      scripts: NO_SCRIPTS as never,
      disableDummyScript: true,
      Logger: SILENT_LOGGER as never,
    });
    const record = (event: StepEvent['event']) => (api: { id: string; type: string }) => {
      const s = this.scope;
      s?.events.push({ elementId: api.id, elementType: api.type, event, at: s.req.now });
    };
    this.listener.on('activity.start', record('started'));
    this.listener.on('activity.end', record('ended'));
    this.listener.on('activity.wait', record('waiting'));
    this.engine.once('end', () => {
      this.ended = true;
    });
    this.engine.once('error', (err: Error) => {
      this.failure = err;
    });
  }

  /** True when the engine holds a running execution that the next step can use as it is. */
  get live(): boolean {
    return !!this.execution && !this.ended && !this.failure && this.reusable;
  }

  async run(req: RunRequest): Promise<RunResult> {
    const scope: StepScope = { req, pending: 0, timers: [], failures: [], events: [] };
    this.scope = scope;
    try {
      if (!this.execution) {
        if (req.state) {
          this.engine.recover(structuredClone(req.state) as never);
          this.execution = await this.engine.resume({ listener: this.listener });
        } else {
          this.execution = await this.engine.execute({ listener: this.listener, variables: {} });
        }
      }
      const execution = this.execution;
      if (req.action.kind === 'signal') signalActivity(execution, req.action);
      if (req.action.kind === 'message') execution.signal({ id: req.action.messageId });

      for (let spins = 0; ; spins++) {
        await new Promise((r) => setImmediate(r));
        if (this.ended || this.failure) break;
        if (scope.pending === 0) {
          await new Promise((r) => setImmediate(r));
          if (scope.pending === 0) break;
        }
        if (spins > 1_000_000) throw new Error(`${req.name}: the step did not settle`);
      }
      if (this.failure) {
        // not engine.stop(): after an error nothing runs, and stop() would wait for ever for a
        // 'stop' that never comes (and hold the instance's transaction open meanwhile)
        this.reusable = false;
        throw this.failure;
      }
      // a failed service task stays "executing": only a recovered engine runs it again
      if (scope.failures.length) this.reusable = false;

      const waits = this.ended
        ? []
        : deepWaits(execution.getPostponed() as unknown as PostponedApi[]);
      const registered = scope.timers.map(({ elementId, dueAt }) => ({ elementId, dueAt }));
      return {
        state: this.ended ? null : this.snapshot(),
        completed: this.ended,
        waits,
        timers: registered,
        failures: scope.failures,
        events: scope.events,
      };
    } catch (e) {
      this.reusable = false;
      throw e;
    } finally {
      this.scope = undefined;
    }
  }

  /**
   * The engine's state as `engine.getState()` gives it, less each definition's `source`
   * (and the informational engineVersion): getState() serializes the whole definition for
   * every snapshot, and a recovered engine takes the definition from the per-hash cache.
   */
  private snapshot(): Record<string, unknown> {
    const execution = this.execution as unknown as ExecutionState;
    return {
      name: this.engine.name,
      state: execution.state,
      stopped: execution.stopped,
      environment: execution.environment.getState(),
      definitions: execution.definitions.map((d) => d.getState()),
    };
  }

  /** Stops the engine (a finished or failed engine's stop() never resolves: skip those). */
  async dispose(): Promise<void> {
    this.reusable = false;
    if (this.execution && !this.ended && !this.failure) await this.engine.stop();
  }
}

/** One step on a fresh engine, disposed afterwards. */
export async function runStep(req: RunRequest): Promise<RunResult> {
  const session = new EngineSession(req.compiled, req.name);
  try {
    return await session.run(req);
  } finally {
    await session.dispose();
  }
}

interface PostponedApi {
  id: string;
  type: string;
  content?: { executionId?: string };
  getPostponed?: () => PostponedApi[];
  signal?: (message?: unknown) => void;
}

/**
 * Signals the waiting activity through its own api: bpmn-engine's execution.signal() is a
 * broadcast that every activity of the process receives and checks, several times the work.
 */
function signalActivity(
  execution: { signal(m: unknown): void; getPostponed(): unknown[] },
  action: { elementId: string; executionId?: string },
): void {
  const api = findPostponed(execution.getPostponed() as PostponedApi[], action);
  if (api?.signal) api.signal();
  else execution.signal({ id: action.elementId, executionId: action.executionId });
}

function findPostponed(
  list: PostponedApi[],
  action: { elementId: string; executionId?: string },
  depth = 0,
): PostponedApi | undefined {
  for (const api of list) {
    if (api.id === action.elementId) {
      if (!action.executionId || (api.content?.executionId ?? api.id) === action.executionId)
        return api;
    }
    if (api.type === 'bpmn:SubProcess' && api.getPostponed && depth < 10) {
      const inner = findPostponed(
        api.getPostponed().filter((a) => a.id !== api.id),
        action,
        depth + 1,
      );
      if (inner) return inner;
    }
  }
  return undefined;
}

/** What waits, subprocesses included. */
function deepWaits(list: PostponedApi[], depth = 0): Wait[] {
  const out: Wait[] = [];
  for (const api of list) {
    if (api.type === 'bpmn:SubProcess' && api.getPostponed && depth < 10) {
      out.push(
        ...deepWaits(
          api.getPostponed().filter((a) => a.id !== api.id),
          depth + 1,
        ),
      );
      continue;
    }
    out.push({
      elementId: api.id,
      executionId: api.content?.executionId ?? api.id,
      type: api.type,
    });
  }
  return out;
}
