/**
 * `npm run bench -- registry [accounts] [queries]`: the registry search at scale on MariaDB.
 * Seeds `accounts` (default 100,000) water users, accounts, meters and their search terms
 * into the demo tenant with multi-row INSERTs, then times searches through the service
 * (RegistryService.searchAccounts: page of 20 + total) and over HTTP (GET /api/v1/accounts):
 * a name part, an account number, a house number and a meter serial. Prints one JSON line.
 */
import { QueryTypes } from 'sequelize';
import { asTenant } from '../engine/src/http/request-context.js';
import { FEMALE, MALE, SURNAMES } from '../engine/src/modules/registry/registry.demo.js';
import { searchTerms } from '../engine/src/modules/registry/search-terms.js';
import { createTestDatabase, startTestServer } from '../engine/src/testing/harness.js';

const ACCOUNTS = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 60);
const CHUNK = 2000;

/** A seeded generator, so every run searches the same registry. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = generator(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const server = await startTestServer({ database: await createTestDatabase('mysql') });
try {
  const { sequelize } = server.engine.db;
  const [tenant] = await sequelize.query<{ id: number }>(
    "SELECT id FROM tenants WHERE code = 'nongbua'",
    { type: QueryTypes.SELECT },
  );
  const tenantId = tenant!.id;
  const works = await sequelize.query<{ id: number; code: string }>(
    'SELECT id, code FROM waterworks WHERE tenant_id = ?',
    { type: QueryTypes.SELECT, replacements: [tenantId] },
  );
  const villages = await sequelize.query<{ id: number; moo: number; waterworks_id: number }>(
    'SELECT id, moo, waterworks_id FROM villages WHERE tenant_id = ?',
    { type: QueryTypes.SELECT, replacements: [tenantId] },
  );
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

  const samples = { number: [] as string[], houseNo: [] as string[], serial: [] as string[] };
  const seedStart = performance.now();
  const now = new Date();
  let terms = 0;
  for (let from = 0; from < ACCOUNTS; from += CHUNK) {
    const users: unknown[][] = [];
    const accounts: unknown[][] = [];
    const meters: unknown[][] = [];
    const termRows: unknown[][] = [];
    for (let k = from; k < Math.min(ACCOUNTS, from + CHUNK); k++) {
      const v = villages[k % villages.length]!;
      const w = works.find((x) => x.id === v.waterworks_id)!;
      const male = rand() < 0.5;
      const name = `${male ? 'นาย' : 'นาง'}${pick(male ? MALE : FEMALE)} ${pick(SURNAMES)}`;
      const phone = `08${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
      const houseNo = `${1 + (Math.floor(k / villages.length) % 3000)}/${1 + (k % 7)}`;
      const number = `${w.code}-B${String(k + 1).padStart(6, '0')}`;
      const serial = `BS${String(k + 1).padStart(8, '0')}`;
      const [uid, aid] = [userBase + k + 1, accountBase + k + 1];
      users.push([uid, tenantId, 'person', name, phone, houseNo, v.moo, '1', now, now]);
      accounts.push([aid, tenantId, number, uid, w.id, v.id, k, 'active', '2024-01-01', now, now]);
      meters.push([
        meterBase + k + 1,
        tenantId,
        aid,
        serial,
        '1/2',
        5,
        0,
        '2024-01-01',
        'active',
        now,
        now,
      ]);
      for (const t of searchTerms({ number, name, houseNo, phone, serials: [serial] }))
        termRows.push([tenantId, t, aid]);
      if (rand() < (QUERIES / ACCOUNTS) * 4) {
        samples.number.push(number);
        samples.houseNo.push(houseNo);
        samples.serial.push(serial);
      }
    }
    await insert(
      'water_users',
      [
        'id',
        'tenant_id',
        'kind',
        'name',
        'phone',
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
        'village_id',
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
    for (let i = 0; i < termRows.length; i += 10_000)
      await insert(
        'account_search_terms',
        ['tenant_id', 'term', 'account_id'],
        termRows.slice(i, i + 10_000),
      );
    terms += termRows.length;
  }
  for (const t of ['water_users', 'accounts', 'meters', 'account_search_terms'])
    await sequelize.query(`ANALYZE TABLE ${t}`);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const firstNames = [...MALE, ...FEMALE];
  const queries: Record<string, () => string> = {
    // a name part: the first syllables of a first name ("สม", "บุญ"), or a surname
    namePartial: () =>
      rand() < 0.5
        ? [...pick(firstNames)].slice(0, 2 + Math.floor(rand() * 2)).join('')
        : pick(SURNAMES),
    accountNumber: () => pick(samples.number),
    houseNumber: () => pick(samples.houseNo),
    meterSerial: () => pick(samples.serial),
  };
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return Number(s[Math.min(s.length - 1, Math.floor(s.length * p))]!.toFixed(2));
  };
  const registry = server.engine.services.registry;
  const token = await server.login('clerk');
  const service: Record<string, { p50Ms: number; p95Ms: number; meanTotal: number }> = {};
  const http: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const [kind, q] of Object.entries(queries)) {
    const times: number[] = [];
    const httpTimes: number[] = [];
    let totals = 0;
    for (let i = 0; i < QUERIES + 5; i++) {
      const text = q();
      const t = performance.now();
      const r = await asTenant(tenantId, () =>
        registry.searchAccounts({ q: text, page: 1, limit: 20 }),
      );
      const ms = performance.now() - t;
      if (r.total === 0) throw new Error(`${kind} "${text}" found nothing`);
      const h = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/accounts?q=${encodeURIComponent(text)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      if (process.env['REGISTRY_BENCH_KEEP']) console.error(kind, text, ms.toFixed(1), r.total);
      if (i < 5) continue; // warm-up
      times.push(ms);
      httpTimes.push(performance.now() - h);
      totals += r.total;
    }
    service[kind] = {
      p50Ms: pct(times, 0.5),
      p95Ms: pct(times, 0.95),
      meanTotal: Math.round(totals / QUERIES),
    };
    http[kind] = { p50Ms: pct(httpTimes, 0.5), p95Ms: pct(httpTimes, 0.95) };
  }
  const [{ n: accounts }] = (await sequelize.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM accounts WHERE tenant_id = ?',
    { type: QueryTypes.SELECT, replacements: [tenantId] },
  )) as [{ n: number }];
  console.log(
    JSON.stringify({
      bench: 'registry',
      database: 'mariadb',
      accounts: Number(accounts),
      searchTerms: terms,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      queriesPerKind: QUERIES,
      pageSize: 20,
      service,
      http,
    }),
  );
} finally {
  await server.stop();
  if (!process.env['REGISTRY_BENCH_KEEP']) await server.database.drop();
}
