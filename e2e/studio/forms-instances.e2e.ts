/**
 * The form designer and the instance viewer, end to end: an administrator drags a field into
 * the new-connection approval form in the Form.io builder and saves it as a new version; opens
 * a running new-connection application and sees its current step outlined on the diagram and
 * its timeline; and opens an application stuck at the installation invoice (a 2" meter the
 * village tariff has no fee for) and sees the incident with a Retry button.
 *
 *   flock /tmp/prapa-ngbuild.lock npx ng build portal
 *   PRAPA_TEST_DIALECT=sqlite node --import tsx --test e2e/studio/forms-instances.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { tenantOf } from '../../engine/src/modules/billing/billing.fixtures.js';
import { WorkflowDriver, type InstanceView } from '../../engine/src/testing/workflow-driver.js';
import { shot, signedIn, stage, type Stage } from '../billing/browser.js';

const FORM = 'new-connection-approval';
const PROCESS = 'new-connection';

let s: Stage;
let wf: WorkflowDriver;
let villageId: number;
let seq = 0;

before(async () => {
  s = await stage();
  wf = await WorkflowDriver.signIn(s.srv, ['admin', 'clerk', 'technician', 'chief', 'finance']);
  // telling the applicant belongs to the notifications (a later issue): recorded here
  wf.recordHandlers(['applications.notifyApplicant']);
  const t = await tenantOf(s.srv, wf.token('finance'));
  const village = t.villages.find((v) => v.waterworksId !== null)!;
  villageId = village.id;
  const assigned = await wf.call('finance', 'PUT', '/tariff-assignments', {
    waterworksId: village.waterworksId,
    customerType: '1',
    tariffCode: 'VILLAGE-BLOCK',
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
});
after(async () => s?.close());

const application = (meterSize: string) => ({
  applicantName: 'นางสาวบุญมี ทดลองต่อน้ำ',
  applicantPhone: '0891234567',
  address: '45 ซอยวัด',
  villageId,
  meterSize,
});

/** A new-connection application whose documents the clerk has checked: at the site survey. */
async function atSurvey(meterSize = '3/4'): Promise<{ id: number; bk: string }> {
  const bk = `NC-STUDIO-${++seq}`;
  const started = await wf.start('clerk', PROCESS, bk, application(meterSize));
  await wf.completeAt('clerk', bk, 'Task_documentCheck', { documentsOk: 'true' });
  return { id: started.id, bk };
}

/** Surveyed and approved: the installation invoice is the next (service) step. */
async function approved(meterSize: string): Promise<{ id: number; bk: string }> {
  const a = await atSurvey(meterSize);
  await wf.completeAt('technician', a.bk, 'Task_siteSurvey', {
    surveyDate: '2026-01-10',
    distanceMeters: 35,
    pipeSizeMm: 20,
    feasible: 'true',
    estimatedCostBaht: 2500,
  });
  await wf.completeAt('chief', a.bk, 'Task_approval', { decision: 'approve' });
  return a;
}

/** Drags a component from the builder's sidebar into the form, the way a mouse does. */
async function dragIntoForm(page: Page, type: string): Promise<void> {
  const source = page.locator(`.formcomponents [data-type="${type}"]`).first();
  const target = page.locator('.builder-components.drag-container').first();
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(
      from.x + ((to.x + to.width / 2 - from.x) * i) / 10,
      from.y + ((to.y + to.height - 10 - from.y) * i) / 10,
    );
  }
  await page.mouse.up();
}

describe('the form designer', () => {
  test('an administrator adds a field to a form and saves it as a new version', async () => {
    // given the approval form in the builder
    const { page, done } = await signedIn(s, 'admin', '/studio/forms');
    await page.locator(`[data-form="${FORM}"] a`).first().click();
    await page.waitForURL(new RegExp(`/studio/forms/${FORM}$`));
    await page.locator('.formio-builder-form').waitFor();
    await page.getByTestId('base-version').getByText('รุ่นที่ 1').waitFor();

    // when a text area is dragged in, labelled, and the form saved
    await dragIntoForm(page, 'textarea');
    const dialog = page.locator('.component-edit-container');
    await dialog.waitFor();
    await dialog.locator('input[name="data[label]"]').fill('หมายเหตุของนายก');
    await dialog.locator('input[name="data[label]"]').press('Tab');
    await dialog.locator('.component-preview').getByText('หมายเหตุของนายก').first().waitFor();
    await shot(page, 'studio-form-field-dialog', false);
    // a Thai label gives no key: the data key is set on the API tab
    await dialog.locator('.nav-link', { hasText: 'API' }).click();
    await dialog.locator('input[name="data[key]"]').fill('mayorNote');
    await dialog.locator('button[ref="saveButton"]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.formio-builder-form').getByText('หมายเหตุของนายก').first().waitFor();
    await page.getByTestId('save-form').click();

    // then version 2 is deployed and listed as the latest
    await page.getByTestId('saved').getByText('บันทึกเป็นรุ่นที่ 2 แล้ว').waitFor();
    await page.locator('[data-testid="versions"] [data-version="2"]').getByText('ล่าสุด').waitFor();
    await shot(page, 'studio-form-builder');
    const v2 = await wf.call('admin', 'GET', `/forms/${FORM}/versions/2`);
    assert.ok(
      JSON.stringify(v2.body.components).includes('หมายเหตุของนายก'),
      'the new field is in version 2',
    );

    // and the preview draws it, and "used by" names the process version using version 1
    await page.locator('[data-tab="preview"]').click();
    await page.getByTestId('preview').getByText('หมายเหตุของนายก').first().waitFor();
    await page.locator('[data-tab="usedBy"]').click();
    await page.locator(`[data-used^="1:${PROCESS}@"]`).waitFor();

    // and the form list shows version 2 as the latest
    await page.goto(s.srv.baseUrl + '/studio/forms');
    await page.locator(`[data-form="${FORM}"] [data-testid="latest"]`).getByText('2').waitFor();
    await done();
  });
});

describe('the instance viewer', () => {
  test('an administrator sees where a running application is and what happened so far', async () => {
    // given an application waiting for the site survey
    const { id, bk } = await atSurvey();

    // when the administrator finds it among the running ones and opens it
    const { page, done } = await signedIn(s, 'admin', '/studio/instances');
    await page.locator('#f-process').selectOption(PROCESS);
    await page.locator(`[data-instance="${id}"] a`).first().click();
    await page.waitForURL(new RegExp(`/studio/instances/${id}$`));

    // then the survey is outlined as the current step and the document check as done
    const current = page.locator('.djs-element.prapa-current[data-element-id="Task_siteSurvey"]');
    await current.waitFor();
    await page.locator('.djs-element.prapa-done[data-element-id="Task_documentCheck"]').waitFor();
    await page.getByTestId('current-steps').getByText('สำรวจพื้นที่ติดตั้ง').waitFor();
    // and the timeline says who submitted the document check, with its data
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-event="instance.started"]').getByText('เริ่มกระบวนการ').waitFor();
    const checked = timeline.locator('[data-event="task.completed"]');
    await checked.getByText('ตรวจสอบเอกสาร').waitFor();
    await checked.getByText('โดย clerk').waitFor();
    await checked.getByText('documentsOk').waitFor();
    await page.getByTestId('variables').getByText(bk).or(page.getByText(bk)).first().waitFor();
    await shot(page, 'studio-instance-viewer');
    await done();
  });

  test('an application stuck at a failing step shows the incident and can be retried', async () => {
    // given an approved application for a 2" meter: the village tariff has no fee for it, so
    // creating the installation invoice fails three times and becomes an incident
    const { id } = await approved('2');
    wf.travel(1000);
    await wf.fireDue();
    wf.travel(5000);
    await wf.fireDue();
    const stuck: InstanceView = await wf.instance(id);
    assert.equal(stuck.status, 'incident', JSON.stringify(stuck.jobs));

    // when the administrator opens it
    const { page, done } = await signedIn(s, 'admin', `/studio/instances/${id}`);

    // then the incident says which step and why, and the step is marked on the diagram
    const incident = page.getByTestId('incident');
    await incident.getByText('ขั้นตอนนี้ทำไม่สำเร็จ').waitFor();
    await incident.getByText(/no installation fee for a "2" meter/).waitFor();
    await page
      .locator('.djs-element.prapa-incident[data-element-id="Task_createInvoice"]')
      .waitFor();
    await shot(page, 'studio-instance-incident');

    // when the cause is fixed (here the invoice step is replaced, standing in for a tariff
    // that gains a 2" fee) and Retry is pressed
    wf.workflow.handlers.register('billing.createInstallationInvoice', () => ({ invoiceId: 0 }));
    await incident.getByTestId('retry').click();

    // then the incident is gone and the application waits for the fee to be paid
    await page.getByTestId('retried').waitFor();
    assert.equal(await page.getByTestId('incident').count(), 0);
    await page.locator('.djs-element.prapa-done[data-element-id="Task_createInvoice"]').waitFor();
    const after = await wf.instance(id);
    assert.equal(after.status, 'running', JSON.stringify([after.incident, after.jobs]));
    assert.ok(after.timeline.some((e) => e.event === 'incident.retried'));
    assert.ok(after.timeline.some((e) => e.event === 'incident.retried'));
    await done();
  });
});
