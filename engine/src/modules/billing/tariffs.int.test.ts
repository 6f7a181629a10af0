/**
 * Tariffs through the API: the presets' bills, a tenant's own tariff versions (with the
 * field at fault on a 422) and the waterworks defaults.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';

/** A village block tariff as the portal would send it. */
export const villageTariff = (over: Record<string, unknown> = {}) => ({
  code: 'NB-BLOCK',
  name: { th: 'อัตราขั้นบันไดหนองบัว', en: 'Nong Bua block tariff' },
  effectiveFrom: '2026-01-01',
  rounding: 'satang',
  vatBasisPoints: 0,
  customerTypes: [
    {
      code: '1',
      name: { th: 'บ้านพักอาศัย', en: 'Household' },
      blocks: [
        { uptoM3: 10, rateSatangPerM3: 500 },
        { uptoM3: 30, rateSatangPerM3: 700 },
        { uptoM3: null, rateSatangPerM3: 1000 },
      ],
      minimumChargeSatang: 3000,
    },
  ],
  meterFees: [{ meterSize: '1/2', feeSatang: 1000 }],
  levies: [],
  oneOffFees: {
    installation: [{ meterSize: '1/2', feeSatang: 150000 }],
    reconnectionSatang: 10000,
    latePenalty: { kind: 'none' },
  },
  ...over,
});

describe(`tariffs on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  let clerk: string;
  let financeB: string;

  before(async () => {
    srv = await startTestServer();
    [finance, clerk, financeB] = await Promise.all([
      srv.login('finance'),
      srv.login('clerk'),
      srv.login('admin_b'),
    ]);
  });
  after(() => srv?.stop());

  describe('POST /tariffs/preview on the presets', () => {
    const cases = [
      { code: 'PWA-1', m3: 10, water: 10200 },
      { code: 'PWA-1', m3: 20, water: 26200 },
      { code: 'PWA-1', m3: 30, water: 45200 },
      { code: 'PWA-2', m3: 5, water: 15000, why: 'the minimum charge of 150 baht' },
    ];
    for (const c of cases) {
      it(`should charge ${c.water} satang of water for ${c.m3} m³ on ${c.code}${c.why ? ` (${c.why})` : ''}`, async () => {
        // when
        const res = await srv.api('POST', '/tariffs/preview', {
          token: clerk,
          body: { tariffCode: c.code, consumptionM3: c.m3 },
        });

        // then
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.waterChargeSatang, c.water);
        assert.ok(res.body.totalSatang >= c.water);
        assert.ok(res.body.lines.length >= 1);
        const sum = res.body.lines.reduce(
          (s: number, l: { amountSatang: number }) => s + l.amountSatang,
          0,
        );
        assert.equal(sum, res.body.totalSatang, 'the lines add up to the total');
      });
    }

    it('should answer 422 on consumptionM3 for a negative consumption', async () => {
      const res = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffCode: 'PWA-1', consumptionM3: -1 },
      });
      const p = assertProblem(res, 422);
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['consumptionM3'],
      );
    });

    it('should answer 422 on tariffCode for an unknown tariff', async () => {
      const res = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffCode: 'NOPE', consumptionM3: 3 },
      });
      const p = assertProblem(res, 422, 'unknown_tariff');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['tariffCode'],
      );
    });
  });

  describe("a tenant's own tariffs", () => {
    it('should list the presets for every signed-in user', async () => {
      const res = await srv.api('GET', '/tariffs', { token: clerk });
      assert.equal(res.status, 200);
      const codes = res.body.items.map((t: { code: string }) => t.code);
      for (const c of ['PWA-1', 'PWA-2', 'PWA-3', 'MWA-1', 'MWA-2'])
        assert.ok(codes.includes(c), c);
    });

    it('should create a tariff, preview it by id and by code, and show it only to its tenant', async () => {
      // when
      const created = await srv.api('POST', '/tariffs', { token: finance, body: villageTariff() });

      // then
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.source, 'tenant');
      const byId = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffId: created.body.id, consumptionM3: 15, period: '2026-02' },
      });
      assert.equal(byId.status, 200, JSON.stringify(byId.body));
      // 10 × 5.00 + 5 × 7.00 = 85.00 baht of water, + 10.00 meter fee
      assert.equal(byId.body.waterChargeSatang, 8500);
      assert.equal(byId.body.totalSatang, 9500);
      const byCode = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffCode: 'NB-BLOCK', consumptionM3: 15, period: '2026-02' },
      });
      assert.deepEqual(byCode.body, byId.body);
      const otherTenant = await srv.api('GET', '/tariffs', { token: financeB });
      assert.ok(!otherTenant.body.items.some((t: { code: string }) => t.code === 'NB-BLOCK'));
      assertProblem(await srv.api('GET', `/tariffs/${created.body.id}`, { token: financeB }), 404);
    });

    it('should pick the version in force for the period', async () => {
      // given a second version from July
      const v2 = villageTariff({
        effectiveFrom: '2026-07-01',
        customerTypes: [
          {
            code: '1',
            name: { th: 'บ้านพักอาศัย', en: 'Household' },
            blocks: [{ uptoM3: null, rateSatangPerM3: 800 }],
          },
        ],
      });
      assert.equal((await srv.api('POST', '/tariffs', { token: finance, body: v2 })).status, 201);

      // when
      const june = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffCode: 'NB-BLOCK', consumptionM3: 15, period: '2026-06' },
      });
      const july = await srv.api('POST', '/tariffs/preview', {
        token: clerk,
        body: { tariffCode: 'NB-BLOCK', consumptionM3: 15, period: '2026-07' },
      });

      // then
      assert.equal(june.body.waterChargeSatang, 8500);
      assert.equal(july.body.waterChargeSatang, 12000);
    });

    it('should update a version with PUT', async () => {
      // given
      const created = await srv.api('POST', '/tariffs', {
        token: finance,
        body: villageTariff({ code: 'NB-FLAT', effectiveFrom: '2026-01-01' }),
      });

      // when
      const res = await srv.api('PUT', `/tariffs/${created.body.id}`, {
        token: finance,
        body: villageTariff({ code: 'NB-FLAT', meterFees: [] }),
      });

      // then
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.definition.meterFees, []);
    });

    const invalid: { why: string; body: Record<string, unknown>; paths: string[] }[] = [
      {
        why: 'a negative rate',
        body: villageTariff({
          customerTypes: [
            {
              code: '1',
              name: { th: 'บ้าน', en: 'Home' },
              blocks: [{ uptoM3: null, rateSatangPerM3: -5 }],
            },
          ],
        }),
        paths: ['customerTypes.0.blocks.0.rateSatangPerM3'],
      },
      {
        why: 'an unknown meter size',
        body: villageTariff({ meterFees: [{ meterSize: '5/8', feeSatang: 100 }] }),
        paths: ['meterFees.0.meterSize'],
      },
      {
        why: 'a missing effective date',
        body: villageTariff({ effectiveFrom: undefined }),
        paths: ['effectiveFrom'],
      },
      {
        why: 'blocks out of order',
        body: villageTariff({
          code: 'NB-BAD',
          customerTypes: [
            {
              code: '1',
              name: { th: 'บ้าน', en: 'Home' },
              blocks: [
                { uptoM3: 30, rateSatangPerM3: 500 },
                { uptoM3: 10, rateSatangPerM3: 700 },
                { uptoM3: null, rateSatangPerM3: 900 },
              ],
            },
          ],
        }),
        paths: ['customerTypes.0.blocks.1.uptoM3'],
      },
    ];
    for (const c of invalid) {
      it(`should answer 422 with the path for ${c.why}, and save nothing`, async () => {
        // given
        const before = (await srv.api('GET', '/tariffs', { token: finance })).body.items.length;

        // when
        const res = await srv.api('POST', '/tariffs', { token: finance, body: c.body });

        // then
        const p = assertProblem(res, 422);
        for (const path of c.paths)
          assert.ok(
            p.errors?.some((e) => e.path === path),
            `${path} in ${JSON.stringify(p.errors?.map((e) => e.path))}`,
          );
        assert.equal(
          (await srv.api('GET', '/tariffs', { token: finance })).body.items.length,
          before,
        );
      });
    }

    it('should NOT let a tenant take a preset code (409)', async () => {
      const res = await srv.api('POST', '/tariffs', {
        token: finance,
        body: villageTariff({ code: 'PWA-1' }),
      });
      assertProblem(res, 409, 'tariff_code_is_preset');
    });

    it('should NOT let a clerk edit tariffs (403)', async () => {
      const res = await srv.api('POST', '/tariffs', {
        token: clerk,
        body: villageTariff({ code: 'NB-CLERK' }),
      });
      assertProblem(res, 403);
    });
  });

  describe('waterworks defaults', () => {
    it('should set and replace the default tariff of a waterworks', async () => {
      // given
      const works = (await srv.api('GET', '/waterworks', { token: finance })).body.items;

      // when
      const first = await srv.api('PUT', '/tariff-assignments', {
        token: finance,
        body: { waterworksId: works[0].id, customerType: '*', tariffCode: 'PWA-1' },
      });
      const second = await srv.api('PUT', '/tariff-assignments', {
        token: finance,
        body: { waterworksId: works[0].id, customerType: '*', tariffCode: 'NB-BLOCK' },
      });

      // then
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(second.body.id, first.body.id);
      const list = await srv.api('GET', '/tariff-assignments', { token: finance });
      const mine = list.body.items.filter(
        (a: { waterworksId: number }) => a.waterworksId === works[0].id,
      );
      assert.deepEqual(
        mine.map((a: { customerType: string; tariffCode: string }) => [
          a.customerType,
          a.tariffCode,
        ]),
        [['*', 'NB-BLOCK']],
      );
    });

    it('should answer 422 on tariffCode for an unknown tariff', async () => {
      const works = (await srv.api('GET', '/waterworks', { token: finance })).body.items;
      const res = await srv.api('PUT', '/tariff-assignments', {
        token: finance,
        body: { waterworksId: works[0].id, customerType: '*', tariffCode: 'NOPE' },
      });
      const p = assertProblem(res, 422, 'unknown_tariff');
      assert.deepEqual(
        p.errors?.map((e) => e.path),
        ['tariffCode'],
      );
    });
  });
});
