import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createLog } from '../log/logger.js';
import {
  startTestServer,
  testDialect,
  type ApiResponse,
  type TestServer,
} from '../testing/harness.js';
import { assertProblem, isThai } from '../testing/problem.js';
import { ApiRouter } from './api-router.js';
import { buildApp } from './app.js';
import { OperationalError } from './errors.js';

describe(`the HTTP API on ${testDialect()}`, () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;

  before(async () => {
    server = await startTestServer();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
  });
  after(() => server?.stop());

  describe('GET /api/v1/health', () => {
    it('should answer 200 ok without sign-in and name the database it runs on', async () => {
      // when
      const res = await server.api('GET', '/health');

      // then
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.database, testDialect());
      assert.equal(typeof res.body.version, 'string');
    });
  });

  describe('GET /api/v1/openapi.json', () => {
    let doc: { openapi: string; paths: Record<string, Record<string, { security?: unknown[] }>> };

    before(async () => {
      const res = await server.api('GET', '/openapi.json');
      assert.equal(res.status, 200);
      doc = res.body;
    });

    it('should be an OpenAPI 3.1 document', () => {
      assert.match(doc.openapi, /^3\.1\./);
    });

    it('should describe sign-in, the signed-in user and one waterworks', () => {
      assert.ok(doc.paths['/api/v1/auth/login']?.['post'], 'POST /api/v1/auth/login');
      assert.ok(doc.paths['/api/v1/me']?.['get'], 'GET /api/v1/me');
      assert.ok(doc.paths['/api/v1/waterworks/{id}']?.['get'], 'GET /api/v1/waterworks/{id}');
      assert.ok(doc.paths['/api/v1/waterworks/{id}']?.['patch'], 'PATCH /api/v1/waterworks/{id}');
    });

    it('should ask for a bearer token on every route but the public ones', () => {
      assert.equal(doc.paths['/api/v1/auth/login']?.['post']?.security, undefined);
      assert.equal(doc.paths['/api/v1/health']?.['get']?.security, undefined);
      assert.deepEqual(doc.paths['/api/v1/me']?.['get']?.security, [{ bearer: [] }]);
      assert.deepEqual(doc.paths['/api/v1/waterworks/{id}']?.['patch']?.security, [{ bearer: [] }]);
    });
  });

  describe('problems', () => {
    it('should answer an unknown API route with 404 problem+json', async () => {
      // when
      const res = await server.api('GET', '/nope');

      // then
      const p = assertProblem(res, 404, 'no_such_route');
      assert.match(p.detail, /GET \/api\/v1\/nope/);
    });

    it('should answer a known path with an unknown method with 404, not a front-end page', async () => {
      const res = await server.api('DELETE', '/health');
      assertProblem(res, 404, 'no_such_route');
    });

    it('should answer 404 problem+json below /api even outside /api/v1', async () => {
      // when
      const res = await fetch(`${server.baseUrl}/api/v2/health`);
      const body = await res.json();

      // then
      assertProblem({ status: res.status, body, headers: res.headers }, 404, 'no_such_route');
    });

    it('should answer a malformed JSON body with 400 problem+json', async () => {
      // when
      const res = await server.api('POST', '/auth/login', {
        body: '{"username": "admin", "password": ',
      });

      // then
      assertProblem(res, 400, 'malformed_body');
    });

    it('should answer a body over 2 MB with 413 problem+json', async () => {
      // when
      const res = await server.api('POST', '/waterworks', {
        token: admin,
        body: { code: 'BIG', name: 'x'.repeat(3 * 1024 * 1024) },
      });

      // then
      assertProblem(res, 413, 'body_too_large');
    });

    it('should answer invalid fields with 422 naming each field in Thai and English', async () => {
      // when
      const res = await server.api('POST', '/waterworks', {
        token: admin,
        body: { code: 'no spaces!', name: '', latitude: 123 },
      });

      // then
      const p = assertProblem(res, 422, 'validation');
      const paths = (p.errors ?? []).map((e) => e.path).sort();
      assert.deepEqual(paths, ['code', 'latitude', 'name']);
      for (const e of p.errors!) {
        assert.ok(isThai(e.message.th), `Thai message for ${e.path}: ${e.message.th}`);
        assert.ok(e.message.en.length > 0, `English message for ${e.path}`);
      }
    });

    it('should name a missing field as required, in Thai', async () => {
      // when
      const res = await server.api('POST', '/auth/login', { body: { username: 'admin' } });

      // then
      const p = assertProblem(res, 422, 'validation');
      assert.deepEqual(
        p.errors?.map((e) => [e.path, e.message.th]),
        [['password', 'จำเป็นต้องกรอก']],
      );
    });

    it('should give nested paths with dots', async () => {
      // when
      const res = await server.api('POST', '/users', {
        token: admin,
        body: {
          username: 'new.clerk',
          displayName: 'เสมียนใหม่',
          roles: ['clerk', 'king'],
          password: 'long-enough-1',
        },
      });

      // then
      const p = assertProblem(res, 422, 'validation');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['roles.1'],
      );
    });

    it('should answer a malformed path parameter with 400 naming it', async () => {
      // when
      const res = await server.api('GET', '/waterworks/abc', { token: clerk });

      // then
      const p = assertProblem(res, 400, 'validation');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['params.id'],
      );
    });

    it('should answer a malformed query parameter with 400 naming it', async () => {
      // when
      const res = await server.api('GET', '/audit-events?limit=100000', { token: admin });

      // then
      const p = assertProblem(res, 400, 'validation');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['query.limit'],
      );
    });

    // every kind of problem, each checked for content type, messages and request id
    const kinds: { what: string; status: number; call: (s: TestServer) => Promise<ApiResponse> }[] =
      [
        { what: 'no such route', status: 404, call: (s) => s.api('GET', '/nope') },
        {
          what: 'malformed JSON',
          status: 400,
          call: (s) => s.api('POST', '/auth/login', { body: '{' }),
        },
        {
          what: 'invalid fields',
          status: 422,
          call: (s) => s.api('POST', '/auth/login', { body: {} }),
        },
        { what: 'no token', status: 401, call: (s) => s.api('GET', '/me') },
        {
          what: 'a garbled token',
          status: 401,
          call: (s) => s.api('GET', '/me', { token: 'garbled' }),
        },
        {
          what: 'a wrong password',
          status: 401,
          call: (s) =>
            s.api('POST', '/auth/login', {
              body: { username: 'mayor', password: 'wrong-password' },
            }),
        },
        {
          what: 'a role that may not',
          status: 403,
          call: (s) => s.api('GET', '/users', { token: clerk }),
        },
        {
          what: 'a row that does not exist',
          status: 404,
          call: (s) => s.api('GET', '/waterworks/999999', { token: clerk }),
        },
        {
          what: 'a duplicate',
          status: 409,
          call: (s) =>
            s.api('POST', '/waterworks', { token: admin, body: { code: 'WW1', name: 'ซ้ำ' } }),
        },
      ];
    for (const { what, status, call } of kinds) {
      it(`should send ${what} (${status}) as problem+json with Thai and English messages and the request id`, async () => {
        // when
        const res = await call(server);

        // then
        assertProblem(res, status);
      });
    }
  });

  describe('request ids', () => {
    it('should give every response an X-Request-Id', async () => {
      const res = await server.api('GET', '/health');
      assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    });

    it('should give each request its own id', async () => {
      const [a, b] = await Promise.all([server.api('GET', '/nope'), server.api('GET', '/nope')]);
      assert.notEqual(a.body.requestId, b.body.requestId);
    });

    it('should keep a well-formed X-Request-Id the caller sent', async () => {
      // when
      const res = await server.api('GET', '/nope', {
        headers: { 'x-request-id': 'portal-1234.abcd' },
      });

      // then
      assert.equal(res.headers.get('x-request-id'), 'portal-1234.abcd');
      assert.equal(res.body.requestId, 'portal-1234.abcd');
    });

    it('should replace an X-Request-Id that is too short or holds odd characters', async () => {
      for (const given of ['abc', 'has spaces and <html>', 'x'.repeat(65)]) {
        // when
        const res = await server.api('GET', '/nope', { headers: { 'x-request-id': given } });

        // then
        assert.notEqual(res.body.requestId, given);
        assertProblem(res, 404);
      }
    });
  });
});

describe('the error mapper', () => {
  let server: Server;
  let baseUrl: string;

  before(async () => {
    // given an API whose routes fail in the ways services fail
    const api = new ApiRouter();
    api.route(
      { method: 'get', path: '/boom', summary: 'a bug', tag: 'test', access: 'public' },
      () => {
        throw new Error('SELECT secret FROM somewhere failed at /srv/prapa/engine/x.ts:12');
      },
    );
    api.route(
      { method: 'get', path: '/bank', summary: 'the bank is down', tag: 'test', access: 'public' },
      () => {
        throw new OperationalError('bank stub timed out after 30 s');
      },
    );
    api.route(
      {
        method: 'get',
        path: '/echo',
        summary: 'echo',
        tag: 'test',
        access: 'public',
        query: z.object({ n: z.coerce.number().int() }),
      },
      ({ query }) => ({
        n: query.n,
      }),
    );
    const app = buildApp({
      log: createLog('silent').scoped('http'),
      api,
      authenticate: (_req, _res, next) => next(),
      appsDir: path.join(os.tmpdir(), 'prapa-no-apps'),
      trustProxy: false,
      version: 'test',
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (p: string): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl}/api/v1${p}`);
    return { status: res.status, body: await res.json(), headers: res.headers };
  };

  it('should answer an unexpected error with 500 and never show its message', async () => {
    // when
    const res = await get('/boom');

    // then
    const p = assertProblem(res, 500, 'internal');
    assert.doesNotMatch(JSON.stringify(p), /secret|somewhere|x\.ts/);
  });

  it('should answer an operational error with 503 and never show its message', async () => {
    // when
    const res = await get('/bank');

    // then
    const p = assertProblem(res, 503, 'unavailable');
    assert.doesNotMatch(JSON.stringify(p), /timed out/);
  });

  it('should hand a handler its parsed input', async () => {
    const res = await get('/echo?n=42');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { n: 42 });
  });
});
