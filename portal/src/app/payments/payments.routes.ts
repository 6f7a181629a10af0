import type { Routes } from '@angular/router';
import { ROLES, provideFeatureTranslations } from '@prapa/ui';
import en from './i18n/payments.en.json';
import th from './i18n/payments.th.json';

/** Finance's own pages: bank files and their exceptions, voids and approving days. */
const FINANCE = ['admin', 'finance'] as const;

/** /payments: the counter, receipts, cashier days, voids, bank files and slips. */
export const PAYMENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'counter' },
      {
        path: 'counter',
        title: 'payments.counter.title',
        loadComponent: () => import('./counter.page').then((m) => m.CounterPage),
      },
      {
        path: 'receipts',
        title: 'payments.register.title',
        loadComponent: () => import('./receipt-register.page').then((m) => m.ReceiptRegisterPage),
      },
      {
        path: 'receipts/:id',
        title: 'payments.receipt.title',
        loadComponent: () => import('./receipt-view.page').then((m) => m.ReceiptViewPage),
      },
      {
        path: 'sessions',
        title: 'payments.sessions.title',
        loadComponent: () => import('./sessions.page').then((m) => m.SessionsPage),
      },
      {
        path: 'sessions/:id',
        title: 'payments.sessions.one',
        loadComponent: () => import('./session.page').then((m) => m.SessionPage),
      },
      {
        path: 'voids',
        title: 'payments.voids.title',
        loadComponent: () => import('./voids.page').then((m) => m.VoidsPage),
      },
      {
        path: 'bank-files',
        title: 'payments.bankFiles.title',
        data: { [ROLES]: FINANCE },
        loadComponent: () => import('./bank-files.page').then((m) => m.BankFilesPage),
      },
      {
        path: 'bank-files/:id',
        title: 'payments.fileLines.title',
        data: { [ROLES]: FINANCE },
        loadComponent: () => import('./bank-file-lines.page').then((m) => m.BankFileLinesPage),
      },
      {
        path: 'bank-lines',
        title: 'payments.bankLines.title',
        data: { [ROLES]: FINANCE },
        loadComponent: () => import('./bank-lines.page').then((m) => m.BankLinesPage),
      },
      {
        path: 'slips',
        title: 'payments.slips.title',
        loadComponent: () => import('./slips.page').then((m) => m.SlipsPage),
      },
    ],
  },
];
