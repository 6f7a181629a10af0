import type { InstanceView, TimelineEntry } from './instances.types';

/** What the diagram marks: where the instance is, what it has passed, what failed. */
export interface DiagramMarks {
  readonly current: readonly string[];
  readonly done: readonly string[];
  /** Elements that were entered (to mark the sequence flows taken between them). */
  readonly entered: readonly string[];
  readonly failed: readonly string[];
}

/** The marks for an instance, from its current activities, incident and timeline. */
export function diagramMarks(i: InstanceView): DiagramMarks {
  const current = i.currentActivities.map((a) => a.elementId);
  const failed = i.incident ? [i.incident.elementId] : [];
  const ended = new Set<string>();
  const entered = new Set<string>();
  for (const e of i.timeline) {
    if (!e.elementId) continue;
    entered.add(e.elementId);
    if (e.event === 'ended') ended.add(e.elementId);
  }
  const open = new Set([...current, ...failed]);
  return {
    current: current.filter((id) => !failed.includes(id)),
    done: [...ended].filter((id) => !open.has(id)),
    entered: [...entered],
    failed,
  };
}

/** Events a reader of the timeline cares about (entering a step, or a gateway, is noise). */
export function visibleTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const completedTasks = new Set(
    entries.filter((e) => e.event === 'task.completed').map((e) => `${e.elementId}`),
  );
  return entries.filter((e) => {
    if (e.event === 'started') return false;
    if (e.event === 'ended') {
      if (e.elementType?.endsWith('Gateway')) return false;
      if (completedTasks.has(`${e.elementId}`)) return false; // the form's submission says it
    }
    return true;
  });
}

/** A variable's value as one line of text. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A submitted data object as [key, value] rows (anything else as one row). */
export function dataRows(data: unknown): [string, string][] {
  if (data && typeof data === 'object' && !Array.isArray(data))
    return Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, showValue(v)]);
  return data === null || data === undefined ? [] : [['', showValue(data)]];
}

/** One row of the overview: a process version and its instances by status. */
export interface CountRow {
  readonly processKey: string;
  readonly version: number;
  readonly byStatus: Readonly<Record<string, number>>;
}

/** The counts as one row per process version, processes in order, newest version first. */
export function countRows(
  counts: readonly { processKey: string; version: number; status: string; count: number }[],
): CountRow[] {
  const rows = new Map<
    string,
    { processKey: string; version: number; byStatus: Record<string, number> }
  >();
  for (const c of counts) {
    const id = `${c.processKey}@${c.version}`;
    const row = rows.get(id) ?? { processKey: c.processKey, version: c.version, byStatus: {} };
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + c.count;
    rows.set(id, row);
  }
  return [...rows.values()].sort(
    (a, b) => a.processKey.localeCompare(b.processKey) || b.version - a.version,
  );
}
