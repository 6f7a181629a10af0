import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from '../../i18n/billing.en.json';
import th from '../../i18n/billing.th.json';

/** /invoices: the list with its filters, and one invoice. */
export const INVOICES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        loadComponent: () => import('./invoice-list.page').then((m) => m.InvoiceListPage),
      },
      {
        path: ':id',
        title: 'invoices.invoice',
        loadComponent: () => import('./invoice-view.page').then((m) => m.InvoiceViewPage),
      },
    ],
  },
];
