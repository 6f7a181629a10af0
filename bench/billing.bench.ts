/**
 * `npm run bench -- billing [accounts]`: a billing run at scale on MariaDB. Seeds `accounts`
 * (default 100,000) water users, accounts, meters and accepted readings of one waterworks
 * with multi-row INSERTs, runs a real billing run through BillingRunService (tariff book,
 * bills computed per account, arrears, numbering, one transaction and audit event per page),
 * then, in the same run, writes the same invoice rows (same columns, same batch size) into
 * a scratch table with bare mysql2 multi-row INSERTs. Prints one JSON line; "ratio" is
 * invoices per second of the run ÷ rows per second of the bare INSERTs (target ≥ 0.5).
 */
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { asTenant } from '../engine/src/http/request-context.js';
import { INVOICE_COLUMNS } from '../engine/src/modules/billing/billing-run.repository.js';
import { createTestDatabase, startTestServer } from '../engine/src/testing/harness.js';

const ACCOUNTS = Number(process.argv[2] ?? 100_000);
const SEED_CHUNK = 5000;
const PERIOD = '2026-11';

const database = await createTestDatabase('mysql');
const server = await startTestServer({ database });
try {
  const { sequelize } = server.engine.db;
  const { tenancy, billing } = server.engine.services;
  const [tenant] = await sequelize.query<{ id: number }>(
    "SELECT id FROM tenants WHERE code = 'nongbua'",
    { type: QueryTypes.SELECT },
  );
  const tenantId = tenant!.id;
  const works = await asTenant(tenantId, () =>
    tenancy.createWaterworks({ code: 'BENCH', name: 'ประปาทดสอบความเร็ว', address: 'หมู่ 9' }),
  );
  await asTenant(tenantId, () =>
    billing.tariffs.assign({
      waterworksId: works.id,
      customerType: '*',
      tariffCode: 'VILLAGE-BLOCK',
    }),
  );
  // BENCH_CHUNK: another page size than the tenant's setting (the bare INSERT follows it)
  if (process.env['BENCH_CHUNK'])
    await asTenant(tenantId, () =>
      billing.settings.update(tenantId, { runChunkSize: Number(process.env['BENCH_CHUNK']) }),
    );
  const rules = await asTenant(tenantId, () => billing.settings.get(tenantId));

  const max = async (table: string) =>
    Number(
      (
        await sequelize.query<{ n: number | null }>(`SELECT MAX(id) AS n FROM ${table}`, {
          type: QueryTypes.SELECT,
        })
      )[0]!.n ?? 0,
    );
  const [userBase, accountBase, meterBase] = [
    await max('water_users'),
    await max('accounts'),
    await max('meters'),
  ];
  const insert = async (table: string, cols: string[], rows: unknown[][]) => {
    const marks = `(${cols.map(() => '?').join(',')})`;
    await sequelize.query(
      `INSERT INTO ${table} (${cols.join(',')}) VALUES ${rows.map(() => marks).join(',')}`,
      { replacements: rows.flat() },
    );
  };

  // ── seed: users, accounts, meters, accepted readings ──
  const seedStart = performance.now();
  const now = new Date();
  const readAt = new Date('2026-11-28T03:00:00Z');
  for (let from = 0; from < ACCOUNTS; from += SEED_CHUNK) {
    const users: unknown[][] = [];
    const accounts: unknown[][] = [];
    const meters: unknown[][] = [];
    const readings: unknown[][] = [];
    for (let k = from; k < Math.min(ACCOUNTS, from + SEED_CHUNK); k++) {
      const [uid, aid, mid] = [userBase + k + 1, accountBase + k + 1, meterBase + k + 1];
      const use = 3 + ((k * 7) % 40);
      const previous = 100 + (k % 900);
      users.push([uid, tenantId, 'person', `ผู้ใช้น้ำ ${k + 1}`, String(k % 500), 9, '1', now, now]);
      accounts.push([
        aid,
        tenantId,
        `BN-${String(k + 1).padStart(6, '0')}`,
        uid,
        works.id,
        k,
        'active',
        '2024-01-01',
        now,
        now,
      ]);
      meters.push([
        mid,
        tenantId,
        aid,
        `BM${String(k + 1).padStart(8, '0')}`,
        '1/2',
        5,
        0,
        '2024-01-01',
        'active',
        now,
        now,
      ]);
      readings.push([
        tenantId,
        aid,
        works.id,
        mid,
        PERIOD,
        previous,
        previous + use,
        use,
        '',
        'accepted',
        0,
        'seed',
        readAt,
        'bench',
        now,
        now,
      ]);
    }
    await insert(
      'water_users',
      [
        'id',
        'tenant_id',
        'kind',
        'name',
        'house_no',
        'moo',
        'customer_type',
        'created_at',
        'updated_at',
      ],
      users,
    );
    await insert(
      'accounts',
      [
        'id',
        'tenant_id',
        'number',
        'water_user_id',
        'waterworks_id',
        'route_order',
        'status',
        'opened_on',
        'created_at',
        'updated_at',
      ],
      accounts,
    );
    await insert(
      'meters',
      [
        'id',
        'tenant_id',
        'account_id',
        'serial',
        'size',
        'digits',
        'initial_reading',
        'installed_on',
        'status',
        'created_at',
        'updated_at',
      ],
      meters,
    );
    await insert(
      'meter_readings',
      [
        'tenant_id',
        'account_id',
        'waterworks_id',
        'meter_id',
        'period',
        'previous_reading',
        'current_reading',
        'consumption_m3',
        'flags',
        'status',
        'estimated',
        'source',
        'read_at',
        'read_by',
        'created_at',
        'updated_at',
      ],
      readings,
    );
  }
  for (const t of ['water_users', 'accounts', 'meters', 'meter_readings'])
    await sequelize.query(`ANALYZE TABLE ${t}`);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // ── the billing run, through the service (BENCH_PROFILE=1: time per statement kind) ──
  const profile = new Map<string, { n: number; ms: number }>();
  if (process.env['BENCH_PROFILE']) {
    const query = sequelize.query.bind(sequelize) as (...a: unknown[]) => Promise<unknown>;
    (sequelize as unknown as { query: unknown }).query = async (...a: unknown[]) => {
      const sql = typeof a[0] === 'string' ? a[0] : String((a[0] as { query?: string }).query);
      const key = sql.replace(/\s+/g, ' ').slice(0, 48);
      const t = performance.now();
      try {
        return await query(...a);
      } finally {
        const e = profile.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        profile.set(key, e);
      }
    };
  }
  const runStart = performance.now();
  const run = await asTenant(tenantId, () =>
    billing.runs.start(
      { waterworksId: works.id, period: PERIOD, issueDate: '2026-12-01' },
      tenantId,
    ),
  );
  await billing.runs.settled(run.id);
  const seconds = (performance.now() - runStart) / 1000;
  for (const [k, v] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14))
    console.error(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(5)}× ${k}`);
  const done = await asTenant(tenantId, () => billing.runs.get(run.id));
  if (done.status !== 'completed' || done.createdCount !== ACCOUNTS)
    throw new Error(
      `run ${done.status}: ${done.createdCount} of ${ACCOUNTS} (${done.error ?? ''})`,
    );

  // ── the same rows, bare mysql2 multi-row INSERTs of the same batch size ──
  const cols = INVOICE_COLUMNS.join(',');
  const rows = await sequelize.query<Record<string, unknown>>(
    `SELECT ${cols} FROM invoices WHERE billing_run_id = ? ORDER BY id`,
    { replacements: [run.id], type: QueryTypes.SELECT },
  );
  const u = new URL(database.url.replace(/^mariadb:/, 'mysql:'));
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    charset: 'utf8mb4',
  });
  await conn.query('CREATE TABLE bench_invoices LIKE invoices');
  const values = rows.map((r) => [...INVOICE_COLUMNS.map((c) => r[c]), now, now]);
  const bareStart = performance.now();
  for (let i = 0; i < values.length; i += rules.runChunkSize)
    await conn.query(`INSERT INTO bench_invoices (${cols},created_at,updated_at) VALUES ?`, [
      values.slice(i, i + rules.runChunkSize),
    ]);
  const bareSeconds = (performance.now() - bareStart) / 1000;
  await conn.end();

  const invoicesPerSecond = ACCOUNTS / seconds;
  const bareRowsPerSecond = values.length / bareSeconds;
  console.log(
    JSON.stringify({
      accounts: ACCOUNTS,
      seconds: Number(seconds.toFixed(2)),
      invoicesPerSecond: Math.round(invoicesPerSecond),
      bareSeconds: Number(bareSeconds.toFixed(2)),
      bareRowsPerSecond: Math.round(bareRowsPerSecond),
      ratio: Number((invoicesPerSecond / bareRowsPerSecond).toFixed(2)),
      chunkSize: rules.runChunkSize,
      seedSeconds: Number(seedSeconds.toFixed(1)),
    }),
  );
} finally {
  await server.stop();
}
