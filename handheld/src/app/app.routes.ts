import type { Routes } from '@angular/router';
import { signedIn, signedOut } from '@prapa/ui';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOut],
    title: 'login.heading',
    loadComponent: () => import('@prapa/ui/login').then((m) => m.LoginPage),
  },
  {
    path: '',
    pathMatch: 'full',
    canActivate: [signedIn],
    title: 'common.welcome',
    loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
  },
  { path: '**', redirectTo: '' },
];
