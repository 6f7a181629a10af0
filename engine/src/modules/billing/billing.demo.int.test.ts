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
    assert.ok(seen.items.every((i) => i.status === 'open' && i.totalSatang > 0));
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
