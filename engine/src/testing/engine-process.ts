/**
 * A second engine in an OS process of its own, for tests of several engines on one
 * database (Sequelize models are static per Node process, so two engines cannot share
 * one). spawnEngineProcess() starts this file with `node --import tsx`; run directly it
 *
 * - starts an engine on DATABASE_URL (loadConfig + createEngine + listen; the job poller
 *   is off unless PRAPA_JOB_POLL_MS says otherwise) and prints `{"port":n}`;
 * - registers a no-op handler for every declared service-task topic when
 *   PRAPA_TEST_NOOP_HANDLERS=1;
 * - obeys IPC messages `{ id, cmd: 'travel', ms }`, `{ id, cmd: 'runDue' }` and
 *   `{ id, cmd: 'stop' }`, answering `{ id, ok, value?, error? }`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../config/config.js';
import { createLog } from '../log/logger.js';
import { createEngine } from '../main.js';
import { REPO_ROOT, testEngineEnv, type TestDatabase } from './harness.js';

type Command = { id: number } & (
  { cmd: 'travel'; ms: number } | { cmd: 'runDue' } | { cmd: 'stop' }
);
interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface EngineProcess {
  pid: number;
  baseUrl: string;
  /** Moves the child's workflow clock. */
  travel(ms: number): Promise<void>;
  /** Fires the jobs due on the child's clock; resolves with how many it fired. */
  runDue(): Promise<number>;
  /** Stops the child's engine and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Starts an engine in a child process on the test database (already migrated and seeded). */
export async function spawnEngineProcess(
  database: TestDatabase,
  opts: { env?: Record<string, string> } = {},
): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...testEngineEnv(database, { demo: false }),
      PRAPA_TEST_NOOP_HANDLERS: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the engine process exited (${code}): ${out}`)));
  });

  let next = 0;
  const waiting = new Map<number, (a: Answer) => void>();
  child.on('message', (a: Answer) => waiting.get(a.id)?.(a));
  const ask = (command: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (a) => {
        waiting.delete(id);
        if (a.ok) resolve(a.value);
        else reject(new Error(`engine process: ${a.error}`));
      });
      child.send({ id, ...command });
    });

  return {
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    travel: async (ms) => {
      await ask({ cmd: 'travel', ms });
    },
    runDue: async () => (await ask({ cmd: 'runDue' })) as number,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      await ask({ cmd: 'stop' }).catch(() => undefined);
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await createEngine(config, createLog(config.logLevel));
  const wf = engine.services.workflow;
  if (process.env['PRAPA_TEST_NOOP_HANDLERS'] === '1') {
    for (const { topic } of wf.handlers.list()) wf.handlers.register(topic, () => undefined);
  }
  const port = await engine.listen();
  process.stdout.write(`${JSON.stringify({ port })}\n`);

  const answer = (a: Answer) => process.send?.(a);
  process.on('message', (c: Command) => {
    const run = async (): Promise<unknown> => {
      if (c.cmd === 'travel') return wf.clock.travel(c.ms);
      if (c.cmd === 'runDue') return wf.jobs.runDue();
      await engine.stop();
      setImmediate(() => process.exit(0));
      return undefined;
    };
    run().then(
      (value) => answer({ id: c.id, ok: true, value }),
      (err: unknown) => answer({ id: c.id, ok: false, error: String(err) }),
    );
  });
  // the test process went away: do not linger
  process.on('disconnect', () => {
    void engine.stop().finally(() => process.exit(0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
