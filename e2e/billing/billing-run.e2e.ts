/**
 * Readings, tariffs, a billing run and its invoices in the portal, end to end: the month's
 * readings entered, the bill calculator confirmed by the engine, a billing run followed on
 * its progress bar to the end, and the invoices it made, one of them opened.
 *
 *   npm run build:apps && node --import tsx --test e2e/billing/billing-run.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bangkokParts } from '../../engine/src/domain/index.js';
import { shot, signedIn, stage, type Stage } from './browser.js';

let s: Stage;
let admin: string;
/** This month: the demo data is billed up to last month. */
const { year, month } = bangkokParts(new Date());
const PERIOD = `${year}-${String(month).padStart(2, '0')}`;

before(async () => {
  s = await stage();
  admin = await s.srv.login('admin');
});
after(async () => s?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely, as the harness does
async function get<T = any>(path: string): Promise<T> {
  const res = await s.srv.api('GET', path, { token: admin });
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** This month's readings of waterworks 1's active accounts: last month's plus 15 m³. */
async function readTheMeters(): Promise<number> {
  const last = new Date(Date.UTC(Number(PERIOD.slice(0, 4)), Number(PERIOD.slice(5)) - 2, 1));
  const lastPeriod = last.toISOString().slice(0, 7);
  const before = await get<{
    items: { accountId: number; currentReading: number | null; status: string }[];
  }>(`/readings?waterworksId=1&period=${lastPeriod}&limit=1000`);
  const items = before.items
    .filter((r) => r.status === 'accepted' && r.currentReading !== null)
    .map((r) => ({ accountId: r.accountId, currentReading: r.currentReading! + 15 }));
  assert.ok(items.length > 10, `last month (${lastPeriod}) has readings`);
  const res = await s.srv.api('POST', '/readings/batch', {
    token: admin,
    body: { period: PERIOD, items },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return items.length;
}

describe('billing', () => {
  test('the reading sheet shows the month’s readings with their consumption', async () => {
    // given this month's readings entered
    const entered = await readTheMeters();
    const { page, done } = await signedIn(s, 'clerk', '/readings');
    // when the sheet of the first waterworks is open (this month by default)
    const sheet = page.getByTestId('reading-sheet');
    await sheet.locator('tbody tr[data-account]').first().waitFor({ timeout: 60_000 });
    // then the entered readings are there, 15 m³ each
    const consumption = await sheet.getByTestId('consumption').allTextContents();
    assert.ok(consumption.filter((c) => c.trim() === '15').length >= Math.min(entered, 10));
    await shot(page, 'billing-readings-sheet', false);

    // when a reading of the other waterworks, not read yet, is typed
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.locator('#rd-waterworks').selectOption({ index: 1 });
    const row = sheet.locator('tbody tr[data-account^="WW2-"]').first();
    const input = row.getByRole('textbox');
    await input.waitFor({ timeout: 60_000 });
    // (the whole sheet came in one request, not one per account)
    assert.deepEqual(
      requests.filter((p) => p.startsWith('/api/v1/')),
      ['/api/v1/readings/sheet'],
    );
    const previous = Number((await row.locator('td').nth(4).textContent())?.trim());
    await input.fill(String(previous - 1));
    // then the flags show at once, worked out in the browser
    await row.locator('[data-flag="below-previous"]').waitFor();
    await shot(page, 'billing-readings-typing', false);
    await input.fill(String(previous + 7));
    await row.getByTestId('consumption').getByText('7').waitFor();
    assert.equal(await row.locator('[data-flag="below-previous"]').count(), 0);
    await page.getByTestId('open-review').click();
    const queue = page.getByTestId('review-queue');
    await queue.waitFor();
    // each flagged reading names its account and water user, from the queue's own answer
    const first = queue.locator('tbody tr[data-reading]').first();
    await first.waitFor();
    assert.match((await first.locator('td').nth(1).textContent())?.trim() ?? '', /^WW\d-/);
    assert.ok((await first.locator('td').nth(2).textContent())?.trim());
    assert.equal(requests.filter((p) => p.startsWith('/api/v1/accounts/')).length, 0);
    await shot(page, 'billing-readings-review');
    await done();
  });

  test('the bill calculator agrees with the engine to the satang', async () => {
    const { page, done } = await signedIn(s, 'finance', '/tariffs');
    await page.getByTestId('tariffs-presets').locator('tbody tr').first().waitFor();
    await shot(page, 'billing-tariffs');
    // when PWA-1 (residential) is priced for 20 m³
    await page.getByTestId('open-calculator').click();
    await page.getByTestId('calc-tariff').selectOption('preset-PWA-1');
    await page.getByTestId('calc-consumption').fill('20');
    // then 262.00 of water + 7 % VAT, confirmed by POST /tariffs/preview
    await page.getByTestId('calc-total').getByText('฿280.34').waitFor();
    await page.getByTestId('calc-server').getByText('ตรงกับการคำนวณของเซิร์ฟเวอร์').waitFor();
    await shot(page, 'billing-tariff-calculator');
    await done();
  });

  test('a billing run shows its progress to the end, and its invoices can be opened', async () => {
    // given the month's readings (entered by the first test)
    const { page, done } = await signedIn(s, 'finance', '/billing-runs');
    await page.evaluate(() => {
      // every value the progress bar shows, in order
      const seen: number[] = ((window as unknown as { seen: number[] }).seen = []);
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="run-progress"]');
        const v = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen[seen.length - 1] !== v) seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator('#br-period').fill(PERIOD);
    await page.locator('#br-period').dispatchEvent('change');
    // when the run is started
    await page.getByTestId('start-billing-run').click();
    // then the bar fills to 100 % and the run completes
    await page.waitForURL(/\/billing-runs\/\d+$/);
    await page.getByTestId('run-status').and(page.locator('[data-status="completed"]')).waitFor({
      timeout: 120_000,
    });
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    assert.equal(seen[seen.length - 1], 100, `bar values ${seen.join(' → ')}`);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      seen,
      `the bar never goes back: ${seen.join(' → ')}`,
    );
    const runId = Number(page.url().split('/').pop());
    const run = await get(`/billing-runs/${runId}`);
    assert.ok(run.createdCount > 0, JSON.stringify(run));
    assert.equal(
      (await page.getByTestId('run-created').textContent())?.trim(),
      String(run.createdCount),
    );
    await shot(page, 'billing-run-done');

    // when its invoices are listed
    await page.getByTestId('run-invoices').click();
    await page.waitForURL(new RegExp(`/invoices\\?.*billingRun=${runId}`));
    const table = page.getByTestId('invoice-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByTestId('run-filter').waitFor();
    // then they are the run's, as many as it made (the API agrees)
    const listed = await get(`/invoices?billingRunId=${runId}&limit=1`);
    assert.equal(listed.total, run.createdCount);
    await page.getByTestId('invoice-total').getByText(String(run.createdCount)).waitFor();
    await shot(page, 'billing-invoices');

    // and one opens with its lines, the amount in Thai words and the payment QR
    await table.getByTestId('invoice-link').first().click();
    await page.getByTestId('invoice-lines').waitFor();
    await shot(page, 'billing-invoice');
    assert.match((await page.getByTestId('invoice-words').textContent()) ?? '', /บาท/);
    await page.getByTestId('invoice-qr').waitFor();
    const payload = await page.getByTestId('invoice-qr').getAttribute('data-payload');
    const ref2 = (await page.getByTestId('invoice-ref2').textContent())?.trim() ?? '';
    assert.ok(payload?.includes(ref2), `QR ${payload} carries ${ref2}`);
    await shot(page, 'billing-invoice');

    // when the A5 print view is asked for
    await page.locator('#inv-paper').selectOption('A5');
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => /\/invoices\/\d+\/pdf\?size=A5$/.test(r.url())),
      page.getByTestId('show-pdf').click(),
    ]);
    // then the engine's PDF is shown in the page, ready to print
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);
    assert.match((await page.getByTestId('invoice-pdf').getAttribute('src')) ?? '', /^blob:/);
    await done();
  });
});
