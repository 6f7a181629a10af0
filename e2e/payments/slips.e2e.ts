/**
 * Transfer slips in the portal, end to end: resident1 sends two slips for their invoices
 * through the API; finance sees each one's picture in the queue, accepts the first (a
 * receipt, the invoice paid) and rejects the second with a reason.
 *
 *   npx ng build portal && PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/payments/slips.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { slipPng, slipQrText } from '../../engine/src/testing/slip-images.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

interface Inv {
  id: number;
  accountId: number;
  balanceSatang: number;
  status: string;
}

interface Slip {
  id: number;
  status: string;
  paymentId: number | null;
  rejectReason: string | null;
}

let s: Stage;
let resident: string;
let finance: string;

before(async () => {
  s = await stage();
  [resident, finance] = await Promise.all([s.srv.login('resident1'), s.srv.login('finance')]);
});
after(async () => s?.close());

/** A reference no other run used: the engine refuses a slip it has seen. */
const uniqueRef = (n: number) =>
  `0162026${String(Date.now()).slice(-8)}${String(n).padStart(4, '0')}`;

/** resident1 sends a slip for one of their invoices, as the resident app does. */
async function sendSlip(invoice: Inv, ref: string): Promise<Slip> {
  const q = `accountId=${invoice.accountId}&amountSatang=${invoice.balanceSatang}&invoiceIds=${invoice.id}`;
  const res = await fetch(`${s.srv.baseUrl}/api/v1/slips?${q}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${resident}`, 'content-type': 'image/png' },
    body: new Uint8Array(slipPng({ qrText: slipQrText('004', ref) })),
  });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return body as Slip;
}

const slip = async (id: number) =>
  (await s.srv.api('GET', `/slips/${id}`, { token: finance })).body as Slip;

describe('slips', () => {
  test('finance checks a resident’s slips: one accepted with its receipt, one rejected with a reason', async () => {
    // given resident1 sent two slips for their open invoices
    const mine = (await s.srv.api('GET', '/invoices?status=open&limit=50', { token: resident }))
      .body.items as Inv[];
    assert.ok(mine.length >= 1, 'resident1 owes in the demo');
    // (the second slip is for the newest invoice, the first one's when there is only one)
    const [first, second] = [mine[0]!, mine[mine.length - 1]!];
    const [refA, refB] = [uniqueRef(1), uniqueRef(2)];
    const [a, b] = [await sendSlip(first, refA), await sendSlip(second, refB)];
    const { page, done } = await signedIn(s, 'finance', '/payments/slips');

    // when finance opens the queue
    const cardA = page.locator(`[data-slip="${refA}"]`);
    const image = cardA.getByTestId('slip-image');
    await image.waitFor();
    // then the slip's picture is there, with its bank reference
    await page.waitForFunction(
      (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
      await image.elementHandle(),
    );
    assert.equal((await cardA.getByTestId('slip-ref').textContent())?.trim(), refA);
    assert.ok((await cardA.textContent())?.includes('ธนาคารกสิกรไทย'));
    await shot(page, 'payments-slips');

    // when the first is accepted
    await cardA.getByTestId('accept-slip').click();
    // then a receipt is issued and the invoice is paid
    await page.getByTestId('slip-accepted').waitFor();
    await cardA.waitFor({ state: 'detached' });
    const accepted = await slip(a.id);
    assert.equal(accepted.status, 'accepted');
    assert.ok(accepted.paymentId);
    const paid = await s.srv.api('GET', `/invoices/${first.id}`, { token: finance });
    assert.equal(paid.body.status, 'paid');

    // when the second is rejected with a reason
    const cardB = page.locator(`[data-slip="${refB}"]`);
    await cardB.getByTestId('reject-slip').click();
    await cardB.getByLabel(/เหตุผลที่ไม่รับสลิป/).fill('ยอดเงินในสลิปไม่ตรงกับใบแจ้งหนี้');
    await shot(page, 'payments-slip-reject', false);
    await cardB.getByTestId('send-reject').click();
    // then it leaves the queue, rejected with that reason
    await page.getByTestId('slip-rejected').waitFor();
    await cardB.waitFor({ state: 'detached' });
    const rejected = await slip(b.id);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, 'ยอดเงินในสลิปไม่ตรงกับใบแจ้งหนี้');
    await done();
  });
});
