import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import {
  createTestDatabase,
  startTestServer,
  testDialect,
  type TestDatabase,
} from '../testing/harness.js';
import { DEMO_SEEDERS } from '../modules/demo/demo.seed.js';
import { openDatabase, type Database } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './migrator.js';

/** The foundation's tables; later steps add their own beside them. */
const FOUNDATION_TABLES = [
  'audit_events',
  'audit_heads',
  'demo_seed_log',
  'schema_migrations',
  'tenants',
  'users',
  'villages',
  'waterworks',
];

function assertHasTables(actual: string[], expected: string[]): void {
  assert.deepEqual(
    expected.filter((t) => !actual.includes(t)),
    [],
    `missing tables among ${actual.join(', ')}`,
  );
}

async function tables(db: Database): Promise<string[]> {
  const names = (await db.sequelize.getQueryInterface().showAllTables()) as unknown[];
  return names
    .map((n) => (typeof n === 'string' ? n : (n as { tableName: string }).tableName))
    .sort();
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, {
    type: QueryTypes.SELECT,
  });
  return Number(row!.n);
}

describe(`migrations on ${testDialect()}`, () => {
  let database: TestDatabase;
  let db: Database;
  let firstRun: string[];

  before(async () => {
    // given a database with nothing in it
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    assert.deepEqual(await tables(db), [], 'the test database should start empty');

    // when
    firstRun = await migrate(db.sequelize, db.dialect, MIGRATIONS);
  });

  after(async () => {
    await db?.close();
    await database?.drop();
  });

  it('should run every migration, in name order', () => {
    assert.deepEqual(firstRun, MIGRATIONS.map((m) => m.name).sort());
  });

  it('should create every table of the foundation', async () => {
    assertHasTables(await tables(db), FOUNDATION_TABLES);
  });

  it('should record each migration in schema_migrations', async () => {
    const rows = await db.sequelize.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
      { type: QueryTypes.SELECT },
    );
    assert.deepEqual(
      rows.map((r) => r.name),
      firstRun,
    );
  });

  it('should do nothing when run again', async () => {
    // when
    const secondRun = await migrate(db.sequelize, db.dialect, MIGRATIONS);

    // then
    assert.deepEqual(secondRun, []);
    assertHasTables(await tables(db), FOUNDATION_TABLES);
    assert.equal(await count(db, 'schema_migrations'), MIGRATIONS.length);
  });

  it('should refuse two audit events at the same place in one tenant’s chain', async () => {
    // given
    const now = new Date();
    await db.sequelize.query(
      'INSERT INTO tenants (code, name, tax_id, address, promptpay_biller_suffix, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      { replacements: ['t', 'อบต.ทดสอบ', '0994000165501', 'ที่อยู่', '00', now, now] },
    );
    const [tenant] = await db.sequelize.query<{ id: number }>('SELECT id FROM tenants', {
      type: QueryTypes.SELECT,
    });
    const insertEvent = () =>
      db.sequelize.query(
        `INSERT INTO audit_events (tenant_id, seq, at, actor_name, action, entity_type, entity_id, prev_hash, hash)
         VALUES (?, 1, ?, 'system', 'test.event', 'test', '1', ?, ?)`,
        { replacements: [tenant!.id, now, '0'.repeat(64), '1'.repeat(64)] },
      );
    await insertEvent();

    // when / then
    await assert.rejects(insertEvent, /unique|duplicate/i);
  });
});

describe(`an engine started with PRAPA_DEMO=0 on ${testDialect()}`, () => {
  it('should start on an empty database with zero tenants and zero users', async () => {
    // given / when
    const server = await startTestServer({ demo: false });
    try {
      // then
      const db = server.engine.db;
      assertHasTables(await tables(db), FOUNDATION_TABLES);
      assert.equal(await count(db, 'tenants'), 0);
      assert.equal(await count(db, 'users'), 0);
      assert.equal(await count(db, 'demo_seed_log'), 0);
      const health = await server.api('GET', '/health');
      assert.equal(health.status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe(`demo seeding across restarts on ${testDialect()}`, () => {
  it('should seed the demo once and not again when the engine restarts on the same database', async () => {
    // given an engine that seeded the demo, then stopped
    const database = await createTestDatabase();
    try {
      const first = await startTestServer({ database });
      const tenantsBefore = await count(first.engine.db, 'tenants');
      const usersBefore = await count(first.engine.db, 'users');
      await first.stop();

      // when it starts again on that database
      const second = await startTestServer({ database });
      try {
        // then nothing was added twice
        assert.equal(tenantsBefore, 2);
        assert.equal(await count(second.engine.db, 'tenants'), tenantsBefore);
        assert.equal(await count(second.engine.db, 'users'), usersBefore);
        assert.equal(await count(second.engine.db, 'demo_seed_log'), DEMO_SEEDERS.length);
      } finally {
        await second.stop();
      }
    } finally {
      await database.drop();
    }
  });

  it('should never seed demo data into a real installation (tenants but no seed log)', async () => {
    // given a database that a real อบต. set up with the demo off
    const database = await createTestDatabase();
    try {
      const real = await startTestServer({ database, demo: false });
      await real.engine.services.tenancy.createTenant({
        code: 'real',
        name: 'องค์การบริหารส่วนตำบลจริง',
        taxId: '1101700230708',
        address: 'ที่ทำการ อบต.',
      });
      await real.stop();

      // when an engine starts on it with the demo on
      const server = await startTestServer({ database, demo: true });
      try {
        // then
        assert.equal(await count(server.engine.db, 'tenants'), 1);
        assert.equal(await count(server.engine.db, 'users'), 0);
        assert.equal(await count(server.engine.db, 'demo_seed_log'), 0);
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
