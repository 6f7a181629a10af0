/**
 * Grid rows as the user sent them. Form.io's filter keeps a data grid row only if it kept a
 * value in it: `[{}, { amount: 1 }]` comes out as `[, { amount: 1 }]` and a trailing empty
 * row disappears, so pass 2 never checks those rows' required fields. We count the rows on
 * the way in and put each lost one back as `{}` between the passes.
 */
import type { ProcessorInfo, ValidationContext } from '@formio/core';
import { isPlainObject } from './form-components.js';

const GRIDS = new Set(['datagrid', 'editgrid']);

export interface GridRowsScope {
  gridRows?: { path: string; count: number }[];
}

/** Pass 1, before the filter: how many rows each grid was sent with. */
export const countGridRows: ProcessorInfo<ValidationContext, void> = {
  name: 'prapaCountGridRows',
  shouldProcess: () => true,
  processSync: ({ component, value, path, scope }) => {
    if (!GRIDS.has(component.type) || !Array.isArray(value)) return;
    const rows = ((scope as GridRowsScope).gridRows ??= []);
    rows.push({ path, count: value.length });
  },
};

/** After pass 1: every counted row that is no longer an object becomes `{}`, outer grids first. */
export function restoreGridRows(data: Record<string, unknown>, scope: GridRowsScope): void {
  for (const { path, count } of scope.gridRows ?? []) {
    const rows = valueAt(data, path);
    if (!Array.isArray(rows)) continue;
    for (let i = 0; i < count; i++) {
      if (!isPlainObject(rows[i])) rows[i] = {};
    }
  }
}

/** The value at a Form.io data path: `items`, `items[0].parts`, `address.lines`. */
function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const segment of path.split(/[.[\]]+/).filter(Boolean)) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (isPlainObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}
