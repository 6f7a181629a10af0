import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { asTenant, currentContext } from '../http/request-context.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../testing/harness.js';
import { openDatabase, type Database } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './migrator.js';

describe(`the database on ${testDialect()}`, () => {
  let database: TestDatabase;
  let db: Database;

  before(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    await migrate(db.sequelize, db.dialect, MIGRATIONS);
  });
  after(async () => {
    await db?.close();
    await database?.drop();
  });

  // regression: on SQLite, more transactions waiting for the write lock than libuv has
  // threads (4) starved the one holding it; writers stalled for the busy timeout and
  // most failed with SQLITE_BUSY
  it(
    'should commit 24 transactions started at once, none failing with SQLITE_BUSY',
    { timeout: 30_000 },
    async () => {
      // given
      const n = 24;
      const started = Date.now();

      // when
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          db.sequelize.transaction(async (transaction) => {
            await db.sequelize.query('INSERT INTO demo_seed_log (name, seeded_at) VALUES (?, ?)', {
              replacements: [`parallel-${i}`, new Date()],
              transaction,
            });
            await db.sequelize.query('SELECT COUNT(*) AS n FROM demo_seed_log', {
              type: QueryTypes.SELECT,
              transaction,
            });
          }),
        ),
      );

      // then
      assert.deepEqual(
        results
          .filter((r) => r.status === 'rejected')
          .map((r) => String((r as PromiseRejectedResult).reason)),
        [],
      );
      const [row] = await db.sequelize.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM demo_seed_log WHERE name LIKE 'parallel-%'",
        {
          type: QueryTypes.SELECT,
        },
      );
      assert.equal(Number(row!.n), n);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    },
  );

  it('should keep the request context inside a transaction', async () => {
    // when
    const seen = await asTenant(7, () =>
      db.sequelize.transaction(async () => currentContext()?.tenantId),
    );

    // then
    assert.equal(seen, 7);
  });

  it('should roll a failed transaction back and let the next one run', async () => {
    // given
    const failing = db.sequelize.transaction(async (transaction) => {
      await db.sequelize.query('INSERT INTO demo_seed_log (name, seeded_at) VALUES (?, ?)', {
        replacements: ['rolled-back', new Date()],
        transaction,
      });
      throw new Error('changed my mind');
    });

    // when
    const next = db.sequelize.transaction(async (transaction) =>
      db.sequelize.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM demo_seed_log WHERE name = 'rolled-back'",
        { type: QueryTypes.SELECT, transaction },
      ),
    );

    // then
    await assert.rejects(failing, /changed my mind/);
    const [row] = await next;
    assert.equal(Number(row!.n), 0);
  });
});
