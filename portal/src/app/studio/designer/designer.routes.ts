import type { Routes } from '@angular/router';

export const DESIGNER_ROUTES: Routes = [];
