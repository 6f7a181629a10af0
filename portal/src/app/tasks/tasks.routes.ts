import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from './i18n/tasks.en.json';
import th from './i18n/tasks.th.json';

/**
 * /tasks: the inbox, and /tasks/:id, a task's form. Form.io comes only with the task page
 * (its component provides FormioAppConfig and loads the `formio.css` bundle).
 */
export const TASKS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./inbox.page').then((m) => m.InboxPage),
      },
      {
        path: ':id',
        title: 'tasks.taskTitle',
        loadComponent: () => import('./task.page').then((m) => m.TaskPage),
      },
    ],
  },
];
