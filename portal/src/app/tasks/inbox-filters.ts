import type { ParamMap } from '@angular/router';
import type { TaskItem } from './tasks.types';

export const TASKS_PER_PAGE = 25;
export const SCOPES = ['all', 'mine', 'unclaimed'] as const;
export type Scope = (typeof SCOPES)[number];

/** What the inbox's URL says: the list tab and the filters. */
export interface InboxFilters {
  readonly scope: Scope;
  readonly process: string | null;
  readonly businessKey: string | null;
  readonly overdue: boolean;
  readonly village: number | null;
  readonly page: number;
}

/** GET /tasks query parameters. */
export interface InboxQuery {
  readonly scope: Scope;
  readonly processKey?: string;
  readonly businessKey?: string;
  readonly overdue?: 'true';
  readonly limit: number;
  readonly offset: number;
}

export function filtersFromParams(p: ParamMap): InboxFilters {
  const scope = p.get('scope');
  const village = Number(p.get('village'));
  const page = Number(p.get('page'));
  return {
    scope: SCOPES.includes(scope as Scope) ? (scope as Scope) : 'all',
    process: p.get('process') || null,
    businessKey: p.get('businessKey')?.trim() || null,
    overdue: p.get('overdue') === 'true',
    village: Number.isInteger(village) && village > 0 ? village : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function paramsFromFilters(f: InboxFilters): Record<string, string | null> {
  return {
    scope: f.scope === 'all' ? null : f.scope,
    process: f.process,
    businessKey: f.businessKey,
    overdue: f.overdue ? 'true' : null,
    village: f.village === null ? null : String(f.village),
    page: f.page > 1 ? String(f.page) : null,
  };
}

/**
 * The server filters by scope, process, business key and overdue; a village is read from
 * each task's instance variables, so with one chosen the inbox asks for a larger page and
 * keeps the tasks of that village.
 */
export function queryFromFilters(f: InboxFilters): InboxQuery {
  const limit = f.village === null ? TASKS_PER_PAGE : 200;
  return {
    scope: f.scope,
    ...(f.process ? { processKey: f.process } : {}),
    ...(f.businessKey ? { businessKey: f.businessKey } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    limit,
    offset: f.village === null ? (f.page - 1) * TASKS_PER_PAGE : 0,
  };
}

/** The village an instance's variables name (`villageId` at the top or in `application`). */
export function villageOf(variables: Readonly<Record<string, unknown>> | undefined): number | null {
  if (!variables) return null;
  const nested = variables['application'];
  const raw =
    variables['villageId'] ??
    (nested && typeof nested === 'object'
      ? (nested as Record<string, unknown>)['villageId']
      : null);
  const n = Number(raw);
  return raw !== null && raw !== undefined && Number.isInteger(n) && n > 0 ? n : null;
}

/** How a task's due date reads in the inbox: overdue, due within a day, or later. */
export type DueState = 'overdue' | 'soon' | 'later' | 'none';

export function dueState(t: Pick<TaskItem, 'due' | 'overdue'>, now: Date): DueState {
  if (!t.due) return 'none';
  if (t.overdue) return 'overdue';
  return new Date(t.due).getTime() - now.getTime() < 24 * 3600 * 1000 ? 'soon' : 'later';
}

/** Which tab shows the task for this user: claimed by me, or waiting for my roles. */
export function isMine(t: Pick<TaskItem, 'assignee'>, username: string | undefined): boolean {
  return !!username && t.assignee === username;
}
