/**
 * No JavaScript from a form, ever — the same rule as for BPMN scripts. Form.io runs code from a
 * form in more places than its builder shows, on the server as well as in the browser:
 *
 * - the script properties: `custom`, `customConditional`, `calculateValue`, `customDefaultValue`,
 *   `validate.custom`, `validate.json` as a string, `data.custom`, `logic[].trigger.javascript`,
 *   `logic[].actions[].customAction`, a `value` action's script, `schemaDefinition`, a
 *   `property` action that writes one of these, `serverOverride` (assigned over the
 *   component on the server), the form's `module`;
 * - date limits (`widget.minDate`, `datePicker.maxDate`, the day component's `minDate`…):
 *   @formio/core runs any limit that is not a date as `return <limit>;`;
 * - templates: `{{ expression }}` is JavaScript in the renderer (only `{{ data.path }}` is
 *   not), `{% … %}` always is;
 * - HTML: `<script>`, `on…=` handlers and `javascript:` links, event attributes
 *   (`attributes.onclick`, an HTML element's `attrs`), `disableFunction` of a date picker;
 * - JSONLogic: @formio/core adds lodash as `_name` operations, and `_invoke` with
 *   `_invokeMap` builds and calls a Function — so only the plain JSONLogic operations pass.
 */
import type { FieldError } from '../../http/errors.js';
import { isPlainObject, walkComponents } from './form-components.js';
import type { FormComponent } from './form-definition.js';

/** Properties that hold JavaScript source when they hold a non-empty string. */
const SCRIPT_PROPERTIES = [
  'custom',
  'customConditional',
  'calculateValue',
  'customDefaultValue',
  'validate.custom',
  'validate.json',
  'conditional.json',
  'data.custom',
  'datePicker.disableFunction',
  'widget.disableFunction',
];

/** Properties that hold JSONLogic when they hold an object. */
const JSONLOGIC_PROPERTIES = [
  'customConditional',
  'calculateValue',
  'customDefaultValue',
  'validate.json',
  'conditional.json',
];

const DATE_LIMITS = [
  'minDate',
  'maxDate',
  'widget.minDate',
  'widget.maxDate',
  'datePicker.minDate',
  'datePicker.maxDate',
];
/** A date or date-time literal; anything else in a date limit is evaluated as code. */
const DATE_LITERAL =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The operations of json-logic-js, without `log`, plus Form.io's date helpers. */
const JSONLOGIC_OPERATIONS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'in',
  'cat',
  'substr',
  'merge',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'getDate',
  'relativeMinDate',
  'relativeMaxDate',
]);
const UNSAFE_SEGMENT = /(?:^|\.)(?:__proto__|constructor|prototype)(?:\.|$)/;

const TEMPLATE = /{{([\s\S]*?)}}/g;
const DATA_PATH = /^\s*[A-Za-z_$][\w$]*(?:\.[\w$]+|\[\d+\])*\s*$/;
const HTML_SCRIPT = [/<\s*script/i, /<[^>]*\son[a-z]+\s*=/i, /javascript\s*:/i, /{%[\s\S]*?%}/];
/** A logic `property` action that sets one of these would put a script into the component. */
const WRITES_SCRIPT = new Set([
  ...SCRIPT_PROPERTIES,
  ...JSONLOGIC_PROPERTIES,
  ...DATE_LIMITS,
  'logic',
  'serverOverride',
]);

/** Child component lists, walked on their own so each problem is reported once. */
const CHILDREN = new Set(['components', 'columns', 'rows']);

/** Every place the form carries JavaScript, each with its path in the form JSON. */
export function findFormJavaScript(form: Record<string, unknown>): FieldError[] {
  const found = new Map<string, FieldError>();
  const add = (errors: FieldError[]) => {
    for (const error of errors) if (!found.has(error.path)) found.set(error.path, error);
  };
  if (typeof form['module'] === 'string' && form['module'].trim() !== '') {
    add([scriptProblem('module', 'module')]);
  }
  if (Array.isArray(form['components'])) {
    walkComponents(form['components'], 'components', (component, path) => {
      add(componentJavaScript(component, path));
    });
  }
  return [...found.values()];
}

function componentJavaScript(component: FormComponent, path: string): FieldError[] {
  const errors = [
    ...scriptProperties(component, path),
    ...logicRules(component, path),
    ...dateLimits(component, path),
    ...eventAttributes(component, path),
  ];
  scanStrings(component, path, (at) => errors.push(scriptProblem(at, at.slice(path.length + 1))));
  // @formio/core assigns `serverOverride` over the component on the server: check it as one.
  const override = component['serverOverride'];
  if (isPlainObject(override)) {
    const base = `${path}.serverOverride`;
    errors.push(...componentJavaScript(override as FormComponent, base));
    if (Array.isArray(override['components'])) {
      walkComponents(override['components'], `${base}.components`, (child, at) => {
        errors.push(...componentJavaScript(child, at));
      });
    }
  }
  return errors;
}

function scriptProperties(component: FormComponent, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const property of SCRIPT_PROPERTIES) {
    const value = read(component, property);
    if (typeof value === 'string' && value.trim() !== '') {
      errors.push(scriptProblem(`${path}.${property}`, property));
    }
  }
  for (const property of JSONLOGIC_PROPERTIES) {
    const value = read(component, property);
    if (isPlainObject(value) || Array.isArray(value)) {
      errors.push(...checkJsonLogic(value, `${path}.${property}`, property));
    }
  }
  return errors;
}

/** Advanced logic: script triggers, script actions, and property actions that write a script. */
function logicRules(component: FormComponent, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const logic = component['logic'];
  if (!Array.isArray(logic)) return errors;
  logic.forEach((rule: unknown, i) => {
    if (!isPlainObject(rule)) return;
    const at = `${path}.logic[${i}]`;
    const trigger = rule['trigger'];
    if (isPlainObject(trigger)) {
      const script = trigger['javascript'];
      if (trigger['type'] === 'javascript' || (typeof script === 'string' && script.trim())) {
        errors.push(scriptProblem(`${at}.trigger.javascript`, 'logic.trigger.javascript'));
      }
      if (isPlainObject(trigger['json']) || Array.isArray(trigger['json'])) {
        errors.push(...checkJsonLogic(trigger['json'], `${at}.trigger.json`, 'logic.trigger.json'));
      }
    }
    if (!Array.isArray(rule['actions'])) return;
    rule['actions'].forEach((action: unknown, j) => {
      if (!isPlainObject(action)) return;
      const actionPath = `${at}.actions[${j}]`;
      for (const property of ['customAction', 'value', 'schemaDefinition']) {
        const script = action[property];
        if (typeof script === 'string' && script.trim()) {
          errors.push(scriptProblem(`${actionPath}.${property}`, `logic.actions.${property}`));
        }
      }
      const target = read(action as FormComponent, 'property.value');
      if (typeof target === 'string' && WRITES_SCRIPT.has(target)) {
        errors.push(scriptProblem(`${actionPath}.property`, target));
      }
    });
  });
  return errors;
}

/** `attributes: { onclick }` on an input, `attrs: [{ attr: 'onload' }]` on an HTML element. */
function eventAttributes(component: FormComponent, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const attributes = component['attributes'];
  if (isPlainObject(attributes)) {
    for (const name of Object.keys(attributes)) {
      if (/^\s*on/i.test(name)) {
        errors.push(scriptProblem(`${path}.attributes.${name}`, `attributes.${name}`));
      }
    }
  }
  const attrs = component['attrs'];
  if (Array.isArray(attrs)) {
    attrs.forEach((attr: unknown, i) => {
      if (isPlainObject(attr) && typeof attr['attr'] === 'string' && /^\s*on/i.test(attr['attr'])) {
        errors.push(scriptProblem(`${path}.attrs[${i}]`, `attrs[${i}]`));
      }
    });
  }
  return errors;
}

function dateLimits(component: FormComponent, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const property of DATE_LIMITS) {
    const value = read(component, property);
    if (typeof value === 'string' && value.trim() !== '' && !DATE_LITERAL.test(value.trim())) {
      errors.push(scriptProblem(`${path}.${property}`, property));
    }
  }
  return errors;
}

/** Templates and HTML anywhere in the component's own properties (not in its children). */
function scanStrings(
  value: unknown,
  path: string,
  report: (path: string) => void,
  top = true,
): void {
  if (typeof value === 'string') {
    if (stringHasJavaScript(value)) report(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => scanStrings(item, `${path}[${i}]`, report, false));
  } else if (isPlainObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (top && CHILDREN.has(name)) continue;
      scanStrings(child, `${path}.${name}`, report, false);
    }
  }
}

function stringHasJavaScript(text: string): boolean {
  if (HTML_SCRIPT.some((pattern) => pattern.test(text))) return true;
  for (const match of text.matchAll(TEMPLATE)) {
    if (!DATA_PATH.test(match[1] ?? '')) return true;
  }
  return false;
}

function checkJsonLogic(logic: unknown, path: string, property: string): FieldError[] {
  const refused = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    // json-logic-js treats only a one-key object as an operation; others are literal data.
    if (!isPlainObject(node) || Object.keys(node).length !== 1) return;
    const [operation, args] = Object.entries(node)[0] as [string, unknown];
    if (!JSONLOGIC_OPERATIONS.has(operation)) {
      refused.add(operation);
      return;
    }
    if (operation === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === 'string' && UNSAFE_SEGMENT.test(name)) refused.add(`var ${name}`);
    }
    visit(args);
  };
  visit(logic);
  return [...refused].map((operation) =>
    problem(path, {
      th: `แบบฟอร์มใช้คำสั่ง JSONLogic "${operation}" (${property}) ซึ่งไม่อนุญาต`,
      en: `The form uses the JSONLogic operation "${operation}" (${property}), which is not allowed.`,
    }),
  );
}

function scriptProblem(path: string, property: string): FieldError {
  return problem(path, {
    th: `แบบฟอร์มมีโค้ด JavaScript (${property}) ซึ่งไม่อนุญาต`,
    en: `The form contains JavaScript (${property}), which is not allowed.`,
  });
}

function problem(path: string, message: FieldError['message']): FieldError {
  return { path, code: 'javascript', message };
}

function read(component: FormComponent, property: string): unknown {
  let value: unknown = component;
  for (const name of property.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[name];
  }
  return value;
}
