/**
 * Foundation, end to end: the three front ends against a real engine with the demo data,
 * in Debian's Chromium. Screenshots land in e2e/screenshots/ (git-ignored) for a human look.
 *
 *   npm run build:apps && node --import tsx --test e2e/foundation/portal-login.e2e.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buddhistYear, fiscalYear } from '../../engine/src/domain/index.js';
import { startTestServer } from '../../engine/src/testing/harness.js';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');
const PASSWORD = 'prapa-demo';
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const POS = { width: 360, height: 720 }; // a Sunmi V1-class handheld in CSS pixels

let srv: { baseUrl: string; stop(): Promise<void> };
let browser: Browser;

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  srv = await startTestServer({ demo: true });
  browser = await chromium.launch({
    executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** A fresh browser profile that fails the test on console errors or any off-site request. */
async function open(
  viewport = DESKTOP,
): Promise<{ page: Page; context: BrowserContext; done(): Promise<void> }> {
  const context = await browser.newContext({
    viewport,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // a 401/429 answer is logged by Chromium as a failed resource: expected on a wrong password
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(srv.baseUrl) && !req.url().startsWith('data:')) {
      problems.push(`off-site request: ${req.url()}`); // no CDN, no Google Fonts
    }
  });
  return {
    page,
    context,
    async done() {
      await context.close();
      assert.deepEqual(problems, []);
    },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  // fonts loaded and transitions (button colours, the off-canvas slide) finished
  await page.evaluate(async () => {
    await document.fonts.ready;
    // an animation cancelled on the way (the off-canvas closing) rejects: that is fine too
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(/ชื่อผู้ใช้|User name/).fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: /^(เข้าสู่ระบบ|Sign in)$/ }).click();
}

/** The Sarabun faces the page has actually loaded (Thai text drawn in a fallback shows tofu risk). */
async function loadedSarabunFaces(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded')
      .map((f) => `${f.weight}:${f.unicodeRange.includes('E01') ? 'thai' : 'latin'}`);
  });
}

describe('portal', () => {
  test('the login page speaks Thai, in Sarabun', async () => {
    const { page, done } = await open();
    // when
    await page.goto(srv.baseUrl + '/');
    // then
    await page.waitForURL(/\/login/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'th');
    await page.getByRole('heading', { name: 'ระบบบริหารงานประปา' }).waitFor();
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).waitFor();
    assert.ok(
      (await loadedSarabunFaces(page)).some((f) => f.endsWith(':thai')),
      'Sarabun Thai is loaded',
    );
    assert.match(await page.title(), /ประปา/);
    await shot(page, 'portal-login-th');
    await done();
  });

  test('a wrong password shows the engine’s Thai message', async () => {
    const { page, done } = await open();
    await page.goto(srv.baseUrl + '/login');
    // when
    await signIn(page, 'admin', 'not-the-password');
    // then
    const alert = page.getByRole('alert');
    await alert.getByText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง').waitFor();
    assert.match(page.url(), /\/login/);
    await shot(page, 'portal-login-wrong-password');
    await done();
  });

  test('an administrator signs in to the dashboard and sees the organisation area', async () => {
    const { page, done } = await open();
    await page.goto(srv.baseUrl + '/');
    // when
    await signIn(page, 'admin');
    // then the dashboard: tenant, greeting, today in the Buddhist Era, fiscal year, waterworks
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('tenant-name').getByText('องค์การบริหารส่วนตำบลหนองบัวทอง').waitFor();
    await page.getByRole('heading', { name: /สวัสดี.*สมชาย ใจดี/ }).waitFor();
    const now = new Date();
    const today = (await page.getByTestId('today').textContent()) ?? '';
    assert.match(today, /^\s*วัน\S+ที่ \d{1,2} \S+ (พ\.ศ\. )?\d{4}\s*$/);
    assert.ok(today.includes(String(buddhistYear(now))), `BE year in "${today}"`);
    assert.match(
      (await page.getByTestId('fiscal-year').textContent()) ?? '',
      new RegExp(`ปีงบประมาณ\\s*${fiscalYear(now)}`),
    );
    assert.equal(await page.getByTestId('waterworks-card').count(), 2);
    await page.getByText('ให้บริการ 3 หมู่บ้าน').first().waitFor();
    await page.getByTestId('current-user').getByText('ผู้ดูแลระบบ').waitFor();
    const nav = page.locator('#portal-nav').getByRole('navigation');
    await nav.getByRole('link', { name: 'แดชบอร์ด' }).waitFor();
    await nav.getByRole('link', { name: 'ข้อมูลหน่วยงาน' }).waitFor();
    await shot(page, 'portal-dashboard-th');

    // when the organisation area is opened
    await nav.getByRole('link', { name: 'ข้อมูลหน่วยงาน' }).click();
    // then profile, waterworks and villages come from the API
    await page.waitForURL(/\/organisation$/);
    await page.getByTestId('tenant-profile').getByText('0-9940-00165-50-1').waitFor();
    assert.equal(await page.getByTestId('waterworks-table').locator('tbody tr').count(), 2);
    assert.equal(await page.getByTestId('villages-table').locator('tbody tr').count(), 6);
    assert.match(await page.title(), /^ข้อมูลหน่วยงาน · ระบบบริหารงานประปา$/);
    await shot(page, 'portal-organisation-th');

    // when switched to English
    await page.getByRole('button', { name: 'EN' }).click();
    // then the labels follow, and <html lang> too
    await nav.getByRole('link', { name: 'Organisation' }).waitFor();
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Organisation', level: 1 }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByTestId('tenant-name').getByText('Nong Bua Thong').waitFor();
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText(/Fiscal year/).waitFor();
    assert.match((await page.getByTestId('today').textContent()) ?? '', /BE/);
    await shot(page, 'portal-dashboard-en');

    // and the choice survives a reload
    await page.reload();
    await page.getByRole('heading', { name: /Hello, สมชาย ใจดี/ }).waitFor();
    await done();
  });

  test('a clerk does not see, and cannot open, the organisation area', async () => {
    const { page, done } = await open();
    await page.goto(srv.baseUrl + '/login');
    // when
    await signIn(page, 'clerk');
    // then
    await page.waitForURL(/\/dashboard$/);
    const nav = page.locator('#portal-nav').getByRole('navigation');
    await nav.getByRole('link', { name: 'แดชบอร์ด' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'ข้อมูลหน่วยงาน' }).count(), 0);
    await page.goto(srv.baseUrl + '/organisation');
    await page.waitForURL(/\/dashboard$/);
    await done();
  });

  test('a resident is sent to the residents’ app', async () => {
    const { page, done } = await open();
    await page.goto(srv.baseUrl + '/login');
    // when
    await signIn(page, 'resident1');
    // then
    const link = page.getByRole('link', { name: 'ไปที่แอปผู้ใช้น้ำ' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/m/');
    assert.match(page.url(), /\/login/);
    await shot(page, 'portal-login-resident');
    await done();
  });

  test('on a narrow screen the menu is an off-canvas panel', async () => {
    const { page, done } = await open(PHONE);
    await page.goto(srv.baseUrl + '/login');
    await signIn(page, 'admin');
    await page.waitForURL(/\/dashboard$/);
    const link = page.getByRole('link', { name: 'ข้อมูลหน่วยงาน' });
    assert.equal(await link.isVisible(), false);
    await shot(page, 'portal-dashboard-phone');
    // when
    await page.getByRole('button', { name: 'เมนู' }).click();
    // then
    await link.waitFor({ state: 'visible' });
    await shot(page, 'portal-menu-phone');
    await link.click();
    await page.waitForURL(/\/organisation$/);
    await link.waitFor({ state: 'hidden' });
    await done();
  });

  test('signing out returns to the login page', async () => {
    const { page, done } = await open();
    await page.goto(srv.baseUrl + '/login');
    await signIn(page, 'mayor');
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('current-user').getByText('นายก อบต.').waitFor();
    // when
    await page.getByTestId('sign-out').click();
    // then
    await page.waitForURL(/\/login/);
    await page.getByText('ออกจากระบบเรียบร้อยแล้ว').waitFor();
    await page.goto(srv.baseUrl + '/dashboard');
    await page.waitForURL(/\/login\?returnUrl=%2Fdashboard/);
    await done();
  });
});

describe('mobile', () => {
  test('a resident signs in at /m/ and is welcomed by name', async () => {
    const { page, done } = await open(PHONE);
    await page.goto(srv.baseUrl + '/m/');
    await page.waitForURL(/\/m\/login/);
    await page.getByRole('heading', { name: 'ประปาของฉัน' }).waitFor();
    await shot(page, 'mobile-login-th');
    // when
    await signIn(page, 'resident1');
    // then
    await page.getByTestId('welcome-name').getByText('มาลี ศรีสวัสดิ์').waitFor();
    await page.getByText('ยินดีต้อนรับ').waitFor();
    assert.equal(new URL(page.url()).pathname, '/m/');
    await shot(page, 'mobile-home-th');
    // and the touch targets are big enough for a thumb
    const signOut = page.getByRole('button', { name: 'ออกจากระบบ' }).last();
    assert.ok(((await signOut.boundingBox())?.height ?? 0) >= 44);
    await done();
  });
});

describe('handheld', () => {
  test('a meter reader signs in at /h/ and is welcomed by name', async () => {
    const { page, done } = await open(POS);
    await page.goto(srv.baseUrl + '/h/');
    await page.waitForURL(/\/h\/login/);
    await page.getByRole('heading', { name: 'จดมาตรวัดน้ำ' }).waitFor();
    await shot(page, 'handheld-login-th');
    // when
    await signIn(page, 'reader');
    // then
    await page.getByTestId('welcome-name').getByText('บุญมี ดีงาม').waitFor();
    await page.getByText('พนักงานจดมาตร').waitFor();
    assert.equal(new URL(page.url()).pathname, '/h/');
    await shot(page, 'handheld-home-th');
    // when switched to English
    await page.getByRole('button', { name: 'EN' }).last().click();
    await page.getByText('Welcome').waitFor();
    await page.getByText('Meter reader').waitFor();
    await shot(page, 'handheld-home-en');
    await done();
  });
});
