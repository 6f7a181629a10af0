/**
 * Opening accounts in bulk (the API's single account is a batch of one): new water users,
 * account numbers, accounts and first meters are each one multi-row INSERT, and every
 * row gets its audit event in the caller's transaction. Imports and the demo open
 * hundreds of accounts at once this way.
 */
import type { Transaction } from 'sequelize';
import { isValidThaiId } from '../../domain/index.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import type { AccountNumbers } from './account-numbers.js';
import { Account } from './account.model.js';
import { Meter } from './meter.model.js';
import {
  fieldError,
  type AccountInput,
  type MeterInput,
  type WaterUserInput,
} from './registry.types.js';
import { WaterUser } from './water-user.model.js';

export interface NewAccount {
  /** A new water user, or the id of an existing one. */
  waterUser: WaterUserInput | number;
  account: Omit<AccountInput, 'waterUserId'>;
  meter?: MeterInput | null;
}

export class NewAccounts {
  constructor(
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
    private readonly numbers: AccountNumbers,
  ) {}

  async insert(rows: readonly NewAccount[], tx: Transaction): Promise<Account[]> {
    if (!rows.length) return [];
    await this.checkPlaces(rows.map((r) => r.account));
    for (const r of rows) {
      if (typeof r.waterUser !== 'number') checkNationalId(r.waterUser.nationalId);
      if (r.meter) checkReading(r.meter);
    }
    const userIds = await this.waterUsers(rows, tx);
    const numbers = await this.numbers.assign(
      rows.map((r) => ({ number: r.account.number, place: r.account })),
      tx,
    );
    const accounts = await Account.bulkCreate(
      rows.map((r, k) => ({
        status: 'pending' as const,
        routeOrder: 0,
        ...r.account,
        number: numbers[k]!,
        waterUserId: userIds[k]!,
      })),
      { transaction: tx },
    );
    for (const a of accounts)
      await this.audit.recordChange(tx, 'account.create', 'account', a.id, null, a);
    const withMeter = rows.flatMap((r, k) =>
      r.meter ? [{ ...r.meter, account: accounts[k]! }] : [],
    );
    const meters = await Meter.bulkCreate(
      withMeter.map(({ account, ...m }) => ({
        ...m,
        accountId: account.id,
        status: 'active' as const,
        replacesMeterId: null,
      })),
      { transaction: tx },
    );
    for (const m of meters)
      await this.audit.recordChange(tx, 'meter.install', 'meter', m.id, null, m);
    return accounts;
  }

  /** The water user of each row: existing ones are checked, new ones inserted together. */
  private async waterUsers(rows: readonly NewAccount[], tx: Transaction): Promise<number[]> {
    const existing = rows.flatMap((r) => (typeof r.waterUser === 'number' ? [r.waterUser] : []));
    if (existing.length) {
      const found = await WaterUser.count({
        where: { id: [...new Set(existing)] },
        transaction: tx,
      });
      if (found !== new Set(existing).size)
        throw fieldError('unknown_water_user', 'waterUserId', {
          th: 'ไม่พบผู้ใช้น้ำนี้',
          en: 'No such water user.',
        });
    }
    const fresh = rows.flatMap((r) => (typeof r.waterUser === 'number' ? [] : [r.waterUser]));
    const made = await WaterUser.bulkCreate(
      fresh.map((u) => ({ customerType: '1', ...u, nationalId: u.nationalId || null })),
      { transaction: tx },
    );
    for (const u of made)
      await this.audit.recordChange(tx, 'water_user.create', 'water_user', u.id, null, u);
    let next = 0;
    return rows.map((r) => (typeof r.waterUser === 'number' ? r.waterUser : made[next++]!.id));
  }

  /** Waterworks and villages exist, and each village is served by the account's waterworks. */
  async checkPlaces(
    places: readonly { waterworksId?: number; villageId?: number | null }[],
  ): Promise<void> {
    const [works, villages] = await Promise.all([
      this.tenancy.listWaterworks(),
      this.tenancy.listVillages(),
    ]);
    const worksIds = new Set(works.map((w) => w.id));
    const villageWorks = new Map(villages.map((v) => [v.id, v.waterworksId]));
    for (const p of places) {
      if (p.waterworksId !== undefined && !worksIds.has(p.waterworksId))
        throw fieldError('unknown_waterworks', 'waterworksId', {
          th: 'ไม่พบกิจการประปานี้',
          en: 'No such waterworks.',
        });
      if (p.villageId === undefined || p.villageId === null) continue;
      if (!villageWorks.has(p.villageId))
        throw fieldError('unknown_village', 'villageId', {
          th: 'ไม่พบหมู่บ้านนี้',
          en: 'No such village.',
        });
      const served = villageWorks.get(p.villageId);
      if (served !== null && served !== undefined && served !== p.waterworksId)
        throw fieldError('village_of_other_waterworks', 'villageId', {
          th: 'หมู่บ้านนี้ใช้น้ำจากกิจการประปาอื่น',
          en: 'That village is served by another waterworks.',
        });
    }
  }
}

export function checkNationalId(id: string | null | undefined): void {
  if (id && !isValidThaiId(id))
    throw fieldError('invalid_national_id', 'nationalId', {
      th: 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลักที่ถูกต้อง',
      en: 'The national ID must be a valid 13-digit number.',
    });
}

export function checkReading(m: { initialReading: number; digits: number }): void {
  if (m.initialReading >= 10 ** m.digits)
    throw fieldError('reading_too_long', 'initialReading', {
      th: `เลขมาตรเริ่มต้นต้องไม่เกิน ${m.digits} หลัก`,
      en: `The initial reading must fit in ${m.digits} digits.`,
    });
}
