/**
 * `npm run bench -- workflow [seconds]`: new-connection instances per second, run from
 * start to end (document check → survey → approval → invoice → payment message →
 * installation → activation), through Prapa's engine with persistence (every wait
 * written to the database, every task validated against its form) on SQLite and on
 * MariaDB, beside the same process run by bare in-memory bpmn-engine in the same run.
 * Prints one JSON line; "ratio" is persisted ÷ bare on SQLite (target ≥ 0.5).
 *
 * Bare and SQLite runs take turns in short slices until each has had `seconds`, so a
 * machine that gets busier or quieter meanwhile weighs on both sides alike. MariaDB runs
 * after them (one engine per process: the models are static).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import { evaluate } from 'feelin';
import { runInContext } from '../engine/src/http/request-context.js';
import {
  createTestDatabase,
  REPO_ROOT,
  startTestServer,
  type TestDialect,
} from '../engine/src/testing/harness.js';
import { SHIPPED_TOPICS } from '../engine/src/workflow/declared-topics.js';

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;
const seconds = Number(process.argv[2] ?? 5);
const SLICE_MS = 250;

// Production runs compiled JavaScript without source maps; tsx turns them on, and then
// every `new Error().stack` — Sequelize reads one for each SQLite statement — is mapped
// back through them, a cost only this TypeScript run would pay.
process.setSourceMapsEnabled(false);
const xml = fs.readFileSync(path.join(REPO_ROOT, 'processes/new-connection.bpmn'), 'utf8');

const start = {
  applicantName: 'สมศรี ใจงาม',
  applicantPhone: '0812345678',
  address: '12 หมู่ 3',
  villageId: 1,
  meterSize: '1/2',
};
const steps: Record<string, Record<string, unknown>> = {
  'new-connection-document-check': { documentsOk: true },
  'new-connection-site-survey': {
    surveyDate: '2026-12-01T00:00:00.000Z',
    distanceMeters: 40,
    pipeSizeMm: 20,
    feasible: true,
    estimatedCostBaht: 3500,
  },
  'new-connection-approval': { decision: 'approve', reason: 'เอกสารและพื้นที่พร้อม' },
  'new-connection-meter-installation': {
    meterSerial: 'M-0001',
    meterSize: '1/2',
    meterDigits: 5,
    initialReading: 0,
    installedOn: '2026-12-05T00:00:00.000Z',
  },
};

/** An engine on a fresh database, and one new-connection instance run start → end on it. */
async function persisted(dialect: TestDialect) {
  const srv = await startTestServer({ database: await createTestDatabase(dialect) });
  const wf = srv.engine.services.workflow;
  for (const topic of Object.keys(SHIPPED_TOPICS)) wf.handlers.register(topic, () => ({}));
  const actor = {
    id: 1,
    username: 'admin',
    kind: 'staff' as const,
    roles: ['admin', 'clerk', 'technician', 'chief_administrator'] as never[],
  };
  let n = 0;
  const once = () =>
    runInContext({ tenantId: 1, actor }, async () => {
      const key = `APP-${dialect}-${n++}`;
      const instance = await wf.instances.start('new-connection', key, start);
      let { items: next } = await wf.tasks.list(actor, { businessKey: key, limit: 5, offset: 0 });
      for (;;) {
        const task = next[0];
        if (!task) {
          const view = await wf.instances.get(instance.id);
          if (view.waitingMessages.includes(',payment-received,')) {
            await wf.messages.correlate('payment-received', key, { paidSatang: 350000 });
            ({ items: next } = await wf.tasks.list(actor, {
              businessKey: key,
              limit: 5,
              offset: 0,
            }));
            continue;
          }
          if (view.status !== 'completed') {
            throw new Error(
              `instance ${instance.id} stuck: ${view.status} ${view.currentActivities}`,
            );
          }
          return;
        }
        // completing a task answers with the instance's next tasks, as the inbox uses it
        ({ next } = await wf.tasks.complete(actor, task.id, steps[task.formKey!] ?? {}));
      }
    });
  return { once, stop: () => srv.stop() };
}

async function bare() {
  const expressions = {
    resolveExpression: (e: unknown, ctx: { environment?: { variables?: object } }) =>
      typeof e === 'string' && e.startsWith('=')
        ? (evaluate(e.slice(1), ctx?.environment?.variables ?? {}) as { value: unknown }).value
        : e,
    isExpression: (s: unknown) => typeof s === 'string' && s.startsWith('='),
    hasExpression: (s: unknown) => typeof s === 'string' && s.startsWith('='),
  };
  const extensions = {
    services(activity: { type: string; behaviour: Record<string, unknown> }) {
      if (activity.type === 'bpmn:ServiceTask') {
        activity.behaviour['Service'] = function Service() {
          return { execute: (_m: unknown, cb: (e: null, o: object) => void) => cb(null, {}) };
        };
      }
    },
  };
  const once = async () => {
    const engine = new Engine({
      source: xml,
      moddleOptions: { camunda },
      expressions,
      extensions,
    } as never);
    const listener = new EventEmitter();
    const vars: Record<string, unknown> = { ...start };
    const ended = new Promise<void>((resolve) => engine.once('end', () => resolve()));
    listener.on(
      'activity.wait',
      (api: {
        id: string;
        type: string;
        owner: { behaviour: { formKey?: string } };
        signal(m?: unknown): void;
      }) => {
        if (api.type === 'bpmn:UserTask') {
          Object.assign(vars, steps[api.owner.behaviour.formKey ?? ''] ?? {});
          setImmediate(() => api.signal());
        } else if (
          api.type === 'bpmn:MessageEventDefinition' ||
          api.type === 'bpmn:IntermediateCatchEvent'
        ) {
          setImmediate(() => engine.execution?.signal({ id: 'Message_payment_received' }));
        }
      },
    );
    await engine.execute({ listener, variables: vars });
    const env = (
      engine.execution as unknown as { definitions: { environment: { variables: object } }[] }
    ).definitions[0]!.environment;
    Object.assign(env.variables, vars);
    await ended;
  };
  return once;
}

interface Side {
  instances: number;
  seconds: number;
  perSecond: number;
}

/** Runs each side in turn, SLICE_MS at a time, until every side has had `seconds`. */
async function takeTurns(sides: (() => Promise<void>)[]): Promise<Side[]> {
  for (const once of sides) await once(); // warm up: caches, prepared statements, JIT
  const spent = sides.map(() => ({ instances: 0, ms: 0 }));
  while (spent.some((s) => s.ms < seconds * 1000)) {
    for (const [i, once] of sides.entries()) {
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < SLICE_MS) {
        await once();
        spent[i]!.instances++;
        t = performance.now();
      }
      spent[i]!.ms += t - t0;
    }
  }
  return spent.map(({ instances, ms }) => ({
    instances,
    seconds: Number((ms / 1000).toFixed(2)),
    perSecond: Number(((instances * 1000) / ms).toFixed(1)),
  }));
}

const bareOnce = await bare();
const onSqlite = await persisted('sqlite');
const [bareResult, sqlite] = (await takeTurns([bareOnce, onSqlite.once])) as [Side, Side];
await onSqlite.stop();
const onMysql = await persisted('mysql');
const [mysql] = (await takeTurns([onMysql.once])) as [Side];
await onMysql.stop();
console.log(
  JSON.stringify({
    bench: 'workflow',
    process: 'new-connection',
    path: 'start → document check → survey → approval → invoice → payment-received → installation → end',
    persisted: { sqlite, mysql },
    bare: bareResult,
    ratio: Number((sqlite.perSecond / bareResult.perSecond).toFixed(2)),
    target: 0.5,
  }),
);
