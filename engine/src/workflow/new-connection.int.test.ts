/**
 * processes/new-connection.bpmn, as shipped, driven through the HTTP API: every way an
 * application can end, and the task queue around it (claim, assign, 403, 404, 422).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import {
  assertNear,
  endedElements,
  eventsOf,
  waitingAt,
  WorkflowDriver,
  type HandlerCall,
  type InstanceView,
} from '../testing/workflow-driver.js';
import { DAY_MS } from './clock.js';

const KEY = 'new-connection';

// ── what people type into the forms ──
const application = () => ({
  applicantName: 'นายสมศักดิ์ ใจงาม',
  applicantPhone: '0812345678',
  address: '12 หมู่ 3 ต.บ้านใหม่',
  villageId: 3,
  meterSize: '1/2',
});
const documentsComplete = () => ({ documentsOk: 'true' });
const documentsMissing = () => ({
  documentsOk: 'false',
  rejectionReason: 'ไม่มีสำเนาทะเบียนบ้าน',
});
const feasibleSurvey = () => ({
  surveyDate: '2026-01-10',
  distanceMeters: 35,
  pipeSizeMm: 20,
  feasible: 'true',
  estimatedCostBaht: 3500,
});
const infeasibleSurvey = () => ({
  surveyDate: '2026-01-10',
  distanceMeters: 2400,
  pipeSizeMm: 50,
  feasible: 'false',
  rejectionReason: 'ห่างจากท่อเมนเกินกว่าจะวางท่อได้',
});
const approve = () => ({ decision: 'approve' });
const reject = () => ({ decision: 'reject', reason: 'พื้นที่อยู่ในเขตป่าสงวน' });
const meterInstalled = () => ({
  meterSerial: 'SN-2026-0042',
  meterSize: '1/2',
  meterDigits: 5,
  initialReading: 0,
  installedOn: '2026-02-01',
});

describe(`new-connection through the API on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;
  let calls: HandlerCall[];
  let seq = 0;
  const nextKey = () => `NC-${++seq}`;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, [
      'admin',
      'clerk',
      'technician',
      'chief',
      'cashier',
      'mayor',
      'resident1',
      'admin_b',
      'clerk_b',
    ]);
    calls = wf.recordHandlers(
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
  after(() => srv?.stop());

  const callsFor = (businessKey: string) => calls.filter((c) => c.businessKey === businessKey);

  /** Applies and gets through the document check and the survey to the chief's approval. */
  async function atApproval(businessKey: string): Promise<InstanceView> {
    const started = await wf.start('clerk', KEY, businessKey, application());
    await wf.completeAt('clerk', businessKey, 'Task_documentCheck', documentsComplete());
    await wf.completeAt('technician', businessKey, 'Task_siteSurvey', feasibleSurvey());
    return started;
  }

  /** …and approved: the fee is invoiced and the instance waits for the payment. */
  async function awaitingPayment(businessKey: string): Promise<InstanceView> {
    const started = await atApproval(businessKey);
    await wf.completeAt('chief', businessKey, 'Task_approval', approve());
    return wf.instance(started.id);
  }

  describe('starting', () => {
    it('should answer 201 with the instance waiting at the document check', async () => {
      // given
      const bk = nextKey();

      // when
      const res = await wf.call('clerk', 'POST', `/processes/${KEY}/instances`, {
        businessKey: bk,
        variables: application(),
      });

      // then
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const i = res.body as InstanceView;
      assert.equal(i.processKey, KEY);
      assert.equal(i.version, 1);
      assert.equal(i.businessKey, bk);
      assert.equal(i.status, 'running');
      assert.equal(i.publicStatus, 'review');
      assert.deepEqual(waitingAt(i), ['Task_documentCheck']);
      assert.equal(i.variables['applicantName'], 'นายสมศักดิ์ ใจงาม');
      assert.deepEqual(
        i.timeline.map((t) => t.event).slice(0, 1),
        ['instance.started'],
        'the timeline opens with the start',
      );
    });

    it('should list the document check for clerks, due in three days, by every filter', async () => {
      // given
      const bk = nextKey();
      const i = await wf.start('clerk', KEY, bk, application());

      // when
      const byKey = await wf.tasks('clerk', { businessKey: bk });
      const byAll = await wf.tasks('clerk', {
        businessKey: bk,
        processKey: KEY,
        elementId: 'Task_documentCheck',
      });
      const byOtherElement = await wf.tasks('clerk', {
        businessKey: bk,
        elementId: 'Task_approval',
      });
      const byOtherProcess = await wf.tasks('clerk', { businessKey: bk, processKey: 'complaint' });

      // then
      assert.equal(byKey.length, 1);
      const [task] = byKey;
      assert.equal(task!.elementId, 'Task_documentCheck');
      assert.equal(task!.instanceId, i.id);
      assert.deepEqual(task!.candidateGroups, ['clerk']);
      assert.equal(task!.formKey, 'new-connection-document-check');
      assert.equal(task!.assignee, null);
      assert.equal(task!.overdue, false);
      const started = Date.parse(i.timeline[0]!.at);
      assert.equal(Date.parse(task!.due!) - started, 3 * DAY_MS);
      assert.deepEqual(byAll, byKey);
      assert.deepEqual(byOtherElement, []);
      assert.deepEqual(byOtherProcess, []);
      assert.deepEqual(await wf.tasks('technician', { businessKey: bk }), []);
    });
  });

  describe('every way an application ends', () => {
    it('should end rejected at the document check, telling the applicant why', async () => {
      // given
      const bk = nextKey();
      const { id } = await wf.start('clerk', KEY, bk, application());

      // when
      await wf.completeAt('clerk', bk, 'Task_documentCheck', documentsMissing());

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'rejected');
      assert.ok(i.endedAt);
      assert.deepEqual(endedElements(i).slice(-2), [
        'Task_notifyRejectedDocuments',
        'EndEvent_rejectedDocuments',
      ]);
      assert.equal(i.variables['documentsOk'], false);
      assert.deepEqual(
        callsFor(bk).map((c) => [c.topic, c.input]),
        [
          [
            'applications.notifyApplicant',
            { decision: 'rejected', stage: 'documents', reason: 'ไม่มีสำเนาทะเบียนบ้าน' },
          ],
        ],
      );
      assert.deepEqual(await wf.tasks('technician', { businessKey: bk }), []);
    });

    it('should end rejected at the site survey', async () => {
      // given
      const bk = nextKey();
      const { id } = await wf.start('clerk', KEY, bk, application());
      await wf.completeAt('clerk', bk, 'Task_documentCheck', documentsComplete());

      // when
      await wf.completeAt('technician', bk, 'Task_siteSurvey', infeasibleSurvey());

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'rejected');
      assert.deepEqual(endedElements(i).slice(-2), [
        'Task_notifyRejectedSurvey',
        'EndEvent_rejectedSurvey',
      ]);
      assert.equal(i.variables['feasible'], false);
      assert.equal(i.variables['estimatedCostBaht'], undefined, 'a hidden field is not kept');
      assert.deepEqual(callsFor(bk)[0]?.input, {
        decision: 'rejected',
        stage: 'survey',
        reason: 'ห่างจากท่อเมนเกินกว่าจะวางท่อได้',
      });
      assert.deepEqual(await wf.tasks('chief', { businessKey: bk }), []);
    });

    it('should end rejected at approval, with the chief’s reason', async () => {
      // given
      const bk = nextKey();
      const { id } = await atApproval(bk);

      // when
      await wf.completeAt('chief', bk, 'Task_approval', reject());

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'rejected');
      assert.deepEqual(endedElements(i).slice(-2), [
        'Task_notifyRejectedApproval',
        'EndEvent_rejectedApproval',
      ]);
      assert.deepEqual(
        callsFor(bk).map((c) => [c.topic, c.input]),
        [
          [
            'applications.notifyApplicant',
            { decision: 'rejected', stage: 'approval', reason: 'พื้นที่อยู่ในเขตป่าสงวน' },
          ],
        ],
        'no account, no invoice',
      );
    });

    it('should lapse when the fee is not paid within 30 days (P30D on the fake clock)', async () => {
      // given an approved application waiting for its fee
      const bk = nextKey();
      const waiting = await awaitingPayment(bk);
      assert.deepEqual(waitingAt(waiting), [
        'Event_paymentReceived',
        'Event_paymentTimeout',
        'Gateway_awaitPayment',
      ]);
      assert.equal(waiting.publicStatus, 'awaiting_payment');
      assert.deepEqual(waiting.waitingMessages, ['payment-received']);
      const [timer] = waiting.jobs;
      assert.equal(timer?.kind, 'timer');
      assert.equal(timer?.elementId, 'Event_paymentTimeout');
      const approvedAt = Date.parse(eventsOf(waiting, 'task.completed').at(-1)!.at);
      assertNear(Date.parse(timer!.dueAt) - approvedAt, 30 * DAY_MS, 'the lapse timer');

      // when 29 days pass, nothing happens
      wf.travelDays(29);
      await wf.fireDue();
      assert.equal((await wf.instance(waiting.id)).status, 'running');

      // when the 30th day passes
      wf.travelDays(1);
      await wf.fireDue();

      // then
      const i = await wf.instance(waiting.id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'rejected');
      const ended = endedElements(i);
      assert.deepEqual(ended.slice(-2), ['Task_notifyLapsed', 'EndEvent_lapsed']);
      assert.ok(ended.includes('Event_paymentTimeout'), ended.join());
      assert.ok(!ended.includes('Event_paymentReceived'), ended.join());
      assert.equal(eventsOf(i, 'timer.fired').length, 1);
      assert.deepEqual(callsFor(bk).at(-1)?.input, { decision: 'lapsed' });
      assert.deepEqual(i.jobs, []);
      // and a payment arriving after the lapse reaches nobody
      const late = await wf.sendMessage('cashier', 'payment-received', bk);
      assertProblem(late, 404, 'not_found');
    });

    it('should install the meter and activate the account once the fee is paid', async () => {
      // given
      const bk = nextKey();
      const waiting = await awaitingPayment(bk);
      assert.deepEqual(
        callsFor(bk).map((c) => c.topic),
        [
          'accounts.createFromApplication',
          'billing.createInstallationInvoice',
          'applications.notifyApplicant',
        ],
      );
      assert.deepEqual(callsFor(bk)[2]?.input, { decision: 'approved' });
      assert.equal(waiting.variables['accountId'], 7, 'a handler’s result becomes a variable');

      // when the fee is paid
      const paid = await wf.sendMessage('cashier', 'payment-received', bk, { receiptNo: 'R-9' });

      // then the timer is cancelled and a technician installs the meter
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      assert.deepEqual(paid.body, { delivered: [waiting.id] });
      const installing = await wf.instance(waiting.id);
      assert.deepEqual(waitingAt(installing), ['Task_meterInstallation']);
      assert.equal(installing.publicStatus, 'installing');
      assert.deepEqual(installing.jobs, [], 'the lapse timer is cancelled');
      assert.equal(installing.variables['receiptNo'], 'R-9');

      // when
      await wf.completeAt('technician', bk, 'Task_meterInstallation', meterInstalled());

      // then
      const i = await wf.instance(waiting.id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'installed');
      assert.deepEqual(endedElements(i).slice(-3), [
        'Task_meterInstallation',
        'Task_activateAccount',
        'EndEvent_installed',
      ]);
      const activate = callsFor(bk).at(-1)!;
      assert.equal(activate.topic, 'accounts.activate');
      assert.equal(activate.variables['accountId'], 7);
      assert.equal(activate.variables['meterSerial'], 'SN-2026-0042');
      assert.deepEqual(
        eventsOf(i, 'task.completed').map((t) => [t.elementId, t.actor]),
        [
          ['Task_documentCheck', 'clerk'],
          ['Task_siteSurvey', 'technician'],
          ['Task_approval', 'chief'],
          ['Task_meterInstallation', 'technician'],
        ],
      );
      assert.deepEqual(
        i.tasks.map((t) => [t.elementId, t.status, t.completedBy]),
        [
          ['Task_documentCheck', 'completed', 'clerk'],
          ['Task_siteSurvey', 'completed', 'technician'],
          ['Task_approval', 'completed', 'chief'],
          ['Task_meterInstallation', 'completed', 'technician'],
        ],
      );
      // and the timer that was cancelled never fires
      wf.travelDays(31);
      await wf.fireDue();
      assert.equal(eventsOf(await wf.instance(i.id), 'timer.fired').length, 0);
    });
  });

  describe('the task queue', () => {
    it('should let a candidate claim, an administrator release and assign, and the assignee complete', async () => {
      // given
      const bk = nextKey();
      await wf.start('clerk', KEY, bk, application());
      const task = await wf.task('clerk', bk, 'Task_documentCheck');

      // when claimed, twice
      const claimed = await wf.call('clerk', 'POST', `/tasks/${task.id}/claim`);
      const again = await wf.call('clerk', 'POST', `/tasks/${task.id}/claim`);

      // then
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.equal(claimed.body.assignee, 'clerk');
      assert.equal(again.status, 200, 'claiming one’s own task again changes nothing');
      assert.deepEqual(
        (await wf.tasks('clerk', { businessKey: bk, scope: 'mine' })).map((t) => t.id),
        [task.id],
      );
      assert.deepEqual(await wf.tasks('clerk', { businessKey: bk, scope: 'unclaimed' }), []);

      // when the administrator releases it
      const released = await wf.call('admin', 'POST', `/tasks/${task.id}/unclaim`);

      // then
      assert.equal(released.status, 200, JSON.stringify(released.body));
      assert.equal(released.body.assignee, null);
      assert.deepEqual(
        (await wf.tasks('clerk', { businessKey: bk, scope: 'unclaimed' })).map((t) => t.id),
        [task.id],
      );

      // when the administrator assigns it to someone outside the group, or to nobody known
      const outsider = await wf.call('admin', 'POST', `/tasks/${task.id}/assign`, {
        username: 'technician',
      });
      const ghost = await wf.call('admin', 'POST', `/tasks/${task.id}/assign`, {
        username: 'nobody-here',
      });

      // then
      assert.deepEqual(
        assertProblem(outsider, 422, 'not_candidate').errors?.map((e) => e.path),
        ['username'],
      );
      assert.deepEqual(
        assertProblem(ghost, 422, 'unknown_user').errors?.map((e) => e.path),
        ['username'],
      );

      // when assigned to the clerk, who completes it
      const assigned = await wf.call('admin', 'POST', `/tasks/${task.id}/assign`, {
        username: 'clerk',
      });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.equal(assigned.body.assignee, 'clerk');
      const done = await wf.complete('clerk', task.id, documentsComplete());

      // then
      assert.equal(done.body.task.status, 'completed');
      assert.equal(done.body.task.completedBy, 'clerk');
      const again2 = await wf.call('clerk', 'POST', `/tasks/${task.id}/complete`, {
        data: documentsComplete(),
      });
      assertProblem(again2, 409, 'task_not_open');
    });

    it('should answer 403 to a user outside the candidate groups, for claim and complete', async () => {
      // given
      const bk = nextKey();
      const { id } = await wf.start('clerk', KEY, bk, application());
      const task = await wf.task('clerk', bk, 'Task_documentCheck');

      // when
      const claim = await wf.call('technician', 'POST', `/tasks/${task.id}/claim`);
      const complete = await wf.call('technician', 'POST', `/tasks/${task.id}/complete`, {
        data: documentsComplete(),
      });
      const asResident = await wf.call('resident1', 'POST', `/tasks/${task.id}/complete`, {
        data: documentsComplete(),
      });
      const view = await wf.call('mayor', 'GET', `/tasks/${task.id}`);

      // then
      assertProblem(claim, 403, 'not_candidate');
      assertProblem(complete, 403, 'not_assignee');
      assertProblem(asResident, 403);
      assertProblem(view, 403);
      const i = await wf.instance(id);
      assert.deepEqual(waitingAt(i), ['Task_documentCheck']);
      assert.equal(i.tasks[0]?.assignee, null);
    });

    it('should answer 403 to anyone but the assignee once a task is claimed', async () => {
      // given the approval, claimed by the chief
      const bk = nextKey();
      await atApproval(bk);
      const task = await wf.task('chief', bk, 'Task_approval');
      await wf.call('chief', 'POST', `/tasks/${task.id}/claim`);

      // when the administrator and the mayor try to complete it
      const byAdmin = await wf.call('admin', 'POST', `/tasks/${task.id}/complete`, {
        data: approve(),
      });
      const byMayor = await wf.call('mayor', 'POST', `/tasks/${task.id}/complete`, {
        data: approve(),
      });

      // then
      assertProblem(byAdmin, 403, 'not_assignee');
      assertProblem(byMayor, 403, 'not_assignee');
      assert.equal((await wf.task('chief', bk, 'Task_approval')).assignee, 'chief');
    });

    it('should answer 404 to another tenant’s users, and show them none of it', async () => {
      // given
      const bk = nextKey();
      const { id } = await wf.start('clerk', KEY, bk, application());
      const task = await wf.task('clerk', bk, 'Task_documentCheck');

      // when
      const answers = await Promise.all([
        wf.call('clerk_b', 'GET', `/tasks/${task.id}`),
        wf.call('clerk_b', 'POST', `/tasks/${task.id}/claim`),
        wf.call('clerk_b', 'POST', `/tasks/${task.id}/unclaim`),
        wf.call('clerk_b', 'POST', `/tasks/${task.id}/complete`, { data: documentsComplete() }),
        wf.call('admin_b', 'POST', `/tasks/${task.id}/assign`, { username: 'clerk_b' }),
        wf.call('admin_b', 'GET', `/instances/${id}`),
        wf.call('admin_b', 'POST', `/instances/${id}/retry`),
      ]);
      const listed = await wf.tasks('clerk_b', { businessKey: bk });

      // then
      for (const res of answers) assertProblem(res, 404, 'not_found');
      assert.deepEqual(listed, []);
      const i = await wf.instance(id);
      assert.deepEqual(waitingAt(i), ['Task_documentCheck']);
      assert.equal(i.tasks[0]?.assignee, null);
    });

    it('should list a task as overdue once its due date has passed on the clock', async () => {
      // given
      const bk = nextKey();
      await wf.start('clerk', KEY, bk, application());
      assert.deepEqual(await wf.tasks('clerk', { businessKey: bk, overdue: true }), []);

      // when three days and an hour pass
      wf.travel(3 * DAY_MS + 3_600_000);

      // then
      const overdue = await wf.tasks('clerk', { businessKey: bk, overdue: true });
      assert.deepEqual(
        overdue.map((t) => [t.elementId, t.overdue]),
        [['Task_documentCheck', true]],
      );
    });
  });

  describe('an invalid submission', () => {
    const rows: { name: string; data: Record<string, unknown>; paths: string[] }[] = [
      { name: 'nothing at all', data: {}, paths: ['documentsOk'] },
      {
        name: 'missing documents without a reason',
        data: { documentsOk: 'false' },
        paths: ['rejectionReason'],
      },
      {
        name: 'a reason too short',
        data: { documentsOk: 'false', rejectionReason: 'ไม่' },
        paths: ['rejectionReason'],
      },
      {
        name: 'an answer that is not a choice',
        data: { documentsOk: 'maybe' },
        paths: ['documentsOk'],
      },
    ];

    for (const row of rows) {
      it(`should answer 422 naming the field for ${row.name}, and leave the task open`, async () => {
        // given
        const bk = nextKey();
        const { id } = await wf.start('clerk', KEY, bk, application());
        const task = await wf.task('clerk', bk, 'Task_documentCheck');
        const before = await wf.instance(id);

        // when
        const res = await wf.call('clerk', 'POST', `/tasks/${task.id}/complete`, {
          data: row.data,
        });

        // then
        const problem = assertProblem(res, 422, 'form_invalid');
        assert.deepEqual(problem.errors?.map((e) => e.path).sort(), row.paths);
        for (const e of problem.errors ?? []) assert.ok(e.message.th && e.message.en);
        const still = await wf.task('clerk', bk, 'Task_documentCheck');
        assert.equal(still.id, task.id);
        assert.equal(still.status, 'open');
        const after = await wf.instance(id);
        assert.deepEqual(waitingAt(after), ['Task_documentCheck']);
        assert.deepEqual(after.variables, before.variables);
        assert.equal(after.timeline.length, before.timeline.length);
      });
    }

    it('should name every field at fault in one answer (the site survey)', async () => {
      // given
      const bk = nextKey();
      await wf.start('clerk', KEY, bk, application());
      await wf.completeAt('clerk', bk, 'Task_documentCheck', documentsComplete());
      const task = await wf.task('technician', bk, 'Task_siteSurvey');

      // when
      const res = await wf.call('technician', 'POST', `/tasks/${task.id}/complete`, {
        data: { ...feasibleSurvey(), distanceMeters: 'far', pipeSizeMm: 5, estimatedCostBaht: -1 },
      });

      // then
      const problem = assertProblem(res, 422, 'form_invalid');
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), [
        'distanceMeters',
        'estimatedCostBaht',
        'pipeSizeMm',
      ]);
      assert.equal((await wf.task('technician', bk, 'Task_siteSurvey')).status, 'open');
    });
  });

  describe('messages', () => {
    it('should answer 404 to a message nobody waits for', async () => {
      // given an application at its document check: it waits for no payment yet
      const bk = nextKey();
      const { id } = await wf.start('clerk', KEY, bk, application());

      // when
      const early = await wf.sendMessage('cashier', 'payment-received', bk);
      const unknownKey = await wf.sendMessage('cashier', 'payment-received', 'NC-NOBODY');
      const unknownName = await wf.sendMessage('cashier', 'meter-read', bk);

      // then
      assertProblem(early, 404, 'not_found');
      assertProblem(unknownKey, 404, 'not_found');
      assertProblem(unknownName, 404, 'not_found');
      assert.equal(eventsOf(await wf.instance(id), 'message.received').length, 0);
    });

    it('should not deliver a payment to another tenant’s instance with the same business key', async () => {
      // given
      const bk = nextKey();
      const waiting = await awaitingPayment(bk);

      // when
      const res = await wf.sendMessage('admin_b', 'payment-received', bk);

      // then
      assertProblem(res, 404, 'not_found');
      assert.equal(eventsOf(await wf.instance(waiting.id), 'message.received').length, 0);
    });

    it('should refuse messages from a user whose role sends none', async () => {
      // given
      const bk = nextKey();
      await awaitingPayment(bk);

      // when
      const res = await wf.sendMessage('technician', 'payment-received', bk);

      // then
      assertProblem(res, 403);
    });
  });
});
