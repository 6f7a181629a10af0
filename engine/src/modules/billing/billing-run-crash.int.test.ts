/**
 * A billing run whose engine process is killed (SIGKILL) mid-run, then run again on
 * another engine: every account billed once, and the numbers run without a gap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { spawnEngineProcess } from '../../testing/engine-process.js';
import { addAccounts, followRun, runBilling, tenantOf } from './billing.fixtures.js';

const ACCOUNTS = 60;

describe(`a billing run killed mid-run on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  let worksId: number;
  let killedAt: { done: number; total: number };

  before(async () => {
    // given a waterworks with 60 read accounts, billed one account per transaction
    const setup = await startTestServer();
    finance = await setup.login('finance');
    const clerk = await setup.login('clerk');
    const t = await tenantOf(setup, finance);
    worksId = t.waterworks[0]!.id;
    await setup.api('PUT', '/tariff-assignments', {
      token: finance,
      body: { waterworksId: worksId, customerType: '*', tariffCode: 'VILLAGE-FLAT' },
    });
    await setup.api('PATCH', '/billing-settings', { token: finance, body: { runChunkSize: 1 } });
    const accounts = await addAccounts(
      setup,
      t.tenantId,
      worksId,
      null,
      Array.from({ length: ACCOUNTS }, () => ({})),
    );
    const read = await setup.api('POST', '/readings/batch', {
      token: clerk,
      body: {
        period: '2025-06',
        items: accounts.map((a, i) => ({ accountId: a.id, currentReading: 5 + (i % 20) })),
      },
    });
    assert.equal(read.status, 201, JSON.stringify(read.body));
    await setup.stop({ keepDatabase: true });

    // when an engine in another process starts the run and is killed once it is under way
    const child = await spawnEngineProcess(setup.database);
    const started = await fetch(`${child.baseUrl}/api/v1/billing-runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${finance}`, 'content-type': 'application/json' },
      body: JSON.stringify({ waterworksId: worksId, period: '2025-06', issueDate: '2025-07-01' }),
    });
    assert.equal(started.status, 202);
    const runId = ((await started.json()) as { id: number }).id;
    const seen = await followRun(child.baseUrl, finance, runId, (p) => p.done > 0);
    process.kill(child.pid, 'SIGKILL');
    killedAt = seen.at(-1)!;

    // and the run is started again on a fresh engine
    srv = await startTestServer({ database: setup.database });
  });
  after(async () => {
    await srv?.stop();
    await srv?.database.drop();
  });

  it('should have been killed with the run under way', () => {
    assert.ok(killedAt.done > 0 && killedAt.done < killedAt.total, JSON.stringify(killedAt));
  });

  it('should resume, bill every account once and number without a gap', async () => {
    // when
    const again = await runBilling(srv, finance, {
      waterworksId: worksId,
      period: '2025-06',
      issueDate: '2025-07-01',
    });

    // then
    assert.equal(again.run.status, 'completed', JSON.stringify(again.run));
    const res = await srv.api('GET', '/invoices?period=2025-06&limit=500', { token: finance });
    const items = res.body.items as { accountId: number; number: string }[];
    assert.equal(items.length, ACCOUNTS);
    assert.equal(new Set(items.map((i) => i.accountId)).size, ACCOUNTS, 'no account billed twice');
    assert.deepEqual(
      items.map((i) => Number(i.number.slice(-6))).sort((a, b) => a - b),
      Array.from({ length: ACCOUNTS }, (_, k) => k + 1),
      'numbers 1…60, no gap',
    );
    const rerun = await runBilling(srv, finance, { waterworksId: worksId, period: '2025-06' });
    assert.equal(rerun.run.createdCount, 0);
    const admin = await srv.login('admin');
    const verify = await srv.api('GET', '/audit/verify', { token: admin });
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
  });
});
