import type { Routes } from '@angular/router';

export const FORMS_ROUTES: Routes = [];
