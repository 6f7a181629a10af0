/**
 * Prapa's settings, all in one place. Each setting has its environment variable, a
 * default, a schema and a one-line description; README's configuration table is
 * generated from SETTINGS (`npm run docs:config`) and a test keeps the two in step.
 */
import path from 'node:path';
import { z } from 'zod';

interface Setting<S extends z.ZodType> {
  /** Environment variable that sets it. */
  env: string;
  /** Shown in README; `undefined` defaults are derived from other settings. */
  defaultText: string;
  schema: S;
  doc: string;
}

function setting<S extends z.ZodType>(
  env: string,
  defaultText: string,
  schema: S,
  doc: string,
): Setting<S> {
  return { env, defaultText, schema, doc };
}

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const SETTINGS = {
  port: setting(
    'PORT',
    '8080',
    z.coerce.number().int().min(0).max(65535).default(8080),
    'HTTP port the engine listens on (0 picks a free port).',
  ),
  host: setting('HOST', '0.0.0.0', z.string().default('0.0.0.0'), 'Address to listen on.'),
  dataDir: setting(
    'PRAPA_DATA_DIR',
    './data',
    z.string().default('./data'),
    'Folder for the SQLite database, the signing key and uploaded files.',
  ),
  databaseUrl: setting(
    'DATABASE_URL',
    'sqlite:<PRAPA_DATA_DIR>/prapa.sqlite',
    z.string().optional(),
    'Database: `sqlite:<file>` (default) or `mysql://user:pass@host:3306/db` for MySQL/MariaDB (the database is created if missing).',
  ),
  demo: setting(
    'PRAPA_DEMO',
    '1',
    flag.default(true),
    'Seed the demo อบต. and its data into an empty database (`0` seeds nothing).',
  ),
  demoPassword: setting(
    'PRAPA_DEMO_PASSWORD',
    'prapa-demo',
    z.string().min(6).default('prapa-demo'),
    'Password of every demo user.',
  ),
  jwtSecret: setting(
    'PRAPA_JWT_SECRET',
    'generated into <PRAPA_DATA_DIR>/jwt-secret',
    z.string().min(32).optional(),
    'Secret that signs sign-in tokens (at least 32 characters). Set the same value on every engine process.',
  ),
  tokenTtlMinutes: setting(
    'PRAPA_TOKEN_TTL_MINUTES',
    '480',
    z.coerce.number().int().min(1).default(480),
    'How long a sign-in token is valid, in minutes.',
  ),
  loginMaxFailures: setting(
    'PRAPA_LOGIN_MAX_FAILURES',
    '5',
    z.coerce.number().int().min(1).default(5),
    'Failed sign-ins allowed per user name and address within the window before answering 429.',
  ),
  loginWindowMinutes: setting(
    'PRAPA_LOGIN_WINDOW_MINUTES',
    '15',
    z.coerce.number().int().min(1).default(15),
    'The failed sign-in window, in minutes.',
  ),
  logLevel: setting(
    'LOG_LEVEL',
    'info',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'Log level (pino).',
  ),
  appsDir: setting(
    'PRAPA_APPS_DIR',
    './dist',
    z.string().default('./dist'),
    'Folder holding the built portal, mobile and handheld apps.',
  ),
  processesDir: setting(
    'PRAPA_PROCESSES_DIR',
    './processes',
    z.string().default('./processes'),
    'BPMN files deployed to every tenant at start when they changed.',
  ),
  formsDir: setting(
    'PRAPA_FORMS_DIR',
    './forms',
    z.string().default('./forms'),
    'Form.io JSON files deployed to every tenant at start when they changed.',
  ),
  jobPollMs: setting(
    'PRAPA_JOB_POLL_MS',
    '2000',
    z.coerce.number().int().min(0).default(2000),
    'How often due timers and retries are looked for, in ms (0: never — tests run them by hand).',
  ),
  jobMaxAttempts: setting(
    'PRAPA_JOB_MAX_ATTEMPTS',
    '3',
    z.coerce.number().int().min(1).default(3),
    'Attempts of a failing service task before it becomes an incident.',
  ),
  jobRetryBaseMs: setting(
    'PRAPA_JOB_RETRY_BASE_MS',
    '30000',
    z.coerce.number().int().min(0).default(30000),
    'Delay before the first retry of a failed service task, in ms; each next one waits 5× longer.',
  ),
  outboxPollMs: setting(
    'PRAPA_OUTBOX_POLL_MS',
    '2000',
    z.coerce.number().int().min(0).default(2000),
    'How often undelivered events (payment received → workflow, notifications) are retried, in ms (0: only right after the change).',
  ),
  slipVerifyUrl: setting(
    'PRAPA_SLIP_VERIFY_URL',
    '',
    z.string().url().optional(),
    'A slip-verification API (POST {sendingBank, transRef}); unset: staff check every slip by eye.',
  ),
  slipVerifyToken: setting(
    'PRAPA_SLIP_VERIFY_TOKEN',
    '',
    z.string().optional(),
    'Bearer token for the slip-verification API.',
  ),
  trustProxy: setting(
    'PRAPA_TRUST_PROXY',
    '0',
    flag.default(false),
    'Trust X-Forwarded-* headers (set behind a reverse proxy).',
  ),
} as const;

type Settings = typeof SETTINGS;
type Raw = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export interface Config extends Omit<Raw, 'databaseUrl'> {
  /** Always set: derived from dataDir when DATABASE_URL is absent. */
  databaseUrl: string;
  dialect: 'sqlite' | 'mysql';
}

export class ConfigError extends Error {}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(SETTINGS) as [keyof Settings, Setting<z.ZodType>][]) {
    const value = env[s.env] === '' ? undefined : env[s.env];
    const parsed = s.schema.safeParse(value);
    if (parsed.success) raw[key] = parsed.data;
    else problems.push(`${s.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const r = raw as Raw;
  const dataDir = path.resolve(r.dataDir);
  const databaseUrl = r.databaseUrl ?? `sqlite:${path.join(dataDir, 'prapa.sqlite')}`;
  const dialect =
    databaseUrl.startsWith('mysql:') || databaseUrl.startsWith('mariadb:') ? 'mysql' : 'sqlite';
  if (dialect === 'sqlite' && !databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_URL: expected sqlite:<file> or mysql://…, got ${databaseUrl}`,
    );
  }
  return {
    ...r,
    dataDir,
    appsDir: path.resolve(r.appsDir),
    processesDir: path.resolve(r.processesDir),
    formsDir: path.resolve(r.formsDir),
    databaseUrl,
    dialect,
  };
}

/** README's configuration table, in Markdown. */
export function configTable(): string {
  const rows = Object.values(SETTINGS).map(
    (s) => `| \`${s.env}\` | \`${s.defaultText}\` | ${s.doc} |`,
  );
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
