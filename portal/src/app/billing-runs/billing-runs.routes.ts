import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from '../../i18n/billing.en.json';
import th from '../../i18n/billing.th.json';

/** /billing-runs: start a run, and follow one. */
export const BILLING_RUNS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        loadComponent: () => import('./billing-run-start.page').then((m) => m.BillingRunStartPage),
      },
      {
        path: ':id',
        title: 'billingRuns.runPage',
        loadComponent: () => import('./billing-run.page').then((m) => m.BillingRunPage),
      },
    ],
  },
];
