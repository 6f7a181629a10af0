import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from '../../i18n/billing.en.json';
import th from '../../i18n/billing.th.json';

/** /readings: a route's reading sheet, and the review queue of flagged readings. */
export const READINGS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        loadComponent: () => import('./reading-entry.page').then((m) => m.ReadingEntryPage),
      },
      {
        path: 'review',
        title: 'readings.reviewQueue',
        loadComponent: () => import('./review-queue.page').then((m) => m.ReviewQueuePage),
      },
    ],
  },
];
