/**
 * The transactional outbox: a module that changes something others care about (a payment
 * received, a slip rejected) writes an event row in the same transaction as the change;
 * after commit, the dispatcher hands due events to their subscribers (the workflow's
 * message correlation now; notification channels in step 9/11). Delivery is at least once:
 * subscribers are idempotent. A failing subscriber is retried with backoff; the error is
 * kept on the row.
 */
import type { Logger } from 'pino';
import type { Sequelize, Transaction } from 'sequelize';
import { Sql, readDate, type Param } from '../../db/sql.js';
import { asTenant } from '../../http/request-context.js';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: number;
  tenantId: number;
  type: string;
  payload: P;
  createdAt: Date;
}

/** Receives the due events of one type and one tenant, oldest first, in the tenant's context. */
export type Subscriber = (events: OutboxEvent[]) => Promise<void>;

const BATCH = 500;
const MAX_BACKOFF_MS = 15 * 60_000;

export class Outbox {
  private readonly sql: Sql;
  private readonly subscribers = new Map<string, Subscriber[]>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = new Sql(sequelize);
  }

  subscribe(type: string, fn: Subscriber): void {
    this.subscribers.set(type, [...(this.subscribers.get(type) ?? []), fn]);
  }

  /** Appends events in the caller's transaction (one multi-row INSERT per 500). */
  async append(
    tx: Transaction,
    events: { tenantId: number; type: string; payload: Record<string, unknown> }[],
  ): Promise<void> {
    if (!events.length) return;
    const at = this.sql.date(this.now());
    const driver = this.sql.in(tx);
    for (let i = 0; i < events.length; i += BATCH) {
      const page = events.slice(i, i + BATCH);
      const params: Param[] = page.flatMap((e) => [
        e.tenantId,
        e.type,
        JSON.stringify(e.payload),
        at,
        at,
      ]);
      await driver.run(
        `INSERT INTO outbox_events (tenant_id, type, payload_json, created_at, next_attempt_at, attempts)
         VALUES ${page.map(() => '(?, ?, ?, ?, ?, 0)').join(',')}`,
        params,
      );
    }
  }

  /** Delivers what is due now; resolves with how many events were delivered. */
  deliverDue(): Promise<number> {
    this.running ??= this.deliverLoop().finally(() => (this.running = null));
    return this.running;
  }

  /** Polls every `intervalMs` (and whenever kick() is called). */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Asks for a delivery soon (after a commit that appended events). */
  kick(): void {
    void this.deliverDue().catch((err: unknown) => this.log.error({ err }, 'outbox delivery'));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Events not delivered yet (for tests and the health page). */
  async pending(type?: string): Promise<number> {
    const rows = await this.sql.select<{ n: number }>(
      `SELECT COUNT(*) AS n FROM outbox_events WHERE delivered_at IS NULL${type ? ' AND type = ?' : ''}`,
      type ? [type] : [],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async deliverLoop(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const due = await this.sql.select<{
        id: number;
        tenant_id: number;
        type: string;
        payload_json: string;
        created_at: unknown;
        attempts: number;
      }>(
        `SELECT id, tenant_id, type, payload_json, created_at, attempts FROM outbox_events
         WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ${BATCH}`,
        [this.sql.date(this.now())],
      );
      if (!due.length) return delivered;
      const groups = new Map<string, OutboxEvent[]>();
      for (const r of due) {
        const key = `${r.tenant_id}\u0000${r.type}`;
        const e: OutboxEvent = {
          id: Number(r.id),
          tenantId: Number(r.tenant_id),
          type: r.type,
          payload: JSON.parse(r.payload_json) as Record<string, unknown>,
          createdAt: readDate(r.created_at) ?? this.now(),
        };
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      const attempts = new Map(due.map((r) => [Number(r.id), Number(r.attempts)]));
      for (const events of groups.values()) {
        const { tenantId, type } = events[0]!;
        const ids = events.map((e) => e.id);
        try {
          for (const fn of this.subscribers.get(type) ?? [])
            await asTenant(tenantId, () => fn(events));
          await this.mark(ids, 'UPDATE outbox_events SET delivered_at = ? WHERE id IN', [
            this.sql.date(this.now()),
          ]);
          delivered += ids.length;
        } catch (err) {
          this.log.warn({ err, type, tenantId, events: ids.length }, 'outbox subscriber failed');
          const tries = Math.max(...ids.map((id) => attempts.get(id) ?? 0)) + 1;
          const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(tries, 20));
          await this.mark(
            ids,
            'UPDATE outbox_events SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id IN',
            [
              this.sql.date(new Date(this.now().getTime() + wait)),
              String(err instanceof Error ? err.message : err).slice(0, 1000),
            ],
          );
        }
      }
      if (due.length < BATCH) return delivered;
    }
  }

  private async mark(ids: number[], sql: string, params: Param[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const page = ids.slice(i, i + BATCH);
      await this.sequelize.query(`${sql} (${page.map(() => '?').join(',')})`, {
        replacements: [...params, ...page],
      });
    }
  }
}
