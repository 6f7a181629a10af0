/**
 * The demo's payments (seeder `payments.history`): a year of invoices paid by cash, bank
 * file and slip in the month they were issued, receipts numbered without a gap, accounts
 * in arrears, and work waiting in finance's queues.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { historyPeriods, shiftPeriod } from '../billing/billing.demo.js';
import { addDays, fiscalYearOf, thaiDay } from '../billing/billing-dates.js';

interface Inv {
  accountId: number;
  period: string;
  status: string;
}

describe(`demo payments on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  const today = thaiDay(new Date());
  /** The months payments were taken in: each history period's bills are paid the month after. */
  const months = historyPeriods(today).map((p) => shiftPeriod(p, 1));

  before(async () => {
    srv = await startTestServer({ demo: true });
    finance = await srv.login('finance');
  });
  after(() => srv?.stop());

  const get = async (path: string, token = finance) => {
    const res = await srv.api('GET', path, { token });
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('should have payments by cash, bank file and slip in each of the last 12 months', async () => {
    for (const month of months) {
      // given the month's days
      const from = `${month}-01`;
      const to = addDays(`${shiftPeriod(month, 1)}-01`, -1);
      for (const method of ['cash', 'bank', 'slip']) {
        // when
        const paid = await get(`/payments?method=${method}&from=${from}&to=${to}&limit=1`);
        // then
        assert.ok(paid.total > 0, `no ${method} payment in ${month}`);
      }
    }
  });

  it('should number receipts without a gap in every fiscal year the payments fall in', async () => {
    // given
    const years = [...new Set(months.map((m) => fiscalYearOf(`${m}-15`)))];
    for (const fiscalYear of years) {
      // when
      const register = await get(`/receipts?fiscalYear=${fiscalYear}&limit=1`);
      // then
      assert.ok(register.total > 0, `receipts of ${fiscalYear}`);
      assert.deepEqual(register.missingNumbers, [], `gaps in ${fiscalYear}`);
    }
    // and the receipt voided by finance keeps its number
    const voided = await get('/receipts?status=void&limit=10');
    assert.equal(voided.total, 1);
  });

  it('should leave the current bills mostly open and some accounts three months in arrears', async () => {
    // when
    const open: Inv[] = [];
    for (;;) {
      const page = await get(`/invoices?status=open&kind=water&limit=500&offset=${open.length}`);
      open.push(...(page.items as Inv[]));
      if (page.items.length < 500) break;
    }
    const all = await get('/invoices?kind=water&limit=1');
    // then
    assert.ok(open.length >= 25, `${open.length} open invoices`);
    assert.ok(open.length < all.total / 4, 'most of the year is paid');
    const perAccount = new Map<number, number>();
    for (const i of open) perAccount.set(i.accountId, (perAccount.get(i.accountId) ?? 0) + 1);
    const inArrears = [...perAccount.values()].filter((n) => n >= 3);
    assert.ok(inArrears.length >= 3, `${inArrears.length} accounts with 3+ open invoices`);
    const current = historyPeriods(today).at(-1)!;
    const currentOpen = open.filter((i) => i.period === current).length;
    const currentAll = (await get(`/invoices?kind=water&period=${current}&limit=1`)).total;
    assert.ok(currentOpen > currentAll * 0.8, `${currentOpen} of ${currentAll} current bills open`);
  });

  it('should leave work in the queues: slips, unmatched bank lines and a void to decide', async () => {
    // when
    const pending = await get('/slips?status=pending&limit=50');
    const rejected = await get('/slips?status=rejected&limit=50');
    const unmatched = await get('/bank-lines?status=unmatched&limit=50');
    const voids = await get('/void-requests?status=pending&limit=50');
    const approvedVoids = await get('/void-requests?status=approved&limit=50');
    // then
    assert.equal(pending.total, 2);
    assert.equal(rejected.total, 1);
    assert.ok(rejected.items[0].rejectReason);
    assert.equal(unmatched.total, 2);
    assert.deepEqual((unmatched.items as { reason: string }[]).map((l) => l.reason).sort(), [
      'invoice_not_open',
      'no_such_account',
    ]);
    const files = await get('/bank-files?limit=100');
    const duplicates = (files.items as { duplicates: number }[]).reduce(
      (s, f) => s + f.duplicates,
      0,
    );
    assert.equal(duplicates, 1);
    assert.equal(voids.total, 1);
    assert.equal(approvedVoids.total, 1);
  });

  it('should show every cashier day approved, the counted cash matching but for one noted shortage', async () => {
    // when
    const days = await get('/cashier-sessions?limit=100');
    interface Day {
      status: string;
      differenceSatang: number;
      closeNote: string | null;
    }
    const items = days.items as Day[];
    // then
    assert.ok(items.length >= 12, `${items.length} cashier days`);
    assert.ok(items.every((d) => d.status === 'approved'));
    const short = items.filter((d) => d.differenceSatang !== 0);
    assert.equal(short.length, 1);
    assert.ok(short[0]!.differenceSatang < 0 && short[0]!.closeNote);
  });

  it('should show resident1 their own payment history with receipts', async () => {
    // given
    const resident1 = await srv.login('resident1');
    const mine = await get('/accounts?limit=5', resident1);
    const accountId = (mine.items as { id: number }[])[0]!.id;
    // when
    const history = await get(`/accounts/${accountId}/payments?limit=50`, resident1);
    // then
    assert.ok(history.total >= 6, `${history.total} payments`);
    interface Paid {
      payment: { accountId: number };
      receipt: { number: string } | null;
    }
    assert.ok((history.items as Paid[]).every((p) => p.payment.accountId === accountId));
    assert.ok((history.items as Paid[]).every((p) => p.receipt?.number));
  });
});
