/**
 * Reading BPMN: XML → moddle tree (with the camunda:* extension) → what Prapa needs to
 * know about each element, and the serialized context bpmn-engine runs from. Parsed
 * once per content hash and cached: parsing costs more than running.
 */
import { createRequire } from 'node:module';
import * as elements from 'bpmn-elements';
import BpmnModdle, { type FromXmlResult, type ModdleElement } from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;

export interface ElementInfo {
  id: string;
  type: string;
  name: string | null;
  /** `camunda:property name="publicStatus"`: what an applicant or reporter sees here. */
  publicStatus: string | null;
}

export interface UserTaskInfo extends ElementInfo {
  formKey: string | null;
  candidateGroups: string | null;
  assignee: string | null;
  dueDate: string | null;
}

export interface CompiledProcess {
  hash: string;
  processId: string;
  processName: string | null;
  /** moddle-context-serializer output: what bpmn-engine executes. */
  sourceContext: unknown;
  elements: Map<string, ElementInfo>;
  userTasks: Map<string, UserTaskInfo>;
  /** message element id → message name */
  messageNames: Map<string, string>;
  /** catching element id → message name (intermediate, boundary, receive task, start) */
  messageCatches: Map<string, string>;
  /** elements that wait on a timer (catch events, boundary events) */
  timerElements: Set<string>;
  /** service task id → its camunda:inputParameter list (literal or FEEL values) */
  serviceInputs: Map<string, { name: string; value: string }[]>;
  /** the moddle parse, for validation */
  moddle: FromXmlResult;
}

export function moddle(): BpmnModdle {
  return new BpmnModdle({ camunda });
}

/** Every flow element of a process, subprocesses included, with its container. */
export function* walkFlowElements(container: ModdleElement): Generator<ModdleElement> {
  for (const el of (container['flowElements'] as ModdleElement[] | undefined) ?? []) {
    yield el;
    if (el['flowElements']) yield* walkFlowElements(el);
  }
}

export function camundaProperty(el: ModdleElement, name: string): string | null {
  const ext = el['extensionElements'] as { values?: ModdleElement[] } | undefined;
  for (const v of ext?.values ?? []) {
    if (v.$type !== 'camunda:Properties') continue;
    for (const p of (v['values'] as ModdleElement[] | undefined) ?? []) {
      if (p['name'] === name) return (p['value'] as string | undefined) ?? null;
    }
  }
  return null;
}

export function processesOf(parsed: FromXmlResult): ModdleElement[] {
  return ((parsed.rootElement['rootElements'] as ModdleElement[] | undefined) ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  );
}

/** Compiles parsed BPMN (assumed valid: see deploy-validation.ts). */
export function compileProcess(hash: string, parsed: FromXmlResult): CompiledProcess {
  const [process] = processesOf(parsed);
  if (!process?.id) throw new Error('no process in the definition');
  const messageNames = new Map<string, string>();
  for (const root of (parsed.rootElement['rootElements'] as ModdleElement[] | undefined) ?? []) {
    if (root.$type === 'bpmn:Message' && root.id)
      messageNames.set(root.id, String(root.name ?? root.id));
  }
  const elementsById = new Map<string, ElementInfo>();
  const userTasks = new Map<string, UserTaskInfo>();
  const messageCatches = new Map<string, string>();
  const serviceInputs = new Map<string, { name: string; value: string }[]>();
  const timerElements = new Set<string>();
  for (const el of walkFlowElements(process)) {
    if (!el.id) continue;
    const info: ElementInfo = {
      id: el.id,
      type: el.$type,
      name: (el.name as string | undefined) ?? null,
      publicStatus: camundaProperty(el, 'publicStatus'),
    };
    elementsById.set(el.id, info);
    if (el.$type === 'bpmn:UserTask') {
      userTasks.set(el.id, {
        ...info,
        formKey: (el['formKey'] as string | undefined) ?? null,
        candidateGroups: (el['candidateGroups'] as string | undefined) ?? null,
        assignee: (el['assignee'] as string | undefined) ?? null,
        dueDate: (el['dueDate'] as string | undefined) ?? null,
      });
    }
    const ref = messageRefOf(el);
    if (ref) messageCatches.set(el.id, messageNames.get(ref) ?? ref);
    const defs = (el['eventDefinitions'] as ModdleElement[] | undefined) ?? [];
    if (defs.some((d) => d.$type === 'bpmn:TimerEventDefinition')) timerElements.add(el.id);
    const inputs = inputParameters(el);
    if (inputs.length) serviceInputs.set(el.id, inputs);
  }
  const sourceContext = Serializer(parsed as never, TypeResolver(elements as never));
  return {
    hash,
    processId: process.id,
    processName: (process.name as string | undefined) ?? null,
    sourceContext,
    elements: elementsById,
    userTasks,
    messageNames,
    messageCatches,
    serviceInputs,
    timerElements,
    moddle: parsed,
  };
}

/** `<camunda:inputOutput><camunda:inputParameter name="x">value</…>` of an element. */
export function inputParameters(el: ModdleElement): { name: string; value: string }[] {
  const ext = el['extensionElements'] as { values?: ModdleElement[] } | undefined;
  const io = ext?.values?.find((v) => v.$type === 'camunda:InputOutput');
  const params = (io?.['inputParameters'] as ModdleElement[] | undefined) ?? [];
  return params.map((p) => ({ name: String(p['name'] ?? ''), value: String(p['value'] ?? '') }));
}

/** The message a catching element waits for, if any. */
export function messageRefOf(el: ModdleElement): string | null {
  if (el.$type === 'bpmn:ReceiveTask')
    return ((el['messageRef'] as ModdleElement | undefined)?.id as string | undefined) ?? null;
  for (const def of (el['eventDefinitions'] as ModdleElement[] | undefined) ?? []) {
    if (def.$type === 'bpmn:MessageEventDefinition') {
      return ((def['messageRef'] as ModdleElement | undefined)?.id as string | undefined) ?? null;
    }
  }
  return null;
}

const cache = new Map<string, Promise<CompiledProcess>>();
const CACHE_LIMIT = 200;

/** Parses and compiles a BPMN source once per hash. */
export function compiled(hash: string, xml: () => Promise<string>): Promise<CompiledProcess> {
  let hit = cache.get(hash);
  if (!hit) {
    hit = xml().then(async (text) => compileProcess(hash, await moddle().fromXML(text)));
    hit.catch(() => cache.delete(hash));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(hash, hit);
  }
  return hit;
}
