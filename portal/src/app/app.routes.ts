import type { Routes } from '@angular/router';
import { ROLES, signedIn, signedOut } from '@prapa/ui';
import { PortalShell } from './shell/portal-shell';
import { rolesFor } from './shell/nav';

/**
 * The portal's routes. Each area declares who may open it through `rolesFor(path)`, the
 * same roles that decide whether its menu item shows (shell/nav.ts).
 */
export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOut],
    title: 'login.heading',
    loadComponent: () => import('@prapa/ui/login').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: PortalShell,
    canActivate: [signedIn],
    canActivateChild: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        data: { [ROLES]: rolesFor('dashboard') },
        title: 'nav.dashboard',
        loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
      },
      {
        path: 'organisation',
        data: { [ROLES]: rolesFor('organisation') },
        title: 'nav.organisation',
        loadComponent: () =>
          import('./organisation/organisation.page').then((m) => m.OrganisationPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
