/**
 * Named builders for small BPMN diagrams (the middle tier of the fixtures: tiny inline
 * XML in a test, these builders, and the real processes/*.bpmn). A diagram is a line of
 * steps from a start event to an end event; each builder returns the XML of one step.
 *
 *   linearProcess('p-timer', [timerStep('Wait', { duration: 'P60D' }), userTaskStep('After')])
 */

export interface Step {
  id: string;
  xml: string;
  /** Messages the step refers to: message id → name. */
  messages?: Record<string, string>;
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The definitions document around a process's elements. */
export function bpmnDefinitions(
  key: string,
  body: string,
  opts: { name?: string; messages?: Record<string, string> } = {},
): string {
  const messages = Object.entries(opts.messages ?? {})
    .map(([id, name]) => `  <message id="${attr(id)}" name="${attr(name)}" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${attr(key)}" targetNamespace="https://prapa.dev/bpmn">
${messages}
  <process id="${attr(key)}" name="${attr(opts.name ?? key)}" isExecutable="true">
${body}
  </process>
</definitions>
`;
}

/** start → steps… → end, one sequence flow between each. */
export function linearProcess(key: string, steps: Step[], opts: { name?: string } = {}): string {
  const ids = ['Start', ...steps.map((s) => s.id), 'End'];
  const flows = ids
    .slice(1)
    .map(
      (to, i) => `    <sequenceFlow id="Flow_${i + 1}" sourceRef="${ids[i]}" targetRef="${to}" />`,
    );
  const body = [
    '    <startEvent id="Start" />',
    ...steps.map((s) => s.xml),
    '    <endEvent id="End" />',
    ...flows,
  ].join('\n');
  const messages = Object.assign({}, ...steps.map((s) => s.messages ?? {})) as Record<
    string,
    string
  >;
  return bpmnDefinitions(key, body, { ...opts, messages });
}

/** A user task; by default the escalation form (one required text field, `instruction`). */
export function userTaskStep(
  id: string,
  opts: { formKey?: string; candidateGroups?: string; assignee?: string; dueDate?: string } = {},
): Step {
  const attrs = [
    `id="${attr(id)}"`,
    `name="${attr(id)}"`,
    `camunda:formKey="${attr(opts.formKey ?? 'complaint-escalation')}"`,
    `camunda:candidateGroups="${attr(opts.candidateGroups ?? 'clerk')}"`,
    ...(opts.assignee ? [`camunda:assignee="${attr(opts.assignee)}"`] : []),
    ...(opts.dueDate ? [`camunda:dueDate="${attr(opts.dueDate)}"`] : []),
  ];
  return { id, xml: `    <userTask ${attrs.join(' ')} />` };
}

/** A service task run by the handler registered for `topic`. */
export function serviceTaskStep(
  id: string,
  topic: string,
  inputs: Record<string, string> = {},
): Step {
  const params = Object.entries(inputs)
    .map(
      ([k, v]) => `<camunda:inputParameter name="${attr(k)}">${text(v)}</camunda:inputParameter>`,
    )
    .join('');
  const ext = params
    ? `<extensionElements><camunda:inputOutput>${params}</camunda:inputOutput></extensionElements>`
    : '';
  return {
    id,
    xml: `    <serviceTask id="${attr(id)}" name="${attr(id)}" camunda:type="external" camunda:topic="${attr(topic)}">${ext}</serviceTask>`,
  };
}

/** An intermediate timer: an ISO duration (`P60D`) or a date (`=payByDate`). */
export function timerStep(id: string, when: { duration?: string; date?: string }): Step {
  const def = when.duration
    ? `<timeDuration xsi:type="tFormalExpression">${text(when.duration)}</timeDuration>`
    : `<timeDate xsi:type="tFormalExpression">${text(when.date ?? '')}</timeDate>`;
  return {
    id,
    xml: `    <intermediateCatchEvent id="${attr(id)}" name="${attr(id)}"><timerEventDefinition>${def}</timerEventDefinition></intermediateCatchEvent>`,
  };
}

/** An intermediate message catch for the message `name`. */
export function messageStep(id: string, name: string): Step {
  const messageId = `Message_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return {
    id,
    xml: `    <intermediateCatchEvent id="${attr(id)}" name="${attr(id)}"><messageEventDefinition messageRef="${messageId}" /></intermediateCatchEvent>`,
    messages: { [messageId]: name },
  };
}

/** A script task: never deployable, and here to prove it. */
export function scriptTaskStep(id: string, script = 'next(null, 1);'): Step {
  return {
    id,
    xml: `    <scriptTask id="${attr(id)}" scriptFormat="javascript"><script>${text(script)}</script></scriptTask>`,
  };
}
