/**
 * Walking a Form.io component tree: the one place that knows where children live.
 */
import type { FormComponent } from './form-definition.js';

/** Components that hold other components but no value of their own. */
const LAYOUT_TYPES = new Set([
  'panel',
  'columns',
  'column',
  'fieldset',
  'well',
  'table',
  'tabs',
  'tab',
  'htmlelement',
  'content',
]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An input holds a value in the submission: Form.io's own test, minus known layout types. */
export function isInputComponent(component: FormComponent): boolean {
  if (component.input !== undefined) return component.input === true;
  return !LAYOUT_TYPES.has(component.type ?? '');
}

export type ComponentVisitor = (component: FormComponent, path: string) => void;

/**
 * Visit every component, depth first in document order, with its path in the form JSON
 * (`components[1].columns[0].components[2]`). Children live in `components`, in
 * `columns[].components` (columns) and in `rows[][].components` (table).
 * Entries that are not objects are reported to `onJunk` and skipped.
 */
export function walkComponents(
  components: unknown[],
  base: string,
  visit: ComponentVisitor,
  onJunk?: (path: string) => void,
): void {
  components.forEach((child, i) => {
    const path = `${base}[${i}]`;
    if (!isPlainObject(child)) {
      onJunk?.(path);
      return;
    }
    const component = child as FormComponent;
    visit(component, path);
    for (const [list, at] of childLists(component, path)) walkComponents(list, at, visit, onJunk);
  });
}

/**
 * The lists of child components, each with its path: `components`, `columns[].components`
 * (columns) and `rows[][].components` (table).
 */
function childLists(component: FormComponent, path: string): [unknown[], string][] {
  const lists: [unknown[], string][] = [];
  if (Array.isArray(component.components)) lists.push([component.components, `${path}.components`]);
  const columns = component['columns'];
  if (Array.isArray(columns)) {
    columns.forEach((column: unknown, c) => {
      if (isPlainObject(column) && Array.isArray(column['components'])) {
        lists.push([column['components'], `${path}.columns[${c}].components`]);
      }
    });
  }
  const rows = component['rows'];
  if (Array.isArray(rows)) {
    rows.forEach((row: unknown, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell: unknown, c) => {
        if (isPlainObject(cell) && Array.isArray(cell['components'])) {
          lists.push([cell['components'], `${path}.rows[${r}][${c}].components`]);
        }
      });
    });
  }
  return lists;
}

/** Remove, at every depth, the components for which `drop` is true. Mutates the tree. */
export function removeComponents(
  components: unknown[],
  drop: (component: FormComponent) => boolean,
): void {
  const prune = (list: unknown[]) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const child = list[i];
      if (isPlainObject(child) && drop(child as FormComponent)) list.splice(i, 1);
    }
  };
  prune(components);
  walkComponents(components, '', (component) => {
    for (const [list] of childLists(component, '')) prune(list);
  });
}
