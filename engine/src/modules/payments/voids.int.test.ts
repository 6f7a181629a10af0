/**
 * Voids and the workflow through the API: a receipt is voided only with a reason and the
 * approval of someone else in finance; it keeps its number, marked void, and the invoice
 * reopens; every payment sends payment-received to the process waiting under the account.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { linearProcess, messageStep } from '../../testing/bpmn-builders.js';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';

interface Inv {
  id: number;
  accountId: number;
  accountNumber: string;
  balanceSatang: number;
  status: string;
}

describe(`receipt voids and payment-received on ${testDialect()}`, () => {
  let srv: TestServer;
  let cashier: string;
  let finance: string;
  let admin: string;
  let open: Inv[];
  let next = 0;

  const take = () => open[next++]!;
  const pay = async (inv: Inv) => {
    const res = await srv.api('POST', '/payments', {
      token: cashier,
      body: { invoiceIds: [inv.id], amountSatang: inv.balanceSatang, method: 'cash' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  before(async () => {
    srv = await startTestServer();
    [cashier, finance, admin] = await Promise.all([
      srv.login('cashier'),
      srv.login('finance'),
      srv.login('admin'),
    ]);
    const res = await srv.api('GET', '/invoices?status=open&kind=water&limit=300', {
      token: finance,
    });
    const seen = new Set<number>();
    open = (res.body.items as Inv[]).filter((i) => !seen.has(i.accountId) && seen.add(i.accountId));
    await srv.api('POST', '/cashier-sessions', { token: cashier, body: { openingFloatSatang: 0 } });
  });
  after(() => srv?.stop());

  it('should void a receipt with finance’s approval: the number stays, marked void, and the invoice reopens', async () => {
    // given a cash payment
    const inv = take();
    const { receipt } = await pay(inv);

    // when the cashier asks without a reason
    assertProblem(
      await srv.api('POST', `/receipts/${receipt.id}/void-requests`, {
        token: cashier,
        body: { reason: '' },
      }),
      422,
      'reason_required',
    );
    // and with one
    const asked = await srv.api('POST', `/receipts/${receipt.id}/void-requests`, {
      token: cashier,
      body: { reason: 'รับเงินผิดบัญชี' },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    // then the cashier cannot approve it
    assertProblem(
      await srv.api('POST', `/void-requests/${asked.body.id}/approve`, {
        token: cashier,
        body: {},
      }),
      403,
    );
    // and until finance approves, nothing changes
    assert.equal(
      (await srv.api('GET', `/receipts/${receipt.id}`, { token: finance })).body.status,
      'valid',
    );

    // when finance approves
    const approved = await srv.api('POST', `/void-requests/${asked.body.id}/approve`, {
      token: finance,
      body: { note: 'ตรวจแล้ว' },
    });

    // then
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const voided = await srv.api('GET', `/receipts/${receipt.id}`, { token: finance });
    assert.equal(voided.body.status, 'void');
    assert.equal(voided.body.number, receipt.number);
    assert.equal(voided.body.voidReason, 'รับเงินผิดบัญชี');
    const reopened = await srv.api('GET', `/invoices/${inv.id}`, { token: finance });
    assert.equal(reopened.body.status, 'open');
    assert.equal(reopened.body.balanceSatang, inv.balanceSatang);
    // and the register still lists the number, as void
    const register = await srv.api(
      'GET',
      `/receipts?fiscalYear=${receipt.fiscalYear}&status=void&limit=1000`,
      {
        token: finance,
      },
    );
    assert.ok(register.body.items.some((r: { id: number }) => r.id === receipt.id));
    assert.deepEqual(register.body.missingNumbers, []);
    // and the void is in the audit chain
    const audit = await srv.api('GET', `/audit-events?entityType=receipt&entityId=${receipt.id}`, {
      token: admin,
    });
    assert.deepEqual(audit.body.items.map((e: { action: string }) => e.action).sort(), [
      'receipt.void',
      'receipt.void-request',
    ]);
    const chain = await srv.api('GET', '/audit/verify', { token: admin });
    assert.equal(chain.status, 200, JSON.stringify(chain.body));
    assert.equal(chain.body.ok, true, JSON.stringify(chain.body));
    // and the void PDF says so
    const pdf = await fetch(`${srv.baseUrl}/api/v1/receipts/${receipt.id}/pdf`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  });

  it('should NOT let whoever asked for a void approve it, even in finance', async () => {
    const inv = take();
    const { receipt } = await pay(inv);
    const asked = await srv.api('POST', `/receipts/${receipt.id}/void-requests`, {
      token: finance,
      body: { reason: 'ทดสอบผู้อนุมัติ' },
    });
    assert.equal(asked.status, 201);
    assertProblem(
      await srv.api('POST', `/void-requests/${asked.body.id}/approve`, {
        token: finance,
        body: {},
      }),
      403,
      'approve_own_void',
    );
    const rejected = await srv.api('POST', `/void-requests/${asked.body.id}/reject`, {
      token: admin,
      body: { note: 'ใบเสร็จถูกต้อง' },
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(
      (await srv.api('GET', `/invoices/${inv.id}`, { token: finance })).body.status,
      'paid',
    );
  });

  it('should send payment-received to the process waiting under the account number', async () => {
    // given a process that waits for the account's payment
    const deployed = await srv.api('POST', '/processes/wait-for-payment/versions', {
      token: admin,
      body: linearProcess('wait-for-payment', [messageStep('Catch_paid', 'payment-received')]),
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    const inv = take();
    const started = await srv.api('POST', '/processes/wait-for-payment/instances', {
      token: admin,
      body: { businessKey: inv.accountNumber, variables: {} },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));

    // when the account pays at the bank counter
    const { receipt } = await pay(inv);
    await srv.engine.services.outbox.deliverDue();

    // then the process has ended with what was paid
    const done = await srv.api('GET', `/instances/${started.body.id}`, { token: admin });
    assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
    assert.equal(done.body.variables.receiptNumber, receipt.documentNumber);
    assert.equal(done.body.variables.paidSatang, inv.balanceSatang);
    assert.equal(await srv.engine.services.outbox.pending('payment.received'), 0);
  });
});
