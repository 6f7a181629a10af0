import type { FieldProblem, Lang } from '@prapa/ui';

/** A deploy problem with the builder's label for the component it points into. */
export interface FormProblem {
  readonly path: string;
  readonly component: string | null;
  readonly message: string;
}

/**
 * The component a JSON path like `components[2].columns[0].components[1].validate.custom`
 * points into: its label (or key), found by following the path through the form.
 */
export function componentAt(form: unknown, path: string): string | null {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let node: unknown = form;
  let found: string | null = null;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[step];
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const c = node as { label?: unknown; key?: unknown; type?: unknown };
      if (typeof c.type === 'string' && (typeof c.label === 'string' || typeof c.key === 'string'))
        found = typeof c.label === 'string' && c.label ? c.label : String(c.key);
    }
  }
  return found;
}

/** The engine's field problems, each named by the component it is about. */
export function formProblems(
  form: unknown,
  fields: readonly FieldProblem[],
  lang: Lang,
): FormProblem[] {
  return fields.map((f) => ({
    path: f.path,
    component: componentAt(form, f.path),
    message: f.message[lang] ?? f.message.en,
  }));
}
