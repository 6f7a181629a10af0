export type InstanceStatus = 'running' | 'completed' | 'incident' | 'terminated';

export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'running',
  'incident',
  'completed',
  'terminated',
];

/** How many instances a process version has in one status (GET /instances/counts). */
export interface InstanceCount {
  readonly processKey: string;
  readonly version: number;
  readonly status: InstanceStatus;
  readonly count: number;
}

/** An instance as GET /instances lists it. */
export interface InstanceSummary {
  readonly id: number;
  readonly processKey: string;
  readonly version: number;
  readonly businessKey: string | null;
  readonly status: InstanceStatus;
  readonly currentActivities: readonly string[];
  readonly startedAt: string;
  readonly endedAt: string | null;
}

export interface TimelineEntry {
  readonly at: string;
  readonly event: string;
  readonly elementId: string | null;
  readonly elementName: string | null;
  readonly elementType: string | null;
  readonly actor: string | null;
  readonly version: number;
  readonly data: unknown;
}

export interface Incident {
  readonly elementId: string;
  readonly topic: string;
  readonly error: string;
  readonly attempts: number;
  readonly at?: string;
}

/** An instance as GET /instances/{id} shows it. */
export interface InstanceView {
  readonly id: number;
  readonly processKey: string;
  readonly version: number;
  readonly businessKey: string | null;
  readonly status: InstanceStatus;
  readonly publicStatus: string | null;
  readonly currentActivities: readonly {
    elementId: string;
    name: string | null;
    type: string | null;
  }[];
  readonly waitingMessages: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  readonly incident: Incident | null;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly endedAt: string | null;
  readonly tasks: readonly {
    id: number;
    elementId: string;
    name: string | null;
    status: 'open' | 'completed' | 'cancelled';
    assignee: string | null;
    completedBy: string | null;
  }[];
  readonly jobs: readonly {
    id: number;
    kind: 'timer' | 'retry';
    elementId: string;
    dueAt: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
  readonly timeline: readonly TimelineEntry[];
}

export interface Listed<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/** A process as GET /processes lists it (names and versions for the filters). */
export interface ProcessInfo {
  readonly key: string;
  readonly name: string | null;
  readonly latest: number;
  readonly versions: readonly { version: number }[];
}
