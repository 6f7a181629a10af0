import type { Routes } from '@angular/router';

/** The task inbox and a task's form (filled in by the studio work of step 5/11). */
export const TASKS_ROUTES: Routes = [];
