import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  startTestServer,
  testDialect,
  DEMO_PASSWORD,
  type ApiResponse,
  type TestServer,
} from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { Tokens, type TokenClaims } from './token.js';

const BAD_LOGIN_TH = 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง';
const MAX_FAILURES = 3;
const TTL_MINUTES = 1;

const DEMO_USERS: {
  username: string;
  roles: string[];
  kind: 'staff' | 'resident';
  tenant: string;
}[] = [
  { username: 'admin', roles: ['admin'], kind: 'staff', tenant: 'nongbua' },
  { username: 'clerk', roles: ['clerk'], kind: 'staff', tenant: 'nongbua' },
  { username: 'cashier', roles: ['cashier'], kind: 'staff', tenant: 'nongbua' },
  { username: 'finance', roles: ['finance'], kind: 'staff', tenant: 'nongbua' },
  { username: 'reader', roles: ['meter_reader'], kind: 'staff', tenant: 'nongbua' },
  { username: 'technician', roles: ['technician'], kind: 'staff', tenant: 'nongbua' },
  { username: 'chief', roles: ['chief_administrator'], kind: 'staff', tenant: 'nongbua' },
  { username: 'mayor', roles: ['mayor'], kind: 'staff', tenant: 'nongbua' },
  { username: 'resident1', roles: ['resident'], kind: 'resident', tenant: 'nongbua' },
  { username: 'resident2', roles: ['resident'], kind: 'resident', tenant: 'nongbua' },
  { username: 'admin_b', roles: ['admin'], kind: 'staff', tenant: 'thachang' },
];

const login = (server: TestServer, username: string, password = DEMO_PASSWORD) =>
  server.api('POST', '/auth/login', { body: { username, password } });

describe(`auth on ${testDialect()}`, () => {
  let server: TestServer;
  /** Every response body seen in this file, to check that none holds a password hash. */
  const seen: { what: string; text: string }[] = [];
  const keep = (what: string, res: ApiResponse) => {
    seen.push({ what, text: JSON.stringify(res.body) });
    return res;
  };

  before(async () => {
    server = await startTestServer({
      env: {
        PRAPA_TOKEN_TTL_MINUTES: String(TTL_MINUTES),
        PRAPA_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      },
    });
  });
  after(() => server?.stop());

  describe('POST /auth/login', () => {
    const signIns = new Map<string, ApiResponse>();
    let startedAt: number;
    let answeredAt: number;

    before(async () => {
      // when every demo user signs in (at once: Argon2 is slow on purpose)
      startedAt = Date.now();
      const results = await Promise.all(DEMO_USERS.map((u) => login(server, u.username)));
      answeredAt = Date.now();
      DEMO_USERS.forEach((u, i) =>
        signIns.set(u.username, keep(`login ${u.username}`, results[i]!)),
      );
    });

    for (const u of DEMO_USERS) {
      it(`should sign in ${u.username} as ${u.kind} with roles ${u.roles.join(', ')}`, () => {
        // given
        const res = signIns.get(u.username)!;

        // then
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(typeof res.body.token, 'string');
        assert.equal(res.body.user.username, u.username);
        assert.equal(res.body.user.kind, u.kind);
        assert.deepEqual(res.body.user.roles, u.roles);
        assert.equal(res.body.user.tenant.code, u.tenant);
        // the token lives PRAPA_TOKEN_TTL_MINUTES from its (whole-second) issue time
        const expiresAt = Date.parse(res.body.expiresAt);
        assert.ok(expiresAt >= startedAt - 1000 + TTL_MINUTES * 60_000, res.body.expiresAt);
        assert.ok(expiresAt <= answeredAt + TTL_MINUTES * 60_000, res.body.expiresAt);
      });
    }

    it('should give a token that GET /me answers with the same user', async () => {
      // given
      const { body } = await login(server, 'reader');

      // when
      const me = keep('me reader', await server.api('GET', '/me', { token: body.token }));

      // then
      assert.equal(me.status, 200);
      assert.deepEqual(me.body, body.user);
    });

    it('should refuse a wrong password with 401 and a Thai message', async () => {
      // when
      const res = await login(server, 'admin', 'not-the-password');

      // then
      const p = assertProblem(res, 401, 'invalid_credentials');
      assert.equal(p.message.th, BAD_LOGIN_TH);
    });

    it('should refuse an unknown user exactly as it refuses a wrong password', async () => {
      // given
      const wrongPassword = await login(server, 'clerk', 'not-the-password');

      // when
      const unknownUser = await login(server, 'nobody-here', DEMO_PASSWORD);

      // then
      const p = assertProblem(unknownUser, 401, 'invalid_credentials');
      assert.deepEqual(p.message, wrongPassword.body.message);
      assert.equal(p.detail, wrongPassword.body.detail);
    });

    it('should refuse the right password for the wrong user', async () => {
      const res = await login(server, 'admin_b', 'not-the-password');
      assertProblem(res, 401, 'invalid_credentials');
    });
  });

  describe('tokens', () => {
    let claims: TokenClaims;
    let tokens: Tokens;

    before(async () => {
      const { body } = await login(server, 'finance');
      claims = { userId: body.user.id, tenantId: body.user.tenant.id, tokenVersion: 0 };
      tokens = new Tokens(server.engine.config.jwtSecret!, server.engine.config.tokenTtlMinutes);
    });

    it('should accept a token signed now with the engine’s key (the control for the cases below)', async () => {
      // given
      const { token } = await tokens.issue(claims);

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assert.equal(res.status, 200);
      assert.equal(res.body.username, 'finance');
    });

    it('should answer GET /me without a token with 401', async () => {
      const res = await server.api('GET', '/me');
      assertProblem(res, 401, 'unauthenticated');
    });

    it('should refuse an expired token with 401', async () => {
      // given a token signed two minutes ago that lived one minute
      const { token, expiresAt } = await tokens.issue(claims, new Date(Date.now() - 2 * 60_000));
      assert.ok(expiresAt.getTime() < Date.now());

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assertProblem(res, 401, 'invalid_token');
    });

    it('should refuse a token signed with another key with 401', async () => {
      // given
      const forger = new Tokens('an-attacker-secret-of-at-least-32-chars', 60);
      const { token } = await forger.issue(claims);

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assertProblem(res, 401, 'invalid_token');
    });

    it('should refuse an unsigned token (alg none) with 401', async () => {
      // given
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: String(claims.userId), tid: claims.tenantId, ver: 0, iss: 'prapa', iat: now, exp: now + 60 })}.`;

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assertProblem(res, 401, 'invalid_token');
    });

    it('should refuse a token whose claims were edited after signing with 401', async () => {
      // given a real token with its payload swapped for one naming another user
      const { token } = await tokens.issue(claims);
      const [header, , signature] = token.split('.');
      const payload = Buffer.from(
        JSON.stringify({ sub: '1', tid: claims.tenantId, ver: 0, iss: 'prapa' }),
      ).toString('base64url');

      // when
      const res = await server.api('GET', '/me', { token: `${header}.${payload}.${signature}` });

      // then
      assertProblem(res, 401, 'invalid_token');
    });

    const garbled = ['garbled', 'a.b.c', '', 'Bearer'];
    for (const token of garbled) {
      it(`should refuse the garbled token ${JSON.stringify(token)} with 401`, async () => {
        const res = await server.api('GET', '/me', {
          headers: { authorization: `Bearer ${token}` },
        });
        assertProblem(res, 401);
      });
    }

    it('should refuse an Authorization header that is not a bearer token with 401', async () => {
      const res = await server.api('GET', '/me', {
        headers: { authorization: `Basic ${Buffer.from('admin:prapa-demo').toString('base64')}` },
      });
      assertProblem(res, 401, 'invalid_token');
    });

    it('should refuse a token of an older token version (signed out everywhere) with 401', async () => {
      // given
      const { token } = await tokens.issue({ ...claims, tokenVersion: claims.tokenVersion + 1 });

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assertProblem(res, 401, 'invalid_token');
    });

    it('should refuse a validly signed token that puts a user in another tenant with 401', async () => {
      // given finance belongs to tenant A; the token claims tenant B
      const b = await login(server, 'admin_b');
      const { token } = await tokens.issue({ ...claims, tenantId: b.body.user.tenant.id });

      // when
      const res = await server.api('GET', '/me', { token });

      // then
      assertProblem(res, 401, 'invalid_token');
    });
  });

  describe('failed sign-in limit', () => {
    it(`should answer 429 with Retry-After after ${MAX_FAILURES} failures, even for the right password`, async () => {
      // given
      for (let i = 0; i < MAX_FAILURES; i++)
        assertProblem(await login(server, 'cashier', `wrong-${i}`), 401);

      // when
      const wrong = await login(server, 'cashier', 'wrong-again');
      const right = await login(server, 'cashier', DEMO_PASSWORD);

      // then
      for (const res of [wrong, right]) {
        const p = assertProblem(res, 429, 'too_many_requests');
        assert.match(p.message.th, /เข้าสู่ระบบผิดพลาดหลายครั้งเกินไป/);
        const retryAfter = Number(res.headers.get('retry-after'));
        assert.ok(
          Number.isInteger(retryAfter) && retryAfter > 0,
          `Retry-After: ${res.headers.get('retry-after')}`,
        );
      }
    });

    it('should count the same user name however it is spaced or capitalised', async () => {
      // given cashier is locked (above)

      // when
      const variants = await Promise.all(
        ['CASHIER', ' cashier', 'cashier ', ' Cashier  '].map((u) =>
          login(server, u, DEMO_PASSWORD),
        ),
      );

      // then
      for (const res of variants) assertProblem(res, 429, 'too_many_requests');
    });

    it('should not lock another user name from the same address', async () => {
      // given cashier is locked (above)

      // when
      const res = await login(server, 'technician');

      // then
      assert.equal(res.status, 200);
    });

    it('should not count successful sign-ins as failures', async () => {
      // when one more sign-in than failures allowed, one after the other
      const results = [];
      for (let i = 0; i <= MAX_FAILURES; i++) results.push((await login(server, 'chief')).status);

      // then
      assert.deepEqual(results, Array(MAX_FAILURES + 1).fill(200));
    });
  });

  describe('user names', () => {
    it('should sign in with the user name however it is capitalised or spaced, on every database', async () => {
      // when
      const res = await login(server, '  Mayor ');

      // then
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.user.username, 'mayor');
    });
  });

  describe('roles', () => {
    let admin: string;
    let clerk: string;
    let resident: string;
    const newUser = {
      username: 'somsri.clerk',
      displayName: 'สมศรี ขยันงาน',
      kind: 'staff',
      roles: ['clerk', 'cashier'],
      password: 'a-long-new-password',
      phone: '081-555-0000',
    };

    before(async () => {
      [admin, clerk, resident] = await Promise.all([
        server.login('admin'),
        server.login('clerk'),
        server.login('resident1'),
      ]);
    });

    it('should forbid a clerk to create users (403)', async () => {
      // when
      const res = await server.api('POST', '/users', { token: clerk, body: newUser });

      // then
      assertProblem(res, 403, 'forbidden');
    });

    it('should let an admin create a user of the admin’s tenant (201), who can then sign in', async () => {
      // when
      const res = keep(
        'create user',
        await server.api('POST', '/users', { token: admin, body: newUser }),
      );

      // then
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.username, newUser.username);
      assert.deepEqual(res.body.roles, newUser.roles);
      assert.equal(res.body.tenant.code, 'nongbua');
      const signIn = keep(
        'login new user',
        await login(server, newUser.username, newUser.password),
      );
      assert.equal(signIn.status, 200);
      assert.equal(signIn.body.user.id, res.body.id);
    });

    it('should refuse a duplicate user name with 409 naming the field', async () => {
      // when
      const res = await server.api('POST', '/users', {
        token: admin,
        body: { ...newUser, displayName: 'คนอื่น' },
      });

      // then
      const p = assertProblem(res, 409, 'username_taken');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['username'],
      );
    });

    it('should refuse a user name taken in another tenant with 409 (sign-in names no tenant)', async () => {
      const res = await server.api('POST', '/users', {
        token: admin,
        body: { ...newUser, username: 'admin_b' },
      });
      assertProblem(res, 409, 'username_taken');
    });

    const badRoles = [
      { kind: 'resident', roles: ['admin'], why: 'a resident with a staff role' },
      { kind: 'staff', roles: ['resident'], why: 'staff with the resident role only' },
    ];
    for (const { kind, roles, why } of badRoles) {
      it(`should refuse ${why} with 422`, async () => {
        const res = await server.api('POST', '/users', {
          token: admin,
          body: { ...newUser, username: `bad.${kind}`, kind, roles },
        });
        const p = assertProblem(res, 422, 'invalid_roles');
        assert.deepEqual(
          p.errors?.map((e) => e.path),
          ['roles'],
        );
      });
    }

    it('should forbid a resident a staff route (403) but answer GET /me', async () => {
      // when
      const staffRoute = await server.api('GET', '/waterworks', { token: resident });
      const me = keep('me resident', await server.api('GET', '/me', { token: resident }));

      // then
      assertProblem(staffRoute, 403, 'forbidden');
      assert.equal(me.status, 200);
      assert.equal(me.body.kind, 'resident');
    });

    it('should list only the admin’s own tenant’s users', async () => {
      // when
      const res = keep('users', await server.api('GET', '/users', { token: admin }));

      // then
      assert.equal(res.status, 200);
      const names = res.body.items.map((u: { username: string }) => u.username);
      assert.ok(
        names.includes('admin') && names.includes('resident1') && names.includes(newUser.username),
      );
      assert.ok(!names.some((n: string) => n.endsWith('_b')), names.join(', '));
      assert.ok(
        res.body.items.every((u: { tenant: { code: string } }) => u.tenant.code === 'nongbua'),
      );
    });

    it('should record user creation in the audit log without the password hash', async () => {
      // when
      const res = keep(
        'audit',
        await server.api('GET', '/audit-events?action=user.create&limit=500', { token: admin }),
      );

      // then
      assert.equal(res.status, 200);
      const created = res.body.items.find(
        (e: { after: { username: string } }) => e.after?.username === newUser.username,
      );
      assert.ok(created, 'an audit event for the new user');
      assert.equal(created.actorName, 'admin');
    });
  });

  it('should never return a password or its hash from any endpoint', () => {
    // given every response of this file
    assert.ok(seen.length >= DEMO_USERS.length + 5, `only ${seen.length} responses seen`);

    // then
    for (const { what, text } of seen) {
      assert.doesNotMatch(text, /\$argon2/, what);
      assert.doesNotMatch(text, /password_?hash/i, what);
      assert.doesNotMatch(text, /prapa-demo|a-long-new-password/, what);
    }
  });
});
