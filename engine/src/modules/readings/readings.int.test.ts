/**
 * Meter readings through the API: the previous value, the domain's flags, the review
 * queue's four actions, the batch entry of a route, and production readings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { addAccounts, tenantOf, type FixtureAccount } from '../billing/billing.fixtures.js';

describe(`meter readings on ${testDialect()}`, () => {
  let srv: TestServer;
  let reader: string;
  let clerk: string;
  let resident: string;
  let adminB: string;
  let works: { id: number }[];
  let accounts: FixtureAccount[];

  const enter = (accountId: number, period: string, currentReading: number, token = reader) =>
    srv.api('POST', '/readings', { token, body: { accountId, period, currentReading } });

  /** Accepted readings of 10 m³ a month from January on, so the account has an average. */
  async function history(a: FixtureAccount, months: number, start = 100) {
    for (let m = 1; m <= months; m++) {
      const res = await enter(a.id, `2026-0${m}`, start + 10 * m);
      assert.equal(res.body.status, 'accepted', JSON.stringify(res.body));
    }
  }

  before(async () => {
    srv = await startTestServer();
    [reader, clerk, resident, adminB] = await Promise.all([
      srv.login('reader'),
      srv.login('clerk'),
      srv.login('resident1'),
      srv.login('admin_b'),
    ]);
    const t = await tenantOf(srv, clerk);
    works = t.waterworks;
    accounts = await addAccounts(srv, t.tenantId, works[0]!.id, null, [
      { initialReading: 100 },
      { initialReading: 100 },
      { initialReading: 100 },
      { initialReading: 100 },
      { digits: 4, initialReading: 9990 },
      { initialReading: 100 },
      { initialReading: 100 },
    ]);
  });
  after(() => srv?.stop());

  it('should take the meter’s initial reading as the first previous value, and accept a normal reading', async () => {
    // when
    const res = await enter(accounts[0]!.id, '2026-01', 112);

    // then
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.previousReading, 100);
    assert.equal(res.body.consumptionM3, 12);
    assert.equal(res.body.status, 'accepted');
    assert.deepEqual(res.body.flags, []);
    assert.equal(res.body.readBy, 'reader');
  });

  it('should take the last accepted reading as the previous value next month', async () => {
    const res = await enter(accounts[0]!.id, '2026-02', 125);
    assert.equal(res.body.previousReading, 112);
    assert.equal(res.body.consumptionM3, 13);
  });

  it('should count a rollover on a 4-digit meter (9 990 → 0 003 is 13 m³) and flag it without review', async () => {
    const res = await enter(accounts[4]!.id, '2026-01', 3);
    assert.equal(res.body.consumptionM3, 13);
    assert.deepEqual(res.body.flags, ['rollover']);
    assert.equal(res.body.status, 'accepted');
  });

  it('should answer 422 on currentReading for a value the dial cannot show', async () => {
    const p = assertProblem(await enter(accounts[4]!.id, '2026-02', 12345), 422);
    assert.deepEqual(
      p.errors?.map((e) => e.path),
      ['currentReading'],
    );
  });

  it('should send a reading below the previous one to review, NOT accept it as is, and accept a correction', async () => {
    // given
    await enter(accounts[1]!.id, '2026-01', 120);
    const low = await enter(accounts[1]!.id, '2026-02', 115);
    assert.equal(low.body.status, 'review');
    assert.deepEqual(low.body.flags, ['below-previous']);
    assert.equal(low.body.consumptionM3, null);
    const queue = await srv.api('GET', '/readings/review?period=2026-02', { token: clerk });
    assert.deepEqual(
      queue.body.items.map((r: { id: number }) => r.id),
      [low.body.id],
    );

    // when
    const accept = await srv.api('POST', `/readings/${low.body.id}/accept`, { token: clerk });
    const correct = await srv.api('POST', `/readings/${low.body.id}/correct`, {
      token: clerk,
      body: { currentReading: 131, note: 'อ่านผิดหลัก' },
    });

    // then
    assertProblem(accept, 422, 'reading_needs_correction');
    assert.equal(correct.status, 200, JSON.stringify(correct.body));
    assert.equal(correct.body.status, 'accepted');
    assert.equal(correct.body.consumptionM3, 11);
    assert.equal(correct.body.reviewedBy, 'clerk');
    const after = await srv.api('GET', '/readings/review?period=2026-02', { token: clerk });
    assert.equal(after.body.total, 0);
  });

  it('should flag use far above the average for review, and bill the average when staff estimate', async () => {
    // given 10 m³ a month for three months
    await history(accounts[2]!, 3);
    const high = await enter(accounts[2]!.id, '2026-04', 130 + 80);
    assert.equal(high.body.status, 'review');
    assert.ok(high.body.flags.includes('abnormal-high'), high.body.flags);

    // when
    const res = await srv.api('POST', `/readings/${high.body.id}/estimate`, { token: clerk });

    // then
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'accepted');
    assert.equal(res.body.estimated, true);
    assert.equal(res.body.consumptionM3, 10);
    assert.equal(res.body.currentReading, 140);
    assert.ok(res.body.flags.includes('estimated'));
  });

  it('should accept a flagged reading as read when staff say so', async () => {
    await history(accounts[3]!, 3);
    const high = await enter(accounts[3]!.id, '2026-04', 130 + 50);
    const res = await srv.api('POST', `/readings/${high.body.id}/accept`, { token: clerk });
    assert.equal(res.body.status, 'accepted');
    assert.equal(res.body.consumptionM3, 50);
  });

  it('should hold a re-read out of billing until the reader enters a new value, which replaces it', async () => {
    // given
    await history(accounts[5]!, 3);
    const zero = await enter(accounts[5]!.id, '2026-04', 130);
    assert.equal(zero.body.status, 'review');
    assert.ok(zero.body.flags.includes('zero-occupied'));

    // when
    const rr = await srv.api('POST', `/readings/${zero.body.id}/reread`, {
      token: clerk,
      body: { note: 'กรุณาอ่านใหม่' },
    });
    const again = await enter(accounts[5]!.id, '2026-04', 141);

    // then
    assert.equal(rr.body.status, 'reread');
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.id, zero.body.id, 'the same reading row');
    assert.equal(again.body.status, 'accepted');
    assert.equal(again.body.consumptionM3, 11);
  });

  it('should NOT take a second reading for an accepted period (409)', async () => {
    assertProblem(await enter(accounts[0]!.id, '2026-01', 200), 409, 'reading_exists');
  });

  it('should save a route’s batch whole, or nothing with the path of the bad row', async () => {
    // when
    const bad = await srv.api('POST', '/readings/batch', {
      token: reader,
      body: {
        period: '2026-05',
        items: [
          { accountId: accounts[6]!.id, currentReading: 111 },
          { accountId: 999_999, currentReading: 5 },
        ],
      },
    });
    const good = await srv.api('POST', '/readings/batch', {
      token: reader,
      body: {
        period: '2026-05',
        items: [
          { accountId: accounts[6]!.id, currentReading: 111 },
          { accountId: accounts[0]!.id, currentReading: 140 },
        ],
      },
    });

    // then
    const p = assertProblem(bad, 422, 'unknown_account');
    assert.deepEqual(
      p.errors?.map((e) => e.path),
      ['items.1.accountId'],
    );
    assert.equal(good.status, 201, JSON.stringify(good.body));
    assert.deepEqual(
      good.body.items.map((r: { consumptionM3: number }) => r.consumptionM3),
      [11, 15],
    );
    const may = await srv.api('GET', `/readings?period=2026-05&accountId=${accounts[6]!.id}`, {
      token: clerk,
    });
    assert.equal(may.body.total, 1, 'the failed batch left nothing behind');
  });

  it('should NOT let a resident enter readings, nor another tenant see or review them', async () => {
    assertProblem(await enter(accounts[0]!.id, '2026-06', 150, resident), 403);
    const list = await srv.api('GET', '/readings?period=2026-01', { token: adminB });
    assert.equal(list.body.total, 0);
    const one = (await srv.api('GET', '/readings?period=2026-01', { token: clerk })).body.items[0];
    assertProblem(await srv.api('GET', `/readings/${one.id}`, { token: adminB }), 404);
    assertProblem(await srv.api('POST', `/readings/${one.id}/reread`, { token: adminB }), 404);
    assertProblem(await enter(accounts[0]!.id, '2026-06', 150, adminB), 422, 'unknown_account');
  });

  it('should record and replace production readings per waterworks and period', async () => {
    // when
    const first = await srv.api('POST', '/production-readings', {
      token: reader,
      body: { waterworksId: works[0]!.id, period: '2026-01', producedM3: 4200 },
    });
    const again = await srv.api('POST', '/production-readings', {
      token: reader,
      body: {
        waterworksId: works[0]!.id,
        period: '2026-01',
        producedM3: 4300,
        meterReading: 88_000,
      },
    });
    const other = await srv.api('POST', '/production-readings', {
      token: adminB,
      body: { waterworksId: works[0]!.id, period: '2026-01', producedM3: 1 },
    });

    // then
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(again.body.id, first.body.id);
    assertProblem(other, 404);
    // (the demo records its own year of production: look at this period only)
    const list = await srv.api(
      'GET',
      `/production-readings?waterworksId=${works[0]!.id}&from=2026-01&to=2026-01`,
      { token: clerk },
    );
    assert.deepEqual(
      list.body.items.map((p: { period: string; producedM3: number }) => [p.period, p.producedM3]),
      [['2026-01', 4300]],
    );
  });
});
