/**
 * The audit chain: every change that matters is appended, in the transaction that makes
 * the change, as a link holding the hash of the link before it. Editing or deleting a
 * link — or the audited row itself — behind the API's back is then detectable
 * (audit-verify.ts).
 */
import { createHash } from 'node:crypto';
import type { Model, ModelStatic, Sequelize, Transaction } from 'sequelize';
import { Sql, type Driver } from '../../db/sql.js';
import { currentContext } from '../../http/request-context.js';
import type { Dialect } from '../../db/database.js';
import { AuditEvent } from './audit-event.model.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** How an audited entity is snapshotted, so the chain can be checked against the live row. */
export interface AuditedEntity<M extends Model = Model> {
  model: ModelStatic<M>;
  /** The fields that matter, as plain JSON-able data. Never secrets: fingerprint them. */
  snapshot(row: M): Record<string, unknown>;
}

/** One event that audits many rows at once (e.g. a page of a billing run's invoices). */
export interface BatchEvent {
  seq: number;
  eventId: number;
  entityId: string;
  after: Record<string, unknown>;
}

/** A problem the rows of batch events show, as the verifier reports it. */
export interface BatchProblem {
  /** The event whose rows no longer match, or none (rows no event covers). */
  event: BatchEvent | null;
  entity: string;
  reason: 'row_differs' | 'row_missing' | 'row_unaudited';
  detail: string;
}

/**
 * How the rows behind one kind of batch event are checked: given every such event of a
 * tenant's chain, oldest first, the first problem found (or none).
 */
export type BatchCheck = (tenantId: number, events: BatchEvent[]) => Promise<BatchProblem | null>;

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the request context's tenant. */
  tenantId?: number;
}

/** Links appended in one multi-row INSERT at most (bound parameters stay well under limits). */
const INSERT_BATCH = 200;

/** What a link's hash covers. */
export type LinkFields = Pick<
  AuditEvent,
  | 'tenantId'
  | 'seq'
  | 'at'
  | 'actorId'
  | 'actorName'
  | 'action'
  | 'entityType'
  | 'entityId'
  | 'beforeJson'
  | 'afterJson'
  | 'requestId'
>;

/** An appended link, as written. */
export type AuditLink = LinkFields & { prevHash: string; hash: string };

export function linkHash(prevHash: string, e: LinkFields): string {
  const body = canonicalJson({
    tenantId: e.tenantId,
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actorId: e.actorId ?? null,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: String(e.entityId),
    before: e.beforeJson ?? null,
    after: e.afterJson ?? null,
    requestId: e.requestId ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export class AuditLog {
  private readonly entities = new Map<string, AuditedEntity>();
  private readonly batches = new Map<string, BatchCheck>();
  private readonly knownHeads = new Set<number>();
  /** Per tenant, the head this process last committed: a guess (see recordMany). */
  private readonly heads = new Map<number, { seq: number; hash: string }>();

  private readonly sql: Sql;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly dialect: Dialect,
  ) {
    this.sql = new Sql(sequelize);
  }

  /** Modules declare their audited entities once, at start. */
  registerEntity<M extends Model>(type: string, entity: AuditedEntity<M>): void {
    this.entities.set(type, entity as unknown as AuditedEntity);
  }

  /** Modules declare, once, the batch events whose rows the verifier must check. */
  registerBatch(action: string, check: BatchCheck): void {
    this.batches.set(action, check);
  }

  batchChecks(): ReadonlyMap<string, BatchCheck> {
    return this.batches;
  }

  entity(type: string): AuditedEntity | undefined {
    return this.entities.get(type);
  }

  registeredTypes(): string[] {
    return [...this.entities.keys()];
  }

  /** Snapshot of a row of a registered entity type. */
  snapshot(type: string, row: Model | null): Record<string, unknown> | null {
    if (!row) return null;
    const e = this.entities.get(type);
    if (!e) throw new Error(`audit: entity type ${type} is not registered`);
    return e.snapshot(row);
  }

  /** Records that a row of a registered entity changed: before and after are snapshotted. */
  async recordChange(
    tx: Transaction,
    action: string,
    type: string,
    id: string | number,
    before: Model | null,
    after: Model | null,
    tenantId?: number,
  ): Promise<AuditLink> {
    return this.record(tx, {
      action,
      entityType: type,
      entityId: id,
      before: this.snapshot(type, before),
      after: this.snapshot(type, after),
      tenantId,
    });
  }

  /** Appends one link to the tenant's chain inside the caller's transaction. */
  async record(tx: Transaction, input: AuditRecord): Promise<AuditLink> {
    const [link] = await this.recordMany(tx, [input]);
    return link!;
  }

  /**
   * Appends links in order, inside the caller's transaction. This runs on every change
   * that matters, so it is plain SQL and short: per tenant, the head moves once, and the
   * links go in as one multi-row INSERT with the transaction's COMMIT (Sql.atCommit).
   *
   * The head this process last committed is kept, as a guess: the head UPDATE names the
   * seq and hash it expects, so another writer (another engine process) having moved the
   * head meanwhile makes it change nothing — then the head is read under lock and the
   * links are chained again. Either way the UPDATE holds the head row's lock until the
   * transaction ends, so appenders still queue. A guess only becomes the next guess
   * after its transaction commits.
   */
  async recordMany(tx: Transaction, inputs: readonly AuditRecord[]): Promise<AuditLink[]> {
    if (!inputs.length) return [];
    const ctx = currentContext();
    const at = new Date(Math.floor(Date.now()));
    const byTenant = new Map<number, number[]>();
    inputs.forEach((input, i) => {
      const tenantId = input.tenantId ?? ctx?.tenantId;
      if (tenantId === undefined) throw new Error('audit: no tenant for the event');
      byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), i]);
    });
    const links: AuditLink[] = new Array<AuditLink>(inputs.length);
    const db = this.sql.in(tx);
    for (const [tenantId, positions] of byTenant) {
      const chain = (head: { seq: number; hash: string }) =>
        this.chain(
          head,
          positions.map((i) => inputs[i]!),
          { tenantId, at },
        );
      const guess = this.heads.get(tenantId);
      let chained = guess ? chain(guess) : null;
      if (!chained || !(await this.moveHead(db, tenantId, chained.at(-1)!, guess))) {
        chained = chain(await this.lockHead(tx, tenantId));
        await this.moveHead(db, tenantId, chained.at(-1)!);
      }
      positions.forEach((p, k) => (links[p] = chained[k]!));
      const { seq, hash } = chained.at(-1)!;
      tx.afterCommit(() => {
        if ((this.heads.get(tenantId)?.seq ?? -1) < seq) this.heads.set(tenantId, { seq, hash });
      });
    }
    const columns =
      '(tenant_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, request_id, prev_hash, hash)';
    // nothing reads the links before the transaction ends: they go in with its COMMIT
    for (let i = 0; i < links.length; i += INSERT_BATCH) {
      const batch = links.slice(i, i + INSERT_BATCH);
      await this.sql.atCommit(
        tx,
        `INSERT INTO audit_events ${columns} VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        batch.flatMap((l) => [
          l.tenantId,
          l.seq,
          this.sql.date(l.at),
          l.actorId,
          l.actorName,
          l.action,
          l.entityType,
          l.entityId,
          l.beforeJson,
          l.afterJson,
          l.requestId,
          l.prevHash,
          l.hash,
        ]),
      );
    }
    return links;
  }

  /** One tenant's links after `head`, in order. */
  private chain(
    head: { seq: number; hash: string },
    inputs: AuditRecord[],
    { tenantId, at }: { tenantId: number; at: Date },
  ): AuditLink[] {
    const ctx = currentContext();
    let { seq, hash } = head;
    return inputs.map((input) => {
      const fields: LinkFields = {
        tenantId,
        seq: seq + 1,
        at,
        actorId: ctx?.actor?.id ?? null,
        actorName: ctx?.actor?.username ?? 'system',
        action: input.action,
        entityType: input.entityType,
        entityId: String(input.entityId),
        beforeJson: input.before ? canonicalJson(input.before) : null,
        afterJson: input.after ? canonicalJson(input.after) : null,
        requestId: ctx?.requestId ?? null,
      };
      const link: AuditLink = { ...fields, prevHash: hash, hash: linkHash(hash, fields) };
      ({ seq, hash } = link);
      return link;
    });
  }

  /** Moves a tenant's head to `to`; with `from`, only if the head is still there. */
  private async moveHead(
    db: Driver,
    tenantId: number,
    to: { seq: number; hash: string },
    from?: { seq: number; hash: string },
  ): Promise<boolean> {
    const { changes } = from
      ? await db.run(
          'UPDATE audit_heads SET seq = ?, hash = ? WHERE tenant_id = ? AND seq = ? AND hash = ?',
          [to.seq, to.hash, tenantId, from.seq, from.hash],
        )
      : await db.run('UPDATE audit_heads SET seq = ?, hash = ? WHERE tenant_id = ?', [
          to.seq,
          to.hash,
          tenantId,
        ]);
    return changes === 1;
  }

  /** The chain's head, locked until the transaction ends (created on first use). */
  private async lockHead(
    tx: Transaction,
    tenantId: number,
  ): Promise<{ seq: number; hash: string }> {
    // On MySQL/MariaDB, INSERT IGNORE of an existing head takes a shared lock that the
    // SELECT … FOR UPDATE below must upgrade: two appenders holding it deadlock.
    // ON DUPLICATE KEY UPDATE takes the exclusive lock at once, so appenders queue.
    const insert =
      this.dialect === 'mysql'
        ? 'INSERT INTO audit_heads (tenant_id, seq, hash) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE tenant_id = tenant_id'
        : 'INSERT OR IGNORE INTO audit_heads (tenant_id, seq, hash) VALUES (?, 0, ?)';
    // a chain's head row, once made, is never deleted: make it only the first time
    if (!this.knownHeads.has(tenantId)) {
      await this.sql.in(tx).run(insert, [tenantId, GENESIS_HASH]);
    }
    // SQLite transactions are IMMEDIATE: the database is already locked for writing
    const lock = this.dialect === 'mysql' ? ' FOR UPDATE' : '';
    const [head] = await this.sql
      .in(tx)
      .all<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM audit_heads WHERE tenant_id = ?${lock}`,
        [tenantId],
      );
    if (!head) throw new Error('audit: chain head vanished');
    this.knownHeads.add(tenantId);
    return { seq: Number(head.seq), hash: head.hash };
  }

  /** The current tenant's events, newest first, as the API shows them. */
  async list(q: {
    action?: string;
    entityType?: string;
    entityId?: string;
    limit: number;
    offset: number;
  }) {
    const where = Object.fromEntries(
      Object.entries({ action: q.action, entityType: q.entityType, entityId: q.entityId }).filter(
        ([, v]) => v,
      ),
    );
    const { rows, count } = await AuditEvent.findAndCountAll({
      where,
      order: [['seq', 'DESC']],
      limit: q.limit,
      offset: q.offset,
    });
    return {
      total: count,
      items: rows.map((e) => ({
        id: Number(e.id),
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        actorName: e.actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.beforeJson ? (JSON.parse(e.beforeJson) as unknown) : null,
        after: e.afterJson ? (JSON.parse(e.afterJson) as unknown) : null,
        requestId: e.requestId,
        hash: e.hash,
      })),
    };
  }
}
