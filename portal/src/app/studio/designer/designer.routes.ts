import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from './i18n/designer.en.json';
import th from './i18n/designer.th.json';

/** /studio/processes: the deployed processes, and one process open in the designer. */
export const DESIGNER_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        title: 'designer.list.title',
        loadComponent: () => import('./process-list.page').then((m) => m.ProcessListPage),
      },
      {
        path: ':key',
        title: 'designer.title',
        loadComponent: () => import('./process.page').then((m) => m.ProcessPage),
      },
    ],
  },
];
