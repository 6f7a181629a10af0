/**
 * Multi-row INSERTs on a transaction's own driver connection, for imports that write
 * thousands of rows in one transaction (bank files); raw SQL, so the caller puts tenant_id
 * in every row itself. On MySQL, mysql2's nested-array form (`VALUES ?`), like the billing
 * run's invoices; on SQLite, bound `?` tuples. Statements carry at most ~30,000 values
 * (SQLite allows 32,766 parameters; MySQL's limit is the 16 MB packet).
 *
 * And scratch tables: a temporary table of ids and numbers on the same connection, so that
 * thousands of rows are updated in one joined statement instead of pages of CASEs.
 */
import type { Transaction } from 'sequelize';
import type { Sql, Param } from './sql.js';

const MAX_VALUES = 30_000;
/** Rows of a scratch table with text kept in MEMORY: well inside max_heap_table_size (16 MB). */
const MEMORY_ROWS_WITH_KEYS = 60_000;

export async function insertRows(
  sql: Sql,
  tx: Transaction,
  table: string,
  columns: readonly string[],
  rows: readonly Param[][],
): Promise<void> {
  if (!rows.length) return;
  const driver = sql.in(tx);
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES`;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const page = rows.slice(i, i + perStatement);
    if (sql.sqlite) await driver.run(`${head} ${page.map(() => tuple).join(',')}`, page.flat());
    // mysql2 expands one `?` bound to an array of arrays into the tuples itself
    else await driver.run(`${head} ?`, [page] as unknown as Param[]);
  }
}

/**
 * Runs `fn` with a temporary table `name` on the transaction's connection, filled with
 * `rows` (primary key: the first column, so rows must be distinct on it), and drops it
 * after, also when `fn` fails. Columns are integers, instants for those named in `dates`
 * and ASCII text up to 80 characters for those named in `keys`. On MySQL it is a MEMORY
 * table — no undo or redo to write; at 3 integers a row, ~16 MB (max_heap_table_size) holds
 * 400,000 — except one with text and over 60,000 rows, which is an InnoDB temporary table.
 */
export async function withScratchTable<T>(
  sql: Sql,
  tx: Transaction,
  name: string,
  columns: readonly string[],
  rows: readonly Param[][],
  fn: (table: string) => Promise<T>,
  opts: { dates?: readonly string[]; keys?: readonly string[] } = {},
): Promise<T> {
  const driver = sql.in(tx);
  const drop = sql.sqlite
    ? `DROP TABLE IF EXISTS temp.${name}`
    : `DROP TEMPORARY TABLE IF EXISTS ${name}`;
  const dates = new Set(opts.dates ?? []);
  const keys = new Set(opts.keys ?? []);
  const type = (c: string) =>
    dates.has(c)
      ? sql.sqlite
        ? 'TEXT NOT NULL'
        : 'DATETIME(3) NOT NULL'
      : keys.has(c)
        ? sql.sqlite
          ? 'TEXT NOT NULL'
          : 'VARCHAR(80) CHARACTER SET ascii NOT NULL'
        : 'BIGINT NOT NULL';
  // MEMORY keeps a VARCHAR at its full width (~150 bytes a row with a key): a large table
  // with text is an InnoDB temporary table, twice as slow to fill
  const memory = !keys.size || rows.length <= MEMORY_ROWS_WITH_KEYS;
  const engine = sql.sqlite ? '' : memory ? ' ENGINE=MEMORY' : ' ENGINE=InnoDB';
  // a table left over on a pooled connection by a failed drop must not fail the next import
  await driver.run(drop, []);
  await driver.run(
    `CREATE ${sql.sqlite ? 'TEMP' : 'TEMPORARY'} TABLE ${name} (${columns
      .map((c) => `${c} ${type(c)}`)
      .join(', ')}, PRIMARY KEY (${columns[0]!}))${engine}`,
    [],
  );
  try {
    await insertRows(sql, tx, name, columns, rows);
    return await fn(name);
  } finally {
    await driver.run(drop, []);
  }
}
