import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import {
  startTestServer,
  testDialect,
  type ApiResponse,
  type TestServer,
} from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { asSystem } from '../../http/request-context.js';
import { AuditEvent } from './audit-event.model.js';
import { verifyAuditChain, type VerifyResult } from './audit-verify.js';
import { linkHash } from './audit.service.js';

interface Event {
  id: number;
  seq: number;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  hash: string;
}

describe(`the audit chain on ${testDialect()}`, () => {
  let server: TestServer;
  let admin: string;
  let adminB: string;
  let tenantA: number;
  let tenantB: number;
  let ww1: { id: number; name: string };

  const sql = <T extends object>(query: string, replacements: unknown[] = []) =>
    server.engine.db.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });
  const exec = (query: string, replacements: unknown[] = []) =>
    server.engine.db.sequelize.query(query, { replacements });
  const verify = (tenantId?: number): Promise<VerifyResult> =>
    verifyAuditChain(server.engine.services.audit, tenantId);
  /** Every matching event, newest first, read page by page as a client would. */
  const events = async (query = ''): Promise<Event[]> => {
    const all: Event[] = [];
    for (;;) {
      const res = await server.api('GET', `/audit-events?limit=500&offset=${all.length}${query}`, {
        token: admin,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      all.push(...res.body.items);
      if (!res.body.items.length || all.length >= res.body.total) return all;
    }
  };

  before(async () => {
    server = await startTestServer();
    [admin, adminB] = await Promise.all([server.login('admin'), server.login('admin_b')]);
    tenantA = (await server.api('GET', '/tenant', { token: admin })).body.id;
    tenantB = (await server.api('GET', '/tenant', { token: adminB })).body.id;
    const works = (await server.api('GET', '/waterworks', { token: admin })).body.items;
    ww1 = works.find((w: { code: string }) => w.code === 'WW1');
  });
  after(() => server?.stop());

  it('should hold on the fresh demo', async () => {
    // when
    const result = await verify();

    // then
    assert.deepEqual(result.broken, []);
    assert.equal(result.ok, true);
    assert.equal(result.chains, 2);
    assert.ok(result.entitiesChecked >= 20, `${result.entitiesChecked} rows checked`);
  });

  describe('changes through the API', () => {
    let created: ApiResponse;
    let patched: ApiResponse;
    let village: ApiResponse;
    let villagePatched: ApiResponse;

    before(async () => {
      // when admin adds and edits a waterworks and a village
      created = await server.api('POST', '/waterworks', {
        token: admin,
        body: { code: 'WW9', name: 'ประปาหมู่ 9', latitude: 16.5, longitude: 102.9 },
        headers: { 'x-request-id': 'audit-test-create-0001' },
      });
      patched = await server.api('PATCH', `/waterworks/${created.body.id}`, {
        token: admin,
        body: { name: 'ประปาหมู่ 9 บ้านใหม่' },
      });
      village = await server.api('POST', '/villages', {
        token: admin,
        body: { moo: 9, name: 'บ้านใหม่', waterworksId: created.body.id },
      });
      villagePatched = await server.api('PATCH', `/villages/${village.body.id}`, {
        token: admin,
        body: { name: 'บ้านใหม่พัฒนา' },
      });
      for (const res of [created, patched, village, villagePatched])
        assert.ok(res.status < 300, JSON.stringify(res.body));
    });

    it('should append waterworks.create with the actor, the new row and the request id', async () => {
      // when
      const [e] = await events(`&action=waterworks.create&entityId=${created.body.id}`);

      // then
      assert.ok(e);
      assert.equal(e.actorName, 'admin');
      assert.equal(e.entityType, 'waterworks');
      assert.equal(e.before, null);
      assert.deepEqual(e.after, {
        id: created.body.id,
        tenantId: tenantA,
        code: 'WW9',
        name: 'ประปาหมู่ 9',
        address: null,
        latitude: 16.5,
        longitude: 102.9,
      });
      assert.equal(e.requestId, 'audit-test-create-0001');
    });

    it('should append waterworks.update with before and after and the request id of that call', async () => {
      // when
      const [e] = await events(`&action=waterworks.update&entityId=${created.body.id}`);

      // then
      assert.ok(e);
      assert.equal(e.before?.['name'], 'ประปาหมู่ 9');
      assert.equal(e.after?.['name'], 'ประปาหมู่ 9 บ้านใหม่');
      assert.equal(e.after?.['code'], 'WW9');
      assert.equal(e.requestId, patched.headers.get('x-request-id'));
    });

    it('should append village.create and village.update', async () => {
      // when
      const list = await events(`&entityType=village&entityId=${village.body.id}`);

      // then newest first
      assert.deepEqual(
        list.map((e) => e.action),
        ['village.update', 'village.create'],
      );
      const [update, create] = list as [Event, Event];
      assert.equal(create.after?.['waterworksId'], created.body.id);
      assert.deepEqual([update.before?.['name'], update.after?.['name']], ['บ้านใหม่', 'บ้านใหม่พัฒนา']);
      assert.equal(update.requestId, villagePatched.headers.get('x-request-id'));
      assert.equal(update.actorName, 'admin');
    });

    it('should give every event the next number in the tenant’s chain', async () => {
      const seqs = (await events()).map((e) => e.seq);
      assert.deepEqual(
        seqs,
        seqs.map((_, i) => seqs.length - i),
      );
    });

    it('should still hold after the changes', async () => {
      assert.deepEqual((await verify()).broken, []);
    });
  });

  describe('who may read it', () => {
    const access: { username: string; events: number; verify: number }[] = [
      { username: 'admin', events: 200, verify: 200 },
      { username: 'finance', events: 200, verify: 200 },
      { username: 'chief', events: 200, verify: 200 },
      { username: 'mayor', events: 200, verify: 403 },
      { username: 'clerk', events: 403, verify: 403 },
      { username: 'cashier', events: 403, verify: 403 },
      { username: 'resident1', events: 403, verify: 403 },
    ];
    const tokens = new Map<string, string>();

    before(async () => {
      const signedIn = await Promise.all(access.map((a) => server.login(a.username)));
      access.forEach((a, i) => tokens.set(a.username, signedIn[i]!));
    });

    for (const a of access) {
      it(`should answer ${a.username} ${a.events} for the events and ${a.verify} for the check`, async () => {
        // given
        const token = tokens.get(a.username)!;

        // when
        const list = await server.api('GET', '/audit-events', { token });
        const check = await server.api('GET', '/audit/verify', { token });

        // then
        if (a.events === 200) assert.equal(list.status, 200);
        else assertProblem(list, a.events, 'forbidden');
        if (a.verify === 200) assert.equal(check.status, 200);
        else assertProblem(check, a.verify, 'forbidden');
      });
    }
  });

  describe('concurrent changes', () => {
    it('should keep one valid chain with contiguous numbers when 20 PATCHes of one waterworks race', async () => {
      // given
      const earlier = await events(`&action=waterworks.update&entityId=${ww1.id}`);
      const names = Array.from({ length: 20 }, (_, i) => `${ww1.name} (${i + 1})`);

      // when
      const results = await Promise.all(
        names.map((name) =>
          server.api('PATCH', `/waterworks/${ww1.id}`, { token: admin, body: { name } }),
        ),
      );

      // then every PATCH took effect, one after another
      assert.deepEqual(
        results.map((r) => r.status),
        names.map(() => 200),
      );
      const all = await events(`&action=waterworks.update&entityId=${ww1.id}`);
      assert.equal(all.length, earlier.length + 20);
      const updates = all.slice(0, 20).reverse();
      assert.deepEqual(updates.map((e) => e.after?.['name']).sort(), [...names].sort());
      updates.forEach((e, i) => {
        if (i > 0)
          assert.deepEqual(
            e.before,
            updates[i - 1]!.after,
            `event ${e.seq} starts where ${e.seq - 1} ended`,
          );
      });
      const row = await server.api('GET', `/waterworks/${ww1.id}`, { token: admin });
      assert.equal(row.body.name, updates[updates.length - 1]!.after?.['name']);
      const seqs = (await events()).map((e) => e.seq);
      assert.deepEqual(
        seqs,
        seqs.map((_, i) => seqs.length - i),
      );
      assert.deepEqual((await verify()).broken, []);
      ww1 = { id: ww1.id, name: row.body.name };
    });

    it('should NOT deadlock on MariaDB when sign-ins and edits of different rows append to the chains at once', async () => {
      // given
      const [works, villages, villagesB] = await Promise.all([
        server.api('GET', '/waterworks', { token: admin }),
        server.api('GET', '/villages', { token: admin }),
        server.api('GET', '/villages', { token: adminB }),
      ]);

      // when
      const calls: Promise<ApiResponse>[] = [
        ...works.body.items.map((w: { id: number; name: string }) =>
          server.api('PATCH', `/waterworks/${w.id}`, {
            token: admin,
            body: { address: `แก้พร้อมกัน ${w.id}` },
          }),
        ),
        ...villages.body.items.map((v: { id: number; name: string }) =>
          server.api('PATCH', `/villages/${v.id}`, { token: admin, body: { name: `${v.name} ` } }),
        ),
        ...villagesB.body.items.map((v: { id: number; name: string }) =>
          server.api('PATCH', `/villages/${v.id}`, { token: adminB, body: { name: `${v.name}.` } }),
        ),
        ...['clerk', 'finance', 'reader', 'clerk_b', 'cashier_b'].map((u) =>
          server.api('POST', '/auth/login', { body: { username: u, password: 'prapa-demo' } }),
        ),
      ];
      const results = await Promise.all(calls);

      // then
      for (const r of results) assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual((await verify()).broken, []);
    });
  });

  describe('tampering behind the API’s back', () => {
    it('should name a row edited with raw SQL: row_differs, in the API check too', async () => {
      // given
      await exec('UPDATE waterworks SET name = ? WHERE id = ?', ['x', ww1.id]);

      // when
      const result = await verify();
      const api = await server.api('GET', '/audit/verify', { token: admin });
      const apiB = await server.api('GET', '/audit/verify', { token: adminB });

      // then
      assert.equal(result.ok, false);
      assert.equal(result.broken.length, 1);
      assert.deepEqual(
        {
          tenantId: result.broken[0]!.tenantId,
          entity: result.broken[0]!.entity,
          reason: result.broken[0]!.reason,
        },
        { tenantId: tenantA, entity: `waterworks:${ww1.id}`, reason: 'row_differs' },
      );
      assert.match(result.broken[0]!.detail, /name/);
      assert.equal(api.status, 200);
      assert.equal(api.body.ok, false);
      assert.deepEqual(api.body.broken, result.broken);
      assert.equal(apiB.body.ok, true, 'tenant B’s chain is untouched');
    });

    it('should hold again once the row is put back as the log says', async () => {
      // when
      await exec('UPDATE waterworks SET name = ? WHERE id = ?', [ww1.name, ww1.id]);

      // then
      assert.deepEqual((await verify()).broken, []);
    });

    it('should name a row inserted with raw SQL: row_unaudited', async () => {
      // given
      const now = new Date();
      await exec(
        'INSERT INTO villages (tenant_id, moo, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        [tenantB, 42, 'บ้านผี', now, now],
      );
      const [row] = await sql<{ id: number }>(
        'SELECT id FROM villages WHERE tenant_id = ? AND moo = 42',
        [tenantB],
      );

      // when
      const result = await verify();

      // then
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.broken.map((b) => [b.tenantId, b.entity, b.reason]),
        [[tenantB, `village:${row!.id}`, 'row_unaudited']],
      );
      await exec('DELETE FROM villages WHERE id = ?', [row!.id]);
      assert.deepEqual((await verify()).broken, []);
    });

    it('should name a row deleted with raw SQL: row_missing', async () => {
      // given a village made through the API (no accounts refer to it yet)
      const made = await server.api('POST', '/villages', {
        token: admin,
        body: { moo: 77, name: 'บ้านใหม่พัฒนา' },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const [v] = await sql<Record<string, unknown>>('SELECT * FROM villages WHERE id = ?', [
        made.body.id,
      ]);
      await exec('DELETE FROM villages WHERE id = ?', [v!['id']]);

      // when
      const result = await verify(tenantA);

      // then
      assert.deepEqual(
        result.broken.map((b) => [b.entity, b.reason]),
        [[`village:${v!['id']}`, 'row_missing']],
      );
      const cols = Object.keys(v!);
      await exec(
        `INSERT INTO villages (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        cols.map((c) => v![c]),
      );
      assert.deepEqual((await verify()).broken, []);
    });

    it('should name an event whose after_json was edited: hash_mismatch at its seq', async () => {
      // given
      const [e] = await sql<{ id: number; seq: number; after_json: string }>(
        "SELECT id, seq, after_json FROM audit_events WHERE tenant_id = ? AND action = 'village.create' ORDER BY seq LIMIT 1",
        [tenantA],
      );
      const forged = e!.after_json.replace(/"name":"[^"]*"/, '"name":"บ้านปลอม"');
      assert.notEqual(forged, e!.after_json);
      await exec('UPDATE audit_events SET after_json = ? WHERE id = ?', [forged, e!.id]);

      // when
      const result = await verify();

      // then
      assert.deepEqual(
        result.broken.map((b) => [b.tenantId, b.seq, b.eventId, b.reason]),
        [[tenantA, e!.seq, Number(e!.id), 'hash_mismatch']],
      );
      await exec('UPDATE audit_events SET after_json = ? WHERE id = ?', [e!.after_json, e!.id]);
      assert.deepEqual((await verify()).broken, []);
    });

    it('should name the next link when an event is rewritten with a freshly computed hash: prev_hash_mismatch', async () => {
      // given a link rewritten by someone who knows the hash recipe but did not rewrite every later link
      const [e] = await sql<{ seq: number }>(
        "SELECT seq FROM audit_events WHERE tenant_id = ? AND action = 'waterworks.create' ORDER BY seq LIMIT 1",
        [tenantA],
      );
      const row = (await asSystem(() =>
        AuditEvent.findOne({ where: { tenantId: tenantA, seq: e!.seq } }),
      ))!;
      const original = { after_json: row.afterJson, hash: row.hash };
      const afterJson = row.afterJson!.replace(/"name":"[^"]*"/, '"name":"ประปาปลอม"');
      const hash = linkHash(row.prevHash, { ...row.get({ plain: true }), afterJson });
      await exec('UPDATE audit_events SET after_json = ?, hash = ? WHERE id = ?', [
        afterJson,
        hash,
        row.id,
      ]);

      // when
      const result = await verify(tenantA);

      // then
      assert.deepEqual(
        result.broken.map((b) => [b.seq, b.reason]),
        [[e!.seq + 1, 'prev_hash_mismatch']],
      );
      await exec('UPDATE audit_events SET after_json = ?, hash = ? WHERE id = ?', [
        original.after_json,
        original.hash,
        row.id,
      ]);
      assert.deepEqual((await verify()).broken, []);
    });

    let lastOfB: number;

    it('should name the gap when the last event of a chain is deleted', async () => {
      // given
      const [last] = await sql<{ id: number; seq: number }>(
        'SELECT id, seq FROM audit_events WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1',
        [tenantB],
      );
      await exec('DELETE FROM audit_events WHERE id = ?', [last!.id]);
      lastOfB = last!.seq;

      // when
      const result = await verify(tenantB);
      const api = await server.api('GET', '/audit/verify', { token: adminB });

      // then
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.broken.map((b) => [b.tenantId, b.seq, b.reason]),
        [[tenantB, last!.seq, 'missing_link']],
      );
      assert.equal(api.body.ok, false);
      assert.deepEqual(api.body.broken, result.broken);
    });

    it('should name the gap when an event in the middle of a chain is deleted: missing_link at its seq', async () => {
      // given
      const [{ n }] = (await sql<{ n: number }>(
        'SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = ?',
        [tenantA],
      )) as [{ n: number }];
      const middle = Math.floor(Number(n) / 2);
      await exec('DELETE FROM audit_events WHERE tenant_id = ? AND seq = ?', [tenantA, middle]);

      // when
      const result = await verify();
      const api = await server.api('GET', '/audit/verify', { token: admin });

      // then each tenant's first broken link (tenant B's from the test before)
      assert.deepEqual(
        result.broken
          .map((b) => [b.tenantId, b.seq, b.reason])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
        [
          [tenantA, middle, 'missing_link'],
          [tenantB, lastOfB, 'missing_link'],
        ].sort((a, b) => Number(a[0]) - Number(b[0])),
      );
      assert.deepEqual(
        api.body.broken.map((b: { seq: number; reason: string }) => [b.seq, b.reason]),
        [[middle, 'missing_link']],
      );
    });
  });
});
