/**
 * The properties the designer edits, read from a bpmn-js element's business object into a
 * plain snapshot, and the bpmn-js property updates that write them back.
 */

/** The parts of a bpmn-moddle element the designer reads. */
export interface BusinessObject {
  readonly $type: string;
  readonly id: string;
  readonly name?: string;
  readonly conditionExpression?: { readonly body?: string };
  readonly sourceRef?: BusinessObject;
  readonly default?: BusinessObject;
  get(name: string): unknown;
}

/** A diagram element (shape or connection) as bpmn-js hands it out. */
export interface DiagramElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: BusinessObject;
}

export type ElementKind = 'userTask' | 'serviceTask' | 'sequenceFlow' | 'startEvent' | 'other';

export interface ElementProps {
  readonly id: string;
  readonly type: string;
  readonly kind: ElementKind;
  readonly name: string;
  /** User tasks and start events. */
  readonly formKey: string;
  readonly candidateGroups: readonly string[];
  readonly assignee: string;
  readonly dueDate: string;
  /** Service tasks: camunda:type="external" camunda:topic. */
  readonly topic: string;
  /** Sequence flows: the FEEL condition with its `=`, '' for none. */
  readonly condition: string;
  /** A flow out of a gateway that is not the gateway's default: it may carry a condition. */
  readonly conditional: boolean;
  readonly isDefault: boolean;
}

const KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SequenceFlow': 'sequenceFlow',
  'bpmn:StartEvent': 'startEvent',
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readProps(element: DiagramElement): ElementProps {
  const bo = element.businessObject;
  const kind = KINDS[bo.$type] ?? 'other';
  const source = bo.sourceRef;
  const isDefault = !!source && source.default?.id === bo.id;
  const fromGateway =
    !!source && /Gateway$/.test(source.$type) && source.$type !== 'bpmn:ParallelGateway';
  return {
    id: bo.id,
    type: bo.$type,
    kind,
    name: text(bo.name),
    formKey: text(bo.get('camunda:formKey')),
    candidateGroups: text(bo.get('camunda:candidateGroups'))
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
    assignee: text(bo.get('camunda:assignee')),
    dueDate: text(bo.get('camunda:dueDate')),
    topic: text(bo.get('camunda:topic')),
    condition: text(bo.conditionExpression?.body).trim(),
    conditional: kind === 'sequenceFlow' && !isDefault && (fromGateway || !!bo.conditionExpression),
    isDefault,
  };
}

/** An edit from the panel, one field at a time. */
export type PropertyEdit =
  | { readonly field: 'name' | 'formKey' | 'assignee' | 'dueDate'; readonly value: string }
  | { readonly field: 'candidateGroups'; readonly value: readonly string[] }
  | { readonly field: 'topic'; readonly value: string };

/**
 * The attributes bpmn-js `modeling.updateProperties` gets for an edit (an empty value removes
 * the attribute, so the XML carries no `camunda:assignee=""`). Conditions are built apart:
 * they need a moddle element.
 */
export function attributesFor(edit: PropertyEdit): Record<string, string | undefined> {
  const orNone = (v: string) => (v.trim() ? v.trim() : undefined);
  switch (edit.field) {
    case 'name':
      return { name: edit.value.trim() ? edit.value : undefined };
    case 'formKey':
      return { 'camunda:formKey': orNone(edit.value) };
    case 'assignee':
      return { 'camunda:assignee': orNone(edit.value) };
    case 'dueDate':
      return { 'camunda:dueDate': orNone(edit.value) };
    case 'candidateGroups':
      return { 'camunda:candidateGroups': orNone(edit.value.join(',')) };
    case 'topic':
      return edit.value
        ? { 'camunda:type': 'external', 'camunda:topic': edit.value }
        : { 'camunda:type': undefined, 'camunda:topic': undefined };
  }
}
