/**
 * Server-side validation of a task submission against its Form.io form, with @formio/core in
 * two passes as the Form.io server does it (STACK.md, "Form.io validation on the server"):
 *
 * 1. the "submission" target drops unknown fields, fills server defaults, normalises values
 *    ("12" → 12 in a number input) and evaluates simple conditions;
 * 2. the "evaluator" target applies conditions and JSONLogic, clears the values of hidden
 *    fields and validates what is left.
 *
 * The returned `data` holds only the form's fields; an error's `path` is Form.io's data path
 * (`rejectionReason`, `items[0].amount`, `address.zip`).
 */
import {
  Evaluator,
  type FieldError as FormioFieldError,
  type ProcessContext,
  type ValidationScope,
  processSync,
} from '@formio/core';
import type { FieldError } from '../../http/errors.js';
import { isPlainObject, removeComponents, walkComponents } from './form-components.js';
import {
  type FormDefinition,
  FormDefinitionError,
  checkFormDefinition,
} from './form-definition.js';
import { type GridRowsScope, restoreGridRows } from './form-grid-rows.js';
import { toFieldErrors } from './form-messages.js';
import { EVALUATOR_PROCESSORS, SUBMISSION_PROCESSORS, VALIDATION_RULES } from './form-rules.js';

// No JavaScript from a form, ever. Deployment refuses it (form-javascript.ts); this closes
// @formio/core's own door as well: with `noeval` its Evaluator runs no string as code and
// calls no function from a `{{ }}` template. Process-wide, on purpose: nothing in the engine
// wants Form.io to evaluate code.
Evaluator.noeval = true;

export interface SubmissionResult {
  /** The submitted values of the form's visible fields, normalised; nothing else. */
  data: Record<string, unknown>;
  /** Empty when the submission is valid. */
  errors: FieldError[];
}

type Context = ProcessContext<ValidationScope & GridRowsScope> & {
  submission: { data: Record<string, unknown> };
  config: Record<string, unknown>;
  rules?: unknown;
};

/**
 * Validate `data` (a task submission, straight from the request) against `form`. Bad input
 * never throws: it comes back as errors. Throws FormDefinitionError only when the form itself
 * could not have been deployed (no components, JavaScript, bad keys).
 */
export function validateSubmission(form: FormDefinition, data: unknown): SubmissionResult {
  // @formio/core writes into the components it processes (`scope`, `serverOverride`,
  // `dataSrc`): it gets its own copy of the form, as it gets its own copy of the data.
  const copy = structuredClone(serverForm(form));
  const submission = { data: isPlainObject(data) ? structuredClone(data) : {} };
  const base = {
    form: copy,
    submission,
    components: copy.components as ProcessContext<ValidationScope>['components'],
    config: { server: true },
  };

  const first: Context = {
    ...base,
    data: submission.data,
    processors: SUBMISSION_PROCESSORS,
    scope: { errors: [] },
  };
  processSync(first);
  restoreGridRows(first.data, first.scope);
  submission.data = first.data;

  const second: Context = {
    ...base,
    data: submission.data,
    processors: EVALUATOR_PROCESSORS,
    rules: VALIDATION_RULES,
    scope: { errors: [] },
  };
  processSync(second);

  // A value of the wrong type was removed in pass 1: what pass 2 then says about the field
  // or what was inside it ("is required") is about the removal, not about what was sent.
  const refused = first.scope.errors.map((error) => error.context.path);
  const errors = [
    ...first.scope.errors,
    ...second.scope.errors.filter(
      (error) => !refused.some((path) => within(error.context.path, path)),
    ),
  ];
  return { data: second.data, errors: toFieldErrors(unique(errors)) };
}

/** Checked and prepared forms, by the caller's object; a deployed form does not change. */
const prepared = new WeakMap<FormDefinition, FormDefinition>();

function serverForm(form: FormDefinition): FormDefinition {
  let ready = prepared.get(form);
  if (!ready) {
    const problems = checkFormDefinition(form);
    if (problems.length > 0) throw new FormDefinitionError(problems);
    ready = prepare(form);
    prepared.set(form, ready);
  }
  return ready;
}

/**
 * The form as the server processes it: buttons removed (their values are then dropped as
 * unknown fields) and every field cleared when hidden, whatever `clearOnHide` says — a
 * hidden field is not validated, so its value must not reach the process.
 */
function prepare(form: FormDefinition): FormDefinition {
  const copy = structuredClone(form);
  removeComponents(copy.components, (component) => component.type === 'button');
  walkComponents(copy.components, 'components', (component) => {
    delete component['clearOnHide'];
  });
  return copy;
}

/** Is `path` the field at `parent` or inside it (`items`, `items[0].amount`, `address.zip`)? */
function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/** One error per field and rule. */
function unique(errors: FormioFieldError[]): FormioFieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const id = `${error.context.path}\u0000${error.ruleName}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
