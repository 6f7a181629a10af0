import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, testDialect, type TestDatabase } from '../testing/harness.js';
import { openDatabase, type Database } from './database.js';
import { Sql } from './sql.js';

const TRICKY = [
  "O'Brien", // a quote
  "''; DROP TABLE notes; --",
  'back\\slash \\\' and "double"',
  'สมศรี ใจงาม 🙂',
  '?',
  '',
];

describe(`raw SQL on ${testDialect()}`, () => {
  let database: TestDatabase;
  let db: Database;
  let sql: Sql;
  const rows = () =>
    db.sequelize.query<{ body: string }>('SELECT body FROM notes ORDER BY id', {
      type: QueryTypes.SELECT,
    });

  before(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    sql = new Sql(db.sequelize);
    const id =
      db.dialect === 'sqlite'
        ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
        : 'INT AUTO_INCREMENT PRIMARY KEY';
    await db.sequelize.query(`CREATE TABLE notes (id ${id}, body TEXT NOT NULL, n INT UNIQUE)`);
  });
  after(async () => {
    await db?.close();
    await database?.drop();
  });

  it('should write atCommit rows with the COMMIT, exactly as given, and drop them on a rollback', async () => {
    // given: rows put off until COMMIT in one transaction, and in one that fails
    const insert = 'INSERT INTO notes (body) VALUES (?)';
    await db.sequelize.transaction(async (tx) => {
      for (const body of TRICKY) await sql.atCommit(tx, insert, [body]);
      // then: nothing is written before the COMMIT
      assert.deepEqual(await sql.in(tx).all('SELECT body FROM notes', []), []);
    });
    await assert.rejects(
      db.sequelize.transaction(async (tx) => {
        await sql.atCommit(tx, insert, ['rolled back']);
        throw new Error('the step failed');
      }),
      /the step failed/,
    );

    // then: the committed rows are there byte for byte; the rolled-back one is not
    assert.deepEqual(
      (await rows()).map((r) => r.body),
      TRICKY,
    );
    await db.sequelize.query('DELETE FROM notes');
  });

  it('should run a statement again after it failed on a constraint', async () => {
    // given: a kept (prepared) statement that fails once on the UNIQUE column
    const insert = 'INSERT INTO notes (body, n) VALUES (?, ?)';
    await db.sequelize.transaction((tx) => sql.in(tx).run(insert, ['first', 1]));
    await assert.rejects(db.sequelize.transaction((tx) => sql.in(tx).run(insert, ['again', 1])));

    // when: it runs with a fresh value
    await db.sequelize.transaction((tx) => sql.in(tx).run(insert, ['second', 2]));

    // then
    assert.deepEqual(
      (await rows()).map((r) => r.body),
      ['first', 'second'],
    );
  });
});
