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
