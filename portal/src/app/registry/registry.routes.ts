import type { Routes } from '@angular/router';
import { ROLES, provideFeatureTranslations } from '@prapa/ui';
import en from '../../i18n/billing.en.json';
import th from '../../i18n/billing.th.json';

const EDITORS = ['admin', 'clerk'] as const;

/** /registry: the list and search, one account, create and edit, Excel import and export. */
export const REGISTRY_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        loadComponent: () => import('./account-list.page').then((m) => m.AccountListPage),
      },
      {
        path: 'new',
        title: 'registry.newTitle',
        data: { [ROLES]: EDITORS },
        loadComponent: () => import('./account-form.page').then((m) => m.AccountFormPage),
      },
      {
        path: 'import',
        title: 'registry.importExport',
        data: { [ROLES]: EDITORS },
        loadComponent: () => import('./import-export.page').then((m) => m.ImportExportPage),
      },
      {
        path: ':id',
        loadComponent: () => import('./account-detail.page').then((m) => m.AccountDetailPage),
      },
      {
        path: ':id/edit',
        title: 'registry.editTitle',
        data: { [ROLES]: EDITORS },
        loadComponent: () => import('./account-form.page').then((m) => m.AccountFormPage),
      },
    ],
  },
];
