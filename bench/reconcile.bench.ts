/**
 * `npm run bench -- reconcile [invoices] [lines]`: a bank bill-payment file matched at scale
 * on MariaDB. Seeds one tenant with `invoices` (default 100,000) accounts, each with one
 * open invoice, in multi-row INSERTs; writes a KTB file of `lines` (default 50,000) credit
 * lines paying half of them in full (ref1 = account number, ref2 = invoice number, the
 * tenant's biller ID); then times BankFileService.import through createCore's services (as
 * the tenant, outbox not started): parse, duplicate check, invoice locks, the file kept,
 * payments, allocations, receipts, invoices paid, exceptions (none here), the outbox event
 * and audit. Checks that every line became a payment keyed by its line, with a receipt and
 * an allocation, and that the event's payments read back in full. Beside it, in the same
 * run, once before the import and once after (the mean brackets the import, so the
 * machine's drift in speed is averaged): parse the same file and INSERT its lines into a
 * scratch table shaped like bank_lines with bare mysql2 multi-row INSERTs. Each timed part
 * starts from a checkpointed buffer pool (quiesce). Prints one JSON line; "ratio" is lines
 * per second of the import ÷ lines per second of the bare side (target ≥ 0.3, < 30 s).
 * BENCH_PROFILE=1 prints time per statement kind (on the transaction's driver connection).
 */
import mysql from 'mysql2/promise';
import { loadConfig } from '../engine/src/config/config.js';
import { asTenant, type Actor } from '../engine/src/http/request-context.js';
import { createLog } from '../engine/src/log/logger.js';
import { createCore } from '../engine/src/main.js';
import {
  layoutFor,
  parseBankFile,
  writeBankFile,
} from '../engine/src/modules/payments/bank-file/index.js';
import { PAYMENT_RECEIVED } from '../engine/src/modules/payments/payment-posting.js';
import { receivedPayments } from '../engine/src/modules/payments/payment-received.js';
import { createTestDatabase, testEngineEnv } from '../engine/src/testing/harness.js';

const INVOICES = Number(process.argv[2] ?? 100_000);
const LINES = Number(process.argv[3] ?? 50_000);
const SEED_CHUNK = 5000;
const TAX_ID = '0994000165501';
const SUFFIX = '01';

if (LINES > INVOICES) throw new Error('a line pays one invoice: lines ≤ invoices');

const database = await createTestDatabase('mysql');
const config = loadConfig(testEngineEnv(database, { demo: false }));
const core = await createCore(config, createLog('silent'), { migrate: true });
const u = new URL(database.url.replace(/^mariadb:/, 'mysql:'));
const conn = await mysql.createConnection({
  host: u.hostname,
  port: Number(u.port || 3306),
  user: decodeURIComponent(u.username),
  password: decodeURIComponent(u.password),
  database: u.pathname.slice(1),
  charset: 'utf8mb4',
  dateStrings: true,
});
try {
  const { tenancy, payments } = core.services;
  const tenant = await tenancy.createTenant({
    code: 'bench',
    name: 'องค์การบริหารส่วนตำบลทดสอบ',
    taxId: TAX_ID,
    address: 'หมู่ 9',
    promptpayBillerSuffix: SUFFIX,
  });
  const tenantId = tenant.id;
  const works = await asTenant(tenantId, () =>
    tenancy.createWaterworks({ code: 'BENCH', name: 'ประปาทดสอบความเร็ว', address: 'หมู่ 9' }),
  );
  const actor: Actor = { id: 1, username: 'finance', roles: ['finance'], kind: 'staff' };
  // the outbox is not started, and the import's kick after commit must not deliver 50,000
  // payment-received events to the workflow while the bare side is timed
  core.services.outbox.kick = () => undefined;

  // ── seed: water users, accounts, one open invoice each (multi-row INSERTs) ──
  const seedStart = performance.now();
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  const accountNumber = (k: number) => `BN-${String(k + 1).padStart(6, '0')}`;
  const invoiceNumber = (k: number) => `IV2570-${String(k + 1).padStart(7, '0')}`;
  // village water bills, 50–450 baht
  const totalOf = (k: number) => 5000 + ((k * 37) % 40_000);
  for (let from = 0; from < INVOICES; from += SEED_CHUNK) {
    const users: unknown[][] = [];
    const accounts: unknown[][] = [];
    const invoices: unknown[][] = [];
    for (let k = from; k < Math.min(INVOICES, from + SEED_CHUNK); k++) {
      const id = k + 1;
      const total = totalOf(k);
      users.push([id, tenantId, 'person', `ผู้ใช้น้ำ ${id}`, String(k % 500), 9, '1', now, now]);
      accounts.push([
        id,
        tenantId,
        accountNumber(k),
        id,
        works.id,
        k,
        'active',
        '2024-01-01',
        now,
        now,
      ]);
      invoices.push([
        tenantId,
        id,
        works.id,
        accountNumber(k),
        `ผู้ใช้น้ำ ${id}`,
        '2026-11',
        'water',
        invoiceNumber(k),
        2570,
        id,
        'open',
        '2026-12-01',
        '2026-12-15',
        total,
        total,
        '[]',
        now,
        now,
      ]);
    }
    await conn.query(
      'INSERT INTO water_users (id,tenant_id,kind,name,house_no,moo,customer_type,created_at,updated_at) VALUES ?',
      [users],
    );
    await conn.query(
      'INSERT INTO accounts (id,tenant_id,number,water_user_id,waterworks_id,route_order,status,opened_on,created_at,updated_at) VALUES ?',
      [accounts],
    );
    await conn.query(
      `INSERT INTO invoices (tenant_id,account_id,waterworks_id,account_number,customer_name,period,kind,
         number,fiscal_year,seq,status,issue_date,due_date,water_charge_satang,total_satang,lines_json,
         created_at,updated_at) VALUES ?`,
      [invoices],
    );
  }
  for (const t of ['water_users', 'accounts', 'invoices']) await conn.query(`ANALYZE TABLE ${t}`);

  // ── the file: every other invoice paid in full, by the tenant's biller ID ──
  const layout = layoutFor('KTB')!;
  const step = INVOICES / LINES;
  const paidAt = new Date('2026-12-05T02:30:00Z');
  const bytes = writeBankFile(layout, {
    companyAccount: '1234567890',
    companyName: 'ABT BENCH',
    effectiveDate: '2026-12-05',
    lines: Array.from({ length: LINES }, (_, i) => {
      const k = Math.floor(i * step);
      return {
        paidAt: new Date(paidAt.getTime() + i * 1000),
        customerName: `PAYER ${k + 1}`,
        ref1: accountNumber(k),
        ref2: invoiceNumber(k),
        amountSatang: totalOf(k),
        billerId: TAX_ID + SUFFIX,
      };
    }),
  });
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // ── the import, through the service (BENCH_PROFILE=1: time per statement kind) ──
  // ── bare: parse the same file, INSERT its lines into a table shaped like bank_lines ──
  const bare = async (fileId: number) => {
    await conn.query('DROP TABLE IF EXISTS bench_bank_lines');
    await conn.query('CREATE TABLE bench_bank_lines LIKE bank_lines');
    await quiesce(conn);
    const start = performance.now();
    const parsed = parseBankFile(bytes, layout, { billerIds: [TAX_ID + SUFFIX] });
    const parseSeconds = (performance.now() - start) / 1000;
    const rows = parsed.details.map((l) => [
      tenantId,
      fileId,
      l.line,
      l.lineKey,
      l.bankCode || layout.bankCode,
      new Date(l.paidAt).toISOString().replace('T', ' ').slice(0, 23),
      l.customerName.slice(0, 200),
      l.ref1,
      l.ref2,
      l.ref3,
      l.kind,
      l.amountSatang,
      l.sendingBank,
      'matched',
      null,
      null,
      now,
      now,
    ]);
    const perStatement = Math.floor(30_000 / rows[0]!.length);
    for (let i = 0; i < rows.length; i += perStatement)
      await conn.query(
        `INSERT INTO bench_bank_lines (tenant_id,bank_file_id,line_no,line_key,bank_code,paid_at,
           customer_name,ref1,ref2,ref3,kind,amount_satang,sending_bank,status,reason,payment_id,
           created_at,updated_at) VALUES ?`,
        [rows.slice(i, i + perStatement)],
      );
    return { seconds: (performance.now() - start) / 1000, parseSeconds };
  };
  const bareBefore = await bare(0);

  await quiesce(conn);
  const profile = new Map<string, { n: number; ms: number }>();
  if (process.env['BENCH_PROFILE']) profileStatements(core.db.sequelize, profile);
  const start = performance.now();
  const result = await asTenant(
    tenantId,
    () => payments.bankFiles.import(bytes, 'KTB', actor, tenantId, { fileName: 'bench.txt' }),
    actor,
  );
  const seconds = (performance.now() - start) / 1000;
  for (const [k, v] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 16))
    console.error(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(5)}× ${k}`);

  // ── correctness: every line matched, the invoices paid, nothing else touched ──
  const [[counts]] = (await conn.query(
    `SELECT
       (SELECT COUNT(*) FROM invoices WHERE tenant_id = ? AND status = 'paid' AND paid_satang = total_satang) AS paid,
       (SELECT COUNT(*) FROM invoices WHERE tenant_id = ? AND status = 'open' AND paid_satang = 0) AS open,
       (SELECT COUNT(*) FROM payments WHERE tenant_id = ? AND bank_file_id = ?) AS payments,
       (SELECT COUNT(*) FROM receipts WHERE tenant_id = ?) AS receipts,
       (SELECT COUNT(*) FROM payment_allocations WHERE tenant_id = ?) AS allocations,
       (SELECT COUNT(*) FROM bank_lines WHERE bank_file_id = ?) AS exceptions,
       (SELECT COUNT(*) FROM payments WHERE tenant_id = ? AND bank_file_id = ? AND source_key LIKE 'bank:%') AS keyed,
       (SELECT COALESCE(SUM(JSON_EXTRACT(payload_json, '$.count')), 0) FROM outbox_events WHERE tenant_id = ?) AS events`,
    [
      tenantId,
      tenantId,
      tenantId,
      result.id,
      tenantId,
      tenantId,
      result.id,
      tenantId,
      result.id,
      tenantId,
    ],
  )) as unknown as [Record<string, number>[]];
  const want = {
    paid: LINES,
    open: INVOICES - LINES,
    payments: LINES,
    receipts: LINES,
    allocations: LINES,
    exceptions: 0,
    keyed: LINES,
    events: LINES,
  };
  const wrong = Object.entries(want).filter(([k, n]) => Number(counts![k]) !== n);
  if (result.matched !== LINES || result.unmatched !== 0 || result.duplicates !== 0 || wrong.length)
    throw new Error(
      `wrong import: ${JSON.stringify(result)}; ${wrong.map(([k, n]) => `${k} ${counts![k]} ≠ ${n}`).join(', ')}`,
    );

  // the payment.received event names the file: its payments read back in full when delivered
  const eventStart = performance.now();
  const [[outboxRow]] = (await conn.query(
    'SELECT id, payload_json FROM outbox_events WHERE tenant_id = ? AND type = ?',
    [tenantId, PAYMENT_RECEIVED],
  )) as unknown as [{ id: number; payload_json: string }[]];
  const told = await receivedPayments(core.db.sequelize)({
    id: outboxRow!.id,
    tenantId,
    type: PAYMENT_RECEIVED,
    payload: JSON.parse(outboxRow!.payload_json) as Record<string, unknown>,
    createdAt: new Date(),
  });
  const eventSeconds = (performance.now() - eventStart) / 1000;
  if (
    told.length !== LINES ||
    told.some((p) => p.invoiceIds.length !== 1 || !p.businessKeys.includes(p.accountNumber))
  )
    throw new Error(`payment.received tells of ${told.length} payments, not ${LINES}`);

  // ── bare, again after the import: the two runs bracket it, the machine's drift averaged ──
  const bareAfter = await bare(result.id);
  const bareSeconds = (bareBefore.seconds + bareAfter.seconds) / 2;
  const parseSeconds = (bareBefore.parseSeconds + bareAfter.parseSeconds) / 2;

  const linesPerSecond = LINES / seconds;
  const bareLinesPerSecond = LINES / bareSeconds;
  console.log(
    JSON.stringify({
      bench: 'reconcile',
      dialect: 'mysql',
      lines: LINES,
      invoices: INVOICES,
      seconds: Number(seconds.toFixed(2)),
      linesPerSecond: Math.round(linesPerSecond),
      bareSeconds: Number(bareSeconds.toFixed(2)),
      bareRuns: [Number(bareBefore.seconds.toFixed(2)), Number(bareAfter.seconds.toFixed(2))],
      bareLinesPerSecond: Math.round(bareLinesPerSecond),
      parseSeconds: Number(parseSeconds.toFixed(2)),
      ratio: Number((linesPerSecond / bareLinesPerSecond).toFixed(2)),
      matched: result.matched,
      paid: Number(counts!['paid']),
      seedSeconds: Number(seedSeconds.toFixed(1)),
      eventReadSeconds: Number(eventSeconds.toFixed(2)),
    }),
  );
} finally {
  await conn.end();
  await core.db.close();
  await database.drop();
}

/**
 * Waits until InnoDB has written its dirty pages, so that each timed side starts from a
 * checkpointed buffer pool and neither pays for flushing what was written before it (the
 * seed, or the other side). Lowers innodb_max_dirty_pages_pct to 0 meanwhile, then puts it
 * back; without the privilege to, it waits for the page cleaner as it is.
 */
async function quiesce(c: mysql.Connection): Promise<void> {
  const [[was]] = (await c.query(
    'SELECT @@GLOBAL.innodb_max_dirty_pages_pct AS pct',
  )) as unknown as [{ pct: number }[]];
  const lowered = await c
    .query('SET GLOBAL innodb_max_dirty_pages_pct = 0')
    .then(() => true)
    .catch(() => false);
  try {
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      const [[row]] = (await c.query(
        "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'",
      )) as unknown as [{ Value: string }[]];
      if (Number(row!.Value) <= 16) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (lowered) await c.query('SET GLOBAL innodb_max_dirty_pages_pct = ?', [Number(was!.pct)]);
  }
}

/** Wraps the mysql2 connections' query to add up time per statement kind. */
function profileStatements(
  sequelize: { connectionManager: unknown },
  profile: Map<string, { n: number; ms: number }>,
): void {
  const manager = sequelize.connectionManager as {
    getConnection: (...a: unknown[]) => Promise<unknown>;
  };
  const get = manager.getConnection.bind(manager);
  const wrapped = new WeakSet<object>();
  manager.getConnection = async (...a: unknown[]) => {
    const c = (await get(...a)) as { query: (...q: unknown[]) => unknown };
    if (wrapped.has(c)) return c;
    wrapped.add(c);
    const query = c.query.bind(c);
    c.query = (...q: unknown[]) => {
      const sql = typeof q[0] === 'string' ? q[0] : String((q[0] as { sql?: string }).sql);
      const key = sql.replace(/\s+/g, ' ').slice(0, 56);
      const cb = q[q.length - 1];
      const t = performance.now();
      const done = () => {
        const e = profile.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        profile.set(key, e);
      };
      if (typeof cb === 'function')
        q[q.length - 1] = (...r: unknown[]) => {
          done();
          return (cb as (...r: unknown[]) => unknown)(...r);
        };
      const out = query(...q) as { on?: (e: string, f: () => void) => unknown };
      if (typeof cb !== 'function') out.on?.('end', done);
      return out;
    };
    return c;
  };
}
