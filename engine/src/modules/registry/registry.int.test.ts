import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asTenant } from '../../http/request-context.js';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';

interface Item {
  id: number;
  number: string;
  status: string;
  waterUser: { id: number; name: string; phone: string | null };
  houseNo: string | null;
  moo: number | null;
  villageId: number | null;
  waterworksId: number;
  meter: { serial: string; size: string } | null;
}

const MASKED = /^x-xxxx-xxxxx-\d\d-\d$/;

describe(`water-user registry on ${testDialect()}`, () => {
  let server: TestServer;
  let clerk: string;
  let admin: string;
  let reader: string;
  let adminB: string;
  let resident1: string;
  let resident2: string;
  let ww1: number;
  let ww2: number;
  let village: Record<number, number>;
  let tenantA: number;

  const search = async (query: string, token = clerk) => {
    const res = await server.api('GET', `/accounts?${query}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { items: Item[]; total: number; page: number; limit: number };
  };

  /** A new water user and their account, through the API as a clerk would. */
  const open = async (user: Record<string, unknown>, account: Record<string, unknown> = {}) => {
    const u = await server.api('POST', '/water-users', { token: clerk, body: user });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    const a = await server.api('POST', '/accounts', {
      token: clerk,
      body: { waterUserId: u.body.id, waterworksId: ww1, villageId: village[2], ...account },
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    return a.body;
  };

  before(async () => {
    server = await startTestServer();
    clerk = await server.login('clerk');
    admin = await server.login('admin');
    reader = await server.login('reader');
    adminB = await server.login('admin_b');
    resident1 = await server.login('resident1');
    resident2 = await server.login('resident2');
    const works = (await server.api('GET', '/waterworks', { token: clerk })).body.items;
    ww1 = works.find((w: { code: string }) => w.code === 'WW1').id;
    ww2 = works.find((w: { code: string }) => w.code === 'WW2').id;
    const villages = (await server.api('GET', '/villages', { token: clerk })).body.items;
    village = Object.fromEntries(villages.map((v: { moo: number; id: number }) => [v.moo, v.id]));
    tenantA = (await server.api('GET', '/tenant', { token: clerk })).body.id;
  });
  after(() => server?.stop());

  describe('demo registry', () => {
    it('should hold about 300 accounts in the main tenant and about 20 in the second', async () => {
      // given the demo data
      // when both tenants list their accounts
      const a = await search('limit=1');
      const b = await search('limit=1', adminB);
      // then
      assert.ok(a.total >= 290 && a.total <= 320, `main tenant: ${a.total}`);
      assert.ok(b.total >= 18 && b.total <= 25, `second tenant: ${b.total}`);
    });

    it('should have temples, schools and the อบต. office as organisations of customer type 2', async () => {
      for (const q of ['วัด', 'โรงเรียน', 'ที่ทำการองค์การบริหารส่วนตำบล']) {
        const res = await server.api('GET', `/water-users?q=${encodeURIComponent(q)}`, {
          token: clerk,
        });
        assert.ok(res.body.items.length >= 1, q);
        for (const u of res.body.items) {
          assert.equal(u.kind, 'organisation', u.name);
          assert.equal(u.customerType, '2', u.name);
        }
      }
    });
  });

  describe('create and edit', () => {
    it('should open a pending account numbered by the tenant’s scheme, after the demo’s numbers', async () => {
      // given the demo's WW1 accounts
      const before = await search(`waterworks=${ww1}&limit=200`);
      const highest = Math.max(...before.items.map((i) => Number(i.number.slice(4))));
      // when a clerk opens a new account without a number
      const a = await open({ kind: 'person', name: 'นายใหม่ เปิดบัญชี', moo: 2 });
      // then it is pending, has no meter yet, and takes the next number
      assert.equal(a.status, 'pending');
      assert.equal(a.meter, null);
      assert.match(a.number, /^WW1-\d{5}$/);
      assert.equal(Number(a.number.slice(4)), highest + 1);
    });

    it('should activate a pending account with its first meter', async () => {
      // given a pending account
      const a = await open({ kind: 'person', name: 'นายรอ ติดตั้ง', moo: 2 });
      // when the technician's meter goes on
      const res = await server.api('POST', `/accounts/${a.id}/activate`, {
        token: clerk,
        body: {
          serial: 'ACT-0001',
          size: '1/2',
          digits: 5,
          initialReading: 0,
          installedOn: '2026-11-02',
        },
      });
      // then the account is active from that day with that meter
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'active');
      assert.equal(res.body.openedOn, '2026-11-02');
      assert.equal(res.body.meter.serial, 'ACT-0001');
    });

    it('should find a renamed water user by the new name and NOT by the old one', async () => {
      // given an account found by its owner's name
      const a = await open({ kind: 'person', name: 'นางเก่าแก่ ชื่อเดิม', moo: 2 });
      assert.equal((await search('q=ชื่อเดิม')).total, 1);
      // when the clerk corrects the name
      const res = await server.api('PATCH', `/water-users/${a.waterUserId}`, {
        token: clerk,
        body: { name: 'นางใหม่เอี่ยม นามสกุลใหม่' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      // then the search follows
      assert.equal((await search('q=ชื่อเดิม')).total, 0);
      assert.deepEqual(
        (await search('q=นามสกุลใหม่')).items.map((i) => i.id),
        [a.id],
      );
    });

    it('should edit an account’s route order, tariff and status', async () => {
      const a = await open({ kind: 'person', name: 'นายแก้ไข บัญชี', moo: 2 });
      const res = await server.api('PATCH', `/accounts/${a.id}`, {
        token: clerk,
        body: { routeOrder: 777, tariffCode: 'VILLAGE-FLAT', status: 'suspended' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const got = (await server.api('GET', `/accounts/${a.id}`, { token: clerk })).body;
      assert.equal(got.routeOrder, 777);
      assert.equal(got.tariffCode, 'VILLAGE-FLAT');
      assert.equal(got.status, 'suspended');
    });

    it('should give ten accounts opened at once ten different numbers', async () => {
      // given ten water users
      const users = [];
      for (let i = 0; i < 10; i++)
        users.push(
          (
            await server.api('POST', '/water-users', {
              token: clerk,
              body: { kind: 'person', name: `นายพร้อมกัน คนที่${i}` },
            })
          ).body.id,
        );
      // when their accounts are opened concurrently, in a village of WW2
      const res = await Promise.all(
        users.map((waterUserId) =>
          server.api('POST', '/accounts', {
            token: clerk,
            body: { waterUserId, waterworksId: ww2, villageId: village[6] },
          }),
        ),
      );
      // then
      assert.deepEqual(
        res.map((r) => r.status),
        users.map(() => 201),
      );
      const numbers = res.map((r) => r.body.number as string);
      assert.equal(new Set(numbers).size, 10, numbers.join(' '));
      for (const n of numbers) assert.match(n, /^WW2-\d{5}$/);
    });

    it('should NOT accept a national ID with a wrong check digit (422 on nationalId, in Thai)', async () => {
      const res = await server.api('POST', '/water-users', {
        token: clerk,
        body: { kind: 'person', name: 'นายผิด เลขบัตร', nationalId: '1234567890123' },
      });
      const p = assertProblem(res, 422, 'validation');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['nationalId'],
      );
      assert.match(p.errors![0]!.message.th, /เลขประจำตัวประชาชน/);
    });

    it('should NOT give two accounts the same number (409 on number)', async () => {
      const a = await open({ kind: 'person', name: 'นายเลข ซ้ำ', moo: 2 });
      const u = await server.api('POST', '/water-users', {
        token: clerk,
        body: { kind: 'person', name: 'นายอีก คน' },
      });
      const res = await server.api('POST', '/accounts', {
        token: clerk,
        body: { waterUserId: u.body.id, waterworksId: ww1, number: a.number },
      });
      const p = assertProblem(res, 409, 'account_number_taken');
      assert.equal(p.errors?.[0]?.path, 'number');
    });

    it('should NOT place an account of WW1 in a village that WW2 serves', async () => {
      const u = await server.api('POST', '/water-users', {
        token: clerk,
        body: { kind: 'person', name: 'นายผิด หมู่' },
      });
      const res = await server.api('POST', '/accounts', {
        token: clerk,
        body: { waterUserId: u.body.id, waterworksId: ww1, villageId: village[5] },
      });
      const p = assertProblem(res, 422, 'village_of_other_waterworks');
      assert.equal(p.errors?.[0]?.path, 'villageId');
    });

    it('should NOT let a meter reader edit the registry (403)', async () => {
      assertProblem(
        await server.api('POST', '/water-users', {
          token: reader,
          body: { kind: 'person', name: 'นายไม่ มีสิทธิ์' },
        }),
        403,
      );
    });
  });

  describe('search', () => {
    it('should find names starting with a Thai syllable: "สม" finds สมชาย, สมศักดิ์ …', async () => {
      const r = await search('q=สม&limit=100');
      assert.ok(r.total >= 10, `total ${r.total}`);
      for (const i of r.items) assert.match(i.waterUser.name, /สม/, i.waterUser.name);
      assert.ok(r.items.some((i) => /สมชาย/.test(i.waterUser.name)));
    });

    it('should find a part inside a name: "ชาย" finds สมชาย', async () => {
      const r = await search('q=ชาย&limit=100');
      assert.ok(r.items.some((i) => i.waterUser.name.includes('สมชาย')));
      for (const i of r.items) assert.match(i.waterUser.name, /ชาย/);
    });

    it('should need every word: "สมชาย ศรีสุข" finds only people with both', async () => {
      const both = await search(`q=${encodeURIComponent('สมชาย ศรีสุข')}&limit=100`);
      const first = await search('q=สมชาย&limit=100');
      assert.ok(both.total < first.total);
      for (const i of both.items) {
        assert.match(i.waterUser.name, /สมชาย/);
        assert.match(i.waterUser.name, /ศรีสุข/);
      }
    });

    it('should find an account by number, house number, meter serial and phone (with or without dashes)', async () => {
      // given an account with all four
      const a = await open(
        { kind: 'person', name: 'นายค้น หาเจอ', phone: '089-555-0123', houseNo: '812/7', moo: 2 },
        {
          meter: {
            serial: 'ZX-998877',
            size: '3/4',
            digits: 6,
            initialReading: 5,
            installedOn: '2026-10-01',
          },
        },
      );
      // when searched by each, then it is found
      for (const q of [
        a.number,
        '812/7',
        'ZX-998877',
        '998877',
        '089-555-0123',
        '0895550123',
        '0123',
      ]) {
        const r = await search(`q=${encodeURIComponent(q)}`);
        assert.ok(
          r.items.some((i) => i.id === a.id),
          `${q} should find ${a.number}: ${JSON.stringify(r.items.map((i) => i.number))}`,
        );
      }
      const hit = (await search('q=ZX-998877')).items[0]!;
      assert.deepEqual(hit.meter, { serial: 'ZX-998877', size: '3/4' });
      assert.equal(hit.houseNo, '812/7');
      assert.equal(hit.waterUser.phone, '089-555-0123');
    });

    it('should filter by village, waterworks and status, and page in account-number order', async () => {
      const moo3 = await search(`village=${village[3]}&limit=100`);
      assert.ok(moo3.total > 0);
      for (const i of moo3.items) assert.equal(i.villageId, village[3]);
      const ww2Active = await search(`waterworks=${ww2}&status=active&limit=100`);
      for (const i of ww2Active.items) {
        assert.equal(i.waterworksId, ww2);
        assert.equal(i.status, 'active');
      }
      // pages: disjoint, ordered, and together the whole of the first 20
      const p1 = await search('limit=10&page=1');
      const p2 = await search('limit=10&page=2');
      const both = await search('limit=20&page=1');
      assert.deepEqual(
        [...p1.items, ...p2.items].map((i) => i.number),
        both.items.map((i) => i.number),
      );
      const numbers = both.items.map((i) => i.number);
      assert.deepEqual(numbers, [...numbers].sort());
      assert.equal(p2.page, 2);
      assert.equal(p2.limit, 10);
      assert.equal(p1.total, both.total);
    });

    it('should answer 400 for a page size over 200', async () => {
      assertProblem(await server.api('GET', '/accounts?limit=1000', { token: clerk }), 400);
    });
  });

  describe('tenant isolation', () => {
    it('should answer another tenant’s account, its meters and edits with 404', async () => {
      const a = (await search('limit=1')).items[0]!;
      assertProblem(
        await server.api('GET', `/accounts/${a.id}`, { token: adminB }),
        404,
        'not_found',
      );
      assertProblem(
        await server.api('GET', `/accounts/${a.id}/meters`, { token: adminB }),
        404,
        'not_found',
      );
      assertProblem(
        await server.api('PATCH', `/accounts/${a.id}`, { token: adminB, body: { routeOrder: 1 } }),
        404,
      );
      assertProblem(
        await server.api('GET', `/water-users/${a.waterUser.id}`, { token: adminB }),
        404,
      );
      // and the other tenant's search does not find it by its number
      assert.equal((await search(`q=${a.number}`, adminB)).total, 0);
    });
  });

  describe('residents', () => {
    it('should show a resident only the accounts linked to them', async () => {
      const mine1 = await search('limit=100', resident1);
      const mine2 = await search('limit=100', resident2);
      assert.equal(mine1.total, 1);
      assert.equal(mine2.total, 2);
      assert.match(mine1.items[0]!.waterUser.name, /มาลี ศรีสวัสดิ์/);
      for (const i of mine2.items) assert.match(i.waterUser.name, /ประยูร บุญเรือง/);
      // the service gives billing the same answer
      const me = (await server.api('GET', '/me', { token: resident2 })).body;
      const viaService = await asTenant(tenantA, () =>
        server.engine.services.registry.accountsOfResident(me.id),
      );
      assert.deepEqual(viaService.map((a) => a.id).sort(), mine2.items.map((i) => i.id).sort());
    });

    it('should answer a resident 404 for an account NOT linked to them, 200 for their own', async () => {
      const own = (await search('limit=1', resident1)).items[0]!;
      const other = (await search('limit=1', resident2)).items[0]!;
      assert.equal(
        (await server.api('GET', `/accounts/${own.id}`, { token: resident1 })).status,
        200,
      );
      assert.equal(
        (await server.api('GET', `/accounts/${own.id}/meters`, { token: resident1 })).status,
        200,
      );
      assertProblem(await server.api('GET', `/accounts/${other.id}`, { token: resident1 }), 404);
      assertProblem(
        await server.api('GET', `/accounts/${other.id}/meters`, { token: resident1 }),
        404,
      );
    });

    it('should NOT let a resident read water users or edit accounts (403)', async () => {
      const own = (await search('limit=1', resident1)).items[0]!;
      assertProblem(await server.api('GET', '/water-users', { token: resident1 }), 403);
      assertProblem(
        await server.api('PATCH', `/accounts/${own.id}`, {
          token: resident1,
          body: { routeOrder: 1 },
        }),
        403,
      );
    });

    it('should link and unlink a resident, and refuse linking a staff user', async () => {
      const me = (await server.api('GET', '/me', { token: resident1 })).body;
      const a = await open({ kind: 'person', name: 'นางมาลี ศรีสวัสดิ์', moo: 2 });
      const link = await server.api('POST', `/accounts/${a.id}/residents`, {
        token: clerk,
        body: { userId: me.id },
      });
      assert.equal(link.status, 201, JSON.stringify(link.body));
      assert.equal((await search('limit=100', resident1)).total, 2);
      const unlink = await server.api('DELETE', `/accounts/${a.id}/residents/${me.id}`, {
        token: clerk,
      });
      assert.equal(unlink.status, 204);
      assert.equal((await search('limit=100', resident1)).total, 1);
      const staff = (await server.api('GET', '/me', { token: reader })).body;
      const p = assertProblem(
        await server.api('POST', `/accounts/${a.id}/residents`, {
          token: clerk,
          body: { userId: staff.id },
        }),
        422,
        'not_a_resident',
      );
      assert.equal(p.errors?.[0]?.path, 'userId');
    });
  });

  describe('national ID', () => {
    it('should mask it in lists and in the account, and show it whole to admin and clerk in the detail', async () => {
      const list = await server.api('GET', '/water-users?limit=50', { token: clerk });
      const withId = list.body.items.filter((u: { nationalId: string | null }) => u.nationalId);
      assert.ok(withId.length > 10);
      for (const u of withId) assert.match(u.nationalId, MASKED);
      const id = withId[0].id;
      for (const token of [clerk, admin]) {
        const whole = (await server.api('GET', `/water-users/${id}`, { token })).body.nationalId;
        assert.match(whole, /^\d{13}$/);
        assert.equal(whole.slice(10), withId[0].nationalId.replace(/\D/g, '').slice(-3));
      }
      // a meter reader is staff but does not see it whole
      assert.match(
        (await server.api('GET', `/water-users/${id}`, { token: reader })).body.nationalId,
        MASKED,
      );
      const acc = (await search(`q=${encodeURIComponent(withId[0].name)}`)).items[0]!;
      const detail = (await server.api('GET', `/accounts/${acc.id}`, { token: clerk })).body;
      assert.match(detail.waterUser.nationalId, MASKED);
    });
  });

  describe('meters', () => {
    it('should keep the replacement history: the old meter ends at its final reading, the new one starts', async () => {
      // given an active account with a meter
      const a = await open(
        { kind: 'person', name: 'นายเปลี่ยน มาตร', moo: 2 },
        {
          meter: {
            serial: 'OLD-1',
            size: '1/2',
            digits: 4,
            initialReading: 0,
            installedOn: '2025-01-10',
          },
        },
      );
      // when the technician replaces it
      const res = await server.api('POST', `/accounts/${a.id}/meter-replacements`, {
        token: clerk,
        body: {
          oldFinalReading: 9876,
          serial: 'NEW-2',
          size: '3/4',
          digits: 6,
          initialReading: 2,
          date: '2026-06-30',
        },
      });
      // then both are in the history, in order
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const history = (await server.api('GET', `/accounts/${a.id}/meters`, { token: clerk })).body
        .items;
      assert.deepEqual(
        history.map((m: Record<string, unknown>) => [
          m.serial,
          m.status,
          m.installedOn,
          m.removedOn,
          m.finalReading,
          m.initialReading,
        ]),
        [
          ['OLD-1', 'removed', '2025-01-10', '2026-06-30', 9876, 0],
          ['NEW-2', 'active', '2026-06-30', null, null, 2],
        ],
      );
      assert.equal(history[1].replacesMeterId, history[0].id);
      assert.equal(
        (await server.api('GET', `/accounts/${a.id}`, { token: clerk })).body.meter.serial,
        'NEW-2',
      );
      // and billing sees the new meter with the replaced one's final reading
      const page = await asTenant(tenantA, () =>
        server.engine.services.registry.billingAccounts({
          waterworksId: ww1,
          afterId: a.id - 1,
          limit: 1,
        }),
      );
      assert.equal(page[0]!.accountId, a.id);
      assert.deepEqual(page[0]!.meter, {
        id: history[1].id,
        serial: 'NEW-2',
        size: '3/4',
        digits: 6,
        initialReading: 2,
        installedOn: '2026-06-30',
        replacedMeter: { id: history[0].id, finalReading: 9876, removedOn: '2026-06-30' },
      });
      // and the audit log has the replacement
      const events = await server.api('GET', '/audit-events?action=meter.replace', {
        token: admin,
      });
      assert.ok(
        events.body.items.some((e: { entityId: string }) => e.entityId === String(history[1].id)),
      );
    });

    it('should NOT replace a meter before it was installed, nor with a reading longer than its digits', async () => {
      const a = await open(
        { kind: 'person', name: 'นายวันที่ ผิด', moo: 2 },
        {
          meter: {
            serial: 'D-1',
            size: '1/2',
            digits: 4,
            initialReading: 0,
            installedOn: '2026-01-10',
          },
        },
      );
      const body = {
        oldFinalReading: 10,
        serial: 'D-2',
        size: '1/2',
        digits: 5,
        initialReading: 0,
        date: '2025-12-31',
      };
      const early = await server.api('POST', `/accounts/${a.id}/meter-replacements`, {
        token: clerk,
        body,
      });
      assert.equal(assertProblem(early, 422).errors?.[0]?.path, 'date');
      const long = await server.api('POST', `/accounts/${a.id}/meter-replacements`, {
        token: clerk,
        body: { ...body, date: '2026-02-01', oldFinalReading: 12345 },
      });
      assert.equal(assertProblem(long, 422).errors?.[0]?.path, 'oldFinalReading');
      const history = (await server.api('GET', `/accounts/${a.id}/meters`, { token: clerk })).body
        .items;
      assert.equal(history.length, 1);
    });
  });

  describe('billing pages', () => {
    it('should page through a waterworks’ active accounts by id, each once, with their meters', async () => {
      const svc = server.engine.services.registry;
      const seen: number[] = [];
      let afterId: number | undefined;
      for (;;) {
        const page = await asTenant(tenantA, () =>
          svc.billingAccounts({ waterworksId: ww2, afterId, limit: 25 }),
        );
        if (!page.length) break;
        for (const a of page) {
          assert.equal(a.status, 'active');
          assert.ok(a.meter, `${a.number} has a meter`);
          assert.ok(a.waterUserName.length > 0);
        }
        seen.push(...page.map((a) => a.accountId));
        afterId = page[page.length - 1]!.accountId;
      }
      assert.deepEqual(
        seen,
        [...seen].sort((x, y) => x - y),
      );
      assert.equal(new Set(seen).size, seen.length);
      assert.equal(seen.length, (await search(`waterworks=${ww2}&status=active&limit=1`)).total);
    });

    it('should number new accounts by the scheme the admin sets, and refuse a scheme without {seq:N}', async () => {
      // given the admin's scheme with the village
      const bad = await server.api('PATCH', '/registry/settings', {
        token: admin,
        body: { accountNumberFormat: '{works}-{moo}' },
      });
      assert.equal(assertProblem(bad, 422).errors?.[0]?.path, 'accountNumberFormat');
      const ok = await server.api('PATCH', '/registry/settings', {
        token: admin,
        body: { accountNumberFormat: '{works}/{moo}/{seq:4}' },
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assertProblem(
        await server.api('PATCH', '/registry/settings', {
          token: clerk,
          body: { accountNumberFormat: '{seq:5}' },
        }),
        403,
      );
      // when two accounts are opened in หมู่ 2
      const a = await open({ kind: 'person', name: 'นายเลข แบบใหม่', moo: 2 });
      const b = await open({ kind: 'person', name: 'นางเลข แบบใหม่', moo: 2 });
      // then
      assert.deepEqual([a.number, b.number], ['WW1/02/0001', 'WW1/02/0002']);
    });

    it('should verify the audit chain with every registry row accounted for', async () => {
      const res = await server.api('GET', '/audit/verify', { token: admin });
      assert.equal(res.status, 200);
      assert.equal(res.body.ok, true, JSON.stringify(res.body.broken));
    });
  });
});
