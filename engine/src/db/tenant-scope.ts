/**
 * Tenant isolation, enforced in one place. Every tenant-owned model is passed to
 * scopeToTenant(), whose Sequelize hooks limit every read, update and delete to the
 * tenant of the request context and stamp that tenant on every insert. A query on a
 * tenant-owned model with no context fails closed; work that spans tenants on purpose
 * runs in asSystem().
 *
 * Raw SQL bypasses this: it is allowed only in repositories that filter by tenant
 * themselves, and reviewed as such.
 */
import type { FindOptions, IncludeOptions, Model, ModelStatic, WhereOptions } from 'sequelize';
import { Op } from 'sequelize';
import { currentContext } from '../http/request-context.js';

const scoped = new WeakSet<ModelStatic<Model>>();

export class TenantScopeError extends Error {}

/** The tenant id to scope to, or null when running as the system. */
function scopeTenant(model: string): number | null {
  const ctx = currentContext();
  if (ctx?.system) return null;
  if (ctx?.tenantId === undefined) {
    throw new TenantScopeError(
      `${model}: no tenant in the request context (use asSystem() for cross-tenant work)`,
    );
  }
  return ctx.tenantId;
}

function andTenant(where: unknown, tenantId: number): WhereOptions {
  return where ? { [Op.and]: [where as WhereOptions, { tenantId }] } : { tenantId };
}

function scopeIncludes(includes: FindOptions['include'], tenantId: number): void {
  const list = Array.isArray(includes) ? includes : includes ? [includes] : [];
  for (const inc of list as IncludeOptions[]) {
    if (typeof inc !== 'object' || !inc.model) continue;
    if (scoped.has(inc.model as ModelStatic<Model>)) {
      inc.required = inc.required ?? false;
      inc.where = andTenant(inc.where, tenantId);
    }
    scopeIncludes(inc.include, tenantId);
  }
}

export function scopeToTenant<M extends Model>(model: ModelStatic<M>): void {
  scoped.add(model as unknown as ModelStatic<Model>);
  const name = model.name;
  const m = model as unknown as ModelStatic<Model>;

  const onRead = (options: FindOptions) => {
    const t = scopeTenant(name);
    if (t === null) return;
    options.where = andTenant(options.where, t);
    scopeIncludes(options.include, t);
  };
  m.addHook('beforeFind', onRead);
  m.addHook('beforeCount', onRead);
  m.addHook('beforeBulkUpdate', onRead);
  // Model.destroy() maps attribute names to column names before this hook runs (update()
  // maps after), so the condition names the column itself.
  const tenantColumn = m.getAttributes()['tenantId']?.field ?? 'tenant_id';
  m.addHook('beforeBulkDestroy', (options: FindOptions) => {
    const t = scopeTenant(name);
    if (t === null) return;
    options.where = options.where
      ? { [Op.and]: [options.where, { [tenantColumn]: t }] }
      : { [tenantColumn]: t };
  });

  const stamp = (instance: Model) => {
    const t = scopeTenant(name);
    if (t === null) return;
    const own = instance.get('tenantId') as number | undefined;
    if (own === undefined || own === null) instance.set('tenantId', t);
    else if (own !== t) throw new TenantScopeError(`${name}: row belongs to another tenant`);
  };
  m.addHook('beforeValidate', stamp);
  m.addHook('beforeCreate', stamp);
  m.addHook('beforeBulkCreate', (instances: Model[]) => instances.forEach(stamp));
  m.addHook('beforeUpdate', (instance: Model) => {
    stamp(instance);
    if (instance.changed('tenantId' as never))
      throw new TenantScopeError(`${name}: a row never changes tenant`);
  });
  m.addHook('beforeDestroy', stamp);
}
