/**
 * A bank's daily file in the portal, end to end: finance imports a KTB bill-payment file
 * with one line paying a real invoice and one naming no account; the file is matched 1 /
 * unmatched 1, the stray line is matched to a water user from the exceptions queue, the
 * file's lines show the receipt each became, and a file whose trailer does not add up is
 * refused with the line at fault named.
 *
 *   npx ng build portal && PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/payments/bank-file.e2e.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bangkokParts } from '../../engine/src/domain/index.js';
import { layoutFor, writeBankFile } from '../../engine/src/modules/payments/bank-file/index.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

interface Inv {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  customerName: string;
  balanceSatang: number;
  status: string;
  ref1: string;
  ref2: string;
  billerId: string;
}

const KTB = layoutFor('KTB')!;
/** A record and its CRLF. */
const STRIDE = KTB.recordLength + 2;
const UNKNOWN_REF1 = '999999999999';

let s: Stage;
let finance: string;
let dir: string;

before(async () => {
  s = await stage();
  finance = await s.srv.login('finance');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prapa-bank-'));
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await s?.close();
});

async function api<T>(method: string, url: string): Promise<T> {
  const res = await s.srv.api(method, url, { token: finance });
  assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const today = () => {
  const { year, month, day } = bangkokParts(new Date());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('bank files', () => {
  test('finance imports a bank file, matches its stray line, and sees a bad file refused by line', async () => {
    // given two water users who owe: one pays through the bank with the right refs, the
    // other pays with a ref1 the bank mistyped
    const open = (await api<{ items: Inv[] }>('GET', '/invoices?status=open&kind=water&limit=100'))
      .items;
    const paying = open[0]!;
    const other = open.find((i) => i.accountId !== paying.accountId)!;
    const bytes = writeBankFile(KTB, {
      companyAccount: '1234567890',
      companyName: 'PRAPA TEST',
      effectiveDate: today(),
      lines: [
        {
          paidAt: new Date(),
          customerName: paying.customerName,
          ref1: paying.ref1,
          ref2: paying.ref2,
          amountSatang: paying.balanceSatang,
          billerId: paying.billerId,
        },
        {
          paidAt: new Date(),
          customerName: 'NAI SOMCHAI',
          ref1: UNKNOWN_REF1,
          ref2: '000000',
          amountSatang: other.balanceSatang,
          billerId: paying.billerId,
        },
      ],
    });
    const good = path.join(dir, 'ktb-today.txt');
    fs.writeFileSync(good, bytes);
    const { page, done } = await signedIn(s, 'finance', '/payments/bank-files');

    // when finance imports it as KTB's file
    await page.locator('#bf-bank').selectOption('KTB');
    await page.locator('#bf-file').setInputFiles(good);
    await page.getByTestId('bank-import').click();
    // then one line matched and one waits
    await page.getByTestId('bank-result').waitFor();
    assert.equal((await page.getByTestId('bank-lines').textContent())?.trim(), '2');
    assert.equal((await page.getByTestId('bank-matched').textContent())?.trim(), '1');
    assert.equal((await page.getByTestId('bank-unmatched').textContent())?.trim(), '1');
    await page.getByTestId('bank-file-list').locator('tbody tr').first().waitFor();
    await shot(page, 'payments-bank-file');
    assert.equal((await api<Inv>('GET', `/invoices/${paying.id}`)).status, 'paid');

    // when finance opens the exceptions queue and matches the stray line to the other user
    await page.getByTestId('to-exceptions').click();
    const row = page.locator(`tr[data-line="${UNKNOWN_REF1}"]`);
    await row.waitFor();
    assert.ok((await row.textContent())?.includes('ไม่พบเลขที่ผู้ใช้น้ำ'));
    await row.getByTestId('open-match').click();
    await page.locator('#bl-account').fill(other.accountNumber);
    await page.locator(`[data-account="${other.accountNumber}"]`).click();
    await page.getByTestId('match-account').waitFor();
    await page.locator(`#bl-inv-${other.id}`).check();
    await shot(page, 'payments-bank-match');
    await page.getByTestId('match').click();
    // then the line has its receipt and leaves the queue
    await page.getByTestId('matched').waitFor();
    await row.waitFor({ state: 'detached' });
    await shot(page, 'payments-bank-matched', false);
    const resolved = await api<{ items: { ref1: string; paymentId: number | null }[] }>(
      'GET',
      '/bank-lines?status=resolved',
    );
    const line = resolved.items.find((l) => l.ref1 === UNKNOWN_REF1);
    assert.ok(line?.paymentId, 'the stray line became a payment');
    assert.equal((await api<Inv>('GET', `/invoices/${other.id}`)).status, 'paid');

    // when finance opens the file's lines from the list of imported files
    await page.goto(s.srv.baseUrl + '/payments/bank-files');
    await page.getByTestId('bank-file-list').locator('tbody tr').first().getByRole('link').click();
    const lines = page.getByTestId('file-lines');
    await lines.waitFor();
    // then each line shows what became of it, with the receipt it was paid by
    // (line numbers are the file's: the header is line 1)
    const first = lines.locator('tr[data-line="2"]');
    const second = lines.locator('tr[data-line="3"]');
    await second.locator('[data-testid="line-receipt"]').waitFor();
    assert.equal(await first.getAttribute('data-status'), 'matched');
    assert.equal(await second.getAttribute('data-status'), 'resolved');
    assert.ok((await first.textContent())?.includes(paying.customerName.slice(0, 20)));
    assert.match(
      (await first.getByTestId('line-receipt').textContent())?.trim() ?? '',
      /^RC\d{4}-\d{6}$/,
    );
    assert.match((await page.getByTestId('file-lines-range').textContent()) ?? '', /1–2 จาก 2/);
    await shot(page, 'payments-bank-file-lines');

    // when a file whose trailer's credit total was altered is imported
    const bad = Buffer.from(bytes);
    const trailer = 3 * STRIDE; // header, two details, then the trailer (line 4)
    const digit = trailer + 51; // the last digit of the credit total (positions 40–52)
    bad[digit] = bad[digit] === 0x39 ? 0x30 : bad[digit]! + 1;
    const badFile = path.join(dir, 'ktb-bad.txt');
    fs.writeFileSync(badFile, bad);
    await page.goto(s.srv.baseUrl + '/payments/bank-files');
    await page.locator('#bf-bank').selectOption('KTB');
    await page.locator('#bf-file').setInputFiles(badFile);
    await page.getByTestId('bank-import').click();
    // then it is refused, naming the trailer's line
    const errors = page.getByTestId('bank-errors');
    await errors.waitFor();
    assert.match((await errors.textContent()) ?? '', /บรรทัด 4/);
    await shot(page, 'payments-bank-file-refused');
    await done();
  });
});
