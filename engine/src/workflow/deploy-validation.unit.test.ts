/**
 * The deploy gate for BPMN, table-driven: each row a small diagram and the problems it
 * must be refused with (element id and code), and the shipped processes, which must pass.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  bpmnDefinitions,
  linearProcess,
  messageStep,
  scriptTaskStep,
  serviceTaskStep,
  timerStep,
  userTaskStep,
  type Step,
} from '../testing/bpmn-builders.js';
import { REPO_ROOT } from '../testing/paths.js';
import { declareShippedTopics } from './declared-topics.js';
import { parseAndValidate } from './deploy-validation.js';
import { HandlerRegistry } from './handlers.js';

const SHIPPED_FORMS = new Set(
  fs
    .readdirSync(path.join(REPO_ROOT, 'forms'))
    .filter((f) => f.endsWith('.json') && f !== 'package.json')
    .map((f) => path.basename(f, '.json')),
);

function context(key = 'p') {
  const handlers = new HandlerRegistry();
  declareShippedTopics(handlers);
  return { key, formExists: (k: string) => SHIPPED_FORMS.has(k), handlers };
}

async function problemsOf(xml: string, key = 'p'): Promise<string[]> {
  const { problems } = await parseAndValidate(xml, context(key));
  return problems.map((p) => `${p.path}:${p.code}`).sort();
}

const raw = (id: string, xml: string): Step => ({ id, xml: `    ${xml}` });
const gateway = (condition: string) =>
  bpmnDefinitions(
    'p',
    `<startEvent id="Start" />
    <exclusiveGateway id="Gateway" default="Flow_no" />
    <endEvent id="End_yes" /><endEvent id="End_no" />
    <sequenceFlow id="Flow_in" sourceRef="Start" targetRef="Gateway" />
    <sequenceFlow id="Flow_yes" sourceRef="Gateway" targetRef="End_yes">${condition}</sequenceFlow>
    <sequenceFlow id="Flow_no" sourceRef="Gateway" targetRef="End_no" />`,
  );

describe('deploy validation of BPMN', () => {
  const rows: { name: string; xml: string; key?: string; problems: string[] }[] = [
    {
      name: 'a clean line of steps',
      xml: linearProcess('p', [
        serviceTaskStep('Task_remind', 'debt.sendReminder', { accountId: '=accountId' }),
        timerStep('Event_wait', { duration: 'P15D' }),
        timerStep('Event_until', { date: '=payByDate' }),
        messageStep('Event_paid', 'payment-received'),
        userTaskStep('Task_fill', { candidateGroups: 'clerk, finance', dueDate: 'P3D' }),
        userTaskStep('Task_reporter', {
          candidateGroups: 'resident',
          assignee: '=reporterUsername',
        }),
      ]),
      problems: [],
    },
    {
      name: 'a FEEL condition',
      xml: gateway(
        '<conditionExpression xsi:type="tFormalExpression">=amount &gt; 10</conditionExpression>',
      ),
      problems: [],
    },
    {
      name: 'a script task',
      xml: linearProcess('p', [scriptTaskStep('Task_script')]),
      problems: ['Task_script:script_task'],
    },
    {
      name: 'a JavaScript condition',
      xml: gateway(
        '<conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, true)</conditionExpression>',
      ),
      problems: ['Flow_yes:script_condition'],
    },
    {
      name: 'an expression condition in ${…}',
      xml: gateway(
        '<conditionExpression xsi:type="tFormalExpression">${environment.variables.ok}</conditionExpression>',
      ),
      problems: ['Flow_yes:not_feel'],
    },
    {
      name: 'a FEEL condition that does not parse',
      xml: gateway(
        '<conditionExpression xsi:type="tFormalExpression">=amount &gt;</conditionExpression>',
      ),
      problems: ['Flow_yes:invalid_feel'],
    },
    {
      name: 'an input parameter that does not parse as FEEL',
      xml: linearProcess('p', [serviceTaskStep('Task_s', 'debt.sendReminder', { a: '=(1 +' })]),
      problems: ['Task_s:invalid_feel'],
    },
    {
      name: 'a script input parameter',
      xml: linearProcess('p', [
        raw(
          'Task_s',
          `<serviceTask id="Task_s" camunda:type="external" camunda:topic="debt.sendReminder"><extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1+1</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>`,
        ),
      ]),
      problems: ['Task_s:script_parameter'],
    },
    {
      name: 'an execution listener',
      xml: linearProcess('p', [
        raw(
          'Task_u',
          `<userTask id="Task_u" camunda:formKey="complaint-escalation" camunda:candidateGroups="clerk"><extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">x()</camunda:script></camunda:executionListener></extensionElements></userTask>`,
        ),
      ]),
      problems: ['Task_u:unsupported_extension'],
    },
    {
      name: 'a Java class on a service task',
      xml: linearProcess('p', [
        raw('Task_s', '<serviceTask id="Task_s" camunda:class="org.example.Evil" />'),
      ]),
      problems: ['Task_s:unsupported_implementation'],
    },
    {
      name: 'a service task without a topic',
      xml: linearProcess('p', [raw('Task_s', '<serviceTask id="Task_s" />')]),
      problems: ['Task_s:missing_handler'],
    },
    {
      name: 'an unknown topic',
      xml: linearProcess('p', [serviceTaskStep('Task_s', 'crypto.mine')]),
      problems: ['Task_s:unknown_handler'],
    },
    {
      name: 'a user task without a form',
      xml: linearProcess('p', [
        raw('Task_u', '<userTask id="Task_u" camunda:candidateGroups="clerk" />'),
      ]),
      problems: ['Task_u:missing_form'],
    },
    {
      name: 'an unknown form',
      xml: linearProcess('p', [userTaskStep('Task_u', { formKey: 'nope' })]),
      problems: ['Task_u:unknown_form'],
    },
    {
      name: 'a user task nobody may do',
      xml: linearProcess('p', [
        raw('Task_u', '<userTask id="Task_u" camunda:formKey="complaint-escalation" />'),
      ]),
      problems: ['Task_u:no_performer'],
    },
    {
      name: 'an unknown role',
      xml: linearProcess('p', [userTaskStep('Task_u', { candidateGroups: 'clerk,janitor' })]),
      problems: ['Task_u:unknown_role'],
    },
    {
      name: 'a due date that is no duration',
      xml: linearProcess('p', [userTaskStep('Task_u', { dueDate: 'next week' })]),
      problems: ['Task_u:invalid_due_date'],
    },
    {
      name: 'a timer that is no duration',
      xml: linearProcess('p', [timerStep('Event_t', { duration: 'P3X' })]),
      problems: ['Event_t:invalid_timer'],
    },
    {
      name: 'a timer date in broken FEEL',
      xml: linearProcess('p', [timerStep('Event_t', { date: '=date(' })]),
      problems: ['Event_t:invalid_feel'],
    },
    {
      name: 'a message catch without a message',
      xml: linearProcess('p', [
        raw(
          'Event_m',
          '<intermediateCatchEvent id="Event_m"><messageEventDefinition /></intermediateCatchEvent>',
        ),
      ]),
      problems: ['Event_m:missing_message'],
    },
    {
      name: 'a process that is not executable',
      xml: linearProcess('p', []).replace('isExecutable="true"', 'isExecutable="false"'),
      problems: ['p:not_executable'],
    },
    {
      name: 'a process id other than the key',
      key: 'other',
      xml: linearProcess('p', []),
      problems: ['p:key_mismatch'],
    },
    {
      name: 'two processes in one file',
      xml: linearProcess('p', []).replace(
        '</definitions>',
        '<process id="q" isExecutable="true" /></definitions>',
      ),
      problems: ['definitions:one_process'],
    },
    {
      name: 'XML that does not parse',
      xml: '<definitions><process id="p"',
      problems: ['definitions:unparsable'],
    },
    {
      name: 'many problems at once',
      xml: linearProcess('p', [
        scriptTaskStep('Task_a'),
        serviceTaskStep('Task_b', 'crypto.mine'),
        userTaskStep('Task_c', { formKey: 'nope', candidateGroups: 'janitor' }),
        timerStep('Event_d', { duration: 'soon' }),
      ]),
      problems: [
        'Event_d:invalid_timer',
        'Task_a:script_task',
        'Task_b:unknown_handler',
        'Task_c:unknown_form',
        'Task_c:unknown_role',
      ],
    },
  ];

  for (const row of rows) {
    it(`should ${row.problems.length ? 'refuse' : 'accept'} ${row.name}`, async () => {
      // when
      const problems = await problemsOf(row.xml, row.key);

      // then
      assert.deepEqual(problems, row.problems);
    });
  }

  it('should say each problem in Thai and in English', async () => {
    // given
    const { problems } = await parseAndValidate(
      linearProcess('p', [scriptTaskStep('Task_a'), serviceTaskStep('Task_b', 'crypto.mine')]),
      context(),
    );

    // then
    for (const p of problems) {
      assert.match(p.message.th, /[\u0E00-\u0E7F]/);
      assert.ok(p.message.en.length > 0);
    }
  });
});

describe('the shipped processes', () => {
  const files = fs
    .readdirSync(path.join(REPO_ROOT, 'processes'))
    .filter((f) => f.endsWith('.bpmn'));

  it('should be three', () => {
    assert.deepEqual(files.sort(), [
      'complaint.bpmn',
      'debt-escalation.bpmn',
      'new-connection.bpmn',
    ]);
  });

  for (const file of files) {
    it(`should deploy ${file} without a problem, against the shipped forms and topics`, async () => {
      // given
      const xml = fs.readFileSync(path.join(REPO_ROOT, 'processes', file), 'utf8');

      // when
      const problems = await problemsOf(xml, path.basename(file, '.bpmn'));

      // then
      assert.deepEqual(problems, []);
    });
  }
});
