/**
 * Live engines between steps. After a step commits, the instance's engine stays running
 * here with a copy of the row it wrote and the ids of the instance's open tasks, so the
 * next step neither recovers the engine nor reads the row or the tasks again. The copy
 * is only a guess at the row: the step's UPDATE still says `WHERE rev = <copy's rev>`,
 * so when another engine process advanced the instance meanwhile, the step updates
 * nothing, rolls back and runs again from the database.
 *
 * Nothing but a step changes an instance row or opens, completes or cancels a task, and
 * every step bumps `rev`: a copy at the row's rev is the row.
 */
import type { InstanceRecord } from './instance.repository.js';
import type { EngineSession } from './runner.js';

export interface OpenTask {
  id: number;
  executionId: string;
}

export interface LiveEntry {
  session: EngineSession;
  /** The row as the last step wrote it (without the engine state: the engine holds it). */
  instance: InstanceRecord;
  openTasks: OpenTask[];
}

export class LiveSessions {
  private readonly entries = new Map<number, LiveEntry>();

  constructor(private readonly limit: number) {}

  /** Takes the tenant's live entry of an instance out, when there is a runnable one. */
  take(id: number, tenantId: number | undefined): LiveEntry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.instance.tenantId !== tenantId) return undefined;
    this.entries.delete(id);
    if (entry.session.live) return entry;
    void entry.session.dispose();
    return undefined;
  }

  /** Forgets (and stops) an instance's live engine: the next step recovers it. */
  drop(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    void entry.session.dispose();
  }

  keep(entry: LiveEntry): void {
    this.drop(entry.instance.id);
    if (this.entries.size >= this.limit) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.drop(oldest);
    }
    this.entries.set(entry.instance.id, entry);
  }
}
