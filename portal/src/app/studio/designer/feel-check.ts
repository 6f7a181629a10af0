import { parseExpression } from 'feelin';

/** What is wrong with a FEEL value, as a translation key and its parameters. */
export interface FeelProblem {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** `=expr` marks a FEEL expression, as in Camunda 8 and the engine's deploy check. */
export function isFeel(value: string): boolean {
  return value.startsWith('=');
}

/**
 * The first syntax problem of a FEEL expression written with its leading `=` (the engine's
 * rule for conditions), or null when it parses. Empty means "no condition" and is fine.
 */
export function conditionProblem(value: string): FeelProblem | null {
  const text = value.trim();
  if (!text) return null;
  if (!isFeel(text)) return { key: 'designer.feel.needsEquals' };
  return feelSyntaxProblem(text.slice(1));
}

/** The first syntax error in a FEEL expression (without its `=`), or null. */
export function feelSyntaxProblem(expression: string): FeelProblem | null {
  if (!expression.trim()) return { key: 'designer.feel.empty' };
  let at: number | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (at === null && node.type.isError) at = node.from + 1;
    },
  });
  return at === null ? null : { key: 'designer.feel.syntax', params: { at } };
}

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** A due date is an ISO 8601 duration (P3D), a date-time, or a FEEL expression. */
export function dueDateProblem(value: string): FeelProblem | null {
  const text = value.trim();
  if (!text) return null;
  if (isFeel(text)) return feelSyntaxProblem(text.slice(1));
  if (DURATION.test(text) || !Number.isNaN(Date.parse(text))) return null;
  return { key: 'designer.feel.dueDate' };
}
