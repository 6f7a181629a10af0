/**
 * Multi-row INSERTs on a transaction's own driver connection, values bound by the driver,
 * in statements of at most ~30,000 parameters (SQLite allows 32,766, MySQL 65,535). For
 * imports that write thousands of rows in one transaction (bank files); raw SQL, so the
 * caller puts tenant_id in every row itself.
 */
import type { Transaction } from 'sequelize';
import type { Sql, Param } from './sql.js';

const MAX_PARAMS = 30_000;

export async function insertRows(
  sql: Sql,
  tx: Transaction,
  table: string,
  columns: readonly string[],
  rows: readonly Param[][],
): Promise<void> {
  if (!rows.length) return;
  const driver = sql.in(tx);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const page = rows.slice(i, i + perStatement);
    await driver.run(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${page.map(() => tuple).join(',')}`,
      page.flat(),
    );
  }
}
