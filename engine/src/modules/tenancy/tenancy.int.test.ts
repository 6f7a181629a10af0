import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TenantScopeError } from '../../db/tenant-scope.js';
import { asSystem, asTenant } from '../../http/request-context.js';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { Village } from './village.model.js';
import { Waterworks } from './waterworks.model.js';

interface Item {
  id: number;
  code?: string;
  name: string;
  moo?: number;
  waterworksId?: number | null;
  villageCount?: number;
}

describe(`tenant isolation through the API on ${testDialect()}`, () => {
  let server: TestServer;
  let adminA: string;
  let adminB: string;
  let residentA: string;
  let worksA: Item[];
  let villagesA: Item[];
  let worksB: Item[];
  let villagesB: Item[];
  let tenantA: number;
  let tenantB: number;

  const list = async (token: string, what: 'waterworks' | 'villages'): Promise<Item[]> => {
    const res = await server.api('GET', `/${what}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items;
  };

  before(async () => {
    server = await startTestServer();
    [adminA, adminB, residentA] = await Promise.all([
      server.login('admin'),
      server.login('admin_b'),
      server.login('resident1'),
    ]);
    [worksA, villagesA, worksB, villagesB] = await Promise.all([
      list(adminA, 'waterworks'),
      list(adminA, 'villages'),
      list(adminB, 'waterworks'),
      list(adminB, 'villages'),
    ]);
    tenantA = (await server.api('GET', '/tenant', { token: adminA })).body.id;
    tenantB = (await server.api('GET', '/tenant', { token: adminB })).body.id;
  });
  after(() => server?.stop());

  describe('lists', () => {
    it('should show tenant A’s admin only tenant A’s waterworks and villages', () => {
      assert.deepEqual(
        worksA.map((w) => w.code),
        ['WW1', 'WW2'],
      );
      assert.deepEqual(
        villagesA.map((v) => v.moo),
        [1, 2, 3, 4, 5, 6],
      );
    });

    it('should show admin_b only tenant B’s waterworks and villages', () => {
      assert.deepEqual(
        worksB.map((w) => [w.code, w.name]),
        [['TC1', 'ประปาเทศบาลตำบลท่าช้าง']],
      );
      assert.deepEqual(
        villagesB.map((v) => [v.moo, v.name]),
        [
          [1, 'บ้านท่าช้าง'],
          [2, 'บ้านท่าข้าม'],
        ],
      );
    });

    it('should count only the tenant’s own villages under each waterworks', () => {
      assert.deepEqual(
        worksA.map((w) => w.villageCount),
        [3, 3],
      );
      assert.deepEqual(
        worksB.map((w) => w.villageCount),
        [2],
      );
    });

    it('should keep residents out of the staff lists (403)', async () => {
      assertProblem(await server.api('GET', '/villages', { token: residentA }), 403);
    });
  });

  describe('another tenant’s rows by id', () => {
    it('should let tenant A’s admin read its own waterworks and village (the control)', async () => {
      assert.equal(
        (await server.api('GET', `/waterworks/${worksA[0]!.id}`, { token: adminA })).status,
        200,
      );
      assert.equal(
        (await server.api('GET', `/villages/${villagesA[0]!.id}`, { token: adminA })).status,
        200,
      );
    });

    it('should answer admin_b 404 for each of tenant A’s waterworks and villages', async () => {
      for (const w of worksA)
        assertProblem(
          await server.api('GET', `/waterworks/${w.id}`, { token: adminB }),
          404,
          'not_found',
        );
      for (const v of villagesA)
        assertProblem(
          await server.api('GET', `/villages/${v.id}`, { token: adminB }),
          404,
          'not_found',
        );
    });

    it('should answer admin_b 404 when it PATCHes tenant A’s waterworks and villages, and change nothing', async () => {
      // given
      const works = worksA[0]!;
      const village = villagesA[0]!;

      // when
      const w = await server.api('PATCH', `/waterworks/${works.id}`, {
        token: adminB,
        body: { name: 'ยึดโดยท่าช้าง', code: 'STOLEN' },
      });
      const v = await server.api('PATCH', `/villages/${village.id}`, {
        token: adminB,
        body: { name: 'ยึดโดยท่าช้าง', moo: 77 },
      });

      // then
      assertProblem(w, 404, 'not_found');
      assertProblem(v, 404, 'not_found');
      const worksNow = await server.api('GET', `/waterworks/${works.id}`, { token: adminA });
      const villageNow = await server.api('GET', `/villages/${village.id}`, { token: adminA });
      assert.deepEqual(
        { code: worksNow.body.code, name: worksNow.body.name },
        { code: works.code, name: works.name },
      );
      assert.deepEqual(
        { moo: villageNow.body.moo, name: villageNow.body.name },
        { moo: village.moo, name: village.name },
      );
    });

    it('should refuse admin_b a village that points at tenant A’s waterworks (422), and create nothing', async () => {
      // when
      const res = await server.api('POST', '/villages', {
        token: adminB,
        body: { moo: 9, name: 'บ้านแอบอ้าง', waterworksId: worksA[0]!.id },
      });

      // then
      const p = assertProblem(res, 422, 'unknown_waterworks');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['waterworksId'],
      );
      assert.deepEqual(await list(adminB, 'villages'), villagesB);
      assert.deepEqual(await list(adminA, 'villages'), villagesA);
    });

    it('should refuse admin_b moving its own village onto tenant A’s waterworks (422)', async () => {
      // when
      const res = await server.api('PATCH', `/villages/${villagesB[0]!.id}`, {
        token: adminB,
        body: { waterworksId: worksA[1]!.id },
      });

      // then
      assertProblem(res, 422, 'unknown_waterworks');
      const now = await server.api('GET', `/villages/${villagesB[0]!.id}`, { token: adminB });
      assert.equal(now.body.waterworksId, villagesB[0]!.waterworksId);
    });
  });

  describe('GET /tenant', () => {
    const cases = [
      { username: 'admin', code: 'nongbua', name: 'องค์การบริหารส่วนตำบลหนองบัวทอง' },
      { username: 'resident1', code: 'nongbua', name: 'องค์การบริหารส่วนตำบลหนองบัวทอง' },
      { username: 'admin_b', code: 'thachang', name: 'เทศบาลตำบลท่าช้าง' },
      { username: 'clerk_b', code: 'thachang', name: 'เทศบาลตำบลท่าช้าง' },
    ];
    for (const { username, code, name } of cases) {
      it(`should give ${username} the ${code} tenant`, async () => {
        // given
        const token =
          username === 'admin'
            ? adminA
            : username === 'admin_b'
              ? adminB
              : username === 'resident1'
                ? residentA
                : await server.login(username);

        // when
        const res = await server.api('GET', '/tenant', { token });

        // then
        assert.equal(res.status, 200);
        assert.equal(res.body.code, code);
        assert.equal(res.body.name, name);
      });
    }

    it('should let admin_b edit only tenant B’s profile', async () => {
      // given
      const tenantABefore = (await server.api('GET', '/tenant', { token: adminA })).body;

      // when
      const res = await server.api('PATCH', '/tenant', {
        token: adminB,
        body: { phone: '036-999-999' },
      });

      // then
      assert.equal(res.status, 200);
      assert.equal(res.body.code, 'thachang');
      assert.equal(res.body.phone, '036-999-999');
      assert.deepEqual((await server.api('GET', '/tenant', { token: adminA })).body, tenantABefore);
    });
  });

  describe('numbers and codes per tenant', () => {
    it('should allow the same หมู่ number in both tenants', async () => {
      // given tenant A has หมู่ 3; tenant B has not
      assert.ok(villagesA.some((v) => v.moo === 3));

      // when
      const res = await server.api('POST', '/villages', {
        token: adminB,
        body: { moo: 3, name: 'บ้านโพธิ์ทอง', waterworksId: worksB[0]!.id },
      });

      // then
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.moo, 3);
    });

    it('should refuse the same หมู่ number twice within one tenant (409)', async () => {
      const res = await server.api('POST', '/villages', {
        token: adminB,
        body: { moo: 1, name: 'บ้านท่าช้างซ้ำ' },
      });
      assertProblem(res, 409, 'village_moo_taken');
    });

    it('should allow the same waterworks code in both tenants', async () => {
      const res = await server.api('POST', '/waterworks', {
        token: adminB,
        body: { code: 'WW1', name: 'ประปาท่าช้าง 2' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    });
  });

  describe('audit events', () => {
    it('should show each tenant only its own audit events', async () => {
      // when
      const a = await server.api('GET', '/audit-events?action=waterworks.create&limit=500', {
        token: adminA,
      });
      const b = await server.api('GET', '/audit-events?action=waterworks.create&limit=500', {
        token: adminB,
      });

      // then
      const codes = (res: typeof a) =>
        res.body.items.map((e: { after: { code: string } }) => e.after.code).sort();
      assert.deepEqual(codes(a), ['WW1', 'WW2']);
      assert.deepEqual(codes(b), ['TC1', 'WW1']);
      assert.ok(
        b.body.items.every((e: { after: { tenantId: number } }) => e.after.tenantId === tenantB),
      );
    });
  });

  describe('the tenant scope, below the API', () => {
    it('should fail closed: a query on a tenant-owned model with no request context throws', async () => {
      await assert.rejects(() => Waterworks.findAll(), TenantScopeError);
      await assert.rejects(() => Village.findByPk(villagesA[0]!.id), TenantScopeError);
      await assert.rejects(() => Waterworks.count(), TenantScopeError);
      await assert.rejects(
        () => Waterworks.update({ name: 'x' }, { where: { id: worksA[0]!.id } }),
        TenantScopeError,
      );
      await assert.rejects(
        () => Village.destroy({ where: { id: villagesA[0]!.id } }),
        TenantScopeError,
      );
      await assert.rejects(
        () => Waterworks.create({ code: 'NOCTX', name: 'ไม่มีบริบท' }),
        TenantScopeError,
      );
    });

    it('should fail closed in services too', async () => {
      await assert.rejects(() => server.engine.services.tenancy.listWaterworks(), TenantScopeError);
    });

    it('should limit a tenant’s context to its own rows, for reads and bulk writes', async () => {
      // when
      const seen = await asTenant(tenantB, () => Waterworks.findByPk(worksA[0]!.id));
      const [changed] = await asTenant(tenantB, () =>
        Waterworks.update({ name: 'แก้ข้ามเขต' }, { where: { id: worksA[0]!.id } }),
      );

      // then
      assert.equal(seen, null);
      assert.equal(changed, 0);
      const row = await asTenant(tenantA, () => Waterworks.findByPk(worksA[0]!.id));
      assert.equal(row?.name, worksA[0]!.name);
    });

    it('should limit a bulk delete to the tenant’s own rows (regression: destroy named a missing tenantId column)', async () => {
      // given a village of each tenant with the same moo, nothing referring to them
      const [a, b] = await Promise.all([
        asTenant(tenantA, () => Village.create({ moo: 88, name: 'บ้านทดลองเอ' })),
        asTenant(tenantB, () => Village.create({ moo: 88, name: 'บ้านทดลองบี' })),
      ]);

      // when tenant B deletes moo 88
      const deleted = await asTenant(tenantB, () => Village.destroy({ where: { moo: 88 } }));

      // then only B's row went
      assert.equal(deleted, 1);
      assert.equal((await asSystem(() => Village.findByPk(b.id))) ?? null, null);
      assert.equal((await asSystem(() => Village.findByPk(a.id)))?.name, 'บ้านทดลองเอ');
      await asTenant(tenantA, () => Village.destroy({ where: { id: a.id } }));
    });

    it('should refuse to insert a row for another tenant, or move a row to another tenant', async () => {
      // when / then
      await assert.rejects(
        () =>
          asTenant(tenantB, () =>
            Waterworks.create({ code: 'X1', name: 'ข้ามเขต', tenantId: tenantA }),
          ),
        TenantScopeError,
      );
      const row = (await asTenant(tenantB, () => Waterworks.findByPk(worksB[0]!.id)))!;
      await assert.rejects(
        () => asTenant(tenantB, () => row.update({ tenantId: tenantA })),
        TenantScopeError,
      );
      const still = await asSystem(() => Waterworks.findByPk(worksB[0]!.id));
      assert.equal(still?.tenantId, tenantB);
    });

    it('should see every tenant’s rows only when running as the system on purpose', async () => {
      const all = await asSystem(() => Waterworks.findAll());
      assert.deepEqual([...new Set(all.map((w) => w.tenantId))].sort(), [tenantA, tenantB].sort());
    });
  });
});
