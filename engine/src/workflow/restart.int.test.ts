/**
 * Instances live in the database, not in the engine: an engine stopped mid-way and
 * started again on the same database goes on where the first left off, and long timers
 * fire on the (fake) clock — also one that fell due while no engine was running.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertNear, eventsOf, waitingAt, WorkflowDriver } from '../testing/workflow-driver.js';
import { DAY_MS } from './clock.js';

/** Tiny inline fixture: wait 60 days, then a clerk follows up. */
const SIXTY_DAYS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="https://prapa.dev/bpmn">
  <process id="p-sixty-days" isExecutable="true">
    <startEvent id="Start" />
    <intermediateCatchEvent id="Event_60Days"><timerEventDefinition><timeDuration>P60D</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <userTask id="Task_followUp" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk" />
    <endEvent id="End" />
    <sequenceFlow id="F1" sourceRef="Start" targetRef="Event_60Days" />
    <sequenceFlow id="F2" sourceRef="Event_60Days" targetRef="Task_followUp" />
    <sequenceFlow id="F3" sourceRef="Task_followUp" targetRef="End" />
  </process>
</definitions>`;

const USERS = ['admin', 'clerk', 'technician', 'chief', 'finance', 'cashier'];
const NEW_CONNECTION_TOPICS = [
  'applications.notifyApplicant',
  'accounts.createFromApplication',
  'billing.createInstallationInvoice',
  'accounts.activate',
];
const DEBT_TOPICS = ['debt.sendReminder'];

describe(`restarts and long timers on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  /** Stops the running engine, keeping its database, and starts another on it. */
  async function restart(opts: { clockTravelMs?: number; pollMs?: number } = {}) {
    await srv.stop({ keepDatabase: true });
    srv = await startTestServer({
      database: srv.database,
      clockTravelMs: opts.clockTravelMs,
      env: opts.pollMs ? { PRAPA_JOB_POLL_MS: String(opts.pollMs) } : {},
    });
    wf = wf.on(srv); // the tokens stay valid: same database, same signing secret
    wf.recordHandlers([...NEW_CONNECTION_TOPICS, ...DEBT_TOPICS]);
  }

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, USERS);
    wf.recordHandlers([...NEW_CONNECTION_TOPICS, ...DEBT_TOPICS]);
    const res = await srv.api('POST', '/processes/p-sixty-days/versions', {
      token: wf.token('admin'),
      body: SIXTY_DAYS,
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });
  after(async () => {
    await srv?.stop({ keepDatabase: true });
    await srv?.database.drop();
  });

  it('should fire a 60-day timer when the fake clock reaches it, and only then', async () => {
    // given
    const started = await wf.start('clerk', 'p-sixty-days', 'T60-1');
    const [job] = started.jobs;
    assertNear(
      Date.parse(job!.dueAt) - Date.parse(started.timeline[0]!.at),
      60 * DAY_MS,
      'the timer',
    );

    // when 59 days pass
    wf.travelDays(59);
    await wf.fireDue();

    // then it still waits
    assert.deepEqual(waitingAt(await wf.instance(started.id)), ['Event_60Days']);

    // when the 60th day passes
    wf.travelDays(1);
    const fired = await wf.fireDue();

    // then
    assert.equal(fired, 1);
    const i = await wf.instance(started.id);
    assert.deepEqual(waitingAt(i), ['Task_followUp']);
    assert.equal(eventsOf(i, 'timer.fired').length, 1);
    assert.deepEqual(i.jobs, []);
    await wf.task('clerk', 'T60-1', 'Task_followUp');
    assert.equal(await wf.fireDue(), 0, 'a fired timer does not fire again');
  });

  it('should resume waiting instances after a restart: tasks still listed, completion goes on', async () => {
    // given an application at its survey and a debt in its 15-day wait
    const application = await wf.start('clerk', 'new-connection', 'NC-RS1', {});
    await wf.completeAt('clerk', 'NC-RS1', 'Task_documentCheck', { documentsOk: 'true' });
    const debt = await wf.start('finance', 'debt-escalation', 'A-RS1', { accountId: 1 });
    const surveyBefore = await wf.task('technician', 'NC-RS1', 'Task_siteSurvey');

    // when the engine stops and another starts on the same database
    await restart();

    // then the survey is still listed, as it was
    const survey = await wf.task('technician', 'NC-RS1', 'Task_siteSurvey');
    assert.equal(survey.id, surveyBefore.id);
    assert.equal(survey.due, surveyBefore.due);

    // when it is completed, and the approval after it
    await wf.complete('technician', survey.id, {
      surveyDate: '2026-01-10',
      distanceMeters: 10,
      pipeSizeMm: 20,
      feasible: 'true',
      estimatedCostBaht: 1500,
    });
    await wf.completeAt('chief', 'NC-RS1', 'Task_approval', { decision: 'approve' });

    // then the process went on from where it was
    const i = await wf.instance(application.id);
    assert.equal(i.status, 'running');
    assert.deepEqual(waitingAt(i), [
      'Event_paymentReceived',
      'Event_paymentTimeout',
      'Gateway_awaitPayment',
    ]);
    assert.deepEqual(
      eventsOf(i, 'task.completed').map((t) => t.elementId),
      ['Task_documentCheck', 'Task_siteSurvey', 'Task_approval'],
    );

    // and a payment still reaches the debt waiting before the restart
    const paid = await wf.sendMessage('cashier', 'payment-received', 'A-RS1');
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal((await wf.instance(debt.id)).status, 'completed');
  });

  it('should fire, once, after start a timer that fell due while the engine was down', async () => {
    // given an instance waiting 60 days, and the engine stopped
    const started = await wf.start('clerk', 'p-sixty-days', 'T60-2');

    // when an engine with a job poller starts 61 days later
    await restart({ clockTravelMs: 61 * DAY_MS, pollMs: 3_600_000 });
    await wf.fireDue(); // joins the poller's first pass if it is still running

    // then the timer fired once
    const i = await wf.instance(started.id);
    assert.deepEqual(waitingAt(i), ['Task_followUp']);
    assert.equal(eventsOf(i, 'timer.fired').length, 1);
    assert.equal(await wf.fireDue(), 0);
    assert.equal(eventsOf(await wf.instance(started.id), 'timer.fired').length, 1);
    await wf.task('clerk', 'T60-2', 'Task_followUp');
  });
});
