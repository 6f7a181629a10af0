/**
 * Raw SQL for hot paths (the workflow's repositories, the audit append).
 * Inside a step's transaction, statements go straight to the transaction's own driver
 * connection (sqlite3 or mysql2): on SQLite, Sequelize's query path formats a stack trace
 * and asks `PRAGMA table_info` before every statement, which costs more than the
 * statement. Reads outside a transaction borrow a connection from Sequelize's pool (on
 * SQLite, its one shared connection).
 *
 * Raw SQL bypasses scopeToTenant: every statement names tenant_id itself, with the tenant
 * `tenantScope()` gives — the same rule the models' hooks apply.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { TenantScopeError } from './tenant-scope.js';
import { currentContext } from '../http/request-context.js';

export type Param = string | number | null;

export interface Statement {
  sql: string;
  params: Param[];
}

export interface Driver {
  run(sql: string, params: Param[]): Promise<{ changes: number; lastId: number }>;
  all<T>(sql: string, params: Param[]): Promise<T[]>;
  /** Runs the statements in order: on SQLite in one trip (one `exec`), on MySQL one by one. */
  batch(statements: Statement[]): Promise<void>;
}

interface SqliteConnection {
  run(
    sql: string,
    params: Param[],
    cb: (this: { changes: number; lastID: number }, err: Error | null) => void,
  ): void;
  all(sql: string, params: Param[], cb: (err: Error | null, rows: unknown[]) => void): void;
  exec(sql: string, cb: (err: Error | null) => void): void;
}

interface MysqlConnection {
  query(
    sql: string,
    params: Param[],
    cb: (err: Error | null, result: unknown) => void,
  ): { setMaxListeners(n: number): void };
}

/** The driver connection a Sequelize transaction holds. */
function connectionOf(tx: Transaction): unknown {
  const connection = (tx as unknown as { connection?: unknown }).connection;
  if (!connection) throw new Error('the transaction has no connection');
  return connection;
}

function sqliteDriver(db: SqliteConnection): Driver {
  return {
    run: (sql, params) =>
      new Promise((resolve, reject) =>
        db.run(sql, params, function done(err) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastId: this.lastID });
        }),
      ),
    all: <T>(sql: string, params: Param[]) =>
      new Promise<T[]>((resolve, reject) =>
        db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
      ),
    async batch(statements) {
      const text = inlineAll(statements);
      if (text === null) {
        for (const { sql, params } of statements) await this.run(sql, params);
        return;
      }
      await new Promise<void>((resolve, reject) =>
        db.exec(text, (err) => (err ? reject(err) : resolve())),
      );
    },
  };
}

/** The statements as one text for `exec`, or null when a parameter cannot be written in. */
function inlineAll(statements: Statement[]): string | null {
  if (statements.some((s) => s.params.some((p) => typeof p === 'string' && p.includes('\0'))))
    return null;
  return statements.map(inlineSqlite).join(';\n');
}

/**
 * A statement with its parameters written in as SQLite literals, for `exec` (which binds
 * none). SQLite string literals know no escape but a doubled quote; `exec` reads the text
 * as a C string, so a NUL is refused rather than cut short. The statements are this
 * code's own: no `?` appears inside their literals.
 */
export function inlineSqlite({ sql, params }: Statement): string {
  const parts = sql.split('?');
  if (parts.length !== params.length + 1)
    throw new Error(`inlineSqlite: ${params.length} parameters for ${parts.length - 1} places`);
  return parts.reduce((out, part, i) => out + sqliteLiteral(params[i - 1]!) + part);
}

function sqliteLiteral(v: Param): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`inlineSqlite: ${v} is not a number SQLite stores`);
    return String(v);
  }
  if (v.includes('\0')) throw new Error('inlineSqlite: a text parameter holds a NUL character');
  return `'${v.replace(/'/g, "''")}'`;
}

function mysqlDriver(conn: MysqlConnection): Driver {
  const query = <R>(sql: string, params: Param[]) =>
    new Promise<R>((resolve, reject) => {
      conn
        .query(sql, params, (err, result) => (err ? reject(err) : resolve(result as R)))
        .setMaxListeners(100);
    });
  return {
    run: async (sql, params) => {
      const r = await query<{ affectedRows: number; insertId: number }>(sql, params);
      return { changes: r.affectedRows, lastId: r.insertId };
    },
    all: <T>(sql: string, params: Param[]) => query<T[]>(sql, params),
    batch: async (statements) => {
      for (const { sql, params } of statements) await query(sql, params);
    },
  };
}

/** Writes waiting for their transaction's COMMIT (see Sql.atCommit). */
const atCommit = new WeakMap<Transaction, Statement[]>();

/** The writes a transaction put off until its COMMIT, taken out (database.ts runs them). */
export function takeAtCommit(tx: Transaction): Statement[] {
  const pending = atCommit.get(tx) ?? [];
  atCommit.delete(tx);
  return pending;
}

export class Sql {
  readonly sqlite: boolean;

  constructor(private readonly sequelize: Sequelize) {
    this.sqlite = sequelize.getDialect() === 'sqlite';
  }

  /** Statements on a transaction's own connection. */
  in(tx: Transaction): Driver {
    return this.on(connectionOf(tx));
  }

  private on(connection: unknown): Driver {
    return this.sqlite
      ? sqliteDriver(connection as SqliteConnection)
      : mysqlDriver(connection as MysqlConnection);
  }

  /**
   * An append-only INSERT that nothing reads before the transaction ends (history,
   * audit links): it runs just before COMMIT, on SQLite in the same trip as the COMMIT
   * (database.ts). A rollback drops it. Inside a nested transaction it runs at once.
   */
  async atCommit(tx: Transaction, sql: string, params: Param[]): Promise<void> {
    if ((tx as unknown as { parent?: Transaction }).parent) {
      await this.in(tx).run(sql, params);
      return;
    }
    const pending = atCommit.get(tx) ?? [];
    pending.push({ sql, params });
    atCommit.set(tx, pending);
  }

  /** A read outside any transaction, on a connection of Sequelize's pool. */
  async select<T>(sql: string, params: Param[]): Promise<T[]> {
    const [rows] = await this.selectMany<T>([{ sql, params }]);
    return rows!;
  }

  /**
   * Reads outside any transaction on one connection of the pool, all sent at once (the
   * server answers one while the rows of the last are read).
   */
  async selectMany<T>(statements: Statement[]): Promise<T[][]> {
    const manager = this.sequelize.connectionManager;
    const connection = await manager.getConnection({ type: 'read' });
    try {
      const driver = this.on(connection);
      return await Promise.all(statements.map(({ sql, params }) => driver.all<T>(sql, params)));
    } finally {
      manager.releaseConnection(connection);
    }
  }

  /** SQL joining text expressions: CONCAT on MySQL, `||` on SQLite. */
  concat(...parts: string[]): string {
    return this.sqlite ? `(${parts.join(' || ')})` : `CONCAT(${parts.join(', ')})`;
  }

  /** SQL of a whole number zero-padded to `width` digits and never cut (formatDocumentNumber). */
  zeroPad(expr: string, width: number): string {
    return this.sqlite
      ? `printf('%0${width}d', ${expr})`
      : `IF(${expr} < ${10 ** width}, LPAD(${expr}, ${width}, '0'), ${expr})`;
  }

  /** SQL of whole-number division, rounded down (both sides ≥ 0). */
  intDiv(a: string, b: string): string {
    return this.sqlite ? `((${a}) / (${b}))` : `((${a}) DIV (${b}))`;
  }

  /** A date as Sequelize writes DATE(3): UTC, with the offset on SQLite. */
  date(d: Date | null): string | null {
    if (!d) return null;
    const iso = d.toISOString();
    const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    return this.sqlite ? `${text} +00:00` : text;
  }
}

/** A DATE(3) column as read raw: text on SQLite, a Date on MySQL. */
export function readDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

/** The tenant raw SQL is limited to; null in system context. Fails closed without one. */
export function tenantScope(what: string): number | null {
  const ctx = currentContext();
  if (ctx?.system) return null;
  if (ctx?.tenantId === undefined)
    throw new TenantScopeError(`${what}: no tenant in the request context`);
  return ctx.tenantId;
}

/** `AND <column> = ?` for the current tenant, or nothing in system context. */
export function tenantFilter(what: string, column = 'tenant_id'): { sql: string; params: Param[] } {
  const tenant = tenantScope(what);
  return tenant === null ? { sql: '', params: [] } : { sql: `AND ${column} = ?`, params: [tenant] };
}
