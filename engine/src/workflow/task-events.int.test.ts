/**
 * GET /tasks/events: the inbox's live stream. A clerk hears a new-connection
 * application's document check appear and someone claim it; a technician hears nothing
 * of a clerks' task, and another tenant's clerk nothing of ours.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { WorkflowDriver } from '../testing/workflow-driver.js';
import type { TaskEvent } from './task-events.js';

const KEY = 'new-connection';
const application = () => ({
  applicantName: 'นางสาวมาลี ใจดี',
  applicantPhone: '0812345678',
  address: '5 หมู่ 2 ต.บ้านใหม่',
  villageId: 2,
  meterSize: '1/2',
});

/** One subscriber's stream: the events seen so far, and a way to wait for the next ones. */
class Stream {
  readonly events: TaskEvent[] = [];
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];

  /** Opens the stream and resolves once the server says it is subscribed (`ready`). */
  static async open(srv: TestServer, token: string): Promise<Stream> {
    const s = new Stream();
    const res = await fetch(`${srv.baseUrl}/api/v1/tasks/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: s.abort.signal,
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const ready = new Promise<void>((resolve) => s.waiters.push(resolve));
    void s.read(res.body!).catch(() => undefined); // ends when the test aborts it
    await ready;
    return s;
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && name !== 'ready' && data) this.events.push(JSON.parse(data) as TaskEvent);
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    }
  }

  /** Waits (explicitly, never by sleeping) until an event matches; fails after 5 s. */
  async waitFor(match: (e: TaskEvent) => boolean): Promise<TaskEvent> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const hit = this.events.find(match);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no such event in ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

describe(`task events stream on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;
  const streams: Stream[] = [];
  const open = async (username: string) => {
    const s = await Stream.open(srv, wf.token(username));
    streams.push(s);
    return s;
  };

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['clerk', 'technician', 'clerk_b', 'resident1']);
  });
  after(async () => {
    for (const s of streams) s.close();
    await srv?.stop();
  });

  it('should tell a clerk of a new application task, then of its claim by another clerk', async () => {
    // given a clerk, a technician and another tenant's clerk listening
    const clerk = await open('clerk');
    const technician = await open('technician');
    const otherTenant = await open('clerk_b');

    // when an application starts
    const started = await wf.start('clerk', KEY, 'EV-1', application());

    // then the clerk hears that its document check was created for the clerks
    const created = await clerk.waitFor(
      (e) => e.type === 'task.created' && e.businessKey === 'EV-1',
    );
    assert.equal(created.elementId, 'Task_documentCheck');
    assert.equal(created.processKey, KEY);
    assert.equal(created.instanceId, started.id);
    assert.deepEqual(created.candidateGroups, ['clerk']);
    assert.equal(created.assignee, null);

    // when the task is claimed
    const claim = await wf.call('clerk', 'POST', `/tasks/${created.id}/claim`);
    assert.equal(claim.status, 200, JSON.stringify(claim.body));

    // then the stream says who has it
    const claimed = await clerk.waitFor((e) => e.type === 'task.claimed' && e.id === created.id);
    assert.equal(claimed.assignee, 'clerk');
    assert.equal(claimed.by, 'clerk');

    // and neither the technician nor the other tenant's clerk heard of it
    assert.deepEqual(
      technician.events.filter((e) => e.businessKey === 'EV-1'),
      [],
    );
    assert.deepEqual(
      otherTenant.events.filter((e) => e.businessKey === 'EV-1'),
      [],
    );
  });

  it('should tell the technicians when the document check opens their survey, and the clerk of the completion', async () => {
    // given a claimed document check and a technician listening
    await wf.start('clerk', KEY, 'EV-2', application());
    const task = await wf.task('clerk', 'EV-2', 'Task_documentCheck');
    const clerk = await open('clerk');
    const technician = await open('technician');

    // when the clerk completes it
    await wf.complete('clerk', task.id, { documentsOk: 'true' });

    // then the clerk hears it completed and the technician hears the survey created
    const done = await clerk.waitFor((e) => e.type === 'task.completed' && e.id === task.id);
    assert.equal(done.assignee, 'clerk');
    const survey = await technician.waitFor(
      (e) => e.type === 'task.created' && e.businessKey === 'EV-2',
    );
    assert.equal(survey.elementId, 'Task_siteSurvey');
    assert.equal(survey.by, 'clerk');
  });

  it('should tell the clerk who gave a task back that it is unclaimed', async () => {
    // given a clerk's claimed task
    await wf.start('clerk', KEY, 'EV-3', application());
    const task = await wf.task('clerk', 'EV-3', 'Task_documentCheck');
    assert.equal((await wf.call('clerk', 'POST', `/tasks/${task.id}/claim`)).status, 200);
    const clerk = await open('clerk');

    // when the clerk releases it
    assert.equal((await wf.call('clerk', 'POST', `/tasks/${task.id}/unclaim`)).status, 200);

    // then the stream says it is free again and whose it was
    const freed = await clerk.waitFor((e) => e.type === 'task.unclaimed' && e.id === task.id);
    assert.equal(freed.assignee, null);
    assert.equal(freed.previousAssignee, 'clerk');
  });

  it('should NOT let a resident or an anonymous caller listen', async () => {
    // when a resident and a caller without a token ask for the stream
    const resident = await wf.call('resident1', 'GET', '/tasks/events');
    const anonymous = await srv.api('GET', '/tasks/events');

    // then they are refused
    assert.equal(resident.status, 403);
    assert.equal(anonymous.status, 401);
  });
});
