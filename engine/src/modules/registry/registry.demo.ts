/**
 * Demo registry: about 300 water users with accounts and meters in the demo อบต. (and 20
 * in its neighbour), made from name lists by a seeded generator, so every demo database
 * holds the same people. A few organisations (วัด, โรงเรียน, the อบต. office) use
 * customer type 2; resident1 and resident2 are linked to their own accounts; a few
 * meters were replaced (history), a few accounts are pending, suspended or closed.
 */
import { isValidThaiId } from '../../domain/index.js';
import { asSystem, asTenant } from '../../http/request-context.js';
import type { AuthService } from '../auth/auth.service.js';
import { MAIN_VILLAGES, SECOND_VILLAGES } from '../demo/demo-data.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { Tenant } from '../tenancy/tenant.model.js';
import type { AccountStatus } from './account.model.js';
import type { RegistryService } from './registry.service.js';

export const MALE = [
  'สมชาย',
  'สมศักดิ์',
  'ประสิทธิ์',
  'บุญมี',
  'ทองดี',
  'สมพงษ์',
  'วิชัย',
  'สุริยา',
  'อนันต์',
  'ชัยวัฒน์',
  'คำพันธ์',
  'บุญส่ง',
  'ประเสริฐ',
  'สมบัติ',
  'วีระ',
  'เกรียงไกร',
  'ณรงค์',
  'สุรชัย',
  'ทวีศักดิ์',
  'พิชิต',
];
export const FEMALE = [
  'สมหญิง',
  'มาลัย',
  'บัวผัน',
  'คำปุ่น',
  'สุภาพ',
  'วิไลวรรณ',
  'จันทร์เพ็ญ',
  'นิภา',
  'สายสมร',
  'ทองใบ',
  'อรุณี',
  'พรทิพย์',
  'ละเอียด',
  'บุญเรือน',
  'สมใจ',
  'รัชนี',
  'กาญจนา',
  'ศิริพร',
  'อำไพ',
  'นงลักษณ์',
];
export const SURNAMES = [
  'ใจดี',
  'ศรีสุข',
  'ทองคำ',
  'แก้วมณี',
  'พรหมมา',
  'สุวรรณศรี',
  'ภูมิภักดิ์',
  'จันทร์แก้ว',
  'คำภา',
  'ศรีบุญเรือง',
  'อินทร์แปลง',
  'บุญมา',
  'แสนสุข',
  'โคตรวงษ์',
  'พลราช',
  'สีหานาม',
  'ชาวนา',
  'มูลสาร',
  'ศรีวงศ์',
  'ปัญญาดี',
  'ทองแสง',
  'วงศ์ใหญ่',
  'นามวงศ์',
  'ขันทอง',
  'ดวงจันทร์',
];

/** mulberry32: a small seeded generator, so the demo is the same everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoAccount {
  waterUser: {
    kind: 'person' | 'organisation';
    name: string;
    nationalId: string | null;
    phone: string | null;
    houseNo: string;
    moo: number;
    address: string;
    customerType: string;
  };
  works: string;
  moo: number;
  routeOrder: number;
  latitude: number;
  longitude: number;
  status: AccountStatus;
  openedOn: string;
  meter: {
    serial: string;
    size: string;
    digits: number;
    initialReading: number;
    installedOn: string;
  } | null;
  /** A replacement in the meter's past: the old meter's final reading and the day. */
  replacement?: { serial: string; oldFinalReading: number; date: string; initialReading: number };
  /** Demo resident user names linked to this account. */
  residents: string[];
}

export interface DemoVillage {
  moo: number;
  works: string;
}

function nationalIdFrom(rand: () => number): string {
  for (;;) {
    const body =
      String(1 + Math.floor(rand() * 8)) + String(Math.floor(rand() * 1e11)).padStart(11, '0');
    for (let d = 0; d <= 9; d++) if (isValidThaiId(body + d)) return body + d;
  }
}

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * The demo accounts of one tenant: `perVillage` people in each village, then the
 * organisations; `center` places the houses around the waterworks.
 */
export function demoAccounts(opts: {
  seed: number;
  villages: readonly DemoVillage[];
  perVillage: number;
  address: string;
  center: { latitude: number; longitude: number };
  organisations: readonly { name: string; moo: number }[];
  residents?: Readonly<Record<string, { name: string; moo: number; accounts: number }>>;
}): DemoAccount[] {
  const rand = generator(opts.seed);
  const out: DemoAccount[] = [];
  const houseNo = new Map<number, number>();
  const worksOf = new Map(opts.villages.map((v) => [v.moo, v.works]));
  const nextHouse = (moo: number) => {
    const n = (houseNo.get(moo) ?? 0) + 1 + Math.floor(rand() * 3);
    houseNo.set(moo, n);
    return rand() < 0.15 ? `${n}/${1 + Math.floor(rand() * 3)}` : String(n);
  };
  const account = (
    user: Omit<DemoAccount['waterUser'], 'houseNo' | 'address'>,
    customerSize: string,
    residents: string[] = [],
  ): DemoAccount => {
    const i = out.length;
    const installedYear = 2019 + Math.floor(rand() * 5);
    const installedOn = `${installedYear}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
    const digits = rand() < 0.1 ? 6 : 5;
    const a: DemoAccount = {
      waterUser: { ...user, houseNo: nextHouse(user.moo), address: opts.address },
      works: worksOf.get(user.moo)!,
      moo: user.moo,
      routeOrder: 0,
      latitude: Number((opts.center.latitude + (rand() - 0.5) * 0.02).toFixed(6)),
      longitude: Number((opts.center.longitude + (rand() - 0.5) * 0.02).toFixed(6)),
      status: 'active',
      openedOn: installedOn,
      meter: {
        serial: `SN${installedYear}${pad(opts.seed % 100, 2)}${pad(i + 1, 4)}`,
        size: customerSize,
        digits,
        initialReading: 0,
        installedOn,
      },
      residents,
    };
    if (i % 37 === 5) {
      // replaced in 2024: the meter that reads today started then
      a.replacement = {
        serial: `SN2024${pad(opts.seed % 100, 2)}${pad(i + 1, 4)}R`,
        oldFinalReading: 400 + Math.floor(rand() * 2000),
        date: `2024-${pad(3 + (i % 9), 2)}-15`,
        initialReading: Math.floor(rand() * 3),
      };
    }
    out.push(a);
    return a;
  };

  for (const v of opts.villages) {
    for (let k = 0; k < opts.perVillage; k++) {
      const male = rand() < 0.5;
      const first = pick(rand, male ? MALE : FEMALE);
      const title = male ? 'นาย' : rand() < 0.6 ? 'นาง' : 'นางสาว';
      account(
        {
          kind: 'person',
          name: `${title}${first} ${pick(rand, SURNAMES)}`,
          nationalId: rand() < 0.9 ? nationalIdFrom(rand) : null,
          phone:
            rand() < 0.8
              ? `08${Math.floor(rand() * 10)}-${pad(Math.floor(rand() * 1000), 3)}-${pad(Math.floor(rand() * 10000), 4)}`
              : null,
          moo: v.moo,
          customerType: '1',
        },
        rand() < 0.9 ? '1/2' : '3/4',
      );
    }
  }
  for (const [username, r] of Object.entries(opts.residents ?? {}))
    for (let k = 0; k < r.accounts; k++)
      account(
        {
          kind: 'person',
          name: r.name,
          nationalId: nationalIdFrom(rand),
          phone: null,
          moo: r.moo,
          customerType: '1',
        },
        '1/2',
        [username],
      );
  for (const o of opts.organisations)
    account(
      {
        kind: 'organisation',
        name: o.name,
        nationalId: null,
        phone: null,
        moo: o.moo,
        customerType: '2',
      },
      '1',
    );

  // route order: by village, then house number as listed
  const perMoo = new Map<number, number>();
  for (const a of out) {
    const n = (perMoo.get(a.moo) ?? 0) + 1;
    perMoo.set(a.moo, n);
    a.routeOrder = n * 10;
  }
  // a few accounts that are not billed: new (no meter yet), suspended, cut off, closed
  const people = out.filter((a) => a.waterUser.kind === 'person' && !a.residents.length);
  const set = (a: DemoAccount | undefined, status: AccountStatus) => {
    if (!a) return;
    a.status = status;
    if (status === 'pending') {
      a.meter = null;
      delete a.replacement;
    }
  };
  set(people[people.length - 1], 'pending');
  set(people[people.length - 2], 'pending');
  set(people[people.length - 3], 'pending');
  set(people[17], 'suspended');
  set(people[29], 'disconnected');
  set(people[41], 'closed');
  return out;
}

export const MAIN_REGISTRY = {
  seed: 20261202,
  perVillage: 48,
  address: 'ตำบลหนองบัวทอง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000',
  center: { latitude: 16.45, longitude: 102.843 },
  organisations: [
    { name: 'วัดโนนสวรรค์', moo: 3 },
    { name: 'วัดโคกสูง', moo: 4 },
    { name: 'โรงเรียนบ้านหนองบัว', moo: 1 },
    { name: 'โรงเรียนบ้านโคกสูง', moo: 5 },
    { name: 'ที่ทำการองค์การบริหารส่วนตำบลหนองบัวทอง', moo: 3 },
    { name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านดอนยาง', moo: 6 },
  ],
  residents: {
    resident1: { name: 'นางมาลี ศรีสวัสดิ์', moo: 1, accounts: 1 },
    resident2: { name: 'นายประยูร บุญเรือง', moo: 4, accounts: 2 },
  },
};

export const SECOND_REGISTRY = {
  seed: 20261203,
  perVillage: 9,
  address: 'ตำบลท่าช้าง อำเภอบางระจัน จังหวัดสิงห์บุรี 16130',
  center: { latitude: 15.0006, longitude: 100.3236 },
  organisations: [
    { name: 'วัดท่าช้าง', moo: 1 },
    { name: 'โรงเรียนวัดท่าข้าม', moo: 2 },
  ],
};

export interface RegistryDemoDeps {
  registry: RegistryService;
  tenancy: TenancyService;
  auth: AuthService;
}

/** Seeds one tenant's demo registry (run in that tenant's context). */
export async function seedTenantRegistry(
  deps: RegistryDemoDeps,
  accounts: DemoAccount[],
): Promise<void> {
  const { registry, tenancy, auth } = deps;
  const works = new Map((await tenancy.listWaterworks()).map((w) => [w.code, w.id]));
  const villages = new Map((await tenancy.listVillages()).map((v) => [v.moo, v.id]));
  const users = new Map((await auth.listUsers()).map((u) => [u.username, u.id]));
  const links: [number, string][] = [];
  await registry.transaction(async (tx) => {
    const made = await registry.insertMany(
      accounts.map((d) => ({
        waterUser: d.waterUser,
        account: {
          waterworksId: works.get(d.works)!,
          villageId: villages.get(d.moo) ?? null,
          routeOrder: d.routeOrder,
          latitude: d.latitude,
          longitude: d.longitude,
          status: d.status,
          openedOn: d.status === 'pending' ? null : d.openedOn,
        },
        meter: d.meter,
      })),
      tx,
    );
    for (const [k, d] of accounts.entries()) {
      const a = made[k]!;
      for (const r of d.residents) links.push([a.id, r]);
      if (!d.meter || !d.replacement) continue;
      // the meter installed first was replaced later: record the replacement
      const { serial, oldFinalReading, date, initialReading } = d.replacement;
      await registry.recordReplacement(
        a,
        {
          serial,
          oldFinalReading,
          date,
          initialReading,
          size: d.meter.size,
          digits: d.meter.digits,
        },
        tx,
      );
    }
    await registry.refreshSearchTerms(
      made.filter((_, k) => accounts[k]!.replacement).map((a) => a.id),
      tx,
    );
  });
  for (const [accountId, username] of links) {
    const userId = users.get(username);
    if (userId) await registry.linkResident(accountId, userId);
  }
}

/** The seeder's work: both demo tenants. */
export async function seedRegistryDemo(deps: RegistryDemoDeps): Promise<void> {
  for (const [code, data] of [
    ['nongbua', { ...MAIN_REGISTRY, villages: MAIN_VILLAGES }],
    ['thachang', { ...SECOND_REGISTRY, villages: SECOND_VILLAGES }],
  ] as const) {
    const tenant = await asSystem(() => Tenant.findOne({ where: { code } }));
    if (!tenant) continue;
    await asTenant(tenant.id, () => seedTenantRegistry(deps, demoAccounts(data)));
  }
}
