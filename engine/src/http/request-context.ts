/**
 * The request context: who is asking, for which tenant, under which request id.
 * Kept in AsyncLocalStorage so that the tenant scope (modules/tenancy/tenant-scope.ts)
 * and the audit log read it without every function passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../domain/index.js';

export interface Actor {
  id: number;
  username: string;
  roles: readonly Role[];
  kind: 'staff' | 'resident';
}

export interface RequestContext {
  requestId?: string;
  /** The tenant every tenant-scoped query is limited to; absent only in system context. */
  tenantId?: number;
  actor?: Actor;
  /** Set by asSystem(): migrations, seeding, sign-in look-ups, CLI tools. */
  system?: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runInContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** Runs fn outside any tenant: for work that spans tenants by design. */
export function asSystem<T>(fn: () => T): T {
  const outer = storage.getStore();
  return storage.run({ requestId: outer?.requestId, system: true }, fn);
}

/** Runs fn as a tenant's own work (jobs, seeding a tenant, CLI), with an optional actor. */
export function asTenant<T>(tenantId: number, fn: () => T, actor?: Actor): T {
  const outer = storage.getStore();
  return storage.run({ requestId: outer?.requestId, tenantId, actor }, fn);
}
