/**
 * What a completion answers and what an inbox page says: `next` is the instance's open
 * tasks the user may work on now (the step knows the tasks it opened; a task opened
 * earlier and claimed since is read again), and a page's total is right whether it
 * was counted or told by the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bpmnDefinitions, linearProcess, userTaskStep } from '../testing/bpmn-builders.js';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { WorkflowDriver, type TaskItem } from '../testing/workflow-driver.js';

const LINEAR = 'p-inbox-linear';
const PARALLEL = 'p-inbox-parallel';
const PAGED = 'p-inbox-paged';
const instruction = { instruction: 'ดำเนินการต่อ' };

/** Two clerk tasks side by side (the second one technicians may take too), then a third. */
const parallel = bpmnDefinitions(
  PARALLEL,
  `    <startEvent id="Start" />
    <parallelGateway id="Split" />
    <userTask id="Task_left" name="Task_left" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk" />
    <userTask id="Task_right" name="Task_right" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk,technician" />
    <parallelGateway id="Join" />
    <userTask id="Task_after" name="Task_after" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk" />
    <endEvent id="End" />
    <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Split" />
    <sequenceFlow id="Flow_2" sourceRef="Split" targetRef="Task_left" />
    <sequenceFlow id="Flow_3" sourceRef="Split" targetRef="Task_right" />
    <sequenceFlow id="Flow_4" sourceRef="Task_left" targetRef="Join" />
    <sequenceFlow id="Flow_5" sourceRef="Task_right" targetRef="Join" />
    <sequenceFlow id="Flow_6" sourceRef="Join" targetRef="Task_after" />
    <sequenceFlow id="Flow_7" sourceRef="Task_after" targetRef="End" />`,
);

describe(`task inbox and completion answers on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk', 'technician']);
    const processes: [string, string][] = [
      [
        LINEAR,
        linearProcess(LINEAR, [
          userTaskStep('Task_first'),
          userTaskStep('Task_second', { dueDate: 'P2D' }),
          userTaskStep('Task_technical', { candidateGroups: 'technician' }),
        ]),
      ],
      [PARALLEL, parallel],
      [PAGED, linearProcess(PAGED, [userTaskStep('Task_only')])],
    ];
    for (const [key, xml] of processes) {
      const res = await srv.api('POST', `/processes/${key}/versions`, {
        token: wf.token('admin'),
        body: xml,
        headers: { 'content-type': 'application/xml' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });
  after(() => srv?.stop());

  const nextOf = (res: { body: unknown }) =>
    (res.body as { task: TaskItem; next: TaskItem[] }).next.map((t) => [t.elementId, t.status]);

  it('should answer a completion with the next task, and NOT with one of another role', async () => {
    // given an instance waiting at its first clerk task
    const started = await wf.start('clerk', LINEAR, 'IN-1');
    const first = await wf.task('clerk', 'IN-1', 'Task_first');

    // when the clerk completes it
    const res = await wf.complete('clerk', first.id, instruction);

    // then the answer shows it done and the clerk's next task, due in two days
    const body = res.body as { task: TaskItem; next: TaskItem[] };
    assert.equal(body.task.status, 'completed');
    assert.equal(body.task.completedBy, 'clerk');
    assert.deepEqual(nextOf(res), [['Task_second', 'open']]);
    const second = body.next[0]!;
    assert.equal(second.instanceId, started.id);
    assert.deepEqual(second, await wf.task('clerk', 'IN-1', 'Task_second'));

    // when the clerk completes that one, the technician's task is NOT the clerk's next
    const res2 = await wf.complete('clerk', second.id, instruction);
    assert.deepEqual(nextOf(res2), []);
    assert.equal((await wf.task('technician', 'IN-1', 'Task_technical')).status, 'open');
  });

  it('should NOT answer with a parallel task that someone else claimed meanwhile', async () => {
    // given both parallel tasks open, and a technician who claimed the right-hand one
    await wf.start('clerk', PARALLEL, 'IN-2');
    const left = await wf.task('clerk', 'IN-2', 'Task_left');
    const right = await wf.task('technician', 'IN-2', 'Task_right');
    const claimed = await wf.call('technician', 'POST', `/tasks/${right.id}/claim`);
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));

    // when the clerk completes the left-hand one
    const res = await wf.complete('clerk', left.id, instruction);

    // then the clerk is not offered the technician's task
    assert.deepEqual(nextOf(res), []);

    // and when the technician completes theirs, the join opens the clerk's last task
    const res2 = await wf.complete('technician', right.id, instruction);
    assert.deepEqual(nextOf(res2), []);
    assert.equal((await wf.task('clerk', 'IN-2', 'Task_after')).status, 'open');
  });

  it('should answer with a parallel task still open for the same user', async () => {
    // given both parallel tasks open for clerks
    await wf.start('clerk', PARALLEL, 'IN-3');
    const left = await wf.task('clerk', 'IN-3', 'Task_left');

    // when the clerk completes the left-hand one
    const res = await wf.complete('clerk', left.id, instruction);

    // then the right-hand one is the clerk's next
    assert.deepEqual(nextOf(res), [['Task_right', 'open']]);
  });

  it('should give the same total on every page of an inbox, counted or not', async () => {
    // given three instances, one open task each
    for (const n of [1, 2, 3]) await wf.start('clerk', PAGED, `PG-${n}`);
    const page = async (limit: number, offset: number) => {
      const res = await wf.call(
        'clerk',
        'GET',
        `/tasks?processKey=${PAGED}&limit=${limit}&offset=${offset}`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const body = res.body as { total: number; items: TaskItem[] };
      return [body.total, body.items.map((t) => t.businessKey)];
    };

    // when the clerk pages through them, two at a time, and past the end
    // then every page says three, with the items in order
    assert.deepEqual(await page(2, 0), [3, ['PG-1', 'PG-2']]);
    assert.deepEqual(await page(2, 2), [3, ['PG-3']]);
    assert.deepEqual(await page(2, 4), [3, []]);
    assert.deepEqual(await page(10, 0), [3, ['PG-1', 'PG-2', 'PG-3']]);
    assert.deepEqual(await page(3, 0), [3, ['PG-1', 'PG-2', 'PG-3']]);
  });
});
