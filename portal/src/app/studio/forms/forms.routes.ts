import type { Routes } from '@angular/router';
import { provideFeatureTranslations } from '@prapa/ui';
import en from './i18n/studio-forms.en.json';
import th from './i18n/studio-forms.th.json';

/**
 * /studio/forms: the form list, and /studio/forms/:key, the Form.io builder. The builder page
 * provides Form.io's app config itself, so Form.io loads only when a form is opened.
 */
export const FORMS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideFeatureTranslations({ th, en })],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'forms.list.title',
        loadComponent: () => import('./form-list.page').then((m) => m.FormListPage),
      },
      {
        path: ':key',
        title: 'forms.list.title',
        loadComponent: () => import('./form-designer.page').then((m) => m.FormDesignerPage),
      },
    ],
  },
];
