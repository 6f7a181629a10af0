/**
 * Gap-free document numbers: one counter row per tenant, kind and fiscal year. A number
 * is taken inside the transaction that writes the document, with the counter row locked,
 * so a rolled-back document gives its number back and two writers never share one.
 *
 * Raw SQL (filtered by tenant here): the counter is read and advanced under a row lock.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Dialect } from '../../db/database.js';

export type SeriesKind = 'invoice' | 'credit_note' | 'receipt';

export class DocumentSeries {
  private readonly known = new Set<string>();

  constructor(
    private readonly sequelize: Sequelize,
    private readonly dialect: Dialect,
  ) {}

  /** Locks the counter until the transaction ends; returns the last number taken. */
  async lock(tx: Transaction, tenantId: number, kind: SeriesKind, fiscalYear: number) {
    const key = `${tenantId}:${kind}:${fiscalYear}`;
    if (!this.known.has(key)) {
      const insert =
        this.dialect === 'mysql'
          ? 'INSERT INTO document_series (tenant_id, kind, fiscal_year, last_seq) VALUES (?, ?, ?, 0) ON DUPLICATE KEY UPDATE last_seq = last_seq'
          : 'INSERT OR IGNORE INTO document_series (tenant_id, kind, fiscal_year, last_seq) VALUES (?, ?, ?, 0)';
      await this.sequelize.query(insert, {
        replacements: [tenantId, kind, fiscalYear],
        transaction: tx,
      });
    }
    const [row] = await this.sequelize.query<{ last_seq: number }>(
      `SELECT last_seq FROM document_series WHERE tenant_id = ? AND kind = ? AND fiscal_year = ?${
        this.dialect === 'mysql' ? ' FOR UPDATE' : ''
      }`,
      { replacements: [tenantId, kind, fiscalYear], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) throw new Error('document series: counter row missing');
    this.known.add(key);
    return Number(row.last_seq);
  }

  /** Records that numbers up to `lastSeq` are taken (in the transaction holding the lock). */
  async advance(
    tx: Transaction,
    tenantId: number,
    kind: SeriesKind,
    fiscalYear: number,
    lastSeq: number,
  ): Promise<void> {
    await this.sequelize.query(
      'UPDATE document_series SET last_seq = ? WHERE tenant_id = ? AND kind = ? AND fiscal_year = ?',
      { replacements: [lastSeq, tenantId, kind, fiscalYear], transaction: tx },
    );
  }

  /** Takes the next number. */
  async next(tx: Transaction, tenantId: number, kind: SeriesKind, fiscalYear: number) {
    const seq = (await this.lock(tx, tenantId, kind, fiscalYear)) + 1;
    await this.advance(tx, tenantId, kind, fiscalYear, seq);
    return seq;
  }
}
