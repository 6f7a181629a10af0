/**
 * The counter through the API: a cashier opens the day, takes cash for open invoices and
 * gets a numbered receipt; partial and overpayments; two cashiers on one invoice; twenty
 * cashiers' payments at once get twenty consecutive numbers; a day closed, counted and
 * approved is locked; a payment history residents see only for their own accounts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { runBilling } from '../billing/billing.fixtures.js';

interface Inv {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  balanceSatang: number;
  status: string;
  period: string;
}

describe(`counter payments on ${testDialect()}`, () => {
  let srv: TestServer;
  let cashier: string;
  let finance: string;
  let admin: string;
  const used = new Set<number>();
  let creditAccount = 0;
  let creditBefore = 0;

  /** Open invoices of accounts no other test touched, one account each. */
  async function freshAccounts(n: number, minOpen = 1): Promise<Inv[][]> {
    const res = await srv.api('GET', '/invoices?status=open&kind=water&limit=500', {
      token: finance,
    });
    assert.equal(res.status, 200);
    const byAccount = new Map<number, Inv[]>();
    for (const i of res.body.items as Inv[]) {
      if (used.has(i.accountId)) continue;
      byAccount.set(i.accountId, [...(byAccount.get(i.accountId) ?? []), i]);
    }
    const picked = [...byAccount.values()].filter((l) => l.length >= minOpen).slice(0, n);
    assert.equal(picked.length, n, 'enough open accounts in the demo');
    for (const list of picked) used.add(list[0]!.accountId);
    return picked.map((l) => l.sort((a, b) => a.period.localeCompare(b.period)));
  }

  const invoice = async (id: number) =>
    (await srv.api('GET', `/invoices/${id}`, { token: finance })).body as Inv;

  before(async () => {
    srv = await startTestServer();
    [cashier, finance, admin] = await Promise.all([
      srv.login('cashier'),
      srv.login('finance'),
      srv.login('admin'),
    ]);
  });
  after(() => srv?.stop());

  it('should refuse cash before the cashier opens the day', async () => {
    // given an open invoice and no open session
    const inv = (await freshAccounts(1))[0]![0];
    // when
    const res = await srv.api('POST', '/payments', {
      token: cashier,
      body: { invoiceIds: [inv!.id], amountSatang: inv!.balanceSatang, method: 'cash' },
    });
    // then
    assertProblem(res, 409, 'no_open_session');
    assert.equal((await invoice(inv!.id)).status, 'open');
  });

  it('should take cash for two invoices and issue one numbered receipt in Thai', async () => {
    // given the cashier's day is open
    const opened = await srv.api('POST', '/cashier-sessions', {
      token: cashier,
      body: { openingFloatSatang: 100_000 },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assertProblem(
      await srv.api('POST', '/cashier-sessions', {
        token: cashier,
        body: { openingFloatSatang: 0 },
      }),
      409,
      'session_already_open',
    );
    const [invs] = await freshAccounts(1, 2);
    const two = invs!.slice(0, 2);
    assert.equal(two.length, 2, 'an account with two open invoices');
    const total = two.reduce((s, i) => s + i.balanceSatang, 0);

    // when
    const res = await srv.api('POST', '/payments', {
      token: cashier,
      body: { invoiceIds: two.map((i) => i.id), amountSatang: total, method: 'cash' },
    });

    // then
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { payment, receipt } = res.body;
    assert.equal(payment.amountSatang, total);
    assert.equal(payment.unappliedSatang, 0);
    assert.equal(payment.cashierSessionId, opened.body.id);
    assert.deepEqual(
      payment.allocations.map((a: { invoiceId: number }) => a.invoiceId).sort(),
      two.map((i) => i.id).sort(),
    );
    assert.ok(Number.isInteger(receipt.book) && receipt.book >= 1);
    assert.ok(Number.isInteger(receipt.number) && receipt.number >= 1);
    assert.match(receipt.documentNumber, /^RC25\d\d-\d{6}$/);
    assert.equal(receipt.issuedByName, 'วิไลวรรณ ศรีสุข');
    for (const i of two) {
      const after = await invoice(i.id);
      assert.equal(after.status, 'paid');
      assert.equal(after.balanceSatang, 0);
    }
    // and the receipt prints on 58 mm with the number
    const slip = await srv.api('GET', `/receipts/${receipt.id}/slip`, { token: cashier });
    assert.equal(slip.status, 200);
    assert.ok(
      slip.body.rows.some((r: { text: string; right?: string }) =>
        `${r.text} ${r.right ?? ''}`.includes(String(receipt.number)),
      ),
    );
  });

  it('should pay part of an invoice and keep an overpayment as the account’s credit', async () => {
    const [first, second] = (await freshAccounts(1))[0]!;
    const before = await srv.api('GET', `/accounts/${first!.accountId}/payments`, {
      token: cashier,
    });
    // when part is paid
    const part = await srv.api('POST', '/payments', {
      token: cashier,
      body: { invoiceIds: [first!.id], amountSatang: 1_000, method: 'cash' },
    });
    assert.equal(part.status, 201, JSON.stringify(part.body));
    let now = await invoice(first!.id);
    assert.equal(now.status, 'open');
    assert.equal(now.balanceSatang, first!.balanceSatang - 1_000);

    // when more than everything the account owes is paid against it
    const open = await srv.api(
      'GET',
      `/invoices?account=${first!.accountId}&status=open&limit=500`,
      {
        token: finance,
      },
    );
    const owed = (open.body.items as Inv[]).reduce((s, i) => s + i.balanceSatang, 0);
    assert.ok(owed >= now.balanceSatang + (second?.balanceSatang ?? 0));
    const over = await srv.api('POST', '/payments', {
      token: cashier,
      body: { accountId: first!.accountId, amountSatang: owed + 5_000, method: 'cash' },
    });
    assert.equal(over.status, 201, JSON.stringify(over.body));
    assert.equal(over.body.payment.unappliedSatang, 5_000);
    assert.equal(over.body.receipt.creditSatang, 5_000);
    now = await invoice(first!.id);
    assert.equal(now.status, 'paid');

    // then the history shows both payments and the credit
    const history = await srv.api('GET', `/accounts/${first!.accountId}/payments`, {
      token: cashier,
    });
    assert.equal(history.status, 200);
    assert.equal(history.body.total, before.body.total + 2);
    assert.equal(history.body.creditSatang, before.body.creditSatang + 5_000);
    creditBefore = before.body.creditSatang;
    creditAccount = first!.accountId;
  });

  it('should pay the next invoice from the credit once the next billing run issues it', async () => {
    // given the account with 50 baht of credit reads its meter for the next period
    const clerk = await srv.login('clerk');
    const last = await srv.api('GET', `/readings?accountId=${creditAccount}&limit=1`, {
      token: clerk,
    });
    const r = last.body.items[0];
    const [y, m] = (r.period as string).split('-').map(Number) as [number, number];
    const period = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const read = await srv.api('POST', '/readings', {
      token: clerk,
      body: {
        accountId: creditAccount,
        period,
        currentReading: r.currentReading + (r.consumptionM3 || 5),
      },
    });
    assert.equal(read.status, 201, JSON.stringify(read.body));
    assert.equal(read.body.status, 'accepted', JSON.stringify(read.body));

    // when the waterworks' run for that period completes
    await runBilling(srv, finance, { waterworksId: read.body.waterworksId, period });

    // then the new invoice is paid from the credit, without a new receipt
    const issued = await srv.api('GET', `/invoices?account=${creditAccount}&period=${period}`, {
      token: finance,
    });
    const inv = issued.body.items[0] as Inv & { paidSatang: number; totalSatang: number };
    assert.equal(inv.paidSatang, Math.min(5_000, inv.totalSatang));
    const history = await srv.api('GET', `/accounts/${creditAccount}/payments`, { token: cashier });
    assert.equal(history.body.creditSatang, creditBefore + 5_000 - inv.paidSatang);
  });

  it('should let only one of two cashiers paying the same invoice at once succeed (the other 409)', async () => {
    await srv.api('POST', '/cashier-sessions', { token: finance, body: { openingFloatSatang: 0 } });
    const inv = (await freshAccounts(1))[0]![0];
    const body = { invoiceIds: [inv!.id], amountSatang: inv!.balanceSatang, method: 'cash' };
    const results = await Promise.all([
      srv.api('POST', '/payments', { token: cashier, body }),
      srv.api('POST', '/payments', { token: finance, body }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409], JSON.stringify(results.map((r) => r.body)));
    assertProblem(
      results.find((r) => r.status === 409)!,
      409,
      'invoice_not_payable',
    );
    assert.equal((await invoice(inv!.id)).balanceSatang, 0);
  });

  it('should number twenty concurrent payments with twenty consecutive receipt numbers', async () => {
    const accounts = await freshAccounts(20);
    const results = await Promise.all(
      accounts.map(([inv], k) =>
        srv.api('POST', '/payments', {
          token: k % 2 ? cashier : finance,
          body: { invoiceIds: [inv!.id], amountSatang: inv!.balanceSatang, method: 'cash' },
        }),
      ),
    );
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const numbers = results.map((r) => r.body.receipt.number as number).sort((a, b) => a - b);
    for (let k = 1; k < numbers.length; k++) assert.equal(numbers[k], numbers[0]! + k);
    // and the register has no number missing
    const fy = results[0]!.body.receipt.fiscalYear;
    const register = await srv.api('GET', `/receipts?fiscalYear=${fy}&limit=1000`, {
      token: finance,
    });
    assert.equal(register.status, 200);
    assert.deepEqual(register.body.missingNumbers, []);
  });

  it('should replay a retried request with the same Idempotency-Key instead of taking the money twice', async () => {
    const inv = (await freshAccounts(1))[0]![0];
    const req = {
      token: cashier,
      body: { invoiceIds: [inv!.id], amountSatang: inv!.balanceSatang, method: 'cash' },
      headers: { 'idempotency-key': `retry-${inv!.id}` },
    };
    const first = await srv.api('POST', '/payments', req);
    const again = await srv.api('POST', '/payments', req);
    assert.equal(first.status, 201);
    assert.equal(again.body.payment.id, first.body.payment.id);
    assert.equal(again.body.receipt.number, first.body.receipt.number);
  });

  it('should close the day against the receipts, ask why when the cash is short, and lock it once approved', async () => {
    const current = await srv.api('GET', '/cashier-sessions/current', { token: cashier });
    assert.equal(current.status, 200);
    const s = current.body;
    const expected = s.openingFloatSatang + s.summary.cashSatang;
    // when the count is short and nobody says why
    assertProblem(
      await srv.api('POST', `/cashier-sessions/${s.id}/close`, {
        token: cashier,
        body: { countedCashSatang: expected - 2_000 },
      }),
      422,
      'difference_needs_note',
    );
    // when the cashier explains
    const closed = await srv.api('POST', `/cashier-sessions/${s.id}/close`, {
      token: cashier,
      body: { countedCashSatang: expected - 2_000, note: 'ทอนเงินผิด 20 บาท' },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.differenceSatang, -2_000);
    assert.equal(closed.body.expectedCashSatang, expected);
    // then no more cash goes into the closed day
    const inv = (await freshAccounts(1))[0]![0];
    assertProblem(
      await srv.api('POST', '/payments', {
        token: cashier,
        body: { invoiceIds: [inv!.id], amountSatang: inv!.balanceSatang, method: 'cash' },
      }),
      409,
      'no_open_session',
    );
    // and the cashier cannot approve their own day; finance can
    assertProblem(
      await srv.api('POST', `/cashier-sessions/${s.id}/approve`, { token: cashier }),
      403,
    );
    const approved = await srv.api('POST', `/cashier-sessions/${s.id}/approve`, { token: finance });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    // and a receipt of the locked day cannot be voided
    const payments = await srv.api('GET', `/payments?cashierSessionId=${s.id}`, { token: finance });
    const receipt = payments.body.items[0].receipt;
    assertProblem(
      await srv.api('POST', `/receipts/${receipt.id}/void-requests`, {
        token: admin,
        body: { reason: 'ลองยกเลิกหลังปิดวัน' },
      }),
      409,
      'session_locked',
    );
  });

  it('should show residents their own payment history and no one else’s', async () => {
    const resident = await srv.login('resident1');
    const invoices = await srv.api('GET', '/invoices?limit=1', { token: resident });
    const own = invoices.body.items[0]?.accountId as number;
    assert.ok(own, 'resident1 has a linked account with invoices');
    const mine = await srv.api('GET', `/accounts/${own}/payments`, { token: resident });
    assert.equal(mine.status, 200);
    const other = (await freshAccounts(1))[0]![0];
    assertProblem(
      await srv.api('GET', `/accounts/${other!.accountId}/payments`, { token: resident }),
      403,
    );
  });
});
