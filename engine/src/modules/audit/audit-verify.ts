/**
 * Checks every tenant's audit chain link by link, then checks the chain against the
 * database as it is now: each audited row must still look as its newest event says.
 * Reports the first broken link of each chain.
 */
import { Op } from 'sequelize';
import { asSystem } from '../../http/request-context.js';
import { AuditEvent, AuditHead } from './audit-event.model.js';
import { GENESIS_HASH, linkHash, type AuditLog, type BatchEvent } from './audit.service.js';
import { canonicalJson } from './canonical-json.js';

export interface BrokenLink {
  tenantId: number;
  seq: number;
  eventId: number | null;
  action: string | null;
  entity: string | null;
  reason:
    | 'hash_mismatch'
    | 'prev_hash_mismatch'
    | 'missing_link'
    | 'head_mismatch'
    | 'row_differs'
    | 'row_missing'
    | 'row_unaudited';
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  entitiesChecked: number;
  broken: BrokenLink[];
}

const PAGE = 2000;

export async function verifyAuditChain(
  audit: AuditLog,
  onlyTenant?: number,
): Promise<VerifyResult> {
  return asSystem(async () => {
    const heads = await AuditHead.findAll({
      where: onlyTenant ? { tenantId: onlyTenant } : {},
      order: [['tenantId', 'ASC']],
    });
    const result: VerifyResult = {
      ok: true,
      chains: heads.length,
      events: 0,
      entitiesChecked: 0,
      broken: [],
    };
    for (const head of heads) {
      const batchActions = new Set(audit.batchChecks().keys());
      const { events, broken, latest, batches } = await verifyLinks(head, batchActions);
      result.events += events;
      if (broken) {
        result.broken.push(broken);
        continue;
      }
      const rowBreak =
        (await verifyRows(audit, head.tenantId, latest)) ??
        (await verifyBatches(audit, head.tenantId, batches));
      result.entitiesChecked += latest.size;
      if (rowBreak) result.broken.push(rowBreak);
    }
    result.ok = result.broken.length === 0;
    return result;
  });
}

interface Latest {
  seq: number;
  eventId: number;
  action: string;
  afterJson: string | null;
}

async function verifyLinks(
  head: AuditHead,
  batchActions: ReadonlySet<string>,
): Promise<{
  events: number;
  broken?: BrokenLink;
  latest: Map<string, Latest>;
  batches: Map<string, BatchEvent[]>;
}> {
  const latest = new Map<string, Latest>();
  const batches = new Map<string, BatchEvent[]>();
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let count = 0;
  for (;;) {
    const page = await AuditEvent.findAll({
      where: { tenantId: head.tenantId, seq: { [Op.gte]: expectSeq } },
      order: [['seq', 'ASC']],
      limit: PAGE,
    });
    for (const e of page) {
      count++;
      const at = (reason: BrokenLink['reason'], detail: string): BrokenLink => ({
        tenantId: head.tenantId,
        seq: e.seq,
        eventId: Number(e.id),
        action: e.action,
        entity: `${e.entityType}:${e.entityId}`,
        reason,
        detail,
      });
      if (e.seq !== expectSeq) {
        return {
          events: count,
          latest,
          batches,
          broken: {
            ...at('missing_link', `link ${expectSeq} is missing (next is ${e.seq})`),
            seq: expectSeq,
          },
        };
      }
      if (e.prevHash !== prevHash)
        return {
          events: count,
          latest,
          batches,
          broken: at('prev_hash_mismatch', 'does not point at the link before it'),
        };
      if (linkHash(prevHash, e) !== e.hash)
        return {
          events: count,
          latest,
          batches,
          broken: at('hash_mismatch', 'its content was changed after it was written'),
        };
      if (batchActions.has(e.action) && e.afterJson) {
        const list = batches.get(e.action) ?? [];
        list.push({
          seq: e.seq,
          eventId: Number(e.id),
          entityId: e.entityId,
          after: JSON.parse(e.afterJson) as Record<string, unknown>,
        });
        batches.set(e.action, list);
      }
      latest.set(`${e.entityType}\u0000${e.entityId}`, {
        seq: e.seq,
        eventId: Number(e.id),
        action: e.action,
        afterJson: e.afterJson,
      });
      prevHash = e.hash;
      expectSeq++;
    }
    if (page.length < PAGE) break;
  }
  if (expectSeq - 1 !== head.seq || prevHash !== head.hash) {
    return {
      events: count,
      latest,
      batches,
      broken: {
        tenantId: head.tenantId,
        seq: expectSeq,
        eventId: null,
        action: null,
        entity: null,
        reason: expectSeq - 1 < head.seq ? 'missing_link' : 'head_mismatch',
        detail: `the chain ends at link ${expectSeq - 1} but its head says ${head.seq}`,
      },
    };
  }
  return { events: count, latest, batches };
}

/** The rows behind batch events (a billing run's pages of invoices) against their events. */
async function verifyBatches(
  audit: AuditLog,
  tenantId: number,
  batches: Map<string, BatchEvent[]>,
): Promise<BrokenLink | undefined> {
  for (const [action, check] of audit.batchChecks()) {
    const problem = await check(tenantId, batches.get(action) ?? []);
    if (!problem) continue;
    return {
      tenantId,
      seq: problem.event?.seq ?? 0,
      eventId: problem.event?.eventId ?? null,
      action: problem.event ? action : null,
      entity: problem.entity,
      reason: problem.reason,
      detail: problem.detail,
    };
  }
  return undefined;
}

async function verifyRows(
  audit: AuditLog,
  tenantId: number,
  latest: Map<string, Latest>,
): Promise<BrokenLink | undefined> {
  const sorted = [...latest.entries()].sort((a, b) => a[1].seq - b[1].seq);
  for (const [key, last] of sorted) {
    const [type, id] = key.split('\u0000') as [string, string];
    const entity = audit.entity(type);
    if (!entity) continue;
    const row = await entity.model.findByPk(id);
    const now = row ? canonicalJson(entity.snapshot(row)) : null;
    if (now === last.afterJson) continue;
    const link = {
      tenantId,
      seq: last.seq,
      eventId: last.eventId,
      action: last.action,
      entity: `${type}:${id}`,
    };
    if (!row)
      return {
        ...link,
        reason: 'row_missing',
        detail: `${type} ${id} was deleted behind the audit log's back`,
      };
    if (last.afterJson === null)
      return {
        ...link,
        reason: 'row_unaudited',
        detail: `${type} ${id} exists but its last event removed it`,
      };
    return {
      ...link,
      reason: 'row_differs',
      detail: `${type} ${id} differs from its last audited state: ${diffKeys(last.afterJson, now!)}`,
    };
  }
  return findUnauditedRow(audit, tenantId, latest);
}

/** A row of an audited type that no event ever recorded was inserted behind the log's back. */
async function findUnauditedRow(
  audit: AuditLog,
  tenantId: number,
  latest: Map<string, Latest>,
): Promise<BrokenLink | undefined> {
  for (const type of audit.registeredTypes()) {
    const { model } = audit.entity(type)!;
    const pk = model.primaryKeyAttribute;
    const where = 'tenantId' in model.getAttributes() ? { tenantId } : { [pk]: tenantId };
    const rows = await model.findAll({ attributes: [pk], where, raw: true });
    for (const row of rows as unknown as Record<string, unknown>[]) {
      const id = String(row[pk]);
      if (!latest.has(`${type}\u0000${id}`)) {
        return {
          tenantId,
          seq: 0,
          eventId: null,
          action: null,
          entity: `${type}:${id}`,
          reason: 'row_unaudited',
          detail: `${type} ${id} exists but no audit event ever recorded it`,
        };
      }
    }
  }
  return undefined;
}

function diffKeys(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).join(', ');
}
