/**
 * The counter in the portal, end to end: a cashier opens the day, finds a water user with
 * open invoices, takes cash with change to give back, and gets the receipt's print view
 * with its เล่มที่/เลขที่ and the amount in Thai words; the invoices are paid, the register
 * has no missing number, and the day closed 10 baht short (with a note) is approved by finance.
 *
 *   npx ng build portal && PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/payments/counter.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bahtText, formatBaht } from '../../engine/src/domain/index.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

interface Inv {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  balanceSatang: number;
  status: string;
}

let s: Stage;
let finance: string;

before(async () => {
  s = await stage();
  finance = await s.srv.login('finance');
});
after(async () => s?.close());

/** An account's open invoices, from the API. */
async function openInvoices(account?: number): Promise<Inv[]> {
  const q = account ? `account=${account}&status=open` : 'status=open&kind=water&limit=100';
  const res = await s.srv.api('GET', `/invoices?${q}`, { token: finance });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items as Inv[];
}

describe('the counter', () => {
  test('a cashier opens the day, takes cash for a water user’s invoices and prints the receipt', async () => {
    // given a water user of the demo who owes
    const owing = (await openInvoices())[0];
    assert.ok(owing, 'the demo has open invoices');
    const theirs = await openInvoices(owing.accountId);
    const due = theirs.reduce((sum, i) => sum + i.balanceSatang, 0);
    const { page, done } = await signedIn(s, 'cashier', '/payments/counter');

    // when the cashier opens the day with a float of 1,000 baht
    await page.getByTestId('day-closed').waitFor();
    await page.locator('#pay-float').fill('1000');
    await page.getByTestId('open-day').click();
    // then the day is open
    await page.getByTestId('day-open').waitFor();

    // when they find the water user by account number
    await page.getByTestId('account-search').fill(owing.accountNumber);
    await page.locator(`[data-account="${owing.accountNumber}"]`).click();
    // then the open invoices are listed, all ticked, with what is due
    const table = page.getByTestId('open-invoices');
    await table.locator('tbody tr[data-invoice]').first().waitFor();
    assert.equal(await table.locator('tbody tr[data-invoice]').count(), theirs.length);
    assert.equal(await table.locator('input[type=checkbox]:checked').count(), theirs.length);
    assert.equal((await page.getByTestId('due').textContent())?.trim(), formatBaht(due));

    // when the payer hands over 50 baht more than is due, in cash
    await page.getByTestId('received').fill(formatBaht(due + 5_000).replaceAll(',', ''));
    // then the change is 50 baht and only what is due is posted
    assert.equal((await page.getByTestId('change').textContent())?.trim(), '50.00');
    assert.equal((await page.getByTestId('post-amount').textContent())?.trim(), formatBaht(due));
    await shot(page, 'payments-counter');

    // when the cashier takes the payment
    await page.getByTestId('pay').click();
    // then the receipt shows, numbered, with the amount in Thai words
    await page.waitForURL(/\/payments\/receipts\/\d+$/);
    const card = page.getByTestId('receipt-card');
    await card.waitFor();
    await page.getByText('ใบเสร็จรับเงิน').first().waitFor();
    assert.match((await page.getByTestId('receipt-book').textContent()) ?? '', /^\s*\d+\s*$/);
    assert.match((await page.getByTestId('receipt-number').textContent()) ?? '', /^\s*\d+\s*$/);
    assert.ok((await card.textContent())?.includes('เล่มที่'));
    assert.ok((await card.textContent())?.includes('เลขที่'));
    assert.equal((await page.getByTestId('receipt-total').textContent())?.trim(), formatBaht(due));
    assert.equal(
      (await page.getByTestId('receipt-words').textContent())?.trim(),
      `(${bahtText(due)})`,
    );
    assert.equal((await page.getByTestId('receipt-method').textContent())?.trim(), 'เงินสด');
    await shot(page, 'payments-receipt');

    // and the engine has the invoices paid
    for (const i of theirs) {
      const res = await s.srv.api('GET', `/invoices/${i.id}`, { token: finance });
      assert.equal(res.body.status, 'paid', `${i.number} is paid`);
    }
    const documentNumber = (await page.getByTestId('receipt-document').textContent())?.trim();

    // when the cashier opens the receipt register
    await page.getByRole('link', { name: 'ทะเบียนคุมใบเสร็จ' }).first().click();
    // then the receipt is listed and no number of the year is missing
    const register = page.getByTestId('register');
    await register.getByRole('link', { name: documentNumber }).waitFor();
    assert.equal((await page.getByTestId('missing-numbers').textContent())?.trim(), 'ไม่มีเลขที่ขาด');
    await shot(page, 'payments-register', false);

    // when the cashier closes the day 10 baht short
    await page.goto(s.srv.baseUrl + '/payments/counter');
    await page.getByRole('link', { name: 'ปิดรอบ / สรุปยอด' }).click();
    const close = page.getByTestId('close-form');
    await close.waitFor();
    await page.locator('#ses-counted').fill(formatBaht(100_000 + due - 1_000).replaceAll(',', ''));
    // then the shortfall shows at once and a note is needed
    assert.equal((await page.getByTestId('difference').textContent())?.trim(), 'เงินขาด 10.00 บาท');
    assert.ok(await close.getByRole('button', { name: 'ปิดรอบ' }).isDisabled());
    await page.locator('#ses-note').fill('ทอนเงินผิด 10 บาท');
    await shot(page, 'payments-session-close', false);
    await close.getByRole('button', { name: 'ปิดรอบ' }).click();
    await close.waitFor({ state: 'detached' });
    const sessionId = Number(new URL(page.url()).pathname.split('/').pop());
    await done();

    // when finance approves the day
    const fin = await signedIn(s, 'finance', `/payments/sessions/${sessionId}`);
    await fin.page.getByTestId('approve-session').click();
    await fin.page.getByTestId('approve-session').waitFor({ state: 'detached' });
    // then it is approved, with the difference and the note kept
    const day = await s.srv.api('GET', `/cashier-sessions/${sessionId}`, { token: finance });
    assert.equal(day.body.status, 'approved');
    assert.equal(day.body.differenceSatang, -1_000);
    assert.equal(day.body.closeNote, 'ทอนเงินผิด 10 บาท');
    await fin.done();
  });
});
