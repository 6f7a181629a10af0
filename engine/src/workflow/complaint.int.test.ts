/**
 * processes/complaint.bpmn, as shipped, through the HTTP API: triage routes the work to
 * a role; the SLA timers report to the chief administrator after 3 days and to the mayor
 * after 7; the reporter confirms (or reopens) the result, or it closes after 14 days.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import {
  endedElements,
  eventsOf,
  waitingAt,
  WorkflowDriver,
  type HandlerCall,
} from '../testing/workflow-driver.js';
import { DAY_MS } from './clock.js';

const KEY = 'complaint';

const report = () => ({
  category: 'leak',
  description: 'ท่อแตกหน้าบ้าน น้ำไหลออกถนน',
  reporterPhone: '0891234567',
  locationNote: 'หน้าวัดบ้านใหม่',
  reporterUsername: 'resident1',
});
const triage = (assignedRole: string, category = 'leak') => ({
  category,
  priority: 'urgent',
  assignedRole,
});
const resolution = () => ({ resolution: 'เปลี่ยนท่อช่วงที่แตกแล้ว', resolvedOn: '2026-03-02' });
const instruction = () => ({ instruction: 'ให้ช่างออกตรวจภายในวันนี้' });

describe(`complaint through the API on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;
  let calls: HandlerCall[];
  let seq = 0;
  const staff = ['clerk', 'finance', 'technician', 'chief', 'mayor'];

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', ...staff, 'resident1', 'resident2']);
    calls = wf.recordHandlers(['complaints.notifyOfficials', 'complaints.notifyReporter']);
  });
  after(() => srv?.stop());

  async function reported() {
    const bk = `C-${++seq}`;
    const instance = await wf.start('clerk', KEY, bk, report());
    return { bk, id: instance.id, instance };
  }

  /** Triaged to a technician who fixes it: the reporter is asked to confirm. */
  async function awaitingConfirmation() {
    const c = await reported();
    await wf.completeAt('clerk', c.bk, 'Task_triage', triage('technician'));
    await wf.completeAt('technician', c.bk, 'Task_workTechnician', resolution());
    return c;
  }

  it('should start with the officials told and a clerk to triage within a day', async () => {
    // when
    const { bk, instance } = await reported();

    // then
    assert.deepEqual(waitingAt(instance), ['Event_sla3Days', 'Event_sla7Days', 'Task_triage']);
    assert.equal(instance.publicStatus, 'triage');
    assert.deepEqual(
      calls.filter((c) => c.businessKey === bk).map((c) => c.topic),
      ['complaints.notifyOfficials'],
    );
    const task = await wf.task('clerk', bk, 'Task_triage');
    assert.equal(Date.parse(task.due!) - Date.parse(instance.timeline[0]!.at), DAY_MS);
    assert.deepEqual(
      instance.jobs.map((j) => j.elementId),
      ['Event_sla3Days', 'Event_sla7Days'],
    );
  });

  describe('routing by the triage', () => {
    const routes = [
      { assignedRole: 'technician', category: 'leak', elementId: 'Task_workTechnician' },
      { assignedRole: 'finance', category: 'billing', elementId: 'Task_workFinance' },
      { assignedRole: 'clerk', category: 'other', elementId: 'Task_workClerk' },
    ];
    for (const route of routes) {
      it(`should route a "${route.category}" complaint assigned to ${route.assignedRole} to ${route.elementId}, for that role only`, async () => {
        // given
        const { bk, id } = await reported();

        // when
        await wf.completeAt('clerk', bk, 'Task_triage', triage(route.assignedRole, route.category));

        // then
        const task = await wf.task(route.assignedRole, bk, route.elementId);
        assert.deepEqual(task.candidateGroups, [route.assignedRole]);
        for (const other of staff.filter((s) => s !== route.assignedRole)) {
          assert.deepEqual(await wf.tasks(other, { businessKey: bk }), [], `${other} sees it`);
        }
        const i = await wf.instance(id);
        assert.equal(i.publicStatus, 'in_progress');
        assert.equal(i.variables['assignedRole'], route.assignedRole);
        assert.equal(i.variables['category'], route.category);
      });
    }

    it('should refuse a triage to a role the form does not offer', async () => {
      // given
      const { bk } = await reported();
      const task = await wf.task('clerk', bk, 'Task_triage');

      // when
      const res = await wf.call('clerk', 'POST', `/tasks/${task.id}/complete`, {
        data: triage('mayor'),
      });

      // then
      const problem = assertProblem(res, 422, 'form_invalid');
      assert.deepEqual(
        problem.errors?.map((e) => e.path),
        ['assignedRole'],
      );
      assert.equal((await wf.task('clerk', bk, 'Task_triage')).status, 'open');
    });
  });

  describe('SLA escalations on the fake clock', () => {
    it('should report to the chief administrator after 3 days and to the mayor after 7, the work going on', async () => {
      // given a complaint nobody triaged
      const { bk, id } = await reported();

      // when 2 days pass, nothing is escalated
      wf.travelDays(2);
      await wf.fireDue();
      assert.deepEqual(await wf.tasks('chief', { businessKey: bk }), []);
      assert.deepEqual(
        (await wf.tasks('clerk', { businessKey: bk, overdue: true })).map((t) => t.elementId),
        ['Task_triage'],
      );

      // when the third day passes
      wf.travelDays(1);
      await wf.fireDue();

      // then the chief administrator is told, and the triage still waits
      const chiefTask = await wf.task('chief', bk, 'Task_escalateChief');
      assert.deepEqual(chiefTask.candidateGroups, ['chief_administrator']);
      assert.deepEqual(await wf.tasks('mayor', { businessKey: bk }), []);
      await wf.task('clerk', bk, 'Task_triage');
      await wf.complete('chief', chiefTask.id, instruction());

      // when the seventh day passes
      wf.travelDays(4);
      await wf.fireDue();

      // then the mayor is told
      const mayorTask = await wf.task('mayor', bk, 'Task_escalateMayor');
      assert.deepEqual(mayorTask.candidateGroups, ['mayor']);
      let i = await wf.instance(id);
      assert.deepEqual(
        eventsOf(i, 'timer.fired').map((t) => t.elementId),
        ['Event_sla3Days', 'Event_sla7Days'],
      );
      assert.deepEqual(waitingAt(i), ['Task_escalateMayor', 'Task_triage']);

      // when the mayor instructs and the work is done and confirmed
      await wf.complete('mayor', mayorTask.id, instruction());
      await wf.completeAt('clerk', bk, 'Task_triage', triage('technician'));
      await wf.completeAt('technician', bk, 'Task_workTechnician', resolution());
      await wf.completeAt('resident1', bk, 'Task_confirmation', { confirmed: 'true' });

      // then
      i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'closed');
      assert.deepEqual(
        eventsOf(i, 'task.completed').map((t) => [t.elementId, t.actor]),
        [
          ['Task_escalateChief', 'chief'],
          ['Task_escalateMayor', 'mayor'],
          ['Task_triage', 'clerk'],
          ['Task_workTechnician', 'technician'],
          ['Task_confirmation', 'resident1'],
        ],
      );
    });

    it('should restart the SLA clock when a complaint is reopened, keeping the escalation already made', async () => {
      // given a complaint escalated to the chief after 3 days, then worked and reopened
      const { bk, id } = await reported();
      wf.travelDays(3);
      await wf.fireDue();
      const first = await wf.task('chief', bk, 'Task_escalateChief');
      await wf.completeAt('clerk', bk, 'Task_triage', triage('technician'));
      await wf.completeAt('technician', bk, 'Task_workTechnician', resolution());
      await wf.completeAt('resident1', bk, 'Task_confirmation', { confirmed: 'false' });
      const reopenedAt = wf.workflow.clock.now().getTime();

      // then the SLA timers count again from the reopening
      let i = await wf.instance(id);
      assert.deepEqual(
        i.jobs.map((j) => [j.elementId, Math.round((Date.parse(j.dueAt) - reopenedAt) / DAY_MS)]),
        [
          ['Event_sla3Days', 3],
          ['Event_sla7Days', 7],
        ],
      );
      assert.equal((await wf.task('chief', bk, 'Task_escalateChief')).id, first.id);

      // when 7 days from the first report are over (4 after the reopening)
      wf.travelDays(4);
      await wf.fireDue();

      // then the mayor is not told yet; the chief is told again once the first report is done
      assert.deepEqual(await wf.tasks('mayor', { businessKey: bk }), []);
      await wf.complete('chief', first.id, instruction());
      const second = await wf.task('chief', bk, 'Task_escalateChief');
      assert.notEqual(second.id, first.id);

      // when 7 days have passed since the reopening
      wf.travelDays(3);
      await wf.fireDue();

      // then
      await wf.task('mayor', bk, 'Task_escalateMayor');
      i = await wf.instance(id);
      assert.deepEqual(
        eventsOf(i, 'timer.fired').map((t) => t.elementId),
        ['Event_sla3Days', 'Event_sla3Days', 'Event_sla7Days'],
      );
    });

    it('should not escalate a complaint resolved within 3 days', async () => {
      // given
      const { bk, id } = await awaitingConfirmation();

      // when
      wf.travelDays(8);
      await wf.fireDue();

      // then
      assert.deepEqual(await wf.tasks('chief', { businessKey: bk }), []);
      assert.deepEqual(await wf.tasks('mayor', { businessKey: bk }), []);
      const i = await wf.instance(id);
      assert.equal(eventsOf(i, 'timer.fired').length, 0);
      assert.deepEqual(waitingAt(i), ['Event_noReply', 'Task_confirmation']);
    });
  });

  describe('the reporter’s confirmation', () => {
    it('should ask the reporter, and only the reporter, to confirm', async () => {
      // given
      const { bk, id } = await awaitingConfirmation();

      // when
      const mine = await wf.tasks('resident1');
      const theirs = await wf.tasks('resident2');

      // then
      const task = mine.find((t) => t.businessKey === bk);
      assert.equal(task?.elementId, 'Task_confirmation');
      assert.equal(task?.assignee, 'resident1');
      assert.equal(Date.parse(task!.due!) - wf.workflow.clock.now().getTime() <= 14 * DAY_MS, true);
      assert.equal(
        theirs.some((t) => t.businessKey === bk),
        false,
      );
      const byNeighbour = await wf.call('resident2', 'POST', `/tasks/${task!.id}/complete`, {
        data: { confirmed: 'true' },
      });
      assertProblem(byNeighbour, 403, 'not_assignee');
      const byClerk = await wf.call('clerk', 'POST', `/tasks/${task!.id}/complete`, {
        data: { confirmed: 'true' },
      });
      assertProblem(byClerk, 403, 'not_assignee');
      const i = await wf.instance(id);
      assert.equal(i.publicStatus, 'resolved');
      assert.deepEqual(
        calls.filter((c) => c.businessKey === bk).map((c) => c.topic),
        ['complaints.notifyOfficials', 'complaints.notifyReporter'],
      );
    });

    it('should reopen the complaint when the reporter is not satisfied, then close when confirmed', async () => {
      // given
      const { bk, id } = await awaitingConfirmation();

      // when the reporter says it is not fixed
      await wf.completeAt('resident1', bk, 'Task_confirmation', {
        confirmed: 'false',
        comment: 'ยังมีน้ำซึมอยู่',
      });

      // then the officials are told again and the complaint is triaged anew
      let i = await wf.instance(id);
      assert.equal(i.status, 'running');
      assert.deepEqual(waitingAt(i), ['Event_sla3Days', 'Event_sla7Days', 'Task_triage']);
      assert.equal(i.publicStatus, 'triage');
      const reopen = calls.filter((c) => c.businessKey === bk).at(-1);
      assert.equal(reopen?.topic, 'complaints.notifyOfficials');
      assert.equal(reopen?.elementId, 'Task_reopen');
      assert.deepEqual(reopen?.input, { reopened: true });
      assert.ok(endedElements(i).includes('Task_reopen'));

      // when it is worked again, by finance this time, and confirmed
      await wf.completeAt('clerk', bk, 'Task_triage', triage('finance', 'billing'));
      await wf.completeAt('finance', bk, 'Task_workFinance', resolution());
      await wf.completeAt('resident1', bk, 'Task_confirmation', { confirmed: 'true' });

      // then
      i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'closed');
      assert.equal(endedElements(i).at(-1), 'EndEvent_closed');
      assert.deepEqual(
        eventsOf(i, 'task.completed').map((t) => [t.elementId, t.actor]),
        [
          ['Task_triage', 'clerk'],
          ['Task_workTechnician', 'technician'],
          ['Task_confirmation', 'resident1'],
          ['Task_triage', 'clerk'],
          ['Task_workFinance', 'finance'],
          ['Task_confirmation', 'resident1'],
        ],
      );
      assert.equal(i.variables['confirmed'], true);
      assert.deepEqual(i.jobs, []);
    });

    it('should close the complaint when the reporter does not answer within 14 days', async () => {
      // given
      const { bk, id } = await awaitingConfirmation();

      // when
      wf.travelDays(14);
      wf.travel(60_000);
      await wf.fireDue();

      // then
      const i = await wf.instance(id);
      assert.equal(i.status, 'completed');
      assert.equal(i.publicStatus, 'closed');
      assert.equal(endedElements(i).at(-1), 'EndEvent_closedNoReply');
      assert.deepEqual(
        i.tasks.filter((t) => t.elementId === 'Task_confirmation').map((t) => t.status),
        ['cancelled'],
      );
      assert.equal(
        (await wf.tasks('resident1')).some((t) => t.businessKey === bk),
        false,
      );
    });
  });
});
