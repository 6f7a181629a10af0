/**
 * What the billing browser tests share: a real engine with the demo data, Debian's Chromium,
 * a fresh browser profile per test that fails on console errors and off-site requests, and
 * screenshots in e2e/screenshots/ for a human look.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../engine/src/testing/harness.js';

export const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../screenshots',
);
export const DESKTOP = { width: 1366, height: 800 };

export interface Stage {
  srv: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function stage(): Promise<Stage> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // the browser first: when it is missing, no engine is left running
  const browser = await chromium.launch({
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
  const srv = await startTestServer({ demo: true }).catch(async (err: unknown) => {
    await browser.close();
    throw err;
  });
  return {
    srv,
    browser,
    async close() {
      await browser.close();
      await srv.stop();
    },
  };
}

/** A signed-in page in a fresh profile; done() fails the test on console errors. */
export async function signedIn(
  { srv, browser }: Stage,
  username: string,
  at = '/',
): Promise<{ page: Page; done(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // a 4xx answer is logged by Chromium as a failed resource: some tests provoke one
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    // data: and blob: are made in the page; chrome: and chrome-extension: are Chromium's PDF viewer
    const local = ['data:', 'blob:', 'chrome:', 'chrome-extension:'].some((p) => url.startsWith(p));
    if (!url.startsWith(srv.baseUrl) && !local) {
      problems.push(`off-site request: ${url}`);
    }
  });
  await page.goto(srv.baseUrl + '/login');
  await page.getByLabel(/ชื่อผู้ใช้|User name/).fill(username);
  await page.locator('#login-password').fill('prapa-demo');
  await page.getByRole('button', { name: /^(เข้าสู่ระบบ|Sign in)$/ }).click();
  await page.waitForURL(/\/dashboard$/);
  if (at !== '/') await page.goto(srv.baseUrl + at);
  return {
    page,
    async done() {
      await context.close();
      assert.deepEqual(problems, []);
    },
  };
}

/** A screenshot (the whole page unless told) once fonts are in and animations have ended. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
