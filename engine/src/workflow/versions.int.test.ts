/**
 * A new version deployed while instances run: they finish on the version they started
 * on, with the form versions it pinned; new instances get the new one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import { endedElements, WorkflowDriver } from '../testing/workflow-driver.js';

const KEY = 'new-connection';
const SHIPPED = fs.readFileSync(path.join(REPO_ROOT, 'processes/new-connection.bpmn'), 'utf8');

/** Version 2: the mayor, not the chief administrator, approves. */
function mayorApproves(xml: string): string {
  const v2 = xml.replace(
    'camunda:formKey="new-connection-approval" camunda:candidateGroups="chief_administrator"',
    'camunda:formKey="new-connection-approval" camunda:candidateGroups="mayor"',
  );
  assert.notEqual(v2, xml, 'the approval task is where the test expects it');
  return v2;
}

const application = { applicantName: 'นางมาลี', applicantPhone: '0812223333' };
const documentsComplete = { documentsOk: 'true' };
const feasibleSurvey = {
  surveyDate: '2026-01-10',
  distanceMeters: 10,
  pipeSizeMm: 20,
  feasible: 'true',
  estimatedCostBaht: 2000,
};

describe(`process versions on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk', 'technician', 'chief', 'mayor']);
    wf.recordHandlers(
      [
        'applications.notifyApplicant',
        'accounts.createFromApplication',
        'billing.createInstallationInvoice',
      ],
      { 'accounts.createFromApplication': { accountId: 9 } },
    );
  });
  after(() => srv?.stop());

  const deploy = (xml: string) =>
    srv.api('POST', `/processes/${KEY}/versions`, {
      token: wf.token('admin'),
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });

  async function toApproval(bk: string) {
    await wf.completeAt('clerk', bk, 'Task_documentCheck', documentsComplete);
    await wf.completeAt('technician', bk, 'Task_siteSurvey', feasibleSurvey);
  }

  it('should keep a running instance on its version, give new ones the new version, and let each finish on its own', async () => {
    // given an application on version 1, at the survey
    const old = await wf.start('clerk', KEY, 'NC-V1', application);
    assert.equal(old.version, 1);
    await wf.completeAt('clerk', 'NC-V1', 'Task_documentCheck', documentsComplete);

    // when version 2 is deployed
    const res = await deploy(mayorApproves(SHIPPED));

    // then
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body, { key: KEY, version: 2, created: true });
    const list = await wf.call('admin', 'GET', '/processes');
    const entry = list.body.items.find((p: { key: string }) => p.key === KEY);
    assert.equal(entry.latest, 2);
    assert.deepEqual(
      entry.versions.map((v: { version: number; origin: string }) => [v.version, v.origin]),
      [
        [2, 'api'],
        [1, 'file'],
      ],
    );

    // when the old application goes on, and a new one starts
    await wf.completeAt('technician', 'NC-V1', 'Task_siteSurvey', feasibleSurvey);
    const fresh = await wf.start('clerk', KEY, 'NC-V2', application);
    await toApproval('NC-V2');

    // then the old one is approved by the chief (version 1), the new one by the mayor
    assert.equal(fresh.version, 2);
    const oldApproval = await wf.task('chief', 'NC-V1', 'Task_approval');
    assert.equal(oldApproval.processVersion, 1);
    assert.deepEqual(oldApproval.candidateGroups, ['chief_administrator']);
    const newApproval = await wf.task('mayor', 'NC-V2', 'Task_approval');
    assert.equal(newApproval.processVersion, 2);
    assert.deepEqual(await wf.tasks('chief', { businessKey: 'NC-V2' }), []);
    assert.deepEqual(await wf.tasks('mayor', { businessKey: 'NC-V1' }), []);

    // when both are rejected, each by its approver
    const reject = { decision: 'reject', reason: 'งบประมาณไม่พอในปีนี้' };
    await wf.complete('chief', oldApproval.id, reject);
    await wf.complete('mayor', newApproval.id, reject);

    // then each finished on its own version
    const a = await wf.instance(old.id);
    const b = await wf.instance(fresh.id);
    assert.equal(a.status, 'completed');
    assert.equal(b.status, 'completed');
    assert.equal(a.version, 1);
    assert.equal(b.version, 2);
    assert.deepEqual([...new Set(a.timeline.map((t) => t.version))], [1]);
    assert.deepEqual([...new Set(b.timeline.map((t) => t.version))], [2]);
    assert.equal(endedElements(a).at(-1), 'EndEvent_rejectedApproval');
    assert.equal(endedElements(b).at(-1), 'EndEvent_rejectedApproval');
  });

  it('should serve each version’s XML as it was deployed', async () => {
    // when
    const v1 = await wf.call('admin', 'GET', `/processes/${KEY}/versions/1`);
    const v2 = await wf.call('admin', 'GET', `/processes/${KEY}/versions/2`);
    const v9 = await wf.call('admin', 'GET', `/processes/${KEY}/versions/9`);

    // then
    assert.equal(v1.status, 200);
    assert.match(v1.headers.get('content-type') ?? '', /application\/xml/);
    assert.equal(v1.body, SHIPPED);
    assert.equal(v2.body, mayorApproves(SHIPPED));
    assertProblem(v9, 404, 'not_found');
  });

  it('should validate a task against the form version its process version pinned', async () => {
    // given an application on version 2 waiting at the approval
    await wf.start('clerk', KEY, 'NC-F1', application);
    await toApproval('NC-F1');
    const pinned = await wf.task('mayor', 'NC-F1', 'Task_approval');
    assert.equal(pinned.formVersion, 1);

    // when a second approval form requiring a committee number is deployed, then version 3
    const form = (await wf.call('admin', 'GET', '/forms/new-connection-approval/versions/1')).body;
    const formV2 = {
      ...form,
      components: [
        {
          type: 'textfield',
          key: 'committeeNo',
          label: 'เลขที่มติคณะกรรมการ',
          input: true,
          validate: { required: true },
        },
        ...form.components,
      ],
    };
    const deployedForm = await wf.call(
      'admin',
      'POST',
      '/forms/new-connection-approval/versions',
      formV2,
    );
    assert.equal(deployedForm.status, 201, JSON.stringify(deployedForm.body));
    assert.equal(deployedForm.body.version, 2);
    const v3 = await deploy(
      mayorApproves(SHIPPED).replace('name="พิจารณาอนุมัติ"', 'name="พิจารณาอนุมัติ (มติ)"'),
    );
    assert.equal(v3.body.version, 3);
    await wf.start('clerk', KEY, 'NC-F3', application);
    await toApproval('NC-F3');

    // then the version 2 task still takes the old form, the version 3 one needs the new field
    await wf.complete('mayor', pinned.id, { decision: 'approve' });
    const v3Task = await wf.task('mayor', 'NC-F3', 'Task_approval');
    assert.equal(v3Task.formVersion, 2);
    const refused = await wf.call('mayor', 'POST', `/tasks/${v3Task.id}/complete`, {
      data: { decision: 'approve' },
    });
    assert.deepEqual(
      assertProblem(refused, 422, 'form_invalid').errors?.map((e) => e.path),
      ['committeeNo'],
    );
    await wf.complete('mayor', v3Task.id, { decision: 'approve', committeeNo: 'มติ 3/2569' });
  });
});
