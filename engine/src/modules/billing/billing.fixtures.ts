/**
 * Test fixtures for billing: active accounts with meters made through the registry
 * service (the registry's own rules apply), and the ids tests need.
 */
import { asTenant } from '../../http/request-context.js';
import type { TestServer } from '../../testing/harness.js';

export interface FixtureAccount {
  id: number;
  number: string;
  waterworksId: number;
  villageId: number | null;
}

export interface AccountSpec {
  customerType?: string;
  meterSize?: string;
  digits?: number;
  initialReading?: number;
  tariffCode?: string | null;
}

/** The signed-in user's tenant id, waterworks and villages. */
export async function tenantOf(srv: TestServer, token: string) {
  const [t, w, v] = await Promise.all([
    srv.api('GET', '/tenant', { token }),
    srv.api('GET', '/waterworks', { token }),
    srv.api('GET', '/villages', { token }),
  ]);
  return {
    tenantId: t.body.id as number,
    waterworks: w.body.items as { id: number; code: string }[],
    villages: v.body.items as { id: number; moo: number; waterworksId: number | null }[],
  };
}

let serial = 0;

/** Active accounts with a meter each, in a waterworks (and the first of its villages). */
export async function addAccounts(
  srv: TestServer,
  tenantId: number,
  waterworksId: number,
  villageId: number | null,
  specs: AccountSpec[],
): Promise<FixtureAccount[]> {
  const registry = srv.engine.services.registry;
  return asTenant(tenantId, async () => {
    const out: FixtureAccount[] = [];
    for (const s of specs) {
      const n = ++serial;
      const user = await registry.createWaterUser({
        kind: 'person',
        name: `ผู้ใช้น้ำทดสอบ ${n}`,
        phone: `08${String(10_000_000 + n).slice(-8)}`,
        houseNo: String(n),
        ...(s.customerType ? { customerType: s.customerType } : {}),
      });
      const a = await registry.createAccount(
        {
          waterUserId: user.id,
          waterworksId,
          villageId,
          status: 'active',
          tariffCode: s.tariffCode ?? null,
          openedOn: '2025-01-01',
        },
        {
          serial: `T-${process.pid}-${n}`,
          size: s.meterSize ?? '1/2',
          digits: s.digits ?? 5,
          initialReading: s.initialReading ?? 0,
          installedOn: '2025-01-01',
        },
      );
      out.push({ id: a.id, number: a.number, waterworksId, villageId: a.villageId });
    }
    return out;
  });
}

export interface Progress {
  id: number;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  createdCount: number;
  skippedCount: number;
}

/**
 * Follows a billing run's server-sent events until it ends (or `until` says stop);
 * resolves with every progress event seen.
 */
export async function followRun(
  baseUrl: string,
  token: string,
  runId: number,
  until: (p: Progress) => boolean = (p) => p.status !== 'running',
): Promise<Progress[]> {
  const ctrl = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/billing-runs/${runId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: ctrl.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  if (!/^text\/event-stream/.test(res.headers.get('content-type') ?? ''))
    throw new Error(`events: ${res.headers.get('content-type')}`);
  const seen: Progress[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    const reader = res.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data) continue;
        const p = JSON.parse(data) as Progress;
        seen.push(p);
        if (until(p)) return seen;
      }
    }
    return seen;
  } finally {
    ctrl.abort();
  }
}

/** Starts a run (202) and follows it to its end. */
export async function runBilling(
  srv: TestServer,
  token: string,
  body: { waterworksId: number; period: string; issueDate?: string },
) {
  const res = await srv.api('POST', '/billing-runs', { token, body });
  if (res.status !== 202) throw new Error(`billing run: ${res.status} ${JSON.stringify(res.body)}`);
  const events = await followRun(srv.baseUrl, token, res.body.id);
  const run = await srv.api('GET', `/billing-runs/${res.body.id}`, { token });
  return { started: res.body, events, run: run.body };
}
