/**
 * One step on bpmn-engine, without a database: FEEL conditions choose the flow, date
 * timers fall due on their date, scripts never run, and a diagram that fails rejects the
 * step instead of hanging it. Fixtures: tiny inline XML and the named builders.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bpmnDefinitions,
  linearProcess,
  scriptTaskStep,
  timerStep,
  userTaskStep,
} from '../testing/bpmn-builders.js';
import { assertNear } from '../testing/workflow-driver.js';
import { compileProcess, moddle } from './bpmn-source.js';
import { DAY_MS } from './clock.js';
import { runStep, type RunResult } from './runner.js';

async function start(xml: string, variables: Record<string, unknown>, now = new Date()) {
  const compiled = compileProcess('test', await moddle().fromXML(xml));
  return runStep({
    compiled,
    name: 'unit',
    state: null,
    variables,
    action: { kind: 'start' },
    fireTimers: new Set(),
    now,
    runService: async () => undefined,
  });
}

const waits = (r: RunResult) => r.waits.map((w) => w.elementId).sort();

const amountGateway = (withDefault: boolean) =>
  bpmnDefinitions(
    'p',
    `<startEvent id="Start" />
    <exclusiveGateway id="Gateway" ${withDefault ? 'default="Flow_small"' : ''} />
    <userTask id="Task_big" camunda:formKey="f" camunda:candidateGroups="clerk" />
    <userTask id="Task_small" camunda:formKey="f" camunda:candidateGroups="clerk" />
    <sequenceFlow id="Flow_in" sourceRef="Start" targetRef="Gateway" />
    <sequenceFlow id="Flow_big" sourceRef="Gateway" targetRef="Task_big">
      <conditionExpression xsi:type="tFormalExpression">=amount &gt; 10</conditionExpression>
    </sequenceFlow>
    ${
      withDefault
        ? '<sequenceFlow id="Flow_small" sourceRef="Gateway" targetRef="Task_small" />'
        : `<sequenceFlow id="Flow_small" sourceRef="Gateway" targetRef="Task_small">
      <conditionExpression xsi:type="tFormalExpression">=amount &lt; 0</conditionExpression>
    </sequenceFlow>`
    }`,
  );

describe('runStep', () => {
  it('should take the flow whose FEEL condition holds (regression: every condition was handed a script that refuses to run)', async () => {
    // when
    const big = await start(amountGateway(true), { amount: 50 });
    const small = await start(amountGateway(true), { amount: 5 });

    // then
    assert.deepEqual(waits(big), ['Task_big']);
    assert.deepEqual(waits(small), ['Task_small']);
  });

  it(
    'should reject the step, not hang, when no flow can be taken (regression: it waited for ever for the engine to stop)',
    { timeout: 5_000 },
    async () => {
      // when / then
      await assert.rejects(start(amountGateway(false), { amount: 5 }));
    },
  );

  it(
    'should refuse to run a script task that slipped past the deploy',
    { timeout: 5_000 },
    async () => {
      // when / then
      await assert.rejects(
        start(linearProcess('p', [scriptTaskStep('Task_script')]), {}),
        /scripts are not allowed \(Task_script\)|Task_script/,
      );
    },
  );

  it('should let a duration timer fall due from the workflow clock’s now', async () => {
    // given a workflow clock far from the system clock
    const now = new Date('2031-03-01T00:00:00Z');

    // when
    const r = await start(
      linearProcess('p', [timerStep('Event_wait', { duration: 'P15D' })]),
      {},
      now,
    );

    // then
    assert.deepEqual(
      r.timers.map((t) => t.elementId),
      ['Event_wait'],
    );
    assertNear(r.timers[0]!.dueAt.getTime(), now.getTime() + 15 * DAY_MS, 'the 15-day timer');
  });

  it('should let a date timer fall due on its date, whatever the clocks say (regression: it fell due at the date plus the clock’s offset)', async () => {
    // given
    const now = new Date('2031-03-01T00:00:00Z');
    const payByDate = '2031-03-20T00:00:00+07:00';

    // when
    const r = await start(
      linearProcess('p', [
        timerStep('Event_payBy', { date: '=payByDate' }),
        userTaskStep('Task_next'),
      ]),
      { payByDate },
      now,
    );

    // then
    assert.deepEqual(r.timers, [{ elementId: 'Event_payBy', dueAt: new Date(payByDate) }]);
    assert.deepEqual(waits(r), ['Event_payBy']);
  });
});
