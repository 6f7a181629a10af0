/**
 * Two engine processes on one database — the way Prapa scales out — must fire each due
 * timer once and complete each task once, however the work falls between them. The
 * second engine runs in an OS process of its own (testing/engine-process.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { linearProcess, timerStep, userTaskStep } from '../testing/bpmn-builders.js';
import { spawnEngineProcess, type EngineProcess } from '../testing/engine-process.js';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import {
  eventsOf,
  waitingAt,
  WorkflowDriver,
  type InstanceView,
} from '../testing/workflow-driver.js';
import { DAY_MS } from './clock.js';

const KEY = 'p-two-engines';
const INSTANCES = 10;

describe(`two engine processes on one ${testDialect()} database`, () => {
  let srv: TestServer;
  let other: EngineProcess;
  let wf: WorkflowDriver;
  let started: InstanceView[];

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk']);
    const deployed = await srv.api('POST', `/processes/${KEY}/versions`, {
      token: wf.token('admin'),
      body: linearProcess(KEY, [
        timerStep('Event_wait', { duration: 'P60D' }),
        userTaskStep('Task_followUp'),
      ]),
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    other = await spawnEngineProcess(srv.database);
    started = [];
    for (let n = 1; n <= INSTANCES; n++) started.push(await wf.start('clerk', KEY, `TE-${n}`));
  });
  after(async () => {
    await other?.stop();
    await srv?.stop();
  });

  /** Completes a task through the other engine's HTTP port. */
  async function completeOnOther(taskId: number, data: Record<string, unknown>) {
    const res = await fetch(`${other.baseUrl}/api/v1/tasks/${taskId}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${wf.token('clerk')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('should fire each due timer once when both engines run the due jobs at the same time', async () => {
    // given 60 days have passed on both engines' clocks
    wf.travel(61 * DAY_MS);
    await other.travel(61 * DAY_MS);

    // when both fire what is due, at once
    const [here, there] = await Promise.all([wf.fireDue(), other.runDue()]);

    // then every timer fired once, on one engine or the other
    assert.equal(here + there, INSTANCES, `fired here ${here}, there ${there}`);
    for (const s of started) {
      const i = await wf.instance(s.id);
      assert.equal(
        eventsOf(i, 'timer.fired').length,
        1,
        `${s.businessKey}: ${JSON.stringify(i.timeline)}`,
      );
      assert.deepEqual(waitingAt(i), ['Task_followUp']);
      assert.deepEqual(
        i.tasks.map((t) => [t.elementId, t.status]),
        [['Task_followUp', 'open']],
        `${s.businessKey} advanced once`,
      );
    }
    // and nothing is left to fire on either
    assert.deepEqual(await Promise.all([wf.fireDue(), other.runDue()]), [0, 0]);
  });

  it('should complete a task once when it is completed through both engines at the same time', async () => {
    // given every instance waits at its follow-up task
    const tasks = await wf.tasks('clerk', {
      processKey: KEY,
      elementId: 'Task_followUp',
      limit: 100,
    });
    assert.equal(tasks.length, INSTANCES);

    for (const task of tasks) {
      // when the same task is completed through both engines at once
      const data = { instruction: `ติดตามผล ${task.businessKey}` };
      const [here, there] = await Promise.all([
        wf.call('clerk', 'POST', `/tasks/${task.id}/complete`, { data }),
        completeOnOther(task.id, data),
      ]);

      // then one succeeds and the other is told it is done
      assert.deepEqual(
        [here.status, there.status].sort(),
        [200, 409],
        `${task.businessKey}: ${JSON.stringify([here.body, there.body])}`,
      );
      const i = await wf.instance(task.instanceId);
      assert.equal(i.status, 'completed');
      assert.equal(eventsOf(i, 'task.completed').length, 1);
      assert.equal(eventsOf(i, 'instance.completed').length, 1);
    }
  });
});
