import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { ApplicationRef, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { providePrapaTesting } from '../testing/prapa-testing';
import { AuthService, type LoginOutcome } from './auth.service';
import type { User } from './user';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const tenant = { id: 1, code: 'nbt', name: 'อบต.หนองบัวทอง', nameEn: null, logoUrl: null };
const admin: User = {
  id: 1,
  username: 'admin',
  displayName: 'สมชาย ใจดี',
  kind: 'staff',
  roles: ['admin'],
  tenant,
};
const resident: User = {
  ...admin,
  id: 9,
  username: 'resident1',
  kind: 'resident',
  roles: ['resident'],
};

function setUp() {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: providePrapaTesting({
      routes: [
        { path: 'login', component: Blank },
        { path: '**', component: Blank },
      ],
    }),
  });
  return {
    auth: TestBed.inject(AuthService),
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
  };
}

async function signIn(auth: AuthService, http: HttpTestingController, user: User) {
  const outcome = firstValueFrom(auth.login('someone', 'secret'));
  http
    .expectOne('/api/v1/auth/login')
    .flush({ token: 'tok', expiresAt: '2999-01-01T00:00:00Z', user });
  return (await outcome) as LoginOutcome;
}

describe('AuthService', () => {
  it('should keep a staff member signed in on the portal', async () => {
    // given
    const { auth, http } = setUp();
    // when
    const outcome = await signIn(auth, http, admin);
    // then
    expect(outcome.kind).toBe('signed-in');
    expect(auth.isLoggedIn()).toBe(true);
    expect(auth.user()?.displayName).toBe('สมชาย ใจดี');
    expect(localStorage.getItem('prapa.portal.session')).toContain('"token":"tok"');
  });

  it('should NOT keep a resident signed in on the portal', async () => {
    // given
    const { auth, http } = setUp();
    // when
    const outcome = await signIn(auth, http, resident);
    // then
    expect(outcome.kind).toBe('elsewhere');
    expect(auth.isLoggedIn()).toBe(false);
    expect(localStorage.getItem('prapa.portal.session')).toBeNull();
  });

  it('should send the bearer token to our API only', async () => {
    // given
    const { auth, http } = setUp();
    await signIn(auth, http, admin);
    const client = TestBed.inject(HttpClient);
    // when
    client.get('/api/v1/tenant').subscribe();
    client.get('https://example.org/other').subscribe();
    // then
    expect(http.expectOne('/api/v1/tenant').request.headers.get('Authorization')).toBe(
      'Bearer tok',
    );
    expect(http.expectOne('https://example.org/other').request.headers.has('Authorization')).toBe(
      false,
    );
  });

  it('should sign out and return to the login page when the engine answers 401', async () => {
    // given
    const { auth, http, router } = setUp();
    await signIn(auth, http, admin);
    await router.navigateByUrl('/organisation');
    // when
    TestBed.inject(HttpClient)
      .get('/api/v1/tenant')
      .subscribe({ error: () => undefined });
    http
      .expectOne('/api/v1/tenant')
      .flush(
        { code: 'token_expired', message: { th: 'หมดอายุ', en: 'Expired' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await TestBed.inject(ApplicationRef).whenStable();
    // then
    expect(auth.isLoggedIn()).toBe(false);
    expect(router.url).toBe('/login?reason=expired&returnUrl=%2Forganisation');
  });

  it('should NOT treat a wrong password (401 on login) as an expired session', async () => {
    // given
    const { auth, http, router } = setUp();
    await router.navigateByUrl('/login');
    // when
    const failed = firstValueFrom(auth.login('admin', 'wrong')).catch((e: unknown) => e);
    http
      .expectOne('/api/v1/auth/login')
      .flush(
        { code: 'invalid_credentials', message: { th: 'ผิด', en: 'Wrong' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    // then
    expect(((await failed) as { status: number }).status).toBe(401);
    expect(router.url).toBe('/login');
  });
});
