/**
 * What runs over a submission: @formio/core's processors and rules, with the changes Prapa
 * needs where 2.8 falls short on the server.
 *
 * - Values of the wrong JSON type are refused first (form-value-types.ts): Form.io's
 *   normaliser and rules throw or log on them, and drop a non-numeric number silently.
 * - `onlyAvailableItems` skips numbers and booleans (lodash `isEmpty(3)` is true), so radio
 *   "1"/"2" or "true"/"false" never get checked, and it runs only when the form opts in:
 *   our `select` rule checks every static option list, always.
 * - `max` throws "Cannot validate value NaN" (logged to stderr) on every empty number input;
 *   `minSelectedCount` / `maxSelectedCount` throw, uncaught, on a multiple select; `minDate`
 *   and `maxDate` also fail a date that is not a date at all.
 * - `custom` validation is JavaScript: never run, whatever the form says.
 */
import {
  FieldError as FormioFieldError,
  type ProcessContext,
  ProcessTargets,
  type ValidationContext,
  type ValidationRuleInfo,
  rules as formioRules,
} from '@formio/core';
import { isPlainObject } from './form-components.js';
import { countGridRows } from './form-grid-rows.js';
import { valueTypeProcessor } from './form-value-types.js';

type Processors = ProcessContext<unknown>['processors'];

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isPlainObject(value) && Object.keys(value).length === 0)
  );
}

/**
 * Pass 1: the type check, the grid row count, then Form.io's "submission" target — drop
 * unknown fields, fill server defaults, normalise values, evaluate simple conditions. Its
 * server-only rules (unique, resource and URL selects) need a database or the network and
 * are left out.
 */
export const SUBMISSION_PROCESSORS: Processors = [
  valueTypeProcessor,
  countGridRows,
  ...ProcessTargets['submission']!.filter((processor) => processor.name !== 'validateServer'),
];

/** Pass 2 (the "evaluator" target): conditions, logic, clearing hidden values, validation. */
export const EVALUATOR_PROCESSORS: Processors = [...ProcessTargets['evaluator']!];

const optionRule: ValidationRuleInfo = {
  name: 'validateOption',
  shouldProcess: ({ component, value }) =>
    ['select', 'radio', 'selectboxes'].includes(component.type) && !isEmpty(value),
  processSync: (context) => {
    const options = optionValues(context.component as unknown as Record<string, unknown>);
    if (options === undefined || isEmpty(context.value)) return null;
    const value: unknown = context.value;
    const chosen =
      context.component.type === 'selectboxes' && isPlainObject(value)
        ? Object.keys(value)
        : [value];
    return chosen.every((v) => options.has(optionKey(v)))
      ? null
      : new FormioFieldError('select', context, 'select');
  },
};

/** The values a component offers, as comparable strings; undefined when only known at run time. */
function optionValues(component: Record<string, unknown>): Set<string> | undefined {
  let items: unknown;
  let valueProperty: unknown = 'value';
  if (component['type'] === 'radio' || component['type'] === 'selectboxes') {
    items = component['values'];
  } else {
    const data = isPlainObject(component['data']) ? component['data'] : {};
    const source = component['dataSrc'] ?? (data['values'] ? 'values' : undefined);
    if (source === 'values') {
      items = data['values'];
    } else if (source === 'json') {
      items = typeof data['json'] === 'string' ? parseJson(data['json']) : data['json'];
      valueProperty = component['valueProperty'];
    } else {
      return undefined; // url, resource, indexeddb: the options live elsewhere
    }
  }
  if (!Array.isArray(items)) return undefined;
  return new Set(
    items.map((item: unknown) =>
      optionKey(
        typeof valueProperty === 'string' && valueProperty && isPlainObject(item)
          ? item[valueProperty]
          : item,
      ),
    ),
  );
}

/** Normalise turns "1" into 1 and "true" into true, so compare as text (objects as JSON). */
function optionKey(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A Form.io rule, run only on the values it can handle (it throws on the others). */
function onlyFor(rule: ValidationRuleInfo, handles: (context: ValidationContext) => boolean) {
  return {
    ...rule,
    processSync: (context: ValidationContext) =>
      handles(context) ? (rule.processSync?.(context) ?? null) : null,
  };
}

const isNumber = ({ value }: ValidationContext) => typeof value === 'number';
/** The test of Form.io's own `date` rule: past it, min/max would compare an invalid date. */
const isDate = ({ value }: ValidationContext) =>
  typeof value === 'string' && new Date(value).toString() !== 'Invalid Date';
const isCheckboxes = ({ component, value }: ValidationContext) =>
  component.type === 'selectboxes' && isPlainObject(value);

const REPLACED: Record<string, ValidationRuleInfo | null> = {
  validateCustom: null,
  validateAvailableItems: optionRule,
};
const GUARDED: Record<string, (context: ValidationContext) => boolean> = {
  validateMinimumValue: isNumber,
  validateMaximumValue: isNumber,
  validateMinimumDate: isDate,
  validateMaximumDate: isDate,
  validateMinimumSelectedCount: isCheckboxes,
  validateMaximumSelectedCount: isCheckboxes,
};

/** Form.io's client and evaluation rules with Prapa's changes; handed to pass 2 as `rules`. */
export const VALIDATION_RULES: ValidationRuleInfo[] = formioRules.flatMap((rule) => {
  const guard = GUARDED[rule.name];
  if (guard) return [onlyFor(rule, guard)];
  if (rule.name in REPLACED) {
    const replacement = REPLACED[rule.name];
    return replacement ? [replacement] : [];
  }
  return [rule];
});
