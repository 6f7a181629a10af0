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

export async function runStep(req: RunRequest): Promise<RunResult> {
  let pending = 0;
  let ended = false;
  let failure: Error | null = null;
  const timers: { elementId: string; dueAt: Date; ref: object }[] = [];
  const failures: RunResult['failures'] = [];
  const events: StepEvent[] = [];
  const vars = req.variables;

  const expressions = {
    resolveExpression(expression: unknown) {
      return isFeel(expression) ? resolveFeel(expression, vars) : expression;
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
      const elementId = String(owner?.id ?? 'timer');
      const ref = { timerId: `${elementId}:${timers.length}`, owner };
      if (req.fireTimers.has(elementId)) {
        req.fireTimers.delete(elementId);
        pending++;
        setImmediate(() => {
          pending--;
          cb(...args);
        });
        return ref;
      }
      // bpmn-elements counts a delay from the system time: a duration runs from the
      // workflow clock's now, but a date timer falls due on the date it names
      const dueAt =
        owner?.timerType === 'timeDate' && owner.expireAt
          ? new Date(owner.expireAt)
          : new Date(req.now.getTime() + Math.max(0, delay));
      timers.push({ elementId, dueAt, ref });
      return ref;
    },
    setTimeout(cb: (...a: unknown[]) => void, delay: number, ...args: unknown[]) {
      return timerApi.schedule({ id: 'engine' }, cb, delay, args);
    },
    clearTimeout(ref: object) {
      const i = timers.findIndex((t) => t.ref === ref);
      if (i >= 0) timers.splice(i, 1);
    },
  };

  const extensions = {
    prapaServiceTasks(activity: { type: string; id: string; behaviour: Record<string, unknown> }) {
      if (!['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'].includes(activity.type))
        return;
      const topic = String(activity.behaviour['topic'] ?? '');
      activity.behaviour['Service'] = function PrapaService() {
        return {
          execute(_message: unknown, callback: (err: Error | null, output?: unknown) => void) {
            pending++;
            req.runService(topic, activity.id).then(
              (output) => {
                pending--;
                if (output) Object.assign(vars, output);
                callback(null, output ?? {});
              },
              (error: unknown) => {
                pending--;
                const err = error instanceof Error ? error : new Error(String(error));
                failures.push({ elementId: activity.id, topic, error: err });
                events.push({
                  elementId: activity.id,
                  elementType: activity.type,
                  event: 'failed',
                  at: req.now,
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

  const engine = new Engine({
    name: req.name,
    sourceContext: req.compiled.sourceContext as never,
    expressions: expressions as never,
    timers: timerApi as never,
    extensions: extensions as never,
    scripts: NO_SCRIPTS as never,
    disableDummyScript: true,
    Logger: SILENT_LOGGER as never,
  });

  const listener = new EventEmitter();
  const record = (event: StepEvent['event']) => (api: { id: string; type: string }) => {
    events.push({ elementId: api.id, elementType: api.type, event, at: req.now });
  };
  listener.on('activity.start', record('started'));
  listener.on('activity.end', record('ended'));
  listener.on('activity.wait', record('waiting'));
  engine.once('end', () => {
    ended = true;
  });
  engine.once('error', (err: Error) => {
    failure = err;
  });

  let execution;
  if (req.state) {
    engine.recover(structuredClone(req.state) as never);
    execution = await engine.resume({ listener });
  } else {
    execution = await engine.execute({ listener, variables: {} });
  }
  if (req.action.kind === 'signal')
    execution.signal({ id: req.action.elementId, executionId: req.action.executionId });
  if (req.action.kind === 'message') execution.signal({ id: req.action.messageId });

  for (let spins = 0; ; spins++) {
    await new Promise((r) => setImmediate(r));
    if (ended || failure) break;
    if (pending === 0) {
      await new Promise((r) => setImmediate(r));
      if (pending === 0) break;
    }
    if (spins > 1_000_000) throw new Error(`${req.name}: the step did not settle`);
  }
  if (failure) {
    // not engine.stop(): after an error nothing runs, and stop() would wait for ever for a
    // 'stop' that never comes (and hold the instance's transaction open meanwhile)
    throw failure;
  }

  const waits = ended ? [] : deepWaits(execution.getPostponed() as unknown as PostponedApi[]);
  const registered = timers.map(({ elementId, dueAt }) => ({ elementId, dueAt }));
  let state: Record<string, unknown> | null = null;
  if (!ended) {
    state = (await engine.getState()) as unknown as Record<string, unknown>;
    for (const d of (state['definitions'] as Record<string, unknown>[] | undefined) ?? [])
      delete d['source'];
    // (a finished engine's stop() never resolves: stop only what still runs)
    await engine.stop();
  }
  return { state, completed: ended, waits, timers: registered, failures, events };
}

interface PostponedApi {
  id: string;
  type: string;
  content?: { executionId?: string };
  getPostponed?: () => PostponedApi[];
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
