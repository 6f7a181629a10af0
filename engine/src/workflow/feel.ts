/**
 * FEEL (the `feelin` package) — the only expression language a diagram may use:
 * conditions (`=approved = true`), due dates, candidate groups and assignees
 * (`=assignedRole`), timer dates (`=payByDate`). No JavaScript from a diagram, ever.
 */
import { evaluate, parseExpression } from 'feelin';

/** `=expr` marks a FEEL expression, as in Camunda 8. */
export function isFeel(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('=');
}

/** The first syntax problem of a FEEL expression (without its `=`), or null. */
export function feelSyntaxError(expression: string): string | null {
  if (!expression.trim()) return 'empty expression';
  const tree = parseExpression(expression, {}, undefined);
  let error: string | null = null;
  tree.iterate({
    enter(node) {
      if (error === null && node.type.isError) error = `syntax error at character ${node.from + 1}`;
    },
  });
  return error;
}

/** Evaluates `=expr` against the variables; other values are returned as they are. */
export function resolveFeel(value: unknown, variables: Record<string, unknown>): unknown {
  if (!isFeel(value)) return value;
  const { value: result } = evaluate((value as string).slice(1), variables) as { value: unknown };
  return toPlain(result);
}

/** FEEL dates and durations as ISO strings; everything else as it is. */
function toPlain(v: unknown): unknown {
  if (
    v &&
    typeof v === 'object' &&
    'toISO' in v &&
    typeof (v as { toISO: unknown }).toISO === 'function'
  ) {
    return (v as { toISO(): string }).toISO();
  }
  if (
    v &&
    typeof v === 'object' &&
    typeof (v as { toString?: unknown }).toString === 'function' &&
    !Array.isArray(v) &&
    Object.getPrototypeOf(v) !== Object.prototype
  ) {
    return String(v);
  }
  return v;
}
