/**
 * The JSON type each component's value must have, checked before @formio/core sees it.
 *
 * Form.io's server code assumes the renderer sent the data: given `[1]` for a day field it
 * throws (`value.split is not a function`), given a number for a date it logs an error and
 * moves on, and a non-numeric number vanishes in normalisation. Here a value of the wrong
 * type becomes an error on its field and is removed, so Form.io only ever sees values of the
 * right type. Only a broken or forged client sends one, so it is refused even in a field that
 * turns out to be hidden.
 */
import {
  FieldError as FormioFieldError,
  type ProcessorInfo,
  type ValidationContext,
} from '@formio/core';
import { isPlainObject } from './form-components.js';

type Check = (value: unknown) => boolean;

interface ValueType {
  /** Is one value (one element, for a `multiple` component) of the right type? */
  check: Check;
  /** Form.io's message key and rule name for the error. */
  key: string;
  rule: string;
}

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) =>
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'string' && (v === '' || NUMERIC.test(v)));
const isScalar: Check = (v) => ['string', 'number', 'boolean'].includes(typeof v);
const isChoice: Check = (v) => isScalar(v) || isPlainObject(v);
const isFlags: Check = (v) =>
  isPlainObject(v) && Object.values(v).every((f) => typeof f === 'boolean');
const isRows: Check = (v) => Array.isArray(v) && v.every((row) => isPlainObject(row));
const isStrings: Check = (v) => isString(v) || (Array.isArray(v) && v.every(isString));

/** A value of the wrong type where Form.io has no rule of its own: `type`. */
const typed = (check: Check = isString): ValueType => ({ check, key: 'invalidType', rule: 'type' });

export const VALUE_TYPES: Readonly<Record<string, ValueType>> = {
  textfield: typed(),
  textarea: typed(),
  password: typed(),
  phoneNumber: typed(),
  signature: typed(),
  tags: typed(isStrings),
  checkbox: typed((v) => typeof v === 'boolean'),
  container: typed(isPlainObject),
  datagrid: typed(isRows),
  editgrid: typed(isRows),
  email: { check: isString, key: 'invalid_email', rule: 'email' },
  url: { check: isString, key: 'invalid_url', rule: 'url' },
  number: { check: isNumber, key: 'number', rule: 'number' },
  currency: { check: isNumber, key: 'number', rule: 'number' },
  datetime: { check: isString, key: 'invalidDate', rule: 'date' },
  day: { check: isString, key: 'invalidDay', rule: 'day' },
  time: { check: isString, key: 'time', rule: 'time' },
  select: { check: isChoice, key: 'select', rule: 'select' },
  radio: { check: isScalar, key: 'select', rule: 'select' },
  selectboxes: { check: isFlags, key: 'select', rule: 'select' },
};

/** Components whose own value is a list or a map, so `multiple` does not make it a list. */
const NOT_MULTIPLE = new Set(['tags', 'datagrid', 'editgrid', 'container', 'selectboxes']);

export function hasValueOfType(
  component: { type?: string; multiple?: unknown; inputType?: unknown },
  value: unknown,
): boolean {
  const type = VALUE_TYPES[component.type ?? ''];
  if (!type || value === undefined || value === null) return true;
  // A checkbox shown as a radio button stores its option's value, a string.
  if (component.type === 'checkbox' && component.inputType === 'radio') return isString(value);
  if (component.multiple && Array.isArray(value) && !NOT_MULTIPLE.has(component.type ?? '')) {
    return value.every((item) => item === null || type.check(item));
  }
  return type.check(value);
}

/** First in pass 1: a value of the wrong type becomes an error and leaves the data. */
export const valueTypeProcessor: ProcessorInfo<ValidationContext, void> = {
  name: 'prapaValueType',
  shouldProcess: () => true,
  processSync: (context) => {
    const { component, value } = context;
    if (hasValueOfType(component, value)) return;
    const type = VALUE_TYPES[component.type]!;
    context.scope.errors.push(new FormioFieldError(type.key, context, type.rule));
    context.value = undefined;
  },
};
