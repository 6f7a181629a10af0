import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@prapa/domain/common';
import { AuthService } from './auth.service';
import { hasAnyRole } from './user';

/** Route data key holding the roles that may open a route (absent: any signed-in user). */
export const ROLES = 'roles';

/**
 * Lets a signed-in user through when the route allows one of their roles
 * (`data: { roles: ['admin'] }`). Not signed in → /login?returnUrl=…; wrong role → home.
 */
export const signedIn: CanActivateFn = (route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.isLoggedIn()) {
    return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  }
  const roles = route.data[ROLES] as readonly Role[] | undefined;
  if (roles && !hasAnyRole(auth.user(), roles)) return router.createUrlTree(['/']);
  return true;
};

/** Keeps a signed-in user off the login page. */
export const signedOut: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.isLoggedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/** A return URL that stays inside the app (no `//evil.example`, no `https:`). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith('/login') ? '/' : value;
}
