import type { Routes } from '@angular/router';

export const INSTANCES_ROUTES: Routes = [];
