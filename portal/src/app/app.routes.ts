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
        path: 'tasks',
        data: { [ROLES]: rolesFor('tasks') },
        title: 'nav.tasks',
        loadChildren: () => import('./tasks/tasks.routes').then((m) => m.TASKS_ROUTES),
      },
      {
        path: 'studio',
        data: { [ROLES]: rolesFor('studio') },
        title: 'nav.studio',
        loadChildren: () => import('./studio/studio.routes').then((m) => m.STUDIO_ROUTES),
      },
      {
        path: 'registry',
        data: { [ROLES]: rolesFor('registry') },
        title: 'nav.registry',
        loadChildren: () => import('./registry/registry.routes').then((m) => m.REGISTRY_ROUTES),
      },
      {
        path: 'readings',
        data: { [ROLES]: rolesFor('readings') },
        title: 'nav.readings',
        loadChildren: () => import('./readings/readings.routes').then((m) => m.READINGS_ROUTES),
      },
      {
        path: 'tariffs',
        data: { [ROLES]: rolesFor('tariffs') },
        title: 'nav.tariffs',
        loadChildren: () => import('./tariffs/tariffs.routes').then((m) => m.TARIFFS_ROUTES),
      },
      {
        path: 'billing-runs',
        data: { [ROLES]: rolesFor('billing-runs') },
        title: 'nav.billingRuns',
        loadChildren: () =>
          import('./billing-runs/billing-runs.routes').then((m) => m.BILLING_RUNS_ROUTES),
      },
      {
        path: 'invoices',
        data: { [ROLES]: rolesFor('invoices') },
        title: 'nav.invoices',
        loadChildren: () => import('./invoices/invoices.routes').then((m) => m.INVOICES_ROUTES),
      },
      {
        path: 'payments',
        data: { [ROLES]: rolesFor('payments') },
        title: 'nav.payments',
        loadChildren: () => import('./payments/payments.routes').then((m) => m.PAYMENTS_ROUTES),
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
