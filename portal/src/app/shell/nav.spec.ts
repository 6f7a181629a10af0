import { STAFF_ROLES, type Role } from '@prapa/domain';
import { routes } from '../app.routes';
import { PORTAL_NAV, navFor, rolesFor } from './nav';

const paths = (roles: readonly Role[]) => navFor(roles).map((i) => i.path);

describe('portal navigation', () => {
  it('should show the organisation area to an administrator', () => {
    expect(paths(['admin'])).toEqual(['dashboard', 'organisation']);
  });

  it('should NOT show the organisation area to a clerk', () => {
    expect(paths(['clerk'])).toEqual(['dashboard']);
  });

  it.each(STAFF_ROLES.filter((r) => r !== 'admin'))('should show %s the dashboard only', (role) => {
    expect(paths([role])).toEqual(['dashboard']);
  });

  it('should show a resident nothing', () => {
    expect(paths(['resident'])).toEqual([]);
  });

  it('should join the menus of a user with several roles, in menu order', () => {
    expect(paths(['finance', 'admin'])).toEqual(['dashboard', 'organisation']);
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
