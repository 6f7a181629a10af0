/**
 * `npm run bench -- workflow [seconds]`: new-connection instances per second, run from
 * start to end (document check → survey → approval → invoice → payment message →
 * installation → activation), through Prapa's engine with persistence (every wait
 * written to the database, every task validated against its form) on SQLite and on
 * MariaDB, beside the same process run by bare in-memory bpmn-engine in the same run.
 * Prints one JSON line; "ratio" is persisted ÷ bare on SQLite (target ≥ 0.5).
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

async function persisted(dialect: TestDialect) {
  const srv = await startTestServer({ database: await createTestDatabase(dialect) });
  try {
    const wf = srv.engine.services.workflow;
    for (const topic of Object.keys(SHIPPED_TOPICS)) wf.handlers.register(topic, () => ({}));
    const actor = {
      id: 1,
      username: 'admin',
      kind: 'staff' as const,
      roles: ['admin', 'clerk', 'technician', 'chief_administrator'] as never[],
    };
    const run = (i: number) =>
      runInContext({ tenantId: 1, actor }, async () => {
        const key = `APP-${dialect}-${i}`;
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
    await run(0); // warm up: caches, prepared statements
    let n = 1;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) await run(n++);
    const s = (performance.now() - t0) / 1000;
    return {
      instances: n - 1,
      seconds: Number(s.toFixed(2)),
      perSecond: Number(((n - 1) / s).toFixed(1)),
    };
  } finally {
    await srv.stop();
  }
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
  await once();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await once();
    n++;
  }
  const s = (performance.now() - t0) / 1000;
  return { instances: n, seconds: Number(s.toFixed(2)), perSecond: Number((n / s).toFixed(1)) };
}

const bareResult = await bare();
const sqlite = await persisted('sqlite');
const mysql = await persisted('mysql');
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
