/**
 * When a step fails: a service task's handler throws (retried with backoff as jobs,
 * then an incident an administrator retries), a topic nobody implemented yet, and a
 * diagram that cannot go on (no flow to take).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  bpmnDefinitions,
  linearProcess,
  serviceTaskStep,
  userTaskStep,
} from '../testing/bpmn-builders.js';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import { eventsOf, waitingAt, WorkflowDriver } from '../testing/workflow-driver.js';

/** The harness sets PRAPA_JOB_RETRY_BASE_MS=1000; the default PRAPA_JOB_MAX_ATTEMPTS is 3. */
const BASE_MS = 1000;

describe(`failing steps on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk']);
  });
  after(() => srv?.stop());

  async function deploy(key: string, xml: string) {
    const res = await srv.api('POST', `/processes/${key}/versions`, {
      token: wf.token('admin'),
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { key: string; version: number };
  }

  describe('a service task whose handler throws', () => {
    let bank: { up: boolean; calls: number };
    let instanceId: number;

    before(async () => {
      bank = { up: false, calls: 0 };
      wf.workflow.handlers.register('billing.createInstallationInvoice', () => {
        bank.calls++;
        if (!bank.up) throw new Error('billing is down');
        return { invoiceId: 77 };
      });
      await deploy(
        'p-invoice',
        linearProcess('p-invoice', [
          serviceTaskStep('Task_invoice', 'billing.createInstallationInvoice'),
          userTaskStep('Task_after'),
        ]),
      );
    });

    it('should wait at the task with a retry job after the first failure', async () => {
      // when
      const started = await wf.start('clerk', 'p-invoice', 'INV-1');
      instanceId = started.id;

      // then
      assert.equal(started.status, 'running');
      assert.deepEqual(waitingAt(started), ['Task_invoice']);
      assert.equal(bank.calls, 1);
      const [job] = started.jobs;
      assert.equal(job?.kind, 'retry');
      assert.equal(job?.elementId, 'Task_invoice');
      assert.equal(job?.attempts, 1);
      assert.equal(job?.lastError, 'billing is down');
      assert.equal(Date.parse(job!.dueAt) - Date.parse(started.timeline[0]!.at), BASE_MS);
      assert.deepEqual(
        eventsOf(started, 'failed').map((e) => [e.elementId, e.data]),
        [['Task_invoice', { error: 'billing is down' }]],
      );
    });

    it('should retry with a growing delay and raise an incident after the third attempt (regression: every retry counted as the first, so no incident ever came)', async () => {
      // when the first retry falls due and fails
      wf.travel(BASE_MS);
      assert.equal(await wf.fireDue(), 1);

      // then the next waits five times longer
      let i = await wf.instance(instanceId);
      assert.equal(bank.calls, 2);
      assert.equal(i.status, 'running');
      const [second] = i.jobs;
      assert.equal(second?.attempts, 2);
      const failedAt = Date.parse(eventsOf(i, 'service.retried').at(-1)!.at);
      assert.equal(Date.parse(second!.dueAt) - failedAt, 5 * BASE_MS);

      // when a little less than that passes, nothing is tried
      wf.travel(4 * BASE_MS);
      assert.equal(await wf.fireDue(), 0);
      assert.equal(bank.calls, 2);

      // when it falls due
      wf.travel(BASE_MS);
      await wf.fireDue();

      // then the attempts have run out: an incident
      i = await wf.instance(instanceId);
      assert.equal(bank.calls, 3);
      assert.equal(i.status, 'incident');
      assert.equal(i.incident?.elementId, 'Task_invoice');
      assert.equal(i.incident?.topic, 'billing.createInstallationInvoice');
      assert.equal(i.incident?.error, 'billing is down');
      assert.equal(i.incident?.attempts, 3);
      assert.deepEqual(
        i.jobs.map((j) => [j.kind, j.status, j.attempts]),
        [['retry', 'failed', 3]],
      );
      assert.deepEqual(waitingAt(i), ['Task_invoice']);

      // and nothing retries it by itself any more
      wf.travelDays(30);
      await wf.fireDue();
      assert.equal(bank.calls, 3);
    });

    it('should list incidents by status', async () => {
      // when
      const res = await wf.call('admin', 'GET', '/instances?status=incident&processKey=p-invoice');

      // then
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((i: { id: number }) => i.id),
        [instanceId],
      );
    });

    it('should let only an administrator retry', async () => {
      // when
      const res = await wf.call('clerk', 'POST', `/instances/${instanceId}/retry`);

      // then
      assertProblem(res, 403);
      assert.equal((await wf.instance(instanceId)).status, 'incident');
    });

    it('should move on when an administrator retries after the fix', async () => {
      // given billing is back
      bank.up = true;

      // when
      const res = await wf.call('admin', 'POST', `/instances/${instanceId}/retry`);

      // then
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'running');
      assert.equal(res.body.incident, null);
      assert.deepEqual(waitingAt(res.body), ['Task_after']);
      assert.equal(res.body.variables.invoiceId, 77);
      assert.deepEqual(res.body.jobs, []);
      assert.equal(eventsOf(res.body, 'incident.retried').length, 1);
      assert.equal(bank.calls, 4);
      await wf.task('clerk', 'INV-1', 'Task_after');
    });

    it('should answer 409 to a retry of an instance without an incident', async () => {
      // when
      const res = await wf.call('admin', 'POST', `/instances/${instanceId}/retry`);

      // then
      assertProblem(res, 409, 'no_incident');
    });

    it('should clear the retry job when a retry succeeds', async () => {
      // given a second instance that fails once and then succeeds
      bank.up = false;
      const { id } = await wf.start('clerk', 'p-invoice', 'INV-2');
      bank.up = true;
      wf.travel(BASE_MS);
      await wf.fireDue();

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'running');
      assert.deepEqual(waitingAt(i), ['Task_after']);
      assert.deepEqual(i.jobs, []);
    });
  });

  describe('a topic declared but not implemented yet', () => {
    it('should deploy, then wait as an incident once its attempts run out', async () => {
      // given debt.sendReminder is declared by the shipped processes but nobody registered it
      await deploy(
        'p-unimplemented',
        linearProcess('p-unimplemented', [serviceTaskStep('Task_remind', 'debt.sendReminder')]),
      );

      // when
      const { id } = await wf.start('clerk', 'p-unimplemented', 'UN-1');
      wf.travel(BASE_MS);
      await wf.fireDue();
      wf.travel(5 * BASE_MS);
      await wf.fireDue();

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'incident');
      assert.match(
        i.incident?.error ?? '',
        /no handler is implemented for topic "debt.sendReminder"/,
      );

      // when the module registers it and an administrator retries
      wf.workflow.handlers.register('debt.sendReminder', () => ({ reminded: true }));
      const res = await wf.call('admin', 'POST', `/instances/${id}/retry`);

      // then
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'completed');
      assert.equal(res.body.variables.reminded, true);
    });
  });

  describe('a diagram that cannot go on', () => {
    const noWayOut = bpmnDefinitions(
      'p-no-way-out',
      `    <startEvent id="Start" />
    <exclusiveGateway id="Gateway_amount" />
    <userTask id="Task_big" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk" />
    <endEvent id="End" />
    <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway_amount" />
    <sequenceFlow id="Flow_big" sourceRef="Gateway_amount" targetRef="Task_big">
      <conditionExpression xsi:type="tFormalExpression">=amount &gt; 10</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="Flow_2" sourceRef="Task_big" targetRef="End" />`,
    );

    it('should answer 422 and store nothing when no flow can be taken (regression: the request hung for ever)', async () => {
      // given
      await deploy('p-no-way-out', noWayOut);

      // when
      const res = await wf.call('clerk', 'POST', '/processes/p-no-way-out/instances', {
        businessKey: 'NWO-1',
        variables: { amount: 3 },
      });

      // then
      assertProblem(res, 422, 'process_error');
      const list = await wf.call('admin', 'GET', '/instances?processKey=p-no-way-out');
      assert.equal(list.body.total, 0);
      // and the engine goes on working
      const ok = await wf.start('clerk', 'p-no-way-out', 'NWO-2', { amount: 30 });
      assert.deepEqual(waitingAt(ok), ['Task_big']);
    });
  });
});
