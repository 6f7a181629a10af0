/**
 * Voiding a receipt in the portal, end to end: a cashier takes cash for a water user's
 * invoice, opens the receipt, gets its A5 PDF and asks to void it with a reason; finance sees
 * the request with that reason and approves it; the receipt then shows ยกเลิก with the
 * reason, keeps its number, and the invoice is open again.
 *
 *   npx ng build portal && PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/payments/void.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

interface Inv {
  id: number;
  number: string;
  accountId: number;
  balanceSatang: number;
  status: string;
}

interface Receipt {
  id: number;
  documentNumber: string;
  book: number;
  number: number;
  status: 'valid' | 'void';
  voidReason: string | null;
}

interface VoidRequest {
  id: number;
  receiptId: number;
  reason: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
}

const REASON = 'รับเงินผิดบัญชี ผู้ชำระแจ้งเลขผู้ใช้น้ำผิด';

let s: Stage;
let cashier: string;
let finance: string;

before(async () => {
  s = await stage();
  [cashier, finance] = await Promise.all([s.srv.login('cashier'), s.srv.login('finance')]);
});
after(async () => s?.close());

async function get<T>(path: string): Promise<T> {
  const res = await s.srv.api('GET', path, { token: finance });
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** The cashier opens the day (when it is not open yet) and takes cash for one invoice. */
async function payCash(invoice: Inv): Promise<Receipt> {
  const current = await s.srv.api('GET', '/cashier-sessions/current', { token: cashier });
  if (current.status === 204) {
    const opened = await s.srv.api('POST', '/cashier-sessions', {
      token: cashier,
      body: { openingFloatSatang: 100_000 },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
  }
  const paid = await s.srv.api('POST', '/payments', {
    token: cashier,
    body: {
      accountId: invoice.accountId,
      invoiceIds: [invoice.id],
      amountSatang: invoice.balanceSatang,
      method: 'cash',
    },
  });
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  assert.ok(paid.body.receipt, 'cash at the counter gets a receipt');
  return paid.body.receipt as Receipt;
}

describe('voiding a receipt', () => {
  test('a cashier asks to void a cash receipt with a reason, finance approves, the invoice reopens', async () => {
    // given a water user's open invoice paid in cash at the counter
    const open = (await get<{ items: Inv[] }>('/invoices?status=open&kind=water&limit=100')).items;
    const invoice = open.find((i) => i.balanceSatang > 0);
    assert.ok(invoice, 'the demo has an open water invoice');
    const receipt = await payCash(invoice);
    assert.equal((await get<Inv>(`/invoices/${invoice.id}`)).status, 'paid');

    // when the cashier opens the receipt
    const desk = await signedIn(s, 'cashier', `/payments/receipts/${receipt.id}`);
    const page = desk.page;
    await page.getByTestId('receipt-card').waitFor();
    assert.equal(
      (await page.getByTestId('receipt-document').textContent())?.trim(),
      receipt.documentNumber,
    );
    assert.equal(await page.getByTestId('void-mark').count(), 0, 'a valid receipt is not marked');

    // and asks for its PDF
    const popup = page.context().waitForEvent('page');
    const pdfAnswer = page.waitForResponse(
      (r) =>
        r.url().includes(`/api/v1/receipts/${receipt.id}/pdf`) && r.request().method() === 'GET',
    );
    await page.getByTestId('receipt-pdf').click();
    // then an A5 PDF comes back and opens in a new tab
    const pdf = await pdfAnswer;
    assert.equal(pdf.status(), 200);
    assert.equal(new URL(pdf.url()).searchParams.get('size'), 'A5');
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
    assert.ok(mediaBox, 'the PDF names its page size');
    // A5 is 148 × 210 mm, 419.53 × 595.28 points
    assert.ok(Math.abs(Number(mediaBox[1]) - 419.53) < 1, `width ${mediaBox[1]}`);
    assert.ok(Math.abs(Number(mediaBox[2]) - 595.28) < 1, `height ${mediaBox[2]}`);
    const tab = await popup;
    await tab.waitForURL(/^blob:/);
    await tab.close();

    // when they ask to void it, with a reason
    await page.getByTestId('ask-void').click();
    assert.ok(await page.getByTestId('send-void').isDisabled(), 'no reason, no request');
    await page.getByLabel('เหตุผลที่ขอยกเลิกใบเสร็จ').fill(REASON);
    await shot(page, 'payments-void-ask', false);
    await page.getByTestId('send-void').click();
    // then the page says finance has been asked, and the receipt is still valid
    await page.getByTestId('void-asked').waitFor();
    assert.equal(await page.getByTestId('ask-void').count(), 0);
    const asked = await get<{ items: VoidRequest[] }>('/void-requests?status=pending');
    const request = asked.items.find((v) => v.receiptId === receipt.id);
    assert.ok(request, 'the request waits for finance');
    assert.equal(request.reason, REASON);
    assert.equal(request.requestedBy, 'cashier');
    assert.equal((await get<Receipt>(`/receipts/${receipt.id}`)).status, 'valid');
    await desk.done();

    // when finance opens the voids page
    const fin = await signedIn(s, 'finance', '/payments/voids');
    const card = fin.page.locator(`[data-void="${request.id}"]`);
    await card.waitFor();
    // then the request is there with the receipt's number, the amount and the reason
    const text = (await card.textContent()) ?? '';
    assert.ok(text.includes(receipt.documentNumber), text);
    assert.ok(text.includes(REASON), text);
    await shot(fin.page, 'payments-void-queue');

    // when finance approves it
    await card.getByTestId('approve-void').click();
    // then it leaves the pending list
    await card.waitFor({ state: 'detached' });
    const approved = await get<{ items: VoidRequest[] }>('/void-requests?status=approved');
    const decided = approved.items.find((v) => v.id === request.id);
    assert.equal(decided?.status, 'approved');
    assert.equal(decided?.decidedBy, 'finance');

    // and the receipt view shows it void, with the reason
    await fin.page.goto(`${s.srv.baseUrl}/payments/receipts/${receipt.id}`);
    await fin.page.getByTestId('void-mark').waitFor();
    assert.equal((await fin.page.getByTestId('void-mark').textContent())?.trim(), 'ยกเลิก');
    assert.ok((await fin.page.getByTestId('receipt-card').textContent())?.includes(REASON));
    assert.equal(
      (await fin.page.getByTestId('receipt-document').textContent())?.trim(),
      receipt.documentNumber,
    );
    assert.equal(await fin.page.getByTestId('ask-void').count(), 0, 'a void receipt is final');
    await shot(fin.page, 'payments-void-receipt');
    await fin.done();

    // and the engine has the receipt void under the same number, the invoice open again
    const voided = await get<Receipt>(`/receipts/${receipt.id}`);
    assert.equal(voided.status, 'void');
    assert.equal(voided.voidReason, REASON);
    assert.equal(voided.documentNumber, receipt.documentNumber);
    assert.deepEqual([voided.book, voided.number], [receipt.book, receipt.number]);
    const reopened = await get<Inv>(`/invoices/${invoice.id}`);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.balanceSatang, invoice.balanceSatang);
  });
});
