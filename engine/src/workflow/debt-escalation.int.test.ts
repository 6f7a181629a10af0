/**
 * processes/debt-escalation.bpmn, as shipped, through the HTTP API: a payment at any
 * point before the disconnection ends it; otherwise reminder → dunning letter → notice →
 * disconnection → payment of debt and fee → reconnection. Timers run on the fake clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import {
  endedElements,
  eventsOf,
  waitingAt,
  WorkflowDriver,
  type HandlerCall,
  type InstanceView,
} from '../testing/workflow-driver.js';
import { DAY_MS } from './clock.js';

const KEY = 'debt-escalation';
const TOPICS = [
  'debt.sendReminder',
  'debt.issueDunningLetter',
  'debt.issueDisconnectionNotice',
  'accounts.markDisconnected',
  'billing.createReconnectionFee',
  'accounts.markReconnected',
];

const overdueAccount = (n: number) => ({
  accountId: 100 + n,
  accountNumber: `A-${String(n).padStart(4, '0')}`,
  amountDueSatang: 48_500,
  monthsOverdue: 3,
});

/** A calendar day as the Thai date picker sends it: midnight in Bangkok. */
function thaiDay(at: Date): string {
  const bangkok = new Date(at.getTime() + 7 * 3_600_000);
  return `${bangkok.toISOString().slice(0, 10)}T00:00:00+07:00`;
}

describe(`debt-escalation through the API on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;
  let calls: HandlerCall[];
  let seq = 0;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'finance', 'cashier', 'technician', 'clerk']);
    calls = wf.recordHandlers(TOPICS, {
      'billing.createReconnectionFee': { reconnectionFeeSatang: 20_000 },
    });
  });
  after(() => srv?.stop());

  const now = () => wf.workflow.clock.now();
  const topicsFor = (bk: string) => calls.filter((c) => c.businessKey === bk).map((c) => c.topic);

  async function start(): Promise<{ bk: string; instance: InstanceView }> {
    const account = overdueAccount(++seq);
    const instance = await wf.start('finance', KEY, account.accountNumber, account);
    return { bk: account.accountNumber, instance };
  }

  /** From the start to the dunning letter task: the reminder went out 15 days ago. */
  async function atDunningLetter() {
    const started = await start();
    wf.travelDays(15);
    await wf.fireDue();
    return started;
  }

  /** …the letter is issued with a pay-by date 14 days on. */
  async function waitingForPayByDate() {
    const started = await atDunningLetter();
    const payByDate = thaiDay(new Date(now().getTime() + 14 * DAY_MS));
    await wf.completeAt('finance', started.bk, 'Task_dunningLetter', {
      letterDate: thaiDay(now()),
      payByDate,
    });
    return { ...started, payByDate };
  }

  /** …the pay-by date passed: finance issues the disconnection notice. */
  async function atDisconnectionNotice() {
    const started = await waitingForPayByDate();
    wf.travel(Date.parse(started.payByDate) - now().getTime() + 60_000);
    await wf.fireDue();
    return started;
  }

  /** …the notice says the water is cut 7 days on. */
  async function waitingForDisconnectionDay() {
    const started = await atDisconnectionNotice();
    const disconnectOn = thaiDay(new Date(now().getTime() + 7 * DAY_MS));
    await wf.completeAt('finance', started.bk, 'Task_disconnectionNotice', {
      noticeDate: thaiDay(now()),
      disconnectOn,
    });
    return { ...started, disconnectOn };
  }

  async function assertEndedPaid(id: number) {
    const i = await wf.instance(id);
    assert.equal(i.status, 'completed');
    assert.equal(endedElements(i).at(-1), 'EndEvent_paid');
    assert.deepEqual(i.jobs, [], 'no timer is left to fire');
    assert.ok(
      i.tasks.every((t) => t.status !== 'open'),
      `no task is left open: ${JSON.stringify(i.tasks)}`,
    );
    assert.equal(eventsOf(i, 'message.received').length, 1);
    return i;
  }

  describe('paid before the water is cut', () => {
    it('should end when the debt is paid during the 15-day wait after the reminder', async () => {
      // given
      const { bk, instance } = await start();
      assert.deepEqual(
        waitingAt(instance),
        ['Event_wait15Days', 'Event_paidBeforeDisconnection'].sort(),
      );
      assert.deepEqual(instance.waitingMessages, ['payment-received']);
      assert.deepEqual(topicsFor(bk), ['debt.sendReminder']);
      wf.travelDays(10);
      await wf.fireDue();

      // when
      const paid = await wf.sendMessage('cashier', 'payment-received', bk, { paidSatang: 48_500 });

      // then
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const i = await assertEndedPaid(instance.id);
      assert.equal(i.variables['paidSatang'], 48_500);
      // and the 15-day timer, cancelled, never fires
      wf.travelDays(30);
      await wf.fireDue();
      assert.equal(eventsOf(await wf.instance(instance.id), 'timer.fired').length, 0);
      assert.deepEqual(await wf.tasks('finance', { businessKey: bk }), []);
    });

    it('should end when the debt is paid while the dunning letter is being written', async () => {
      // given
      const { bk, instance } = await atDunningLetter();
      const letter = await wf.task('finance', bk, 'Task_dunningLetter');
      assert.equal(Date.parse(letter.due!) - now().getTime() <= 3 * DAY_MS, true);

      // when
      const paid = await wf.sendMessage('finance', 'payment-received', bk);

      // then
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const i = await assertEndedPaid(instance.id);
      assert.deepEqual(
        i.tasks.map((t) => [t.elementId, t.status]),
        [['Task_dunningLetter', 'cancelled']],
      );
      assert.deepEqual(await wf.tasks('finance', { businessKey: bk }), []);
      const late = await wf.call('finance', 'POST', `/tasks/${letter.id}/complete`, {
        data: { letterDate: thaiDay(now()), payByDate: thaiDay(now()) },
      });
      assert.equal(late.status, 409, 'a cancelled task cannot be completed');
    });

    it('should end when the debt is paid before the pay-by date of the letter', async () => {
      // given
      const { bk, instance } = await waitingForPayByDate();
      const waiting = await wf.instance(instance.id);
      assert.deepEqual(waitingAt(waiting), ['Event_paidBeforeDisconnection', 'Event_payByDate']);
      assert.deepEqual(topicsFor(bk), ['debt.sendReminder', 'debt.issueDunningLetter']);

      // when
      const paid = await wf.sendMessage('cashier', 'payment-received', bk);

      // then
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      await assertEndedPaid(instance.id);
    });

    it('should end when the debt is paid while the disconnection notice is being written', async () => {
      // given
      const { bk, instance } = await atDisconnectionNotice();
      await wf.task('finance', bk, 'Task_disconnectionNotice');

      // when
      const paid = await wf.sendMessage('cashier', 'payment-received', bk);

      // then
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const i = await assertEndedPaid(instance.id);
      assert.deepEqual(
        i.tasks.map((t) => [t.elementId, t.status]),
        [
          ['Task_dunningLetter', 'completed'],
          ['Task_disconnectionNotice', 'cancelled'],
        ],
      );
    });

    it('should end when the debt is paid in the days between the notice and the cut', async () => {
      // given
      const { bk, instance } = await waitingForDisconnectionDay();
      wf.travelDays(3);
      await wf.fireDue();
      assert.deepEqual(waitingAt(await wf.instance(instance.id)), [
        'Event_disconnectOn',
        'Event_paidBeforeDisconnection',
      ]);

      // when
      const paid = await wf.sendMessage('cashier', 'payment-received', bk);

      // then
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      await assertEndedPaid(instance.id);
      assert.deepEqual(await wf.tasks('technician', { businessKey: bk }), []);
    });
  });

  describe('not paid', () => {
    it('should fire the pay-by timer on the date the letter names (regression: date timers followed the system clock, not the workflow clock)', async () => {
      // given
      const { instance, payByDate } = await waitingForPayByDate();
      const [job] = (await wf.instance(instance.id)).jobs;

      // then the job falls due on the date itself
      assert.equal(job?.elementId, 'Event_payByDate');
      assert.equal(Date.parse(job!.dueAt), Date.parse(payByDate));

      // when the clock stops a minute short, nothing fires
      wf.travel(Date.parse(payByDate) - now().getTime() - 60_000);
      await wf.fireDue();
      assert.deepEqual(waitingAt(await wf.instance(instance.id)), [
        'Event_paidBeforeDisconnection',
        'Event_payByDate',
      ]);

      // when the date comes
      wf.travel(60_000);
      await wf.fireDue();

      // then
      const i = await wf.instance(instance.id);
      assert.deepEqual(waitingAt(i), ['Event_paidBeforeDisconnection', 'Task_disconnectionNotice']);
    });

    it('should cut the water after the notice, then reconnect once the debt and the fee are paid', async () => {
      // given the notice was issued and its day has come
      const { bk, instance, disconnectOn } = await waitingForDisconnectionDay();
      wf.travel(Date.parse(disconnectOn) - now().getTime() + 60_000);
      await wf.fireDue();

      // when the technician cuts the water
      const order = await wf.task('technician', bk, 'Task_disconnectWorkOrder');
      await wf.complete('technician', order.id, {
        disconnectedOn: thaiDay(now()),
        finalReading: 1234,
      });

      // then the account is marked and the instance waits for the debt
      let i = await wf.instance(instance.id);
      assert.deepEqual(waitingAt(i), ['Event_debtPaid']);
      assert.deepEqual(i.waitingMessages, ['payment-received']);
      assert.equal(topicsFor(bk).at(-1), 'accounts.markDisconnected');

      // when the debt is paid, a reconnection fee is billed and awaited
      assert.equal((await wf.sendMessage('cashier', 'payment-received', bk)).status, 200);
      i = await wf.instance(instance.id);
      assert.deepEqual(waitingAt(i), ['Event_feePaid']);
      assert.equal(i.variables['reconnectionFeeSatang'], 20_000);

      // when the fee is paid, a technician reconnects
      assert.equal((await wf.sendMessage('cashier', 'payment-received', bk)).status, 200);
      await wf.completeAt('technician', bk, 'Task_reconnectWorkOrder', {
        reconnectedOn: thaiDay(now()),
        reading: 1234,
      });

      // then
      i = await wf.instance(instance.id);
      assert.equal(i.status, 'completed');
      assert.equal(endedElements(i).at(-1), 'EndEvent_reconnected');
      assert.deepEqual(topicsFor(bk), TOPICS);
      assert.deepEqual(
        eventsOf(i, 'timer.fired').map((t) => t.elementId),
        ['Event_wait15Days', 'Event_payByDate', 'Event_disconnectOn'],
      );
      assert.equal(eventsOf(i, 'message.received').length, 2);
      assert.deepEqual(
        eventsOf(i, 'task.completed').map((t) => [t.elementId, t.actor]),
        [
          ['Task_dunningLetter', 'finance'],
          ['Task_disconnectionNotice', 'finance'],
          ['Task_disconnectWorkOrder', 'technician'],
          ['Task_reconnectWorkOrder', 'technician'],
        ],
      );
      assert.ok(!endedElements(i).includes('EndEvent_paid'));
      const third = await wf.sendMessage('cashier', 'payment-received', bk);
      assert.equal(third.status, 404, 'nothing waits for a payment any more');
    });
  });
});
