/**
 * Billing runs through the API: invoices whose totals match a recomputation by hand from
 * the published rates (not calculateBill), gap-free numbers, a rerun that makes nothing,
 * arrears brought forward, credit notes, filters, and residents who see only their own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asTenant } from '../../http/request-context.js';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { addAccounts, runBilling, tenantOf, type FixtureAccount } from './billing.fixtures.js';

/** VILLAGE-BLOCK, type 1 (household), by hand: 5 / 7 / 9 / 12 baht per m³ at 10 / 20 / 30 m³, at least 20 baht, 10 baht meter fee. */
function villageBlock(m3: number): number {
  const tiers: [number, number][] = [
    [10, 500],
    [20, 700],
    [30, 900],
    [Infinity, 1200],
  ];
  let water = 0;
  let from = 0;
  for (const [upto, rate] of tiers) {
    if (m3 > from) water += (Math.min(m3, upto) - from) * rate;
    from = upto;
  }
  return Math.max(water, 2000) + 1000;
}

/** PWA-1 by hand: 10.20 / 16.00 / 19.00 / 21.20 baht per m³, VAT 7 % rounded half up. */
function pwa1(m3: number): number {
  const tiers: [number, number][] = [
    [10, 1020],
    [20, 1600],
    [30, 1900],
    [Infinity, 2120],
  ];
  let water = 0;
  let from = 0;
  for (const [upto, rate] of tiers) {
    if (m3 > from) water += (Math.min(m3, upto) - from) * rate;
    from = upto;
  }
  return water + Math.floor((water * 7) / 100 + 0.5);
}

interface Inv {
  id: number;
  number: string;
  accountId: number;
  status: string;
  period: string;
  totalSatang: number;
  arrearsSatang: number;
  amountDueSatang: number;
  balanceSatang: number;
  villageId: number | null;
  ref1: string;
  ref2: string;
  billerId: string;
  dueDate: string;
  issueDate: string;
  lines: { amountSatang: number }[];
  billingRunId: number | null;
}

describe(`billing runs on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  let clerk: string;
  let resident: string;
  let adminB: string;
  let tenantId: number;
  let worksId: number;
  let villageId: number;
  let block: FixtureAccount[];
  let pwa: FixtureAccount[];
  let flagged: FixtureAccount;
  let unread: FixtureAccount;
  const blockM3 = [3, 10, 11, 20, 25, 31, 45, 7, 15, 60];
  const pwaM3 = [20, 35];
  const expected = new Map<number, number>();

  const invoices = async (query: string, token = finance): Promise<Inv[]> => {
    const res = await srv.api('GET', `/invoices?limit=500&${query}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items;
  };

  before(async () => {
    srv = await startTestServer();
    [finance, clerk, resident, adminB] = await Promise.all([
      srv.login('finance'),
      srv.login('clerk'),
      srv.login('resident1'),
      srv.login('admin_b'),
    ]);
    const t = await tenantOf(srv, finance);
    tenantId = t.tenantId;
    worksId = t.waterworks[0]!.id;
    villageId = t.villages.find((v) => v.waterworksId === worksId)!.id;
    const assigned = await srv.api('PUT', '/tariff-assignments', {
      token: finance,
      body: { waterworksId: worksId, customerType: '*', tariffCode: 'VILLAGE-BLOCK' },
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    block = await addAccounts(
      srv,
      tenantId,
      worksId,
      villageId,
      blockM3.map(() => ({})),
    );
    pwa = await addAccounts(srv, tenantId, worksId, null, [
      { tariffCode: 'PWA-1' },
      { tariffCode: 'PWA-1' },
    ]);
    const extra = await addAccounts(srv, tenantId, worksId, villageId, [{}, {}]);
    flagged = extra[0]!;
    unread = extra[1]!;
    const items = [
      ...block.map((a, i) => ({ accountId: a.id, currentReading: blockM3[i]! })),
      ...pwa.map((a, i) => ({ accountId: a.id, currentReading: pwaM3[i]! })),
      { accountId: flagged!.id, currentReading: 0 },
    ];
    const read = await srv.api('POST', '/readings/batch', {
      token: clerk,
      body: { period: '2025-03', items },
    });
    assert.equal(read.status, 201, JSON.stringify(read.body));
    block.forEach((a, i) => expected.set(a.id, villageBlock(blockM3[i]!)));
    pwa.forEach((a, i) => expected.set(a.id, pwa1(pwaM3[i]!)));
  });
  after(() => srv?.stop());

  describe('the first run of a period', () => {
    let result: Awaited<ReturnType<typeof runBilling>>;
    let issued: Inv[];
    before(async () => {
      result = await runBilling(srv, finance, {
        waterworksId: worksId,
        period: '2025-03',
        issueDate: '2025-04-01',
      });
      issued = await invoices('period=2025-03');
    });

    it('should answer 202 at once and stream progress up to completion', () => {
      assert.equal(result.started.status, 'running');
      assert.equal(result.run.status, 'completed');
      const last = result.events.at(-1)!;
      assert.deepEqual(
        { status: last.status, done: last.done, total: last.total, created: last.createdCount },
        { status: 'completed', done: 12, total: 12, created: 12 },
      );
      for (let i = 1; i < result.events.length; i++)
        assert.ok(result.events[i]!.done >= result.events[i - 1]!.done, 'progress never goes back');
    });

    it('should issue one invoice per accepted reading, none for a reading in review or an account not read', () => {
      assert.equal(issued.length, 12);
      const billed = new Set(issued.map((i) => i.accountId));
      assert.ok(!billed.has(flagged.id) && !billed.has(unread.id));
    });

    it('should make every total equal the published rates worked out by hand', () => {
      for (const i of issued) {
        assert.equal(i.totalSatang, expected.get(i.accountId), `account ${i.accountId}`);
        assert.equal(
          i.lines.reduce((s, l) => s + l.amountSatang, 0),
          i.totalSatang,
          `${i.number}: the lines add up`,
        );
      }
    });

    it('should number the invoices gap-free in the fiscal year of the issue date (2568)', () => {
      const numbers = issued.map((i) => i.number).sort();
      assert.deepEqual(
        numbers,
        Array.from({ length: 12 }, (_, k) => `IV2568-${String(k + 1).padStart(6, '0')}`),
      );
    });

    it('should carry the payment references and the due date from the settings (15 days)', () => {
      const i = issued.find((x) => x.accountId === block[0]!.id)!;
      assert.equal(i.ref1, block[0]!.number);
      assert.equal(i.ref2, i.number);
      assert.equal(i.billerId, '099400016550101');
      assert.equal(i.issueDate, '2025-04-01');
      assert.equal(i.dueDate, '2025-04-16');
      assert.equal(i.arrearsSatang, 0);
      assert.equal(i.amountDueSatang, i.totalSatang);
    });

    it('should create nothing when the run is started again', async () => {
      // when
      const again = await runBilling(srv, finance, {
        waterworksId: worksId,
        period: '2025-03',
        issueDate: '2025-04-02',
      });

      // then
      assert.notEqual(again.run.id, result.run.id);
      assert.equal(again.run.status, 'completed');
      assert.equal(again.run.createdCount, 0);
      assert.equal(again.run.skippedCount, 12);
      assert.equal((await invoices('period=2025-03')).length, 12);
    });
  });

  describe('the next period', () => {
    let march: Inv[];
    let april: Inv[];
    before(async () => {
      march = await invoices('period=2025-03');
      const items = [...block, ...pwa].map((a) => ({
        accountId: a.id,
        currentReading: (march.find((i) => i.accountId === a.id) ? 0 : 0) + 100,
      }));
      const read = await srv.api('POST', '/readings/batch', {
        token: clerk,
        body: { period: '2025-04', items },
      });
      assert.equal(read.status, 201, JSON.stringify(read.body));
      // accept whatever the average flagged: this test is about arrears
      const queue = await srv.api('GET', '/readings/review?period=2025-04&limit=100', {
        token: clerk,
      });
      for (const r of queue.body.items)
        await srv.api('POST', `/readings/${r.id}/accept`, { token: clerk });
      await runBilling(srv, finance, {
        waterworksId: worksId,
        period: '2025-04',
        issueDate: '2025-05-01',
      });
      april = await invoices('period=2025-04');
    });

    it('should bring the open March invoice forward as arrears, shown beside the total and NOT in it', () => {
      assert.equal(april.length, 12);
      for (const i of april) {
        const prev = march.find((m) => m.accountId === i.accountId)!;
        assert.equal(i.arrearsSatang, prev.totalSatang, i.number);
        assert.equal(i.amountDueSatang, i.totalSatang + prev.totalSatang, i.number);
        assert.equal(
          i.lines.reduce((s, l) => s + l.amountSatang, 0),
          i.totalSatang,
        );
      }
    });

    it('should go on with the same number series', () => {
      assert.deepEqual(
        april.map((i) => Number(i.number.slice(-6))).sort((a, b) => a - b),
        Array.from({ length: 12 }, (_, k) => 13 + k),
      );
    });
  });

  describe('invoices', () => {
    it('should filter by status, account, period and village, and page', async () => {
      // (the demo's own year of invoices lies after these periods)
      const all = [...(await invoices('period=2025-03')), ...(await invoices('period=2025-04'))];
      assert.equal(all.length, 24);
      assert.equal((await invoices('status=open&period=2025-03')).length, 12);
      assert.equal((await invoices('status=paid&period=2025-03')).length, 0);
      assert.deepEqual((await invoices(`account=${block[1]!.id}`)).map((i) => i.period).sort(), [
        '2025-03',
        '2025-04',
      ]);
      const inVillage = await invoices(`village=${villageId}&period=2025-03`);
      assert.equal(inVillage.length, 10, 'the PWA accounts have no village');
      const page = await srv.api('GET', '/invoices?period=2025-04&limit=5&offset=10', {
        token: finance,
      });
      assert.equal(page.body.total, 12);
      assert.equal(page.body.items.length, 2);
    });

    it('should lower an invoice with a credit note of its own series, and NOT beyond its balance', async () => {
      // given
      const [inv] = await invoices(`account=${block[2]!.id}&period=2025-04`);

      // when
      const tooMuch = await srv.api('POST', `/invoices/${inv!.id}/credit-notes`, {
        token: finance,
        body: { amountSatang: inv!.totalSatang + 1, reason: 'ทดสอบ' },
      });
      const note = await srv.api('POST', `/invoices/${inv!.id}/credit-notes`, {
        token: finance,
        body: { amountSatang: 500, reason: 'มาตรอ่านผิด' },
      });

      // then
      const p = assertProblem(tooMuch, 422, 'credit_exceeds_balance');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['amountSatang'],
      );
      assert.equal(note.status, 201, JSON.stringify(note.body));
      assert.match(note.body.number, /^CN25\d\d-000001$/);
      const now = await srv.api('GET', `/invoices/${inv!.id}`, { token: finance });
      assert.equal(now.body.totalSatang, inv!.totalSatang, 'an issued invoice is never edited');
      assert.equal(now.body.creditedSatang, 500);
      assert.equal(now.body.balanceSatang, inv!.totalSatang - 500);
      assert.equal(now.body.amountDueSatang, inv!.amountDueSatang - 500);
      assert.deepEqual(
        now.body.creditNotes.map((c: { amountSatang: number }) => c.amountSatang),
        [500],
      );
      assertProblem(
        await srv.api('POST', `/invoices/${inv!.id}/credit-notes`, {
          token: clerk,
          body: { amountSatang: 1, reason: 'ไม่มีสิทธิ์' },
        }),
        403,
      );
    });

    it('should show a resident only the invoices of their linked accounts', async () => {
      // given resident1 linked to one account
      const me = await srv.api('GET', '/me', { token: resident });
      await asTenant(tenantId, () =>
        srv.engine.services.registry.linkResident(block[4]!.id, me.body.id),
      );
      const other = (await invoices(`account=${block[5]!.id}`))[0]!;

      // when
      const mine = await invoices('', resident);
      const asked = await invoices(`account=${block[5]!.id}`, resident);
      const one = await srv.api('GET', `/invoices/${other.id}`, { token: resident });

      // then (resident1 also has the demo's account and its invoices)
      const linked = await srv.api('GET', '/accounts?limit=50', { token: resident });
      const own = new Set((linked.body.items as { id: number }[]).map((a) => a.id));
      assert.ok(own.has(block[4]!.id));
      assert.ok(mine.every((i) => own.has(i.accountId)));
      assert.equal(mine.filter((i) => i.accountId === block[4]!.id).length, 2);
      assert.ok(!mine.some((i) => i.accountId === block[5]!.id));
      assert.deepEqual(asked, []);
      assertProblem(one, 404);
    });

    it('should NOT show another tenant’s invoices', async () => {
      const theirs = await invoices('', adminB);
      assert.deepEqual(theirs, []);
      const any = (await invoices('period=2025-03'))[0]!;
      assertProblem(await srv.api('GET', `/invoices/${any.id}`, { token: adminB }), 404);
      assertProblem(
        await srv.api('POST', '/billing-runs', {
          token: adminB,
          body: { waterworksId: worksId, period: '2025-03' },
        }),
        404,
      );
    });

    it('should leave an audit chain that verifies', async () => {
      const admin = await srv.login('admin');
      const res = await srv.api('GET', '/audit/verify', { token: admin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.ok, true, JSON.stringify(res.body));
    });
  });

  describe('invoices changed behind the audit log’s back', () => {
    const exec = (query: string, replacements: unknown[]) =>
      srv.engine.db.sequelize.query(query, { replacements });
    const verify = async () => {
      const res = await srv.api('GET', '/audit/verify', { token: await srv.login('admin') });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { ok: boolean; broken: { entity: string; reason: string }[] };
    };
    let victim: Inv;

    before(async () => {
      victim = (await invoices(`period=2025-03&account=${block[4]!.id}`))[0]!;
    });

    it('should name the billing run when an invoice total is edited with raw SQL: row_differs', async () => {
      // given
      await exec('UPDATE invoices SET total_satang = total_satang - 100 WHERE id = ?', [victim.id]);

      // when
      const result = await verify();

      // then
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.broken.map((b) => [b.entity, b.reason]),
        [[`billing-run:${victim.billingRunId}`, 'row_differs']],
      );
      await exec('UPDATE invoices SET total_satang = ? WHERE id = ?', [
        victim.totalSatang,
        victim.id,
      ]);
      assert.equal((await verify()).ok, true);
    });

    it('should name the billing run when an invoice is added to it with raw SQL: row_unaudited', async () => {
      // given a copy of an invoice under a number no page covers
      const cols = [
        'tenant_id',
        'account_id',
        'waterworks_id',
        'village_id',
        'account_number',
        'customer_name',
        'kind',
        'fiscal_year',
        'status',
        'issue_date',
        'due_date',
        'tariff_code',
        'water_charge_satang',
        'fees_satang',
        'levies_satang',
        'vat_satang',
        'rounding_satang',
        'total_satang',
        'arrears_satang',
        'credited_satang',
        'paid_satang',
        'lines_json',
        'billing_run_id',
        'created_at',
        'updated_at',
      ].join(', ');
      await exec(
        `INSERT INTO invoices (number, seq, period, ${cols})
         SELECT 'IV2568-999999', 999999, '2024-01', ${cols} FROM invoices WHERE id = ?`,
        [victim.id],
      );

      // when
      const result = await verify();

      // then
      assert.deepEqual(
        result.broken.map((b) => [b.entity, b.reason]),
        [[`billing-run:${victim.billingRunId}`, 'row_unaudited']],
      );
      await exec("DELETE FROM invoices WHERE number = 'IV2568-999999'", []);
      assert.equal((await verify()).ok, true);
    });
  });
});
