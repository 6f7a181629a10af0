/**
 * The administrators' story, in Chromium: an admin opens new-connection in the process
 * designer and adds an approval by the mayor after the chief administrator's — drags a task
 * from the palette, makes it a user task, reroutes the flow after Task_approval through it,
 * gives it the role นายก อบต. and the approval form — and deploys it as a new version (a first
 * try without a form is refused, the problem marked on the new task). An application started
 * afterwards then waits for the mayor; one started before still follows the old version.
 *
 *   npx ng build portal && PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/studio/designer.e2e.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  WorkflowDriver,
  waitingAt,
  endedElements,
  type InstanceView,
} from '../../engine/src/testing/workflow-driver.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

const KEY = 'new-connection';
const MAYOR_TASK = 'พิจารณาอนุมัติ (นายก อบต.)';

const application = () => ({
  applicantName: 'นางสาวมาลี ศรีสุข',
  applicantPhone: '0891234567',
  address: '45 หมู่ 2 ต.บ้านใหม่',
  villageId: 2,
  meterSize: '1/2',
});
const feasibleSurvey = () => ({
  surveyDate: '2026-01-10',
  distanceMeters: 20,
  pipeSizeMm: 20,
  feasible: 'true',
  estimatedCostBaht: 3000,
});

let s: Stage;
let wf: WorkflowDriver;

before(async () => {
  s = await stage();
  wf = await WorkflowDriver.signIn(s.srv, ['admin', 'clerk', 'technician', 'chief', 'mayor']);
  // the approved branch's automatic steps answer as the real ones would
  wf.recordHandlers(
    [
      'applications.notifyApplicant',
      'accounts.createFromApplication',
      'billing.createInstallationInvoice',
      'accounts.activate',
    ],
    {
      'accounts.createFromApplication': { accountId: 7 },
      'billing.createInstallationInvoice': { invoiceId: 501 },
    },
  );
});
after(async () => s?.close());

/** A clerk takes the application in; the documents and the survey pass: the chief's turn. */
async function atChiefApproval(businessKey: string): Promise<InstanceView> {
  const started = await wf.start('clerk', KEY, businessKey, application());
  await wf.completeAt('clerk', businessKey, 'Task_documentCheck', { documentsOk: 'true' });
  await wf.completeAt('technician', businessKey, 'Task_siteSurvey', feasibleSurvey());
  const i = await wf.instance(started.id);
  assert.deepEqual(waitingAt(i), ['Task_approval']);
  return i;
}

async function latestVersion(): Promise<number> {
  const res = await wf.call('admin', 'GET', '/processes');
  const p = (res.body.items as { key: string; latest: number }[]).find((x) => x.key === KEY);
  return p!.latest;
}

/** A diagram element's shape on screen. */
const shape = (page: Page, id: string): Locator =>
  page.locator(`[data-testid=designer-canvas] .djs-element[data-element-id="${id}"]`);

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  assert.ok(box, 'the element is on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on `from`, moves in steps and lets go on `to`: a real drag for diagram-js. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** Clicks an empty corner of the canvas (closing any context pad), then the element. */
async function select(page: Page, id: string): Promise<void> {
  const box = (await page.getByTestId('designer-canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width - 20, box.y + 20);
  await page.mouse.click(...(Object.values(await centre(shape(page, id))) as [number, number]));
}

/** Selects an element by clicking it, then drags its context pad's connect entry onto another. */
async function connect(page: Page, fromId: string, toId: string): Promise<void> {
  await select(page, fromId);
  const entry = page.locator('.djs-context-pad.open [data-action="connect"]');
  await entry.waitFor();
  await drag(page, await centre(entry), await centre(shape(page, toId)));
}

test('an admin adds the mayor’s approval after the chief’s; new applications wait for the mayor, older ones do not', async () => {
  // given an application already at the chief's approval, on the version in use
  const versionBefore = await latestVersion();
  const older = await atChiefApproval('NC-E2E-OLD');
  assert.equal(older.version, versionBefore);

  const { page, done } = await signedIn(s, 'admin', '/studio/processes');

  // when the admin opens new-connection from the process list
  await page.locator(`[data-process="${KEY}"] a`).first().click();
  await page.waitForURL(/\/studio\/processes\/new-connection/);
  await shape(page, 'Task_approval').waitFor();
  await page.getByTestId('versions').getByText(`เวอร์ชัน ${versionBefore}`).waitFor();

  // …scrolls the diagram to the chief's approval and drags a task from the palette to above
  // the flow from that approval to its gateway
  const canvas = await centre(page.getByTestId('designer-canvas'));
  await page.mouse.move(canvas.x, canvas.y);
  await page.mouse.wheel(500, 0);
  const approval = (await shape(page, 'Task_approval').boundingBox())!;
  const gateway = (await shape(page, 'Gateway_approved').boundingBox())!;
  const target = {
    x: (approval.x + approval.width + gateway.x) / 2,
    y: approval.y - approval.height * 1.4,
  };
  await drag(page, await centre(page.locator('.djs-palette [data-action="create.task"]')), target);

  // …turns it into a user task and names it
  await page.locator('.djs-context-pad.open [data-action="replace"]').click();
  await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
  const panel = page.getByTestId('element-panel');
  await panel.getByTestId('element-kind').getByText('งานของเจ้าหน้าที่').waitFor();
  const mayorTask = (await panel.getByTestId('element-id').textContent())!.trim();
  await panel.locator('#el-name').fill(MAYOR_TASK);
  await panel.locator('#el-name').press('Tab');
  await shape(page, mayorTask).getByText('(นายก อบต.)').waitFor();

  // …removes the flow from the chief's approval to the gateway and routes it through the new task
  await select(page, 'Flow_toApproved');
  await panel.getByText('เส้นลำดับ').waitFor();
  await page.locator('.djs-context-pad.open [data-action="delete"]').click();
  await shape(page, 'Flow_toApproved').waitFor({ state: 'detached' });
  await connect(page, 'Task_approval', mayorTask);
  await connect(page, mayorTask, 'Gateway_approved');

  // …gives it to the mayor, due in three days
  await select(page, mayorTask);
  await panel.getByLabel('นายก อบต.').check();
  await panel.locator('#el-due').fill('P3D');
  await panel.locator('#el-due').blur();

  // then a FEEL condition with a syntax error is caught as it is typed
  await select(page, 'Flow_approved');
  await panel.locator('#el-condition').fill('=decision = ');
  await panel.getByTestId('condition-error').getByText('นิพจน์ FEEL ไม่ถูกต้อง').waitFor();
  await panel.locator('#el-condition').fill('=decision = "approve"');
  assert.equal(await panel.getByTestId('condition-error').count(), 0);

  // when the admin deploys before choosing a form
  await page.getByTestId('deploy').click();

  // then the server's problem is listed and marked on the new task
  const problems = page.getByTestId('deploy-problems');
  await problems.getByText(mayorTask).waitFor();
  await problems.getByText('แบบฟอร์ม').first().waitFor();
  await page.locator(`.prapa-problem-note[data-element-id="${mayorTask}"]`).waitFor();
  assert.match(
    (await shape(page, mayorTask).getAttribute('class')) ?? '',
    /prapa-problem/,
    'the new task is marked red',
  );
  assert.equal(await latestVersion(), versionBefore, 'nothing was deployed');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'studio-designer-refused');

  // when the admin chooses the approval form for it and deploys again
  await select(page, mayorTask);
  await panel.locator('#el-form').selectOption('new-connection-approval');
  await page.getByTestId('deploy').click();

  // then a new version is deployed and listed
  const versionAfter = versionBefore + 1;
  await page.getByTestId('deployed').getByText(`เวอร์ชัน ${versionAfter}`).waitFor();
  await page
    .locator(`[data-testid=versions] [data-version="${versionAfter}"]`)
    .getByText('admin')
    .waitFor();
  assert.equal(await page.getByTestId('deploy-problems').count(), 0);
  await shape(page, mayorTask).waitFor();
  assert.equal(await latestVersion(), versionAfter);
  // (the deployed version, reopened from the server, with the mayor's task selected)
  await page.mouse.move(canvas.x, canvas.y);
  await page.mouse.wheel(500, 0);
  await select(page, mayorTask);
  assert.equal(await panel.getByLabel('นายก อบต.').isChecked(), true);
  assert.equal(await panel.locator('#el-form').inputValue(), 'new-connection-approval');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'studio-designer');

  // and the diagram downloads as .bpmn with the mayor's task, and opens again from that file
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลด .bpmn' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${KEY}-v${versionAfter}.bpmn`);
  const bpmn = fs.readFileSync((await download.path())!, 'utf8');
  assert.match(bpmn, new RegExp(`id="${mayorTask}"[^>]*camunda:candidateGroups="mayor"`));
  await page.getByTestId('bpmn-upload').setInputFiles({
    name: 'mayor-approval.bpmn',
    mimeType: 'application/xml',
    buffer: Buffer.from(bpmn),
  });
  await page.getByTestId('editing-from').getByText('mayor-approval.bpmn').waitFor();
  await shape(page, mayorTask).waitFor();
  await done();

  // when a new application reaches the chief, and the chief approves both
  const newer = await atChiefApproval('NC-E2E-NEW');
  assert.equal(newer.version, versionAfter);
  await wf.completeAt('chief', 'NC-E2E-OLD', 'Task_approval', { decision: 'approve' });
  await wf.completeAt('chief', 'NC-E2E-NEW', 'Task_approval', { decision: 'approve' });

  // then the new application waits for the mayor, in the mayor's queue with the approval form
  const waiting = await wf.instance(newer.id);
  assert.deepEqual(waitingAt(waiting), [mayorTask]);
  const task = await wf.task('mayor', 'NC-E2E-NEW', mayorTask);
  assert.deepEqual(task.candidateGroups, ['mayor']);
  assert.equal(task.formKey, 'new-connection-approval');
  assert.deepEqual(await wf.tasks('chief', { businessKey: 'NC-E2E-NEW' }), []);

  // and the older application went on without the mayor, on its own version
  const old = await wf.instance(older.id);
  assert.equal(old.version, versionBefore);
  assert.ok(!endedElements(old).includes(mayorTask));
  assert.ok(endedElements(old).includes('Task_createAccount'), 'approved without the mayor');
  assert.ok(!waitingAt(old).includes(mayorTask));

  // and once the mayor approves, the new application goes on to the account
  await wf.completeAt('mayor', 'NC-E2E-NEW', mayorTask, { decision: 'approve' });
  assert.ok(endedElements(await wf.instance(newer.id)).includes('Task_createAccount'));
});
