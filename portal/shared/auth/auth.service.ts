import { HttpClient } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { map, tap, type Observable } from 'rxjs';
import { API } from '../api/api.types';
import { PRAPA_APP } from '../setup/prapa-app';
import { SessionStore, type Session } from './session-store';
import type { LoginResponse, User } from './user';

/** How a sign-in ended: in, or the right person at the wrong app. */
export type LoginOutcome =
  | { readonly kind: 'signed-in'; readonly user: User }
  | { readonly kind: 'elsewhere'; readonly user: User };

/** Why the login page is shown again. */
export type SignOutReason = 'signed-out' | 'expired';

/**
 * The signed-in user of this app. The session (token and user) is kept per app in
 * localStorage so a reload stays signed in — and, later, so the handheld works offline.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly app = inject(PRAPA_APP);
  private readonly store = new SessionStore(this.app.id, localStorageOf(inject(DOCUMENT)));
  private readonly session = signal<Session | null>(this.store.load(new Date()));

  /** Who is signed in, or null. */
  readonly user = computed<User | null>(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  /** The bearer token for API calls, or null. */
  token(): string | null {
    return this.session()?.token ?? null;
  }

  /**
   * Signs in. A user this app is not for (a resident on the portal) is not kept signed in:
   * the outcome says so and the login page points them to their app.
   */
  login(username: string, password: string): Observable<LoginOutcome> {
    return this.http.post<LoginResponse>(`${API}/auth/login`, { username, password }).pipe(
      map((res): LoginOutcome => {
        if (!this.app.allowedKinds.includes(res.user.kind)) {
          return { kind: 'elsewhere', user: res.user };
        }
        this.setSession({ token: res.token, expiresAt: res.expiresAt, user: res.user });
        return { kind: 'signed-in', user: res.user };
      }),
    );
  }

  /** Re-reads the user from GET /me (roles or the tenant's name may have changed). */
  refresh(): void {
    if (!this.isLoggedIn()) return;
    this.http
      .get<User>(`${API}/me`)
      .pipe(tap((user) => this.session.update((s) => (s ? { ...s, user } : s))))
      .subscribe({
        next: () => {
          const s = this.session();
          if (s) this.store.save(s);
        },
        // 401 is handled by the interceptor; offline keeps the stored user
        error: () => undefined,
      });
  }

  /** Forgets the session and shows the login page. */
  signOut(reason: SignOutReason = 'signed-out', returnUrl?: string): void {
    this.setSession(null);
    const queryParams: Record<string, string> = { reason };
    if (returnUrl && returnUrl !== '/') queryParams['returnUrl'] = returnUrl;
    void this.router.navigate(['/login'], { queryParams });
  }

  private setSession(session: Session | null): void {
    this.session.set(session);
    if (session) this.store.save(session);
    else this.store.clear();
  }
}

function localStorageOf(doc: Document): Storage | null {
  try {
    return doc.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
