/**
 * Schema migrations (umzug), run at every start. Each module lists its own migrations;
 * engine/src/db/migrations.ts puts them in one order. The same migrations run on SQLite
 * and MySQL/MariaDB: use QueryInterface and Sequelize DataTypes, not raw DDL.
 */
import { DataTypes, type QueryInterface, type Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { Logger } from 'pino';
import type { Dialect } from './database.js';

export interface MigrationContext {
  qi: QueryInterface;
  sequelize: Sequelize;
  dialect: Dialect;
}

export interface Migration {
  /** Sortable and unique: `YYYYMMDD-NN-module-what`. */
  name: string;
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

export async function migrate(
  sequelize: Sequelize,
  dialect: Dialect,
  migrations: readonly Migration[],
  log?: Logger,
): Promise<string[]> {
  const ctx: MigrationContext = { qi: sequelize.getQueryInterface(), sequelize, dialect };
  const umzug = new Umzug<MigrationContext>({
    migrations: [...migrations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => ({ name: m.name, up: () => m.up(ctx), down: () => m.down(ctx) })),
    context: ctx,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
  const done = await umzug.up();
  if (done.length) log?.info({ migrations: done.map((m) => m.name) }, 'migrated');
  return done.map((m) => m.name);
}

/** Column helpers shared by migrations so every table looks alike. */
/** LONGTEXT on MySQL/MariaDB (TEXT stops at 64 KB); SQLite's TEXT has no limit and no options. */
export function longText(dialect: string) {
  return dialect === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
}

export const col = {
  id: () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }),
  tenantId: () => ({
    type: DataTypes.INTEGER,
    allowNull: false,
    references: { model: 'tenants', key: 'id' },
    onDelete: 'RESTRICT',
  }),
  timestamps: () => ({
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  }),
};
