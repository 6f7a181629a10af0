import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from './i18n/studio-instances.en.json';
import th from './i18n/studio-instances.th.json';

/** /studio/instances: instances per process version, and /studio/instances/:id, one instance. */
export const INSTANCES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'instances.list.title',
        loadComponent: () => import('./instance-list.page').then((m) => m.InstanceListPage),
      },
      {
        path: ':id',
        title: 'instances.list.title',
        loadComponent: () => import('./instance-view.page').then((m) => m.InstanceViewPage),
      },
    ],
  },
];
