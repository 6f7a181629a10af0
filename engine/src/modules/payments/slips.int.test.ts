/**
 * Transfer slips through the API: a resident sends a slip for their account, its QR is
 * read to bank and reference (the DOMAIN.md example included), the same slip again is
 * refused, the configured verification API's answer is kept, staff accept it (→ payment
 * and receipt) or reject it with a reason (→ the resident is told through the outbox).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { slipPng, slipQrText } from '../../testing/slip-images.js';
import { startSlipVerifyStub, type SlipVerifyStub } from '../../testing/slip-verify-stub.js';

const DOMAIN_EXAMPLE = '004000060000010103002021900021231231212000115102TH91049C30';

interface Inv {
  id: number;
  accountId: number;
  balanceSatang: number;
}

describe(`transfer slips on ${testDialect()}`, () => {
  let srv: TestServer;
  let stub: SlipVerifyStub;
  let resident: string;
  let finance: string;
  let mine: Inv[];
  let ref = 0;

  const send = async (token: string, q: string, image: Buffer, type = 'image/png') => {
    const res = await fetch(`${srv.baseUrl}/api/v1/slips?${q}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: new Uint8Array(image),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const uniqueRef = () => `0162026${String(Date.now()).slice(-8)}${String(++ref).padStart(4, '0')}`;

  before(async () => {
    stub = await startSlipVerifyStub();
    srv = await startTestServer({
      env: { PRAPA_SLIP_VERIFY_URL: stub.url, PRAPA_SLIP_VERIFY_TOKEN: stub.token },
      reuseDemo: true,
    });
    [resident, finance] = await Promise.all([srv.login('resident1'), srv.login('finance')]);
    const list = await srv.api('GET', '/invoices?status=open&limit=50', { token: resident });
    mine = list.body.items as Inv[];
    assert.ok(mine.length >= 2, 'resident1 has open invoices in the demo');
  });
  after(async () => {
    await srv?.stop();
    await stub?.stop();
  });

  it('should read the DOMAIN.md slip example to its bank and reference, and refuse it the second time', async () => {
    // given the slip of DOMAIN.md §4 as a screenshot
    const image = slipPng({ qrText: DOMAIN_EXAMPLE });
    const q = `accountId=${mine[0]!.accountId}&amountSatang=${mine[0]!.balanceSatang}&invoiceIds=${mine[0]!.id}`;

    // when the resident sends it
    const first = await send(resident, q, image);

    // then
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.sendingBank, '002');
    assert.equal(first.body.transactionRef, '0002123123121200011');
    assert.equal(first.body.status, 'pending');
    assert.equal(first.body.channel, 'app');
    // and the same slip again is refused
    assertProblem(await send(resident, q, image), 409, 'slip_duplicate');
  });

  it('should keep the verification API’s answer and let staff accept the slip into a payment with a receipt', async () => {
    // given a transfer the bank's API knows
    const r = uniqueRef();
    stub.known.set(r, {
      amount: (mine[1]!.balanceSatang / 100).toFixed(2),
      senderName: 'มาลี ศรีสวัสดิ์',
    });
    const sent = await send(
      resident,
      `accountId=${mine[1]!.accountId}&amountSatang=${mine[1]!.balanceSatang}&invoiceIds=${mine[1]!.id}`,
      slipPng({ qrText: slipQrText('004', r) }),
    );
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.verification.status, 'verified');
    assert.equal(sent.body.verification.amountSatang, mine[1]!.balanceSatang);
    assert.equal(stub.calls.at(-1)?.transRef, r);

    // when finance accepts it from the queue
    const queue = await srv.api('GET', '/slips?status=pending', { token: finance });
    assert.ok(queue.body.items.some((s: { id: number }) => s.id === sent.body.id));
    const accepted = await srv.api('POST', `/slips/${sent.body.id}/accept`, {
      token: finance,
      body: {},
    });

    // then
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.slip.status, 'accepted');
    assert.equal(accepted.body.receipt.method, 'slip');
    const inv = await srv.api('GET', `/invoices/${mine[1]!.id}`, { token: resident });
    assert.equal(inv.body.status, 'paid');
    assertProblem(
      await srv.api('POST', `/slips/${sent.body.id}/accept`, { token: finance, body: {} }),
      409,
      'slip_decided',
    );
  });

  it('should tell the resident when staff reject a slip', async () => {
    const sent = await send(
      resident,
      `accountId=${mine[0]!.accountId}&amountSatang=5000`,
      slipPng({ qrText: slipQrText('014', uniqueRef()) }),
    );
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.verification.status, 'not_found');
    // when
    const rejected = await srv.api('POST', `/slips/${sent.body.id}/reject`, {
      token: finance,
      body: { reason: 'ยอดเงินในสลิปไม่ตรงกับที่แจ้ง' },
    });
    // then
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.rejectReason, 'ยอดเงินในสลิปไม่ตรงกับที่แจ้ง');
    const [event] = await srv.engine.db.sequelize.query<{ payload_json: string }>(
      "SELECT payload_json FROM outbox_events WHERE type = 'slip.rejected' ORDER BY id DESC LIMIT 1",
      { type: QueryTypes.SELECT },
    );
    assert.equal(JSON.parse(event!.payload_json).submittedBy, 'resident1');
    const own = await srv.api('GET', '/slips', { token: resident });
    assert.ok(
      own.body.items.some(
        (s: { id: number; status: string }) => s.id === sent.body.id && s.status === 'rejected',
      ),
    );
  });

  it('should refuse an image without a slip QR, and a slip for someone else’s account', async () => {
    assertProblem(
      await send(
        resident,
        `accountId=${mine[0]!.accountId}&amountSatang=100`,
        Buffer.from('not an image'),
      ),
      415,
    );
    const other = await srv.api('GET', '/invoices?status=open&limit=200', { token: finance });
    const theirs = (other.body.items as Inv[]).find(
      (i) => !mine.some((m) => m.accountId === i.accountId),
    )!;
    assertProblem(
      await send(
        resident,
        `accountId=${theirs.accountId}&amountSatang=100`,
        slipPng({ qrText: slipQrText('004', uniqueRef()) }),
      ),
      403,
    );
  });
});
