import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API } from '../api/api.types';
import { AuthService } from './auth.service';

const LOGIN_URL = `${API}/auth/login`;

/**
 * Adds `Authorization: Bearer <token>` to calls to our own API, and sends the user back to
 * the login page when the engine answers 401 (token lapsed or revoked) — except for the
 * login call itself, whose 401 means a wrong password and is shown on the form.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const ours = req.url.startsWith(`${API}/`);
  if (!ours) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  const sent = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(sent).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && req.url !== LOGIN_URL) {
        if (auth.isLoggedIn()) auth.signOut('expired', router.url);
      }
      return throwError(() => err);
    }),
  );
};
