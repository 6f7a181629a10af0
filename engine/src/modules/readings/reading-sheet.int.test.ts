/**
 * The reading sheet of a route, the review queue's account fields and the invoice list's
 * billing-run filter, on the demo tenant's year of readings and billing runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { historyPeriods } from '../billing/billing.demo.js';
import { thaiDay } from '../billing/billing-dates.js';
import { assessReading } from '../../domain/index.js';
import { addAccounts, tenantOf } from '../billing/billing.fixtures.js';

interface SheetItem {
  accountId: number;
  accountNumber: string;
  waterUserName: string;
  villageId: number | null;
  routeOrder: number;
  meter: {
    serial: string;
    size: string;
    digits: number;
    replacement: { oldFinal: number; newInitial: number } | null;
  } | null;
  previous: number | null;
  previousSource: string | null;
  averageM3: number | null;
  current: { id: number; value: number | null; status: string; flags: string[] } | null;
}

interface Reading {
  period: string;
  currentReading: number | null;
  consumptionM3: number | null;
  estimated: boolean;
}

describe(`the reading sheet on ${testDialect()}`, () => {
  let srv: TestServer;
  let reader: string;
  let finance: string;
  let adminB: string;
  let tenantId: number;
  let waterworksId: number;
  let villageId: number;
  const thisPeriod = thaiDay(new Date()).slice(0, 7);
  const newest = historyPeriods(thaiDay(new Date())).at(-1)!;

  const sheet = async (query: string, token = reader) => {
    const res = await srv.api('GET', `/readings/sheet?${query}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { period: string; items: SheetItem[] };
  };
  const acceptedOf = async (accountId: number): Promise<Reading[]> => {
    const res = await srv.api('GET', `/readings?accountId=${accountId}&status=accepted`, {
      token: finance,
    });
    return res.body.items as Reading[];
  };

  before(async () => {
    srv = await startTestServer({ demo: true });
    [reader, finance, adminB] = await Promise.all([
      srv.login('reader'),
      srv.login('finance'),
      srv.login('admin_b'),
    ]);
    const t = await tenantOf(srv, finance);
    tenantId = t.tenantId;
    waterworksId = t.waterworks[0]!.id;
    villageId = t.villages.find((v) => v.waterworksId === waterworksId)!.id;
  });
  after(() => srv?.stop());

  it('should list a village’s accounts in route order with the last accepted reading as previous', async () => {
    // when
    const s = await sheet(
      `waterworksId=${waterworksId}&villageId=${villageId}&period=${thisPeriod}`,
    );

    // then
    assert.equal(s.period, thisPeriod);
    assert.ok(s.items.length >= 10, `${s.items.length} accounts on the sheet`);
    const orders = s.items.map((i) => i.routeOrder);
    assert.deepEqual(
      orders,
      [...orders].sort((a, b) => a - b),
    );
    assert.ok(s.items.every((i) => i.villageId === villageId && i.current === null));
    for (const item of s.items.slice(0, 4)) {
      const accepted = await acceptedOf(item.accountId);
      const used = accepted
        .filter((r) => !r.estimated && r.consumptionM3 !== null)
        .slice(0, 6)
        .map((r) => r.consumptionM3!);
      assert.equal(item.previous, accepted[0]!.currentReading, item.accountNumber);
      assert.equal(item.previousSource, 'last-accepted');
      assert.equal(item.averageM3, Math.round(used.reduce((a, b) => a + b, 0) / used.length));
      const account = await srv.api('GET', `/accounts/${item.accountId}`, { token: finance });
      assert.equal(item.accountNumber, account.body.number);
      assert.equal(item.waterUserName, account.body.waterUser.name);
      assert.deepEqual(item.meter, {
        serial: account.body.meter.serial,
        size: account.body.meter.size,
        digits: account.body.meter.digits,
        replacement: null,
      });
    }
  });

  it('should order a whole waterworks’ sheet by village, then route order', async () => {
    const s = await sheet(`waterworksId=${waterworksId}&period=${thisPeriod}`);
    const keys = s.items.map((i) => [i.villageId ?? 0, i.routeOrder] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.ok(s.items.length > 100, `${s.items.length} accounts`);
    assert.deepEqual(keys, sorted);
  });

  it('should show a reading once entered, as the engine assessed it', async () => {
    // given
    const before = await sheet(
      `waterworksId=${waterworksId}&villageId=${villageId}&period=${thisPeriod}`,
    );
    const item = before.items[0]!;
    const entered = await srv.api('POST', '/readings', {
      token: reader,
      body: { accountId: item.accountId, period: thisPeriod, currentReading: item.previous! + 7 },
    });
    assert.equal(entered.status, 201, JSON.stringify(entered.body));

    // when
    const s = await sheet(
      `waterworksId=${waterworksId}&villageId=${villageId}&period=${thisPeriod}`,
    );

    // then
    const now = s.items.find((i) => i.accountId === item.accountId)!;
    assert.deepEqual(now.current, {
      id: entered.body.id,
      value: item.previous! + 7,
      status: entered.body.status,
      flags: entered.body.flags,
      consumptionM3: 7,
    });
    assert.equal(now.previous, item.previous);
    assert.equal(now.previousSource, 'this-period');
  });

  it('should NOT show another tenant’s accounts, even given its waterworks', async () => {
    const s = await sheet(`waterworksId=${waterworksId}&period=${thisPeriod}`, adminB);
    assert.deepEqual(s.items, []);
  });

  it('should answer 400 on query.period for a month that is not YYYY-MM', async () => {
    const res = await srv.api(
      'GET',
      `/readings/sheet?waterworksId=${waterworksId}&period=2026-13`,
      {
        token: reader,
      },
    );
    const p = assertProblem(res, 400, 'validation');
    assert.deepEqual(
      p.errors?.map((e) => e.path),
      ['query.period'],
    );
  });

  it('should NOT show a resident the sheet', async () => {
    const resident = await srv.login('resident1');
    const res = await srv.api(
      'GET',
      `/readings/sheet?waterworksId=${waterworksId}&period=${thisPeriod}`,
      { token: resident },
    );
    assert.equal(res.status, 403);
  });

  it('should start a new account from its meter’s initial reading, and give the replacement a new meter needs to be flagged as the engine flags it', async () => {
    // given a new account whose meter starts at 40
    const [a] = await addAccounts(srv, tenantId, waterworksId, villageId, [
      { digits: 4, initialReading: 40 },
    ]);
    const at = (period: string) =>
      sheet(`waterworksId=${waterworksId}&villageId=${villageId}&period=${period}`).then((s) =>
        s.items.find((i) => i.accountId === a!.id)!,
      );
    const fresh = await at('2025-03');
    assert.equal(fresh.previous, 40);
    assert.equal(fresh.previousSource, 'meter-initial');
    assert.equal(fresh.averageM3, null);
    // and read at 52, then its meter replaced: the old one ended at 60, the new one starts at 0
    await srv.api('POST', '/readings', {
      token: reader,
      body: { accountId: a!.id, period: '2025-03', currentReading: 52 },
    });
    const replaced = await srv.api('POST', `/accounts/${a!.id}/meter-replacements`, {
      token: await srv.login('clerk'),
      body: {
        serial: `R-${a!.id}`,
        size: '1/2',
        digits: 5,
        initialReading: 0,
        oldFinalReading: 60,
        date: '2025-04-10',
      },
    });
    assert.ok(replaced.status < 300, JSON.stringify(replaced.body));

    // when
    const row = await at('2025-04');

    // then the sheet's values assess a typed 5 as the engine assesses the saved 5
    assert.equal(row.previous, 52);
    assert.deepEqual(row.meter, {
      serial: `R-${a!.id}`,
      size: '1/2',
      digits: 5,
      replacement: { oldFinal: 60, newInitial: 0 },
    });
    const typed = assessReading({
      previous: row.previous!,
      current: 5,
      digits: row.meter!.digits,
      replacement: row.meter!.replacement!,
      averageM3: row.averageM3,
      occupied: true,
    });
    const saved = await srv.api('POST', '/readings', {
      token: reader,
      body: { accountId: a!.id, period: '2025-04', currentReading: 5 },
    });
    assert.equal(saved.body.consumptionM3, 13);
    assert.equal(typed.consumptionM3, saved.body.consumptionM3);
    assert.deepEqual(typed.flags, saved.body.flags);
  });

  it('should give each review-queue entry its account number and water user’s name', async () => {
    // when
    const res = await srv.api('GET', `/readings/review?period=${newest}`, { token: finance });

    // then
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const items = res.body.items as {
      accountId: number;
      accountNumber: string;
      waterUserName: string;
    }[];
    assert.ok(items.length >= 3, `${items.length} in review`);
    for (const i of items) {
      const account = await srv.api('GET', `/accounts/${i.accountId}`, { token: finance });
      assert.equal(i.accountNumber, account.body.number);
      assert.equal(i.waterUserName, account.body.waterUser.name);
    }
  });

  it('should list only the invoices a billing run made when filtered by the run', async () => {
    // given two runs of the demo year
    const runs = await srv.api('GET', `/billing-runs?waterworksId=${waterworksId}`, {
      token: finance,
    });
    const [one, other] = runs.body.items as { id: number; createdCount: number }[];
    assert.ok(one && other, JSON.stringify(runs.body));

    // when
    const res = await srv.api('GET', `/invoices?billingRunId=${one.id}&limit=500`, {
      token: finance,
    });

    // then
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, one.createdCount);
    assert.ok(res.body.items.length > 0);
    assert.ok(res.body.items.every((i: { billingRunId: number }) => i.billingRunId === one.id));
    const others = await srv.api('GET', `/invoices?billingRunId=${other.id}&limit=1`, {
      token: finance,
    });
    assert.notEqual(others.body.items[0].id, res.body.items[0].id);
  });
});
