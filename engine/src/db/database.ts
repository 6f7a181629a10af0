/**
 * The database: Sequelize on SQLite (the zero-setup default) or MySQL/MariaDB.
 * Everything dialect-specific about opening a connection lives here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { Sequelize, Transaction, type Options } from 'sequelize';
import sqlite3 from 'sqlite3';
import type { Logger } from 'pino';
import { Sql, takeAtCommit } from './sql.js';

export type Dialect = 'sqlite' | 'mysql';

export interface Database {
  sequelize: Sequelize;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Prepared statements one SQLite connection keeps (least recently used go first). */
const PREPARED_PER_CONNECTION = 200;

/**
 * `run` may keep a statement prepared only when it steps to the end: a write without
 * RETURNING, or transaction control. A statement stopped at a row would hold a read
 * transaction open.
 */
const REUSABLE_RUN =
  /^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

type Callback = (...a: unknown[]) => void;
interface PreparedStatement {
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown;
  finalize(cb?: () => void): unknown;
}
const Statement = sqlite3.Statement as unknown as new (
  db: sqlite3.Database,
  sql: string,
  errBack?: (err: Error | null) => void,
) => PreparedStatement;

/**
 * Sequelize opens one SQLite connection per transaction; without a busy timeout a
 * second writer fails at once with SQLITE_BUSY instead of waiting its turn.
 *
 * node-sqlite3's `run` and `all` prepare the statement on a thread of libuv's pool, come
 * back, run it on the pool, come back, and throw it away: two round trips through the
 * pool for every statement. Each connection here keeps the statements it ran prepared,
 * so running one again is one round trip (half the wait for every statement the engine
 * repeats: a workflow step's BEGIN, COMMIT and writes, Sequelize's PRAGMA table_info).
 * Errors and results are node-sqlite3's own; a statement that failed is not kept.
 */
class PatientDatabase extends sqlite3.Database {
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor(filename: string, mode?: number, callback?: (err: Error | null) => void) {
    super(filename, mode ?? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err) => {
      if (err) return callback?.(err);
      // WAL with synchronous=NORMAL: a commit no longer waits for fsync; the database
      // cannot be corrupted, though a power cut may lose the last commits (an engine
      // crash loses nothing). MariaDB is the choice where that matters.
      this.run('PRAGMA synchronous = NORMAL', (e: Error | null) => callback?.(e));
    });
    this.configure('busyTimeout', 15_000);
  }

  // node-sqlite3's overloads are all (sql, ...params, callback?)
  override run(sql: string, ...args: unknown[]): this {
    if (!REUSABLE_RUN.test(sql) || /\bRETURNING\b/i.test(sql))
      return (super.run as (...a: unknown[]) => this)(sql, ...args);
    return this.reuse('run', sql, args);
  }

  override all(sql: string, ...args: unknown[]): this {
    return this.reuse('all', sql, args);
  }

  override close(callback?: (err: Error | null) => void): void {
    // a statement still running finalizes when it is done; close waits for it
    for (const statement of this.prepared.values()) statement.finalize();
    this.prepared.clear();
    super.close(callback);
  }

  /** Runs `sql` on its kept statement, preparing (and keeping) it the first time. */
  private reuse(method: 'run' | 'all', sql: string, args: unknown[]): this {
    let statement = this.prepared.get(sql);
    if (statement) {
      this.prepared.delete(sql); // re-inserted below: the most recently used is last
    } else {
      const callback = typeof args[args.length - 1] === 'function' ? args.at(-1) : undefined;
      // as node-sqlite3's own run/all: a statement that does not prepare reports to the
      // callback, and the run queued on it is dropped
      statement = new Statement(this, sql, (err) => {
        if (!err) return;
        if (this.prepared.get(sql) === statement) this.prepared.delete(sql);
        (callback as Callback | undefined)?.(err);
      });
    }
    this.prepared.set(sql, statement);
    if (this.prepared.size > PREPARED_PER_CONNECTION) {
      const [oldest] = this.prepared;
      if (oldest) {
        this.prepared.delete(oldest[0]);
        oldest[1].finalize(); // after whatever it still runs
      }
    }
    // a statement that failed while running is prepared afresh next time
    const last = args.length - 1;
    const done = typeof args[last] === 'function' ? (args[last] as Callback) : undefined;
    const kept = statement;
    const forget = () => this.forget(sql, kept);
    const call = done
      ? [
          ...args.slice(0, last),
          function (this: unknown, err: Error | null, ...rest: unknown[]) {
            if (err) forget();
            return done.call(this, err, ...rest);
          },
        ]
      : args;
    (statement[method] as (...a: unknown[]) => unknown).apply(statement, call);
    return this;
  }

  private forget(sql: string, statement: PreparedStatement): void {
    if (this.prepared.get(sql) === statement) this.prepared.delete(sql);
    statement.finalize();
  }
}
const sqliteModule = { ...sqlite3, Database: PatientDatabase };

const common: Options = {
  logging: false,
  define: { underscored: true, timestamps: true },
};

export async function openDatabase(url: string, log?: Logger): Promise<Database> {
  const sequelize = url.startsWith('sqlite:') ? await openSqlite(url) : await openMysql(url, log);
  const dialect: Dialect = sequelize.getDialect() === 'sqlite' ? 'sqlite' : 'mysql';
  await sequelize.authenticate();
  return { sequelize, dialect, close: () => sequelize.close() };
}

async function openSqlite(url: string): Promise<Sequelize> {
  const storage = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') || ':memory:';
  if (storage !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
  const sequelize = new Sequelize({
    ...common,
    dialect: 'sqlite',
    dialectModule: sqliteModule,
    storage,
    transactionType: Transaction.TYPES.IMMEDIATE,
  });
  if (storage !== ':memory:') await sequelize.query('PRAGMA journal_mode=WAL');
  queueTransactions(sequelize);
  if (storage !== ':memory:') reuseTransactionConnections(sequelize);
  runWritesAtCommit(sequelize);
  return sequelize;
}

interface SqliteConnection {
  uuid?: string;
  close(cb?: (err: Error | null) => void): void;
}
interface SqliteConnectionManager {
  connections: Record<string, SqliteConnection>;
  getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection, force?: boolean): void;
}

/**
 * Sequelize opens a new SQLite connection for every transaction (open the file, two
 * PRAGMAs) and closes it at the end: about a third of a short transaction's round trips.
 * Transactions take turns here (queueTransactions), so a couple of spare connections
 * serve them all: a finished transaction's connection is kept for the next one. Sequelize
 * has rolled back or committed before it releases a connection.
 */
function reuseTransactionConnections(sequelize: Sequelize, spares = 2): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const free: SqliteConnection[] = [];
  const get = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  manager.getConnection = async (options) => {
    const uuid = options?.uuid;
    if (uuid && uuid !== 'default' && !manager.connections[uuid]) {
      const spare = free.pop();
      if (spare) return (manager.connections[uuid] = spare);
    }
    return get(options);
  };
  manager.releaseConnection = (connection, force) => {
    if (connection.uuid && force !== true && free.length < spares) {
      delete manager.connections[connection.uuid];
      free.push(connection);
      return;
    }
    release(connection, force);
  };
  const close = sequelize.close.bind(sequelize);
  sequelize.close = async () => {
    for (const c of free.splice(0)) await new Promise<void>((resolve) => c.close(() => resolve()));
    return close();
  };
}

/**
 * SQLite has one writer at a time, and node-sqlite3 waits out a busy lock on one of
 * libuv's four threads. With more transactions waiting to BEGIN IMMEDIATE than there
 * are threads, the one holding the lock cannot get a thread to COMMIT: every writer
 * stalls until its busy timeout and most fail with SQLITE_BUSY (ten parallel
 * sign-ins were enough). So on SQLite, managed transactions take turns in the
 * process instead. One nested inside another (without passing it) runs at once, as
 * before, rather than waiting for itself.
 */
function queueTransactions(sequelize: Sequelize): void {
  const begin = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  const inTurn = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    if (typeof args[args.length - 1] !== 'function' || inTurn.getStore()) return begin(...args);
    const turn = tail.then(() => inTurn.run(true, () => begin(...args)));
    tail = turn.catch(() => undefined);
    return turn;
  };
  sequelize.transaction = queued as Sequelize['transaction'];
}

interface TransactionControl {
  startTransaction(tx: Transaction, options: unknown): Promise<unknown>;
  commitTransaction(tx: Transaction, options: unknown): Promise<unknown>;
  rollbackTransaction(tx: Transaction, options: unknown): Promise<unknown>;
  queryGenerator: {
    startTransactionQuery(tx: Transaction): string;
    commitTransactionQuery(tx: Transaction): string;
    rollbackTransactionQuery(tx: Transaction): string;
  };
}
type OpenTransaction = Transaction & { parent?: Transaction; finished?: string };

/**
 * Writes put off until COMMIT (Sql.atCommit: history, audit links) run just before it.
 * On SQLite they go in the same `exec` as the COMMIT, and BEGIN, COMMIT and ROLLBACK of
 * a transaction (not a savepoint) run straight on its connection: Sequelize's query path
 * (a stack trace, logging, serialize) costs more than the statement. On MySQL the writes
 * run one by one, then Sequelize commits as before. A rollback drops them.
 */
function runWritesAtCommit(sequelize: Sequelize): void {
  const qi = sequelize.getQueryInterface() as unknown as TransactionControl;
  const sql = new Sql(sequelize);
  const start = qi.startTransaction.bind(qi);
  const commit = qi.commitTransaction.bind(qi);
  const rollback = qi.rollbackTransaction.bind(qi);
  const generate = qi.queryGenerator;
  if (sql.sqlite) {
    qi.startTransaction = async (tx: OpenTransaction, options) => {
      if (tx.parent) return start(tx, options);
      await sql.in(tx).run(generate.startTransactionQuery(tx), []);
    };
    qi.commitTransaction = async (tx: OpenTransaction, options) => {
      if (tx.parent) return commit(tx, options);
      const pending = takeAtCommit(tx);
      const end = generate.commitTransactionQuery(tx);
      tx.finished = 'commit'; // as Sequelize marks it
      if (pending.length) await sql.in(tx).batch([...pending, { sql: end, params: [] }]);
      else await sql.in(tx).run(end, []);
    };
    qi.rollbackTransaction = async (tx: OpenTransaction, options) => {
      takeAtCommit(tx);
      if (tx.parent) return rollback(tx, options);
      tx.finished = 'rollback';
      await sql.in(tx).run(generate.rollbackTransactionQuery(tx), []);
    };
    return;
  }
  qi.commitTransaction = async (tx: OpenTransaction, options) => {
    if (!tx.parent) await sql.in(tx).batch(takeAtCommit(tx));
    return commit(tx, options);
  };
  qi.rollbackTransaction = async (tx: OpenTransaction, options) => {
    takeAtCommit(tx);
    return rollback(tx, options);
  };
}

async function openMysql(url: string, log?: Logger): Promise<Sequelize> {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new Error(
      `DATABASE_URL names no usable database (letters, digits and _ only): "${database}"`,
    );
  }
  await createMysqlDatabaseIfMissing(u, database, log);
  const sequelize = new Sequelize(
    database,
    decodeURIComponent(u.username),
    decodeURIComponent(u.password),
    {
      ...common,
      dialect: 'mysql',
      host: u.hostname,
      port: Number(u.port || 3306),
      timezone: '+00:00',
      pool: { max: 10, min: 0, idle: 10_000, acquire: 30_000 },
      dialectOptions: { charset: 'utf8mb4', supportBigNumbers: true, bigNumberStrings: false },
      define: { ...common.define, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
    },
  );
  runWritesAtCommit(sequelize);
  return sequelize;
}

async function createMysqlDatabaseIfMissing(u: URL, database: string, log?: Logger): Promise<void> {
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  try {
    const [result] = await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    if ((result as { warningStatus?: number }).warningStatus === 0)
      log?.info({ database }, 'created database');
  } finally {
    await conn.end();
  }
}

/** Drops a MySQL/MariaDB database: for tests that made their own. */
export async function dropMysqlDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const database = u.pathname.replace(/^\//, '');
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}
