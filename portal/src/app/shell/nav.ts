import { STAFF_ROLES, type Role } from '@prapa/domain/common';
import type { IconName } from '@prapa/ui';

/** One entry of the portal's left menu, and the roles that may open its area. */
export interface NavItem {
  /** Route path under the shell (`organisation` → /organisation). */
  readonly path: string;
  /** Translation key of its label (`nav.organisation`). */
  readonly labelKey: string;
  readonly icon: IconName;
  /** Who sees the item and may open the route. */
  readonly roles: readonly Role[];
}

/**
 * The portal's areas, in menu order. Add an area here and give its route
 * `data: { roles: rolesFor('<path>') }`; nothing else decides who sees it.
 */
export const PORTAL_NAV = [
  { path: 'dashboard', labelKey: 'nav.dashboard', icon: 'dashboard', roles: STAFF_ROLES },
  { path: 'tasks', labelKey: 'nav.tasks', icon: 'inbox', roles: STAFF_ROLES },
  {
    path: 'registry',
    labelKey: 'nav.registry',
    icon: 'users',
    roles: ['admin', 'clerk', 'cashier', 'finance', 'technician'],
  },
  { path: 'readings', labelKey: 'nav.readings', icon: 'gauge', roles: ['admin', 'clerk'] },
  { path: 'tariffs', labelKey: 'nav.tariffs', icon: 'tag', roles: ['admin', 'finance', 'clerk'] },
  { path: 'billing-runs', labelKey: 'nav.billingRuns', icon: 'play', roles: ['admin', 'finance'] },
  {
    path: 'invoices',
    labelKey: 'nav.invoices',
    icon: 'invoice',
    roles: ['admin', 'clerk', 'cashier', 'finance', 'chief_administrator', 'mayor'],
  },
  {
    path: 'payments',
    labelKey: 'nav.payments',
    icon: 'calculator',
    roles: ['admin', 'cashier', 'finance'],
  },
  { path: 'studio', labelKey: 'nav.studio', icon: 'flow', roles: ['admin'] },
  { path: 'organisation', labelKey: 'nav.organisation', icon: 'building', roles: ['admin'] },
] as const satisfies readonly NavItem[];

export type NavPath = (typeof PORTAL_NAV)[number]['path'];

/** The menu a user with these roles sees, in menu order. */
export function navFor(
  roles: readonly Role[],
  items: readonly NavItem[] = PORTAL_NAV,
): readonly NavItem[] {
  return items.filter((item) => item.roles.some((r) => roles.includes(r)));
}

/** The roles that may open an area. */
export function rolesFor(path: NavPath): readonly Role[] {
  const item: NavItem | undefined = PORTAL_NAV.find((i) => i.path === path);
  if (!item) throw new Error(`no nav item for ${path}`);
  return item.roles;
}
