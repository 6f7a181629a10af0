import type { Routes } from '@angular/router';
import { ROLES, provideFeatureTranslations } from '@prapa/ui';
import en from '../../i18n/billing.en.json';
import th from '../../i18n/billing.th.json';

const EDITORS = ['admin', 'finance'] as const;

/** /tariffs: the list, the bill calculator, one tariff, a new tariff and editing a version. */
export const TARIFFS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        loadComponent: () => import('./tariff-list.page').then((m) => m.TariffListPage),
      },
      {
        path: 'calculator',
        title: 'tariffs.calculator',
        loadComponent: () => import('./tariff-calculator.page').then((m) => m.TariffCalculatorPage),
      },
      {
        path: 'new',
        title: 'tariffs.newTitle',
        data: { [ROLES]: EDITORS },
        loadComponent: () => import('./tariff-edit.page').then((m) => m.TariffEditPage),
      },
      {
        path: ':key',
        loadComponent: () => import('./tariff-view.page').then((m) => m.TariffViewPage),
      },
      {
        path: ':key/edit',
        title: 'tariffs.editTitle',
        data: { [ROLES]: EDITORS },
        loadComponent: () => import('./tariff-edit.page').then((m) => m.TariffEditPage),
      },
    ],
  },
];
