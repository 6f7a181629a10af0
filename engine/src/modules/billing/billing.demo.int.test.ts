/**
 * The demo's billing history (seeder `billing.history`): a year of invoices from real
 * billing runs, residents who see their own, readings waiting in the review queue and
 * production above what was billed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { historyPeriods } from './billing.demo.js';
import { thaiDay } from './billing-dates.js';

interface Inv {
  id: number;
  accountId: number;
  period: string;
  status: string;
  totalSatang: number;
}

interface SheetRow {
  accountId: number;
  accountNumber: string;
  meter: { size: string; replacement: unknown } | null;
  previous: number | null;
  current: { value: number | null; status: string; consumptionM3: number | null } | null;
}

/** Progressive blocks by hand: `tiers` of [up to m³, satang per m³]. */
function blocks(m3: number, tiers: [number, number][]): number {
  let water = 0;
  let from = 0;
  for (const [upto, rate] of tiers) {
    if (m3 > from) water += (Math.min(m3, upto) - from) * rate;
    from = upto;
  }
  return water;
}

/**
 * VILLAGE-BLOCK by hand: households 5 / 7 / 9 / 12 baht per m³ at 10 / 20 / 30 m³, at least
 * 20 baht; shops 8 / 10 / 14 at 10 / 30 m³, at least 50 baht; meter fee ½" 10, ¾" 20, 1" 30.
 */
function villageBlockByHand(m3: number, customerType: string, meterSize: string): number {
  const water =
    customerType === '2'
      ? Math.max(
          blocks(m3, [
            [10, 800],
            [30, 1000],
            [Infinity, 1400],
          ]),
          5000,
        )
      : Math.max(
          blocks(m3, [
            [10, 500],
            [20, 700],
            [30, 900],
            [Infinity, 1200],
          ]),
          2000,
        );
  const fee = { '1/2': 1000, '3/4': 2000, '1': 3000 }[meterSize];
  assert.ok(fee !== undefined, `meter size ${meterSize}`);
  return water + fee;
}

/** VILLAGE-FLAT by hand: 6 baht per m³, at least 30 baht, meter fee 10 baht, whole baht. */
function villageFlatByHand(m3: number): number {
  return Math.max(m3 * 600, 3000) + 1000;
}

describe(`demo billing history on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  const periods = historyPeriods(thaiDay(new Date()));

  before(async () => {
    srv = await startTestServer({ demo: true });
    finance = await srv.login('finance');
  });
  after(() => srv?.stop());

  const invoicesOf = async (token: string, query = '') => {
    const res = await srv.api('GET', `/invoices?limit=500&${query}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { total: number; items: Inv[] };
  };

  it('should show resident1 a year of invoices of their own account only', async () => {
    // given
    const resident1 = await srv.login('resident1');
    const mine = await srv.api('GET', '/accounts?limit=50', { token: resident1 });
    const myAccounts = new Set((mine.body.items as { id: number }[]).map((a) => a.id));
    assert.equal(myAccounts.size, 1, JSON.stringify(mine.body));

    // when
    const seen = await invoicesOf(resident1);

    // then
    assert.ok(seen.total >= MONTHS_BILLED_AT_LEAST, `resident1 sees ${seen.total} invoices`);
    assert.ok(seen.items.every((i) => myAccounts.has(i.accountId)));
    assert.deepEqual(
      [...new Set(seen.items.map((i) => i.period))].sort(),
      periods.filter((p) => seen.items.some((i) => i.period === p)),
    );
    assert.ok(seen.items.every((i) => i.status !== 'void' && i.totalSatang > 0));
  });

  it('should NOT show resident1 an invoice of resident2', async () => {
    // given resident2's invoices
    const resident2 = await srv.login('resident2');
    const theirs = await invoicesOf(resident2);
    assert.ok(theirs.total >= MONTHS_BILLED_AT_LEAST);
    const resident1 = await srv.login('resident1');

    // when
    const one = await srv.api('GET', `/invoices/${theirs.items[0]!.id}`, { token: resident1 });
    const listed = await invoicesOf(resident1, `account=${theirs.items[0]!.accountId}`);

    // then
    assertProblem(one, 404);
    assert.equal(listed.total, 0);
  });

  it('should bill every month of the year and leave a few readings for review', async () => {
    // when
    const all = await invoicesOf(finance, `period=${periods[0]}`);
    const newest = await invoicesOf(finance, `period=${periods.at(-1)}`);
    const review = await srv.api('GET', `/readings/review?period=${periods.at(-1)}`, {
      token: finance,
    });

    // then
    assert.ok(all.total > 200, `${all.total} invoices in ${periods[0]}`);
    assert.ok(newest.total > 200, `${newest.total} invoices in ${periods.at(-1)}`);
    assert.equal(review.status, 200, JSON.stringify(review.body));
    const waiting = (review.body.items ?? review.body) as unknown[];
    assert.ok(waiting.length >= 3 && waiting.length <= 10, `${waiting.length} in review`);
  });

  it('should bill the newest month of the demo to the satang of the tariffs worked out by hand', async () => {
    // given the demo's newest month: every accepted reading on each waterworks' sheet
    const period = periods.at(-1)!;
    const works = (await srv.api('GET', '/waterworks', { token: finance })).body.items as {
      id: number;
      code: string;
    }[];
    const invoices = new Map(
      (await invoicesOf(finance, `period=${period}`)).items.map((i) => [i.accountId, i]),
    );
    let checked = 0;
    for (const w of works) {
      const sheet = await srv.api('GET', `/readings/sheet?waterworksId=${w.id}&period=${period}`, {
        token: finance,
      });
      assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
      for (const row of sheet.body.items as SheetRow[]) {
        if (row.current?.status !== 'accepted' || !row.meter) continue;
        const account = (await srv.api('GET', `/accounts/${row.accountId}`, { token: finance }))
          .body;
        const m3 = row.current.consumptionM3!;
        if (!row.meter.replacement && row.previous !== null && row.current.value! >= row.previous)
          assert.equal(m3, row.current.value! - row.previous, `${row.accountNumber}: consumption`);

        // when the engine's invoice is compared with the tariff by hand
        const expected =
          (account.tariffCode ?? (w.code === 'WW2' ? 'VILLAGE-FLAT' : 'VILLAGE-BLOCK')) ===
          'VILLAGE-FLAT'
            ? villageFlatByHand(m3)
            : villageBlockByHand(m3, account.waterUser.customerType, row.meter.size);

        // then
        const invoice = invoices.get(row.accountId);
        assert.ok(invoice, `${row.accountNumber} has an invoice for ${period}`);
        assert.equal(invoice.totalSatang, expected, `${row.accountNumber}: ${m3} m³`);
        checked++;
      }
    }
    assert.ok(checked > 200, `${checked} invoices recomputed`);
  });

  it('should record production 10–30 % above the water billed', async () => {
    const res = await srv.api('GET', '/production-readings', { token: finance });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const rows = (res.body.items ?? res.body) as { period: string; producedM3: number }[];
    assert.ok(rows.length >= MONTHS_BILLED_AT_LEAST * 2, `${rows.length} production readings`);
    assert.ok(rows.every((r) => r.producedM3 > 0));
  });

  it('should leave an audit chain that verifies', async () => {
    const admin = await srv.login('admin');
    const res = await srv.api('GET', '/audit/verify', { token: admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.ok, true, JSON.stringify(res.body));
  });
});

const MONTHS_BILLED_AT_LEAST = 12;
