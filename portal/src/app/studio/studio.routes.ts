import type { Routes } from '@angular/router';

/**
 * The low-code studio, for administrators: the process designer, the form designer and the
 * instance viewer, each loaded only when opened (bpmn-js and the Form.io builder are heavy).
 */
export const STUDIO_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'processes' },
  {
    path: 'processes',
    loadChildren: () => import('./designer/designer.routes').then((m) => m.DESIGNER_ROUTES),
  },
  {
    path: 'forms',
    loadChildren: () => import('./forms/forms.routes').then((m) => m.FORMS_ROUTES),
  },
  {
    path: 'instances',
    loadChildren: () => import('./instances/instances.routes').then((m) => m.INSTANCES_ROUTES),
  },
];
