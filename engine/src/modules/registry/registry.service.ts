/**
 * The water-user registry: water users, their accounts, meters (with replacement history)
 * and the resident users linked to accounts. Other modules (billing, the new-connection
 * process) read and write the registry only through this service. Every write is one
 * transaction with its audit event; reads and writes go through the tenant scope.
 */
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { isValidThaiId } from '../../domain/index.js';
import { ConflictError, NotFoundError, UserError, type Message } from '../../http/errors.js';
import { currentContext } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import {
  DEFAULT_ACCOUNT_NUMBER_FORMAT,
  formatProblem,
  numberFromPrefix,
  seqInNumber,
  seriesPrefix,
} from './account-number.js';
import { AccountNumberSeries } from './account-number-series.model.js';
import { AccountResident } from './account-resident.model.js';
import { AccountSearchRepository, dateOnly, type AccountRow } from './account-search.repository.js';
import { Account, type AccountStatus } from './account.model.js';
import { Meter } from './meter.model.js';
import {
  accountDto,
  meterDto,
  snapshots,
  waterUserDto,
  type AccountDto,
  type MeterDto,
  type WaterUserDto,
} from './registry.dto.js';
import { RegistrySetting } from './registry-setting.model.js';
import { AccountSearchTerm } from './account-search-term.model.js';
import { queryTerms, searchTerms } from './search-terms.js';
import { WaterUser, type WaterUserKind } from './water-user.model.js';

export interface WaterUserInput {
  kind: WaterUserKind;
  name: string;
  nameEn?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  houseNo?: string | null;
  moo?: number | null;
  address?: string | null;
  customerType?: string;
}

export interface AccountInput {
  /** Given by imports; otherwise made by the tenant's account-number scheme. */
  number?: string;
  waterUserId: number;
  waterworksId: number;
  villageId?: number | null;
  routeOrder?: number;
  latitude?: number | null;
  longitude?: number | null;
  status?: AccountStatus;
  tariffCode?: string | null;
  openedOn?: string | null;
  closedOn?: string | null;
}

export interface MeterInput {
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  /** YYYY-MM-DD */
  installedOn: string;
}

export interface MeterReplacementInput {
  oldFinalReading: number;
  serial: string;
  size: string;
  digits: number;
  initialReading: number;
  /** YYYY-MM-DD: the day the old meter came off and the new one went on. */
  date: string;
}

export interface AccountSearch {
  q?: string;
  villageId?: number;
  waterworksId?: number;
  status?: AccountStatus;
  page: number;
  limit: number;
  /** Set for residents: only their linked accounts. */
  residentUserId?: number;
}

export interface AccountListItem {
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

/** What billing needs of an account, one page at a time. */
export interface BillingAccount {
  accountId: number;
  number: string;
  waterUserName: string;
  customerType: string;
  villageId: number | null;
  moo: number | null;
  houseNo: string | null;
  routeOrder: number;
  status: string;
  tariffCode: string | null;
  meter: {
    id: number;
    serial: string;
    size: string;
    digits: number;
    initialReading: number;
    installedOn: string;
    /** The meter this one replaced (its final reading ends the old meter's consumption). */
    replacedMeter?: { id: number; finalReading: number; removedOn: string | null };
  } | null;
}

export const WATER_USER: Message = { th: 'ผู้ใช้น้ำ', en: 'Water user' };
export const ACCOUNT: Message = { th: 'บัญชีผู้ใช้น้ำ', en: 'Account' };

export function fieldError(code: string, path: string, message: Message): UserError {
  return new UserError(code, message, [{ path, message }]);
}

export class RegistryService {
  private readonly repo: AccountSearchRepository;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
    private readonly auth: AuthService,
  ) {
    this.repo = new AccountSearchRepository(sequelize);
    audit.registerEntity('water_user', { model: WaterUser, snapshot: snapshots.waterUser });
    audit.registerEntity('account', { model: Account, snapshot: snapshots.account });
    audit.registerEntity('meter', { model: Meter, snapshot: snapshots.meter });
    audit.registerEntity('account_resident', {
      model: AccountResident,
      snapshot: (r: AccountResident) => ({
        id: r.id,
        tenantId: r.tenantId,
        accountId: r.accountId,
        userId: r.userId,
      }),
    });
    audit.registerEntity('registry_settings', {
      model: RegistrySetting,
      snapshot: (s: RegistrySetting) => ({
        tenantId: s.tenantId,
        accountNumberFormat: s.accountNumberFormat,
      }),
    });
  }

  // ---- settings ----

  async settings(): Promise<{ accountNumberFormat: string }> {
    const s = await RegistrySetting.findOne();
    return { accountNumberFormat: s?.accountNumberFormat ?? DEFAULT_ACCOUNT_NUMBER_FORMAT };
  }

  async updateSettings(patch: {
    accountNumberFormat: string;
  }): Promise<{ accountNumberFormat: string }> {
    const problem = formatProblem(patch.accountNumberFormat);
    if (problem)
      throw fieldError('invalid_account_number_format', 'accountNumberFormat', {
        th: 'รูปแบบเลขที่ผู้ใช้น้ำต้องมี {seq:N} หนึ่งตำแหน่ง และใช้ได้เฉพาะ {works} {moo}',
        en: `The account-number format needs ${problem}.`,
      });
    return this.sequelize.transaction(async (transaction) => {
      const tenantId = tenantOfContext();
      const s = await RegistrySetting.findByPk(tenantId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const before = this.audit.snapshot('registry_settings', s);
      const row = s
        ? await s.update(patch, { transaction })
        : await RegistrySetting.create({ tenantId, ...patch }, { transaction });
      await this.audit.record(transaction, {
        action: 'registry_settings.update',
        entityType: 'registry_settings',
        entityId: tenantId,
        before,
        after: this.audit.snapshot('registry_settings', row),
      });
      return { accountNumberFormat: row.accountNumberFormat };
    });
  }

  // ---- water users ----

  async listWaterUsers(q: { q?: string; page: number; limit: number }) {
    const where = q.q ? { name: { [Op.like]: `%${escapeLike(q.q.trim())}%` } } : {};
    const { rows, count } = await WaterUser.findAndCountAll({
      where,
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: q.limit,
      offset: (q.page - 1) * q.limit,
    });
    return { items: rows.map((u) => waterUserDto(u)), total: count, page: q.page, limit: q.limit };
  }

  async getWaterUser(id: number, opts: { showNationalId?: boolean } = {}): Promise<WaterUserDto> {
    const u = await WaterUser.findByPk(id);
    if (!u) throw new NotFoundError(WATER_USER);
    return waterUserDto(u, opts.showNationalId);
  }

  async createWaterUser(input: WaterUserInput): Promise<WaterUserDto> {
    return this.sequelize.transaction(async (tx) =>
      waterUserDto(await this.insertWaterUser(input, tx)),
    );
  }

  async updateWaterUser(id: number, patch: Partial<WaterUserInput>): Promise<WaterUserDto> {
    return this.sequelize.transaction(async (tx) =>
      waterUserDto(await this.patchWaterUser(id, patch, tx)),
    );
  }

  /** @internal for the import: inside the caller's transaction. */
  async insertWaterUser(input: WaterUserInput, tx: Transaction): Promise<WaterUser> {
    checkNationalId(input.nationalId);
    const u = await WaterUser.create(
      { customerType: '1', ...input, nationalId: input.nationalId || null },
      { transaction: tx },
    );
    await this.audit.recordChange(tx, 'water_user.create', 'water_user', u.id, null, u);
    return u;
  }

  /** @internal for the import: inside the caller's transaction; refreshes search terms. */
  async patchWaterUser(
    id: number,
    patch: Partial<WaterUserInput>,
    tx: Transaction,
  ): Promise<WaterUser> {
    if (patch.nationalId !== undefined) checkNationalId(patch.nationalId);
    const u = await WaterUser.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
    if (!u) throw new NotFoundError(WATER_USER);
    const before = this.audit.snapshot('water_user', u);
    u.set(patch);
    if (!u.changed()) return u;
    await u.save({ transaction: tx });
    await this.audit.record(tx, {
      action: 'water_user.update',
      entityType: 'water_user',
      entityId: u.id,
      before,
      after: this.audit.snapshot('water_user', u),
    });
    const accounts = await Account.findAll({
      where: { waterUserId: u.id },
      attributes: ['id'],
      transaction: tx,
    });
    await this.refreshSearchTerms(
      accounts.map((a) => a.id),
      tx,
    );
    return u;
  }

  // ---- accounts ----

  async searchAccounts(
    s: AccountSearch,
  ): Promise<{ items: AccountListItem[]; total: number; page: number; limit: number }> {
    const { rows, total } = await this.repo.search(
      tenantOfContext(),
      {
        terms: s.q ? queryTerms(s.q) : [],
        villageId: s.villageId,
        waterworksId: s.waterworksId,
        status: s.status,
        residentUserId: s.residentUserId,
      },
      { offset: (s.page - 1) * s.limit, limit: s.limit },
    );
    return { items: rows.map(listItem), total, page: s.page, limit: s.limit };
  }

  /** One account with its water user and active meter. */
  async getAccount(id: number, opts: { residentUserId?: number } = {}): Promise<AccountDto> {
    if (opts.residentUserId !== undefined) {
      const link = await AccountResident.findOne({
        where: { accountId: id, userId: opts.residentUserId },
      });
      if (!link) throw new NotFoundError(ACCOUNT);
    }
    const a = await Account.findByPk(id);
    if (!a) throw new NotFoundError(ACCOUNT);
    const [u, m] = await Promise.all([
      WaterUser.findByPk(a.waterUserId),
      Meter.findOne({ where: { accountId: a.id, status: 'active' } }),
    ]);
    return accountDto(a, u!, m);
  }

  /** The accounts a resident user is linked to (their own water bills). */
  async accountsOfResident(userId: number): Promise<AccountDto[]> {
    const links = await AccountResident.findAll({
      where: { userId },
      order: [['accountId', 'ASC']],
    });
    return Promise.all(links.map((l) => this.getAccount(l.accountId)));
  }

  async createAccount(input: AccountInput, meter?: MeterInput): Promise<AccountDto> {
    return this.sequelize
      .transaction(async (tx) => {
        const a = await this.insertAccount(input, tx);
        if (meter) await this.installMeter(a, meter, null, tx);
        await this.refreshSearchTerms([a.id], tx);
        return a.id;
      })
      .then((id) => this.getAccount(id));
  }

  /** Used by the new-connection process: a water user and their pending account, at once. */
  async createWaterUserWithAccount(input: {
    waterUser: WaterUserInput;
    account: Omit<AccountInput, 'waterUserId' | 'status'>;
  }): Promise<AccountDto> {
    const id = await this.sequelize.transaction(async (tx) => {
      const u = await this.insertWaterUser(input.waterUser, tx);
      const a = await this.insertAccount(
        { ...input.account, waterUserId: u.id, status: 'pending' },
        tx,
      );
      await this.refreshSearchTerms([a.id], tx);
      return a.id;
    });
    return this.getAccount(id);
  }

  /** A pending account gets its meter and starts being billed. */
  async activateAccount(id: number, meter: MeterInput): Promise<AccountDto> {
    await this.sequelize.transaction(async (tx) => {
      const a = await lockAccount(id, tx);
      if (a.status !== 'pending' && a.status !== 'disconnected' && a.status !== 'suspended')
        throw new ConflictError('account_not_activatable', {
          th: `บัญชีสถานะ "${a.status}" เปิดใช้น้ำไม่ได้`,
          en: `An account in status "${a.status}" cannot be activated.`,
        });
      const current = await Meter.findOne({
        where: { accountId: a.id, status: 'active' },
        transaction: tx,
      });
      if (!current) await this.installMeter(a, meter, null, tx);
      const before = this.audit.snapshot('account', a);
      await a.update(
        { status: 'active', openedOn: a.openedOn ?? meter.installedOn },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'account.activate',
        entityType: 'account',
        entityId: a.id,
        before,
        after: this.audit.snapshot('account', a),
      });
      await this.refreshSearchTerms([a.id], tx);
    });
    return this.getAccount(id);
  }

  async updateAccount(
    id: number,
    patch: Partial<Omit<AccountInput, 'waterUserId'>>,
  ): Promise<AccountDto> {
    await this.sequelize.transaction((tx) => this.patchAccount(id, patch, tx));
    return this.getAccount(id);
  }

  /** @internal for the import: inside the caller's transaction. */
  async patchAccount(id: number, patch: Partial<AccountInput>, tx: Transaction): Promise<Account> {
    const a = await lockAccount(id, tx);
    await this.checkPlace({ ...a.get(), ...patch }, tx);
    if (patch.number !== undefined && patch.number !== a.number)
      await this.uniqueNumber(patch.number, tx);
    const before = this.audit.snapshot('account', a);
    a.set(patch);
    if (!a.changed()) return a;
    await a.save({ transaction: tx });
    await this.audit.record(tx, {
      action: 'account.update',
      entityType: 'account',
      entityId: a.id,
      before,
      after: this.audit.snapshot('account', a),
    });
    if (patch.number !== undefined) {
      await this.noteNumber(a, tx);
      await this.refreshSearchTerms([a.id], tx);
    }
    return a;
  }

  /** @internal for the import: inside the caller's transaction (search terms: the caller's job). */
  async insertAccount(input: AccountInput, tx: Transaction): Promise<Account> {
    await this.checkPlace(input, tx);
    const number = input.number ?? (await this.nextNumber(input, tx));
    if (input.number !== undefined) await this.uniqueNumber(number, tx);
    const u = await WaterUser.findByPk(input.waterUserId, { transaction: tx });
    if (!u)
      throw fieldError('unknown_water_user', 'waterUserId', {
        th: 'ไม่พบผู้ใช้น้ำนี้',
        en: 'No such water user.',
      });
    const a = await Account.create(
      { status: 'pending', routeOrder: 0, ...input, number },
      { transaction: tx },
    );
    await this.audit.recordChange(tx, 'account.create', 'account', a.id, null, a);
    if (input.number !== undefined) await this.noteNumber(a, tx);
    return a;
  }

  // ---- meters ----

  async meterHistory(
    accountId: number,
    opts: { residentUserId?: number } = {},
  ): Promise<MeterDto[]> {
    await this.getAccount(accountId, opts);
    const meters = await Meter.findAll({
      where: { accountId },
      order: [
        ['installedOn', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    return meters.map(meterDto);
  }

  /** Closes the active meter with its final reading and starts the new one. */
  async replaceMeter(accountId: number, r: MeterReplacementInput): Promise<MeterDto[]> {
    await this.sequelize.transaction(async (tx) => {
      const a = await lockAccount(accountId, tx);
      const old = await Meter.findOne({
        where: { accountId: a.id, status: 'active' },
        transaction: tx,
      });
      if (!old)
        throw new ConflictError('no_active_meter', {
          th: 'บัญชีนี้ยังไม่มีมาตรที่ใช้งาน',
          en: 'The account has no active meter to replace.',
        });
      if (r.date < old.installedOn)
        throw fieldError('replacement_before_install', 'date', {
          th: 'วันที่เปลี่ยนมาตรต้องไม่ก่อนวันที่ติดตั้งมาตรเดิม',
          en: 'The replacement date is before the old meter was installed.',
        });
      if (r.oldFinalReading >= 10 ** old.digits)
        throw fieldError('reading_too_long', 'oldFinalReading', {
          th: `เลขมาตรเดิมต้องไม่เกิน ${old.digits} หลัก`,
          en: `The old meter shows at most ${old.digits} digits.`,
        });
      const before = this.audit.snapshot('meter', old);
      await old.update(
        { status: 'removed', removedOn: r.date, finalReading: r.oldFinalReading },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'meter.remove',
        entityType: 'meter',
        entityId: old.id,
        before,
        after: this.audit.snapshot('meter', old),
      });
      await this.installMeter(
        a,
        {
          serial: r.serial,
          size: r.size,
          digits: r.digits,
          initialReading: r.initialReading,
          installedOn: r.date,
        },
        old.id,
        tx,
      );
      await this.refreshSearchTerms([a.id], tx);
    });
    return this.meterHistory(accountId);
  }

  private async installMeter(
    a: Account,
    m: MeterInput,
    replaces: number | null,
    tx: Transaction,
  ): Promise<Meter> {
    if (m.initialReading >= 10 ** m.digits)
      throw fieldError('reading_too_long', 'initialReading', {
        th: `เลขมาตรเริ่มต้นต้องไม่เกิน ${m.digits} หลัก`,
        en: `The initial reading must fit in ${m.digits} digits.`,
      });
    const meter = await Meter.create(
      { ...m, accountId: a.id, status: 'active', replacesMeterId: replaces },
      { transaction: tx },
    );
    await this.audit.recordChange(
      tx,
      replaces ? 'meter.replace' : 'meter.install',
      'meter',
      meter.id,
      null,
      meter,
    );
    return meter;
  }

  // ---- residents ----

  async linkResident(
    accountId: number,
    userId: number,
  ): Promise<{ accountId: number; userId: number }> {
    const user = await this.auth.me(userId).catch(() => null);
    if (!user || user.kind !== 'resident')
      throw fieldError('not_a_resident', 'userId', {
        th: 'ผู้ใช้นี้ไม่ใช่ผู้ใช้น้ำที่ลงทะเบียนในแอป',
        en: 'That user is not a resident user of this tenant.',
      });
    await this.sequelize.transaction(async (tx) => {
      await lockAccount(accountId, tx);
      if (await AccountResident.findOne({ where: { accountId, userId }, transaction: tx })) return;
      const link = await AccountResident.create({ accountId, userId }, { transaction: tx });
      await this.audit.recordChange(
        tx,
        'account_resident.link',
        'account_resident',
        link.id,
        null,
        link,
      );
    });
    return { accountId, userId };
  }

  async unlinkResident(accountId: number, userId: number): Promise<void> {
    await this.sequelize.transaction(async (tx) => {
      const link = await AccountResident.findOne({ where: { accountId, userId }, transaction: tx });
      if (!link) throw new NotFoundError({ th: 'การเชื่อมโยงผู้ใช้น้ำ', en: 'Resident link' });
      const before = this.audit.snapshot('account_resident', link);
      await link.destroy({ transaction: tx });
      await this.audit.record(tx, {
        action: 'account_resident.unlink',
        entityType: 'account_resident',
        entityId: link.id,
        before,
        after: null,
      });
    });
  }

  // ---- billing ----

  /** Active accounts of a waterworks, by id after `afterId`: one SQL query per page. */
  async billingAccounts(q: {
    waterworksId: number;
    afterId?: number;
    limit: number;
  }): Promise<BillingAccount[]> {
    const rows = await this.repo.billingPage(tenantOfContext(), {
      waterworksId: q.waterworksId,
      afterId: q.afterId ?? 0,
      limit: q.limit,
    });
    return rows.map((r) => ({
      accountId: Number(r.id),
      number: r.number,
      waterUserName: r.name,
      customerType: r.customer_type,
      villageId: r.village_id ?? null,
      moo: r.moo ?? null,
      houseNo: r.house_no ?? null,
      routeOrder: Number(r.route_order),
      status: r.status,
      tariffCode: r.tariff_code ?? null,
      meter:
        r.meter_id === null || r.meter_id === undefined
          ? null
          : {
              id: Number(r.meter_id),
              serial: r.serial!,
              size: r.size!,
              digits: Number(r.digits),
              initialReading: Number(r.initial_reading),
              installedOn: dateOnly(r.installed_on)!,
              ...(r.old_meter_id
                ? {
                    replacedMeter: {
                      id: Number(r.old_meter_id),
                      finalReading: Number(r.old_final_reading),
                      removedOn: dateOnly(r.old_removed_on),
                    },
                  }
                : {}),
            },
    }));
  }

  // ---- internals ----

  /** Rebuilds the search terms of these accounts from their water user, number and meters. */
  async refreshSearchTerms(accountIds: readonly number[], tx: Transaction): Promise<void> {
    if (!accountIds.length) return;
    const ids = [...new Set(accountIds)];
    const accounts = await Account.findAll({ where: { id: ids }, transaction: tx });
    const users = await WaterUser.findAll({
      where: { id: [...new Set(accounts.map((a) => a.waterUserId))] },
      transaction: tx,
    });
    const meters = await Meter.findAll({ where: { accountId: ids }, transaction: tx });
    const byId = new Map(users.map((u) => [u.id, u]));
    await this.repo.deleteTerms(tenantOfContext(), ids, tx);
    const rows = accounts.flatMap((a) => {
      const u = byId.get(a.waterUserId)!;
      return searchTerms({
        number: a.number,
        name: u.name,
        nameEn: u.nameEn,
        houseNo: u.houseNo,
        phone: u.phone,
        serials: meters.filter((m) => m.accountId === a.id).map((m) => m.serial),
      }).map((term) => ({ term, accountId: a.id }));
    });
    for (let i = 0; i < rows.length; i += 1000)
      await AccountSearchTerm.bulkCreate(rows.slice(i, i + 1000), { transaction: tx });
  }

  private async checkPlace(
    input: { waterworksId?: number; villageId?: number | null },
    tx: Transaction,
  ): Promise<void> {
    void tx;
    if (input.waterworksId !== undefined)
      await this.tenancy.getWaterworks(input.waterworksId).catch(() => {
        throw fieldError('unknown_waterworks', 'waterworksId', {
          th: 'ไม่พบกิจการประปานี้',
          en: 'No such waterworks.',
        });
      });
    if (input.villageId !== undefined && input.villageId !== null)
      await this.tenancy.getVillage(input.villageId).catch(() => {
        throw fieldError('unknown_village', 'villageId', {
          th: 'ไม่พบหมู่บ้านนี้',
          en: 'No such village.',
        });
      });
  }

  private async uniqueNumber(number: string, tx: Transaction): Promise<void> {
    if (await Account.findOne({ where: { number }, transaction: tx, attributes: ['id'] })) {
      const m = { th: `มีเลขที่ผู้ใช้น้ำ ${number} แล้ว`, en: `Account number ${number} exists.` };
      throw new ConflictError('account_number_taken', m, [{ path: 'number', message: m }]);
    }
  }

  private async prefixFor(a: { waterworksId: number; villageId?: number | null }): Promise<string> {
    const [{ accountNumberFormat }, works, village] = await Promise.all([
      this.settings(),
      this.tenancy.getWaterworks(a.waterworksId),
      a.villageId ? this.tenancy.getVillage(a.villageId) : null,
    ]);
    return seriesPrefix(accountNumberFormat, { works: works.code, moo: village?.moo ?? null });
  }

  /** The next free number of the tenant's scheme (the series row is locked until commit). */
  private async nextNumber(
    a: { waterworksId: number; villageId?: number | null },
    tx: Transaction,
  ): Promise<string> {
    const prefix = await this.prefixFor(a);
    const series = await this.lockSeries(prefix, tx);
    let seq = series.lastNo;
    let number: string;
    do number = numberFromPrefix(prefix, ++seq);
    while (await Account.findOne({ where: { number }, transaction: tx, attributes: ['id'] }));
    await series.update({ lastNo: seq }, { transaction: tx });
    return number;
  }

  /** A number given from outside (import) moves its series past it. */
  private async noteNumber(a: Account, tx: Transaction): Promise<void> {
    const prefix = await this.prefixFor(a);
    const seq = seqInNumber(prefix, a.number);
    if (seq === null) return;
    const series = await this.lockSeries(prefix, tx);
    if (seq > series.lastNo) await series.update({ lastNo: seq }, { transaction: tx });
  }

  private async lockSeries(prefix: string, tx: Transaction): Promise<AccountNumberSeries> {
    const found = await AccountNumberSeries.findOne({
      where: { prefix },
      transaction: tx,
      lock: tx.LOCK.UPDATE,
    });
    return found ?? AccountNumberSeries.create({ prefix, lastNo: 0 }, { transaction: tx });
  }
}

async function lockAccount(id: number, tx: Transaction): Promise<Account> {
  const a = await Account.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
  if (!a) throw new NotFoundError(ACCOUNT);
  return a;
}

function listItem(r: AccountRow): AccountListItem {
  return {
    id: Number(r.id),
    number: r.number,
    status: r.status,
    waterUser: { id: Number(r.water_user_id), name: r.name, phone: r.phone ?? null },
    houseNo: r.house_no ?? null,
    moo: r.moo ?? null,
    villageId: r.village_id ?? null,
    waterworksId: Number(r.waterworks_id),
    meter: r.serial ? { serial: r.serial, size: r.size! } : null,
  };
}

function checkNationalId(id: string | null | undefined): void {
  if (id && !isValidThaiId(id))
    throw fieldError('invalid_national_id', 'nationalId', {
      th: 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลักที่ถูกต้อง',
      en: 'The national ID must be a valid 13-digit number.',
    });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function tenantOfContext(): number {
  const t = currentContext()?.tenantId;
  if (t === undefined) throw new Error('registry: no tenant in the request context');
  return t;
}
