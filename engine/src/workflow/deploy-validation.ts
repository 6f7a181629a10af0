/**
 * A BPMN deploy is validated as a whole and refused with every problem, each named by
 * its element id: unparsable XML, scripts of any kind (no JavaScript from a diagram,
 * ever), user tasks without a known form, service tasks without a known handler,
 * unknown roles, invalid FEEL, invalid timers.
 */
import type { FromXmlResult, ModdleElement } from 'bpmn-moddle';
import { STAFF_ROLES, RESIDENT_ROLE } from '../domain/index.js';
import type { FieldError } from '../http/errors.js';
import { messageRefOf, moddle, processesOf, walkFlowElements } from './bpmn-source.js';
import { feelSyntaxError, isFeel } from './feel.js';
import type { HandlerRegistry } from './handlers.js';

export interface ValidationContext {
  /** The key the deploy is for: the process id must equal it. */
  key?: string;
  formExists(formKey: string): boolean;
  handlers: HandlerRegistry;
}

const ROLES = new Set<string>([...STAFF_ROLES, RESIDENT_ROLE]);
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const CYCLE = /^R\d*\/(P.+|.+\/P.+|P.+\/.+)$/;

function problem(path: string, code: string, th: string, en: string): FieldError {
  return { path, code, message: { th, en } };
}

export async function parseAndValidate(
  xml: string,
  ctx: ValidationContext,
): Promise<{ parsed?: FromXmlResult; problems: FieldError[] }> {
  let parsed: FromXmlResult;
  try {
    parsed = await moddle().fromXML(xml);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      problems: [
        problem(
          'definitions',
          'unparsable',
          `อ่าน BPMN XML ไม่ได้: ${why}`,
          `The BPMN XML cannot be parsed: ${why}`,
        ),
      ],
    };
  }
  return { parsed, problems: validateParsed(parsed, ctx) };
}

export function validateParsed(parsed: FromXmlResult, ctx: ValidationContext): FieldError[] {
  const problems: FieldError[] = [];
  for (const w of parsed.warnings) {
    const id = w.element?.id ?? 'definitions';
    problems.push(
      problem(id, 'invalid_bpmn', `BPMN ไม่ถูกต้อง: ${w.message}`, `Invalid BPMN: ${w.message}`),
    );
  }
  const processes = processesOf(parsed);
  if (processes.length !== 1) {
    problems.push(
      problem(
        'definitions',
        'one_process',
        'ไฟล์ต้องมีกระบวนการ (process) เพียงหนึ่งเดียว',
        'The file must hold exactly one process.',
      ),
    );
  }
  const process = processes[0];
  if (!process) return problems;
  if (ctx.key && process.id !== ctx.key) {
    problems.push(
      problem(
        process.id ?? 'process',
        'key_mismatch',
        `รหัสกระบวนการต้องเป็น "${ctx.key}" (พบ "${process.id}")`,
        `The process id must be "${ctx.key}" (found "${process.id}").`,
      ),
    );
  }
  if (process['isExecutable'] !== true) {
    problems.push(
      problem(
        process.id ?? 'process',
        'not_executable',
        'กระบวนการต้องตั้งค่า isExecutable="true"',
        'The process must be isExecutable="true".',
      ),
    );
  }
  for (const el of [process, ...walkFlowElements(process)]) problems.push(...checkElement(el, ctx));
  return problems;
}

function checkElement(el: ModdleElement, ctx: ValidationContext): FieldError[] {
  const id = el.id ?? el.$type;
  const out: FieldError[] = [];
  const t = el.$type;

  if (t === 'bpmn:ScriptTask') {
    out.push(
      problem(
        id,
        'script_task',
        'ไม่อนุญาตให้ใช้ Script Task (ห้ามรันโค้ด JavaScript จากแผนภาพ)',
        'Script tasks are not allowed: a diagram never runs JavaScript.',
      ),
    );
  }
  for (const ext of (el['extensionElements'] as { values?: ModdleElement[] } | undefined)?.values ??
    []) {
    if (ext.$type === 'camunda:InputOutput') {
      out.push(...checkInputOutput(id, ext));
      continue;
    }
    if (ext.$type !== 'camunda:Properties') {
      out.push(
        problem(
          id,
          'unsupported_extension',
          `ไม่รองรับส่วนขยาย ${ext.$type} (เช่น listener หรือ script)`,
          `The extension ${ext.$type} is not supported (listeners and scripts are not allowed).`,
        ),
      );
    }
  }

  const cond = el['conditionExpression'] as ModdleElement | undefined;
  if (cond) out.push(...checkCondition(id, cond));

  if (t === 'bpmn:UserTask') out.push(...checkUserTask(id, el, ctx));
  if (t === 'bpmn:ServiceTask' || t === 'bpmn:SendTask' || t === 'bpmn:BusinessRuleTask')
    out.push(...checkServiceTask(id, el, ctx));

  for (const def of (el['eventDefinitions'] as ModdleElement[] | undefined) ?? []) {
    if (def.$type === 'bpmn:TimerEventDefinition') out.push(...checkTimer(id, def));
    if (def.$type === 'bpmn:ConditionalEventDefinition') {
      const c = def['condition'] as ModdleElement | undefined;
      if (c) out.push(...checkCondition(id, c));
    }
  }
  if (
    messageRefOf(el) === null &&
    (el.$type === 'bpmn:ReceiveTask' ||
      ((el['eventDefinitions'] as ModdleElement[] | undefined) ?? []).some(
        (d) => d.$type === 'bpmn:MessageEventDefinition',
      ))
  ) {
    if (!(
      el.$type === 'bpmn:StartEvent' ||
      el.$type === 'bpmn:EndEvent' ||
      el.$type === 'bpmn:IntermediateThrowEvent'
    )) {
      out.push(
        problem(
          id,
          'missing_message',
          'เหตุการณ์รอข้อความต้องระบุข้อความ (messageRef)',
          'A message catch must name its message (messageRef).',
        ),
      );
    }
  }
  return out;
}

/** Input parameters are literal text or FEEL; scripts, lists, maps and outputs are refused. */
function checkInputOutput(id: string, io: ModdleElement): FieldError[] {
  const out: FieldError[] = [];
  if (((io['outputParameters'] as unknown[] | undefined) ?? []).length) {
    out.push(
      problem(
        id,
        'unsupported_extension',
        'ไม่รองรับ camunda:outputParameter: ตัวจัดการงานบริการคืนค่าตัวแปรเอง',
        'camunda:outputParameter is not supported: handlers return their variables.',
      ),
    );
  }
  for (const p of (io['inputParameters'] as ModdleElement[] | undefined) ?? []) {
    if (p['definition']) {
      out.push(
        problem(
          id,
          'script_parameter',
          `พารามิเตอร์ "${String(p['name'])}" ต้องเป็นข้อความหรือนิพจน์ FEEL (ไม่อนุญาต script/list/map)`,
          `Parameter "${String(p['name'])}" must be text or FEEL (no script, list or map).`,
        ),
      );
      continue;
    }
    const value = String(p['value'] ?? '');
    if (isFeel(value)) out.push(...feelProblem(id, value));
  }
  return out;
}

function checkCondition(id: string, cond: ModdleElement): FieldError[] {
  const body = String(cond['body'] ?? '').trim();
  if (cond['language'] || cond.$type !== 'bpmn:FormalExpression') {
    return [
      problem(
        id,
        'script_condition',
        'เงื่อนไขแบบสคริปต์ไม่อนุญาต ใช้นิพจน์ FEEL เช่น =approved = true',
        'Script conditions are not allowed: use a FEEL expression such as =approved = true.',
      ),
    ];
  }
  if (!isFeel(body)) {
    return [
      problem(
        id,
        'not_feel',
        `เงื่อนไขต้องเป็นนิพจน์ FEEL ที่ขึ้นต้นด้วย "=" (พบ "${body}")`,
        `A condition must be a FEEL expression starting with "=" (found "${body}").`,
      ),
    ];
  }
  return feelProblem(id, body);
}

function feelProblem(id: string, expression: string): FieldError[] {
  const error = feelSyntaxError(expression.slice(1));
  return error
    ? [
        problem(
          id,
          'invalid_feel',
          `นิพจน์ FEEL "${expression}" ไม่ถูกต้อง: ${error}`,
          `The FEEL expression "${expression}" is invalid: ${error}.`,
        ),
      ]
    : [];
}

function checkUserTask(id: string, el: ModdleElement, ctx: ValidationContext): FieldError[] {
  const out: FieldError[] = [];
  const formKey = el['formKey'] as string | undefined;
  if (!formKey)
    out.push(
      problem(
        id,
        'missing_form',
        'งานของผู้ใช้ต้องมีแบบฟอร์ม (camunda:formKey)',
        'A user task needs a form (camunda:formKey).',
      ),
    );
  else if (!ctx.formExists(formKey))
    out.push(
      problem(id, 'unknown_form', `ไม่พบแบบฟอร์ม "${formKey}"`, `There is no form "${formKey}".`),
    );
  const groups = el['candidateGroups'] as string | undefined;
  const assignee = el['assignee'] as string | undefined;
  if (!groups && !assignee) {
    out.push(
      problem(
        id,
        'no_performer',
        'งานของผู้ใช้ต้องระบุกลุ่มผู้รับผิดชอบ (candidateGroups) หรือผู้รับงาน (assignee)',
        'A user task needs candidate groups or an assignee.',
      ),
    );
  }
  if (groups) {
    if (isFeel(groups)) out.push(...feelProblem(id, groups));
    else {
      for (const role of groups
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)) {
        if (!ROLES.has(role))
          out.push(problem(id, 'unknown_role', `ไม่รู้จักบทบาท "${role}"`, `Unknown role "${role}".`));
      }
    }
  }
  if (assignee && isFeel(assignee)) out.push(...feelProblem(id, assignee));
  const due = el['dueDate'] as string | undefined;
  if (due) {
    if (isFeel(due)) out.push(...feelProblem(id, due));
    else if (!DURATION.test(due) && Number.isNaN(Date.parse(due))) {
      out.push(
        problem(
          id,
          'invalid_due_date',
          `กำหนดเสร็จ "${due}" ต้องเป็นช่วงเวลา ISO 8601 (เช่น P3D) หรือนิพจน์ FEEL`,
          `The due date "${due}" must be an ISO 8601 duration (e.g. P3D) or a FEEL expression.`,
        ),
      );
    }
  }
  return out;
}

function checkServiceTask(id: string, el: ModdleElement, ctx: ValidationContext): FieldError[] {
  for (const attr of ['implementation', 'class', 'expression', 'delegateExpression']) {
    const v = el[attr];
    if (typeof v === 'string' && v && !(attr === 'implementation' && v === '##WebService')) {
      return [
        problem(
          id,
          'unsupported_implementation',
          `ไม่รองรับ ${attr}: ให้ใช้ camunda:type="external" camunda:topic="…"`,
          `${attr} is not supported: use camunda:type="external" camunda:topic="…".`,
        ),
      ];
    }
  }
  const topic = el['topic'] as string | undefined;
  if (el['type'] !== 'external' || !topic) {
    return [
      problem(
        id,
        'missing_handler',
        'งานบริการต้องระบุ camunda:type="external" และ camunda:topic',
        'A service task needs camunda:type="external" and camunda:topic.',
      ),
    ];
  }
  if (!ctx.handlers.has(topic))
    return [
      problem(
        id,
        'unknown_handler',
        `ไม่มีตัวจัดการงานบริการ "${topic}"`,
        `There is no service-task handler "${topic}".`,
      ),
    ];
  return [];
}

function checkTimer(id: string, def: ModdleElement): FieldError[] {
  const out: FieldError[] = [];
  for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const expr = def[kind] as ModdleElement | undefined;
    if (!expr) continue;
    const body = String(expr['body'] ?? '').trim();
    if (isFeel(body)) {
      out.push(...feelProblem(id, body));
      continue;
    }
    const ok =
      kind === 'timeDuration'
        ? DURATION.test(body)
        : kind === 'timeCycle'
          ? CYCLE.test(body)
          : !Number.isNaN(Date.parse(body));
    if (!ok)
      out.push(
        problem(
          id,
          'invalid_timer',
          `ค่าเวลา ${kind} "${body}" ไม่ถูกต้อง`,
          `The timer ${kind} "${body}" is not valid ISO 8601.`,
        ),
      );
  }
  return out;
}
