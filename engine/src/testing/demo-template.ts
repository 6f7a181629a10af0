/**
 * Demo databases for tests, seeded once and copied: the demo grows with every step
 * (hundreds of water users, a year of readings and invoices), and seeding it for each of
 * the suite's test servers would cost minutes. The first demo test server of a run seeds a
 * template; later ones copy it (a file copy on SQLite, table copies on MariaDB).
 *
 * The template's key hashes everything that decides its content — the engine's source,
 * processes/, forms/, the dialect and today's date (the demo's history ends today) — so a
 * change in any seeder or migration makes a new template, never a stale one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { REPO_ROOT } from './paths.js';

let cachedKey: string | undefined;

/** Hash of the inputs that decide what a freshly seeded demo database holds. */
export function demoTemplateKey(dialect: string): string {
  if (!cachedKey) {
    const h = createHash('sha256');
    const walk = (dir: string): void => {
      for (const entry of fs
        .readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (!/\.(test|spec)\.ts$/.test(entry.name)) {
          h.update(path.relative(REPO_ROOT, p)).update('\0').update(fs.readFileSync(p));
        }
      }
    };
    for (const dir of ['engine/src', 'processes', 'forms']) walk(path.join(REPO_ROOT, dir));
    cachedKey = h.digest('hex').slice(0, 16);
  }
  const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `${dialect}_${today}_${cachedKey}`;
}

// ---- SQLite: a file beside the others in the temp dir ----

export function sqliteTemplatePath(key: string): string {
  return path.join(os.tmpdir(), `prapa-demo-template-${key}.sqlite`);
}

/** Publishes a seeded database file as the template (atomic: copy, then rename). */
export function saveSqliteTemplate(dbFile: string, key: string): void {
  const target = sqliteTemplatePath(key);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.copyFileSync(dbFile, tmp);
  fs.renameSync(tmp, target);
}

/** Copies the template to dbFile; false when there is none yet. */
export function restoreSqliteTemplate(key: string, dbFile: string): boolean {
  const source = sqliteTemplatePath(key);
  if (!fs.existsSync(source)) return false;
  fs.copyFileSync(source, dbFile);
  return true;
}

// ---- MariaDB: a template database, copied table by table ----

function dbName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

async function connect(url: string): Promise<mysql.Connection> {
  const u = new URL(url);
  return mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    multipleStatements: false,
  });
}

export function mysqlTemplateName(baseUrl: string, key: string): string {
  return `${dbName(baseUrl)}_tpl_${key}`.slice(0, 64);
}

async function tablesOf(conn: mysql.Connection, db: string): Promise<string[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [db],
  );
  return rows.map((r) => String(r['t']));
}

/** Copies every table (schema with its keys, then rows) from one database into another. */
async function copyDatabase(conn: mysql.Connection, from: string, to: string): Promise<void> {
  await conn.query(`CREATE DATABASE \`${to}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.query('SET FOREIGN_KEY_CHECKS = 0');
  try {
    for (const table of await tablesOf(conn, from)) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        `SHOW CREATE TABLE \`${from}\`.\`${table}\``,
      );
      const ddl = String(rows[0]?.['Create Table']);
      await conn.query(`USE \`${to}\``);
      await conn.query(ddl);
      await conn.query(`INSERT INTO \`${to}\`.\`${table}\` SELECT * FROM \`${from}\`.\`${table}\``);
    }
  } finally {
    await conn.query('SET FOREIGN_KEY_CHECKS = 1');
  }
}

/** Publishes a seeded database as the template and drops the templates of other keys. */
export async function saveMysqlTemplate(url: string, baseUrl: string, key: string): Promise<void> {
  const conn = await connect(url);
  const template = mysqlTemplateName(baseUrl, key);
  try {
    await conn.query(`SELECT GET_LOCK('prapa_demo_template', 600)`);
    const [have] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT schema_name AS s FROM information_schema.schemata WHERE schema_name LIKE ?',
      [`${dbName(baseUrl)}\\_tpl\\_%`],
    );
    for (const s of have.map((r) => String(r['s'])))
      if (s !== template) await conn.query(`DROP DATABASE IF EXISTS \`${s}\``);
    if (!have.some((r) => r['s'] === template)) await copyDatabase(conn, dbName(url), template);
  } finally {
    await conn.query(`SELECT RELEASE_LOCK('prapa_demo_template')`).catch(() => undefined);
    await conn.end();
  }
}

/** Creates the database of `url` as a copy of the template; false when there is none yet. */
export async function restoreMysqlTemplate(
  url: string,
  baseUrl: string,
  key: string,
): Promise<boolean> {
  const conn = await connect(url);
  const template = mysqlTemplateName(baseUrl, key);
  try {
    const [have] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?',
      [template],
    );
    if (!have.length) return false;
    await copyDatabase(conn, template, dbName(url));
    return true;
  } finally {
    await conn.end();
  }
}
