/**
 * The water-user registry: water users, their accounts, meters (with replacement history)
 * and the resident users linked to accounts. Other modules (billing, the new-connection
 * process) read and write the registry only through this service. Every write is one
 * transaction with its audit events; reads and writes go through the tenant scope.
 */
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { AccountNumbers, type RegistrySettings } from './account-numbers.js';
import { AccountResident } from './account-resident.model.js';
import { AccountSearchRepository, type ExportRow } from './account-search.repository.js';
import { AccountSearchTerm } from './account-search-term.model.js';
import { Account } from './account.model.js';
import { MeterBook } from './meter-book.js';
import { NewAccounts, checkNationalId, type NewAccount } from './new-accounts.js';
import { Meter } from './meter.model.js';
import {
  accountDto,
  billingAccount,
  listItem,
  meterDto,
  snapshots,
  waterUserDto,
  type AccountDto,
  type MeterDto,
  type WaterUserDto,
} from './registry.dto.js';
import {
  ACCOUNT,
  WATER_USER,
  fieldError,
  tenantOfContext,
  type AccountInput,
  type AccountListItem,
  type AccountSearch,
  type BillingAccount,
  type MeterInput,
  type MeterReplacementInput,
  type WaterUserInput,
} from './registry.types.js';
import { queryTerms, searchTerms } from './search-terms.js';
import { WaterUser } from './water-user.model.js';

export class RegistryService {
  private readonly repo: AccountSearchRepository;
  private readonly numbers: AccountNumbers;
  private readonly meters: MeterBook;
  private readonly newAccounts: NewAccounts;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
    private readonly auth: AuthService,
  ) {
    this.repo = new AccountSearchRepository(sequelize);
    this.numbers = new AccountNumbers(sequelize, audit, tenancy);
    this.meters = new MeterBook(audit);
    this.newAccounts = new NewAccounts(audit, tenancy, this.numbers);
    audit.registerEntity('water_user', { model: WaterUser, snapshot: snapshots.waterUser });
    audit.registerEntity('account', { model: Account, snapshot: snapshots.account });
    audit.registerEntity('account_resident', {
      model: AccountResident,
      snapshot: (r: AccountResident) => ({
        id: r.id,
        tenantId: r.tenantId,
        accountId: r.accountId,
        userId: r.userId,
      }),
    });
  }

  /** Runs fn in one transaction (the import's all-or-nothing). */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.sequelize.transaction(fn);
  }

  settings(): Promise<RegistrySettings> {
    return this.numbers.settings();
  }

  updateSettings(patch: RegistrySettings): Promise<RegistrySettings> {
    return this.numbers.updateSettings(patch);
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
      waterUserDto((await this.patchWaterUser(id, patch, tx)).row),
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
  ): Promise<{ row: WaterUser; changed: boolean }> {
    if (patch.nationalId !== undefined) checkNationalId(patch.nationalId);
    const u = await WaterUser.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
    if (!u) throw new NotFoundError(WATER_USER);
    const before = this.audit.snapshot('water_user', u);
    u.set(defined(patch));
    if (!u.changed()) return { row: u, changed: false };
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
    return { row: u, changed: true };
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
    const [u, m] = await Promise.all([WaterUser.findByPk(a.waterUserId), this.meters.active(a.id)]);
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
    const id = await this.sequelize.transaction(async (tx) => {
      const [a] = await this.insertMany(
        [{ waterUser: input.waterUserId, account: input, meter }],
        tx,
      );
      return a!.id;
    });
    return this.getAccount(id);
  }

  /** Used by the new-connection process: a water user and their pending account, at once. */
  async createWaterUserWithAccount(input: {
    waterUser: WaterUserInput;
    account: Omit<AccountInput, 'waterUserId' | 'status'>;
  }): Promise<AccountDto> {
    const id = await this.sequelize.transaction(async (tx) => {
      const [a] = await this.insertMany(
        [{ waterUser: input.waterUser, account: { ...input.account, status: 'pending' } }],
        tx,
      );
      return a!.id;
    });
    return this.getAccount(id);
  }

  /**
   * @internal for imports and the demo: opens many accounts (new or existing water users,
   * first meters) in the caller's transaction, with their search terms.
   */
  async insertMany(rows: readonly NewAccount[], tx: Transaction): Promise<Account[]> {
    const accounts = await this.newAccounts.insert(rows, tx);
    await this.refreshSearchTerms(
      accounts.map((a) => a.id),
      tx,
    );
    return accounts;
  }

  /** A pending account gets its meter and starts being billed. */
  async activateAccount(id: number, meter: MeterInput): Promise<AccountDto> {
    await this.sequelize.transaction((tx) => this.activateAccountIn(tx, id, meter));
    return this.getAccount(id);
  }

  /**
   * Activates an account inside the caller's transaction (a workflow step's, so that the
   * process moves on only with the account active): installs the meter unless one is
   * active, sets the status, audits it.
   */
  async activateAccountIn(tx: Transaction, id: number, meter: MeterInput): Promise<void> {
    const a = await lockAccount(id, tx);
    if (a.status !== 'pending' && a.status !== 'disconnected' && a.status !== 'suspended')
      throw new ConflictError('account_not_activatable', {
        th: `บัญชีสถานะ "${a.status}" เปิดใช้น้ำไม่ได้`,
        en: `An account in status "${a.status}" cannot be activated.`,
      });
    if (!(await this.meters.active(a.id, tx))) await this.meters.install(a, meter, tx);
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
  }

  async updateAccount(
    id: number,
    patch: Partial<Omit<AccountInput, 'waterUserId'>>,
  ): Promise<AccountDto> {
    await this.sequelize.transaction((tx) => this.patchAccount(id, patch, tx));
    return this.getAccount(id);
  }

  /** @internal for the import: inside the caller's transaction. */
  async patchAccount(
    id: number,
    patch: Partial<AccountInput>,
    tx: Transaction,
  ): Promise<{ row: Account; changed: boolean }> {
    const a = await lockAccount(id, tx);
    await this.newAccounts.checkPlaces([{ ...a.get(), ...patch }]);
    const renumbered = patch.number !== undefined && patch.number !== a.number;
    if (renumbered) await this.numbers.checkFree(patch.number!, tx);
    const before = this.audit.snapshot('account', a);
    a.set(defined(patch));
    if (!a.changed()) return { row: a, changed: false };
    // the series lock before the audit head's, in the order account creation takes them
    if (renumbered) await this.numbers.note(a.number, a, tx);
    await a.save({ transaction: tx });
    await this.audit.record(tx, {
      action: 'account.update',
      entityType: 'account',
      entityId: a.id,
      before,
      after: this.audit.snapshot('account', a),
    });
    if (renumbered) await this.refreshSearchTerms([a.id], tx);
    return { row: a, changed: true };
  }

  // ---- meters ----

  async meterHistory(
    accountId: number,
    opts: { residentUserId?: number } = {},
  ): Promise<MeterDto[]> {
    await this.getAccount(accountId, opts);
    return (await this.meters.history(accountId)).map(meterDto);
  }

  /** Closes the active meter with its final reading and starts the new one. */
  async replaceMeter(accountId: number, r: MeterReplacementInput): Promise<MeterDto[]> {
    await this.sequelize.transaction(async (tx) => {
      const a = await lockAccount(accountId, tx);
      await this.meters.replace(a, r, tx);
      await this.refreshSearchTerms([a.id], tx);
    });
    return this.meterHistory(accountId);
  }

  /** @internal for the import: a first meter, inside the caller's transaction. */
  installMeter(a: Account, m: MeterInput, tx: Transaction): Promise<Meter> {
    return this.meters.install(a, m, tx);
  }

  /** @internal for the demo and imports: a replacement in the past, inside the caller's transaction. */
  recordReplacement(a: Account, r: MeterReplacementInput, tx: Transaction): Promise<Meter> {
    return this.meters.replace(a, r, tx);
  }

  /** The active meter of an account (null before installation). */
  activeMeter(accountId: number): Promise<Meter | null> {
    return this.meters.active(accountId);
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

  // ---- import and export ----

  /** Existing accounts by number: ids and the active meter's serial. */
  async accountsByNumber(
    numbers: readonly string[],
    tx?: Transaction,
  ): Promise<Map<string, { accountId: number; waterUserId: number; meterSerial: string | null }>> {
    const out = new Map<
      string,
      { accountId: number; waterUserId: number; meterSerial: string | null }
    >();
    for (let i = 0; i < numbers.length; i += 1000) {
      const accounts = await Account.findAll({
        where: { number: numbers.slice(i, i + 1000) },
        transaction: tx,
      });
      const meters = await Meter.findAll({
        where: { accountId: accounts.map((a) => a.id), status: 'active' },
        transaction: tx,
      });
      for (const a of accounts)
        out.set(a.number, {
          accountId: a.id,
          waterUserId: a.waterUserId,
          meterSerial: meters.find((m) => m.accountId === a.id)?.serial ?? null,
        });
    }
    return out;
  }

  /**
   * @internal for the import: locks existing accounts in id order before anything else,
   * so an import and a clerk's edit take their locks in the same order (accounts, number
   * series, audit head) and never deadlock.
   */
  async lockAccounts(ids: readonly number[], tx: Transaction): Promise<void> {
    if (!ids.length) return;
    await Account.findAll({
      where: { id: [...ids] },
      attributes: ['id'],
      order: [['id', 'ASC']],
      transaction: tx,
      lock: tx.LOCK.UPDATE,
    });
  }

  /** Water users by national ID (imports share one water user between accounts). */
  async waterUsersByNationalId(
    ids: readonly string[],
    tx: Transaction,
  ): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const users = await WaterUser.findAll({ where: { nationalId: [...ids] }, transaction: tx });
    return new Map(users.map((u) => [u.nationalId!, u.id]));
  }

  /** The registry for the Excel export, in pages of account-number order. */
  async *exportPages(pageSize = 2000): AsyncGenerator<ExportRow[]> {
    const tenantId = tenantOfContext();
    let after = '';
    for (;;) {
      const page = await this.repo.exportPage(tenantId, after, pageSize);
      if (!page.length) return;
      yield page;
      after = page[page.length - 1]!.number;
    }
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
    return rows.map(billingAccount);
  }

  /** A route's active accounts (a village, or the whole waterworks) in walking order: one query. */
  async routeAccounts(q: { waterworksId: number; villageId?: number }): Promise<BillingAccount[]> {
    const rows = await this.repo.accountRows(tenantOfContext(), { ...q, status: 'active' });
    return rows.map(billingAccount);
  }

  /** These accounts (of the tenant; unknown ids are left out), in one query. */
  async accountsByIds(ids: readonly number[]): Promise<BillingAccount[]> {
    const rows = await this.repo.accountRows(tenantOfContext(), { ids: [...new Set(ids)] });
    return rows.map(billingAccount);
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
}

async function lockAccount(id: number, tx: Transaction): Promise<Account> {
  const a = await Account.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
  if (!a) throw new NotFoundError(ACCOUNT);
  return a;
}

/** A patch without its undefined keys (undefined means "leave as is"). */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
