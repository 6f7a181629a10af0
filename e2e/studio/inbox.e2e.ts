/**
 * The task inbox and a form-rendered task, end to end: a clerk watches the inbox while a new
 * application arrives (started through the API) and it appears without a reload; claims it;
 * sees a task someone takes leave the "waiting" tab; opens the document check, sends it with
 * the refusal reason left empty and reads the engine's message under that field; then sends
 * it properly and the application moves on to the site survey.
 *
 *   flock /tmp/prapa-ngbuild.lock npx ng build portal
 *   PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/studio/inbox.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { WorkflowDriver } from '../../engine/src/testing/workflow-driver.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

const PROCESS = 'new-connection';

let s: Stage;
let wf: WorkflowDriver;
let seq = 0;

before(async () => {
  s = await stage();
  wf = await WorkflowDriver.signIn(s.srv, ['admin', 'clerk']);
});
after(async () => s?.close());

const application = () => ({
  applicantName: 'นางสาวบุญมี ทดลองต่อน้ำ',
  applicantPhone: '0891234567',
  address: '45 ซอยวัด',
  villageId: 1,
  meterSize: '1/2',
});

const row = (page: Page, bk: string) =>
  page.locator(`[data-testid="task-row"][data-business-key="${bk}"]`);

/** The inbox is open and its live stream connected. */
async function inboxLive(page: Page, query = ''): Promise<void> {
  await page.goto(`${s.srv.baseUrl}/tasks${query}`);
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
}

describe('task inbox', () => {
  test('a new application appears live in the clerk inbox, and the clerk claims it', async () => {
    const { page, done } = await signedIn(s, 'clerk');
    // given the clerk's inbox, connected
    await inboxLive(page);

    // when an application is started elsewhere (through the API)
    const bk = `NC-INBOX-${++seq}`;
    await wf.start('clerk', PROCESS, bk, application());

    // then its document check appears without a reload, waiting for a clerk
    const task = row(page, bk);
    await task.waitFor();
    await task.getByTestId('unclaimed').waitFor();
    assert.match((await task.getByTestId('task-link').textContent()) ?? '', /ตรวจสอบเอกสาร/);
    await shot(page, 'studio-inbox');

    // when the clerk claims it
    await task.getByTestId('claim').click();

    // then it is the clerk's, with the way to open it
    await page
      .locator(`[data-testid="task-row"][data-business-key="${bk}"][data-assignee="clerk"]`)
      .waitFor();
    await task.getByTestId('open').waitFor();
    await done();
  });

  test('a task someone claims leaves the "waiting to be taken" tab at once', async () => {
    const { page, done } = await signedIn(s, 'clerk');
    // given the waiting tab, and a new application on it
    await inboxLive(page, '?scope=unclaimed');
    const bk = `NC-INBOX-${++seq}`;
    await wf.start('clerk', PROCESS, bk, application());
    await row(page, bk).waitFor();

    // when it is claimed from another screen
    const t = await wf.task('clerk', bk, 'Task_documentCheck');
    assert.equal((await wf.call('clerk', 'POST', `/tasks/${t.id}/claim`)).status, 200);

    // then it leaves the tab without a reload
    await row(page, bk).waitFor({ state: 'detached' });
    await done();
  });
});

describe('a task form', () => {
  test('shows the server refusal under the field, then completes and the application moves on', async () => {
    // given a claimed document check
    const bk = `NC-INBOX-${++seq}`;
    const started = await wf.start('clerk', PROCESS, bk, application());
    const t = await wf.task('clerk', bk, 'Task_documentCheck');
    assert.equal((await wf.call('clerk', 'POST', `/tasks/${t.id}/claim`)).status, 200);
    const { page, done } = await signedIn(s, 'clerk', `/tasks/${t.id}`);
    const form = page.getByTestId('task-form');
    await form.locator('.formio-component-documentsOk').waitFor();
    assert.match((await page.getByTestId('task-context').textContent()) ?? '', /บุญมี/);

    // when the clerk says the documents are missing but gives no reason, and sends it
    await form.getByLabel('ไม่ครบถ้วน', { exact: true }).check();
    const reason = form.locator('.formio-component-rejectionReason');
    await reason.waitFor();
    const refused = page.waitForResponse((r) => r.url().endsWith(`/tasks/${t.id}/complete`));
    await page.getByTestId('complete').click();
    const answer = await refused;

    // then the engine refuses it and its Thai message stands under the reason field
    assert.equal(answer.status(), 422);
    const problem = (await answer.json()) as {
      errors: { path: string; message: { th: string } }[];
    };
    const error = problem.errors.find((e) => e.path === 'rejectionReason');
    assert.ok(error, JSON.stringify(problem));
    await reason.getByText(error.message.th).first().waitFor();
    await shot(page, 'studio-task-form-error');

    // when the documents turn out complete after all
    await form.getByLabel('ครบถ้วน', { exact: true }).check();
    await reason.waitFor({ state: 'hidden' });
    await page.getByTestId('complete').click();

    // then the page moves on with a word that it was sent, and the application is at the survey
    await page.getByTestId('completed-banner').waitFor();
    const instance = await wf.instance(started.id);
    assert.deepEqual(
      instance.currentActivities.map((a) => a.elementId),
      ['Task_siteSurvey'],
    );
    await shot(page, 'studio-task-next');
    await done();
  });
});
