/**
 * Test harness: a real engine on a real database (a fresh SQLite file or a fresh
 * MariaDB database), listening on a free loopback port. Integration and browser tests
 * start one with startTestServer() and talk to it over HTTP like any client.
 *
 * PRAPA_TEST_DIALECT=sqlite|mysql picks the database; TEST_MYSQL_URL (default
 * mysql://root@127.0.0.1:3306/prapa_test) names the MariaDB server and the prefix of
 * the databases made for each test server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { dropMysqlDatabase, openDatabase } from '../db/database.js';
import { createLog } from '../log/logger.js';
import { createEngine, type Engine } from '../main.js';
import {
  demoTemplateKey,
  restoreMysqlTemplate,
  restoreSqliteTemplate,
  saveMysqlTemplate,
  saveSqliteTemplate,
} from './demo-template.js';
import { REPO_ROOT } from './paths.js';

export type TestDialect = 'sqlite' | 'mysql';

export { REPO_ROOT };
export const DEMO_PASSWORD = 'prapa-demo';

export function testDialect(): TestDialect {
  return process.env['PRAPA_TEST_DIALECT'] === 'mysql' ? 'mysql' : 'sqlite';
}

export function testMysqlUrl(): string {
  return process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/prapa_test';
}

let counter = 0;

export interface TestDatabase {
  url: string;
  dialect: TestDialect;
  dataDir: string;
  drop(): Promise<void>;
}

/** A new, empty database of the test dialect, with a data dir of its own. */
export async function createTestDatabase(
  dialect: TestDialect = testDialect(),
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prapa-test-'));
  if (dialect === 'sqlite') {
    return {
      url: `sqlite:${path.join(dataDir, 'prapa.sqlite')}`,
      dialect,
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = new URL(testMysqlUrl());
  // the named database is created if missing, as the README promises; tests use their own beside it
  (await openDatabase(base.toString())).close();
  const u = new URL(base);
  u.pathname = `/${base.pathname.replace(/^\//, '')}_${process.pid}_${++counter}`;
  const url = u.toString();
  await dropMysqlDatabase(url);
  return {
    url,
    dialect,
    dataDir,
    drop: async () => {
      await dropMysqlDatabase(url);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Tests read response bodies loosely; their assertions check the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface ApiResponse<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  baseUrl: string;
  engine: Engine;
  database: TestDatabase;
  /** Signs in and returns the token. */
  login(username: string, password?: string): Promise<string>;
  /** Calls the API: `api('GET', '/me', { token })`. */
  api<T = Loose>(
    method: string,
    apiPath: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  /** Stops the engine; drops the database unless keepDatabase. */
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  demo?: boolean;
  /** Reuse a database (e.g. to restart an engine on it). */
  database?: TestDatabase;
  env?: Record<string, string>;
  /**
   * Moves the workflow clock this far before the engine listens: an engine that comes
   * back days later, so that a poller (env PRAPA_JOB_POLL_MS) finds due jobs at start.
   */
  clockTravelMs?: number;
  /** `env` does not change what the demo seeds (e.g. a stub's URL): copy the run's template. */
  reuseDemo?: boolean;
}

/**
 * The environment a test engine runs with (free loopback port, no job poller, one signing
 * secret, so a token from one test engine works on another of the same database).
 */
export function testEngineEnv(
  database: TestDatabase,
  opts: { demo?: boolean; env?: Record<string, string> } = {},
): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    PRAPA_DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    PRAPA_DEMO: opts.demo === false ? '0' : '1',
    PRAPA_DEMO_PASSWORD: DEMO_PASSWORD,
    PRAPA_APPS_DIR: path.join(REPO_ROOT, 'dist'),
    PRAPA_PROCESSES_DIR: path.join(REPO_ROOT, 'processes'),
    PRAPA_FORMS_DIR: path.join(REPO_ROOT, 'forms'),
    LOG_LEVEL: process.env['PRAPA_TEST_LOG_LEVEL'] ?? 'silent',
    PRAPA_JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    PRAPA_JOB_POLL_MS: '0',
    PRAPA_JOB_RETRY_BASE_MS: '1000',
    ...opts.env,
  };
}

/**
 * A fresh demo database is a copy of the run's seeded template (demo-template.ts) when one
 * exists; the first demo server of a run seeds it and publishes the template. Servers with
 * their own database or environment seed as they always did.
 */
async function restoreDemo(database: TestDatabase, key: string): Promise<boolean> {
  if (database.dialect === 'sqlite')
    return restoreSqliteTemplate(key, database.url.replace(/^sqlite:/, ''));
  return restoreMysqlTemplate(database.url, testMysqlUrl(), key);
}

async function saveDemo(engine: Engine, database: TestDatabase, key: string): Promise<void> {
  if (database.dialect === 'sqlite') {
    await engine.db.sequelize.query('PRAGMA wal_checkpoint(TRUNCATE)');
    saveSqliteTemplate(database.url.replace(/^sqlite:/, ''), key);
  } else await saveMysqlTemplate(database.url, testMysqlUrl(), key);
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const database = opts.database ?? (await createTestDatabase());
  const config = loadConfig(testEngineEnv(database, opts));
  const templated = !opts.database && opts.demo !== false && (!opts.env || !!opts.reuseDemo);
  const key = templated ? demoTemplateKey(database.dialect) : '';
  const restored = templated && (await restoreDemo(database, key));
  const engine = await createEngine(config, createLog(config.logLevel));
  if (templated && !restored) await saveDemo(engine, database, key);
  if (opts.clockTravelMs) engine.services.workflow.clock.travel(opts.clockTravelMs);
  const port = await engine.listen();
  const baseUrl = `http://127.0.0.1:${port}`;

  const api: TestServer['api'] = async (method, apiPath, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await fetch(`${baseUrl}/api/v1${apiPath}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as Loose, headers: res.headers };
  };

  return {
    baseUrl,
    engine,
    database,
    api,
    async login(username, password = DEMO_PASSWORD) {
      const res = await api('POST', '/auth/login', { body: { username, password } });
      if (res.status !== 200)
        throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    },
    async stop(o = {}) {
      await engine.stop();
      if (!o.keepDatabase && !opts.database) await database.drop();
    },
  };
}
