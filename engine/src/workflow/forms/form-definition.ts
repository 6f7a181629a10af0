/**
 * A Form.io form as Prapa deploys it: every human step of a BPMN process is one of these.
 * `checkFormDefinition` is the deploy-time gate (keys, patterns, no JavaScript); the
 * submission side lives in form-submission.ts.
 */
import type { FieldError, Message } from '../../http/errors.js';
import { isInputComponent, isPlainObject, walkComponents } from './form-components.js';
import { findFormJavaScript } from './form-javascript.js';

/** One Form.io component, loosely typed: the builder writes many more properties than we read. */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  input?: boolean;
  components?: FormComponent[];
  [k: string]: unknown;
}

export interface FormDefinition {
  title?: string;
  name?: string;
  display?: string;
  components: FormComponent[];
  [k: string]: unknown;
}

/** A form that should never have been deployed reached the engine. Unexpected: a 500. */
export class FormDefinitionError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(`The form definition is broken: ${errors.map((e) => e.message.en).join(' ')}`);
    this.name = 'FormDefinitionError';
    this.errors = errors;
  }
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Everything wrong with a form, for the deploy step: an empty list means it may be deployed.
 * Each error's `path` points into the form JSON (`components[3].validate.custom`).
 */
export function checkFormDefinition(form: unknown): FieldError[] {
  if (!isPlainObject(form)) {
    return [problem('', 'form_not_object', FORM_SHAPE)];
  }
  if (!Array.isArray(form['components'])) {
    return [problem('components', 'form_no_components', FORM_SHAPE)];
  }
  const errors: FieldError[] = [...findFormJavaScript(form)];
  const keys = new Map<string, string>();
  walkComponents(
    form['components'],
    'components',
    (component, path) => {
      errors.push(...checkKey(component, path, keys));
      errors.push(...checkPattern(component, path));
    },
    (path) =>
      errors.push(
        problem(path, 'component_not_object', {
          th: 'รายการในแบบฟอร์มต้องเป็นออบเจกต์ของช่องกรอกข้อมูล',
          en: 'A form component must be an object.',
        }),
      ),
  );
  return errors.sort((a, b) => comparePaths(a.path, b.path));
}

/** The keys of the form's inputs in document order, nested ones included, buttons left out. */
export function formFieldKeys(form: FormDefinition): string[] {
  const keys: string[] = [];
  walkComponents(form.components, 'components', (component) => {
    if (isInputComponent(component) && component.type !== 'button' && component.key) {
      keys.push(component.key);
    }
  });
  return keys;
}

const FORM_SHAPE: Message = {
  th: 'แบบฟอร์มต้องเป็นออบเจกต์ JSON ที่มีรายการ components',
  en: 'A form must be a JSON object with a components array.',
};

function checkKey(component: FormComponent, path: string, seen: Map<string, string>): FieldError[] {
  if (!isInputComponent(component)) return [];
  const key = component.key;
  const what = describe(component);
  if (typeof key !== 'string' || key === '') {
    return [
      problem(`${path}.key`, 'key_missing', {
        th: `ช่อง ${what} ไม่มีคีย์ (key)`,
        en: `The input ${what} has no key.`,
      }),
    ];
  }
  if (!KEY.test(key)) {
    return [
      problem(`${path}.key`, 'key_invalid', {
        th: `คีย์ "${key}" ไม่ถูกต้อง ต้องขึ้นต้นด้วยตัวอักษรภาษาอังกฤษหรือ _ และมีได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และ _`,
        en: `The key "${key}" is not valid: it must start with a letter or _ and hold only letters, digits and _.`,
      }),
    ];
  }
  if (RESERVED_KEYS.has(key)) {
    return [
      problem(`${path}.key`, 'key_reserved', {
        th: `ใช้ "${key}" เป็นคีย์ไม่ได้`,
        en: `"${key}" cannot be used as a key.`,
      }),
    ];
  }
  const first = seen.get(key);
  if (first !== undefined) {
    return [
      problem(`${path}.key`, 'key_duplicate', {
        th: `คีย์ "${key}" ซ้ำกับช่องอื่นในแบบฟอร์ม (${first})`,
        en: `The key "${key}" is already used by another field (${first}).`,
      }),
    ];
  }
  seen.set(key, path);
  return [];
}

/** Form.io tests values against `^pattern$`: one that does not compile fails every submission. */
function checkPattern(component: FormComponent, path: string): FieldError[] {
  const validate = component['validate'];
  if (!isPlainObject(validate) || validate['pattern'] === undefined || validate['pattern'] === '') {
    return [];
  }
  const pattern = validate['pattern'];
  try {
    if (typeof pattern !== 'string') throw new TypeError('not a string');
    new RegExp(`^${pattern}$`);
    return [];
  } catch {
    return [
      problem(`${path}.validate.pattern`, 'pattern_invalid', {
        th: `รูปแบบ (pattern) ของช่อง ${describe(component)} ไม่ใช่นิพจน์ปกติ (regular expression) ที่ใช้ได้`,
        en: `The pattern of ${describe(component)} is not a valid regular expression.`,
      }),
    ];
  }
}

/** `textfield "ชื่อผู้ขอ"`, or just the type when the component has neither label nor key. */
function describe(component: FormComponent): string {
  const type = typeof component.type === 'string' && component.type ? component.type : 'component';
  const name = [component.label, component.key].find((s) => typeof s === 'string' && s !== '');
  return name === undefined ? type : `${type} "${name}"`;
}

function problem(path: string, code: string, message: Message): FieldError {
  return { path, code, message };
}

/** Document order: `components[2]` before `components[10]`. */
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
