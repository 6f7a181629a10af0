/**
 * The registry in the portal, end to end: search with a partial Thai name, edit a water
 * user (saved and shown after a reload; a bad phone answered on its field), and an Excel
 * import with a bad row that imports nothing.
 *
 *   npm run build:apps && node --import tsx --test e2e/billing/registry.e2e.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { shot, signedIn, stage, type Stage } from './browser.js';

let s: Stage;
let token: string;

before(async () => {
  s = await stage();
  token = await s.srv.login('clerk');
});
after(async () => s?.close());

/** The registry search through the API, as a test's independent look at the data. */
async function search(q: string) {
  const res = await s.srv.api('GET', `/accounts?q=${encodeURIComponent(q)}&limit=50`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as {
    total: number;
    items: { id: number; number: string; waterUser: { name: string } }[];
  };
}

describe('registry', () => {
  test('a partial Thai name finds the demo water user, and the detail shows her account', async () => {
    const { page, done } = await signedIn(s, 'clerk', '/registry');
    await page.getByTestId('registry-table').locator('tbody tr').first().waitFor();
    // when a clerk types the first letters of a name
    await page.getByTestId('registry-search').fill('มาลี ศรี');
    // then the list narrows to her, without pressing enter
    const row = page.getByTestId('registry-table').locator('tbody tr', { hasText: 'มาลี ศรีสวัสดิ์' });
    await row.first().waitFor();
    await page.waitForURL(/q=/);
    const names = await page
      .getByTestId('registry-table')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    assert.ok(names.length >= 1);
    assert.ok(
      names.every((n) => n.includes('มาลี')),
      names.join(' | '),
    );
    await shot(page, 'billing-registry-search');

    // when her account is opened
    await row.first().getByTestId('account-link').click();
    // then the water user, account, meter history and invoices are there
    await page.getByTestId('water-user-name').getByText('มาลี ศรีสวัสดิ์').waitFor();
    await page.getByTestId('meter-history').locator('tbody tr').first().waitFor();
    await page.getByTestId('account-invoices').waitFor();
    await shot(page, 'billing-registry-detail');
    await done();
  });

  test('a changed phone is saved and shown after a reload; a bad one is answered on its field', async () => {
    // given a demo account
    const hit = (await search('มาลี')).items[0]!;
    const { page, done } = await signedIn(s, 'clerk', `/registry/${hit.id}/edit`);
    const phone = page.getByLabel('โทรศัพท์');
    await phone.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('#f-name') as HTMLInputElement)?.value !== '',
    );

    // when the clerk types letters into the phone and saves
    await phone.fill('โทร 08x');
    await page.getByTestId('save-account').click();
    // then the engine's Thai message shows under the phone field, and nothing is saved
    const fieldError = page.locator('#f-phone-error');
    await fieldError.waitFor();
    assert.ok(((await fieldError.textContent()) ?? '').trim().length > 0);
    assert.equal(
      await phone.evaluate(
        (el) => el.matches('.prapa-field--invalid *') || el.classList.contains('is-invalid'),
      ),
      true,
    );
    assert.match(page.url(), /\/edit$/);
    await shot(page, 'billing-registry-edit-error');

    // when a real number is typed instead
    await phone.fill('081-234-5678');
    await page.getByTestId('save-account').click();
    // then the detail page shows it, and so does a reload and the API
    await page.waitForURL(new RegExp(`/registry/${hit.id}$`));
    await page.getByTestId('water-user-phone').getByText('081-234-5678').waitFor();
    await page.reload();
    await page.getByTestId('water-user-phone').getByText('081-234-5678').waitFor();
    const account = await s.srv.api('GET', `/accounts/${hit.id}`, { token });
    assert.equal(account.body.waterUser.phone, '081-234-5678');
    await shot(page, 'billing-registry-edited');
    await done();
  });

  test('an import with a bad row lists the row and field, and imports nothing', async () => {
    // given the engine's own template with one good row and one bad row
    const template = await fetch(`${s.srv.baseUrl}/api/v1/registry/import-template`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(template.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await template.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const fill = (row: number, values: Record<string, string | number>) => {
      for (const [header, value] of Object.entries(values)) {
        const i = headers.indexOf(header);
        assert.ok(i > 0, `a column "${header}" in ${headers.join(', ')}`);
        sheet.getRow(row).getCell(i).value = value;
      }
      sheet.getRow(row).commit();
    };
    const good = 'ทดสอบนำเข้า ถูกต้อง';
    fill(2, {
      เลขที่ผู้ใช้น้ำ: 'WW1-90001',
      'ชื่อ-สกุล / ชื่อหน่วยงาน': good,
      รหัสกิจการประปา: 'WW1',
      โทรศัพท์: '081-000-0001',
    });
    fill(3, {
      เลขที่ผู้ใช้น้ำ: 'WW1-90002',
      'ชื่อ-สกุล / ชื่อหน่วยงาน': 'ทดสอบนำเข้า ผิดพลาด',
      รหัสกิจการประปา: 'WW1',
      เลขประจำตัวประชาชน: '1234567890123',
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prapa-import-')), 'ทะเบียน.xlsx');
    await book.xlsx.writeFile(file);

    const { page, done } = await signedIn(s, 'clerk', '/registry/import');
    // when the file is chosen
    await page.getByTestId('import-file').setInputFiles(file);
    // then the report names the bad line and field in Thai, and says nothing was imported
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await page.getByTestId('import-blocked').waitFor();
    const errors = page.getByTestId('import-errors');
    await errors.locator('tbody tr[data-line="3"]').first().waitFor();
    await shot(page, 'billing-registry-import-bad-row');
    assert.equal(
      await errors.locator('tbody tr[data-line="2"]').count(),
      0,
      (await errors.textContent()) ?? '',
    );
    assert.match((await page.getByTestId('import-invalid').textContent()) ?? '', /1/);
    assert.match((await errors.textContent()) ?? '', /[ก-๙]/);
    // and importing the valid rows is only offered behind an explicit choice
    assert.equal(await page.getByTestId('import-valid-rows').isDisabled(), true);

    // and the API agrees: neither row is in the registry
    assert.equal((await search('ทดสอบนำเข้า')).total, 0);
    await done();
  });
});
