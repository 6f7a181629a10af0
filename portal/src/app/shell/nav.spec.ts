import { STAFF_ROLES, type Role } from '@prapa/domain';
import { routes } from '../app.routes';
import { PORTAL_NAV, navFor, rolesFor } from './nav';

const paths = (roles: readonly Role[]) => navFor(roles).map((i) => i.path);

describe('portal navigation', () => {
  it('should show every area to an administrator', () => {
    expect(paths(['admin'])).toEqual([
      'dashboard',
      'tasks',
      'registry',
      'readings',
      'tariffs',
      'billing-runs',
      'invoices',
      'payments',
      'studio',
      'organisation',
    ]);
  });

  it('should NOT show the organisation area or billing runs to a clerk', () => {
    expect(paths(['clerk'])).toEqual([
      'dashboard',
      'tasks',
      'registry',
      'readings',
      'tariffs',
      'invoices',
    ]);
  });

  it.each([
    [
      'finance',
      ['dashboard', 'tasks', 'registry', 'tariffs', 'billing-runs', 'invoices', 'payments'],
    ],
    ['cashier', ['dashboard', 'tasks', 'registry', 'invoices', 'payments']],
    ['mayor', ['dashboard', 'tasks', 'invoices']],
    ['meter_reader', ['dashboard', 'tasks']],
  ] as const)('should show %s the areas of their work', (role, areas) => {
    expect(paths([role])).toEqual(areas);
  });

  it.each(STAFF_ROLES)('should show %s the dashboard', (role) => {
    expect(paths([role])[0]).toBe('dashboard');
  });

  it('should show a resident nothing', () => {
    expect(paths(['resident'])).toEqual([]);
  });

  it('should join the menus of a user with several roles, in menu order', () => {
    expect(paths(['mayor', 'cashier'])).toEqual([
      'dashboard',
      'tasks',
      'registry',
      'invoices',
      'payments',
    ]);
  });

  it('should give every menu item a route that checks the same roles', () => {
    // given the routes under the signed-in shell
    const children = routes.find((r) => r.path === '' && r.children)?.children ?? [];
    for (const item of PORTAL_NAV) {
      // when
      const route = children.find((r) => r.path === item.path);
      // then
      expect(route, item.path).toBeDefined();
      expect(route?.data?.['roles']).toEqual(rolesFor(item.path));
      expect(route?.title).toBe(item.labelKey);
    }
  });
});
