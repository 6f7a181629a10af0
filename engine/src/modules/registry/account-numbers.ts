/**
 * Account numbers: the tenant's scheme (a setting, audited) and its running numbers per
 * prefix. A series row is locked until the transaction that takes a number commits, so
 * two clerks never get the same number; numbers given from outside (imports) move their
 * series past them.
 */
import { UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { ConflictError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import {
  DEFAULT_ACCOUNT_NUMBER_FORMAT,
  formatProblem,
  numberFromPrefix,
  seqInNumber,
  seriesPrefix,
} from './account-number.js';
import { AccountNumberSeries } from './account-number-series.model.js';
import { Account } from './account.model.js';
import { RegistrySetting } from './registry-setting.model.js';
import { fieldError, tenantOfContext } from './registry.types.js';

export interface Place {
  waterworksId: number;
  villageId?: number | null;
}

export interface RegistrySettings {
  accountNumberFormat: string;
}

export class AccountNumbers {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
  ) {
    audit.registerEntity('registry_settings', {
      model: RegistrySetting,
      snapshot: (s: RegistrySetting) => ({
        tenantId: s.tenantId,
        accountNumberFormat: s.accountNumberFormat,
      }),
    });
  }

  async settings(): Promise<RegistrySettings> {
    const s = await RegistrySetting.findOne();
    return { accountNumberFormat: s?.accountNumberFormat ?? DEFAULT_ACCOUNT_NUMBER_FORMAT };
  }

  async updateSettings(patch: RegistrySettings): Promise<RegistrySettings> {
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

  /**
   * Numbers for new accounts, in order: a given number must be free (409 on `number`) and
   * moves its series past it; a missing one is the next free number of the scheme.
   */
  async assign(
    items: readonly { number?: string; place: Place }[],
    tx: Transaction,
  ): Promise<string[]> {
    const given = items.flatMap((i) => (i.number ? [i.number] : []));
    const twice = given.find((n, k) => given.indexOf(n) !== k);
    if (twice) throw numberTaken(twice);
    if (given.length) {
      const taken = await Account.findOne({
        where: { number: given },
        attributes: ['number'],
        transaction: tx,
      });
      if (taken) throw numberTaken(taken.number);
    }
    const prefixes = await this.prefixes(items.map((i) => i.place));
    const out = items.map((i) => i.number ?? null);
    const byPrefix = new Map<string, number[]>();
    prefixes.forEach((p, k) => byPrefix.set(p, [...(byPrefix.get(p) ?? []), k]));
    for (const [prefix, ks] of byPrefix) {
      const series = await this.lockSeries(prefix, tx);
      let last = series.lastNo;
      for (const k of ks) last = Math.max(last, seqInNumber(prefix, out[k] ?? '') ?? 0);
      let need = ks.filter((k) => out[k] === null);
      while (need.length) {
        const candidates = need.map((_, j) => numberFromPrefix(prefix, last + 1 + j));
        const used = new Set(
          (
            await Account.findAll({
              where: { number: candidates },
              attributes: ['number'],
              transaction: tx,
            })
          ).map((a) => a.number),
        );
        for (const c of candidates) {
          last += 1;
          if (!used.has(c)) out[need.shift()!] = c;
        }
        need = need.filter((k) => out[k] === null);
      }
      if (last !== series.lastNo) await series.update({ lastNo: last }, { transaction: tx });
    }
    return out as string[];
  }

  /** Refuses a number another account of the tenant has (409 on `number`). */
  async checkFree(number: string, tx: Transaction): Promise<void> {
    if (await Account.findOne({ where: { number }, transaction: tx, attributes: ['id'] }))
      throw numberTaken(number);
  }

  /** A number given from outside (an edit) moves its series past it. */
  async note(number: string, place: Place, tx: Transaction): Promise<void> {
    const [prefix] = await this.prefixes([place]);
    const seq = seqInNumber(prefix!, number);
    if (seq === null) return;
    const series = await this.lockSeries(prefix!, tx);
    if (seq > series.lastNo) await series.update({ lastNo: seq }, { transaction: tx });
  }

  private async prefixes(places: readonly Place[]): Promise<string[]> {
    const [{ accountNumberFormat }, works, villages] = await Promise.all([
      this.settings(),
      this.tenancy.listWaterworks(),
      this.tenancy.listVillages(),
    ]);
    const code = new Map(works.map((w) => [w.id, w.code]));
    const moo = new Map(villages.map((v) => [v.id, v.moo]));
    return places.map((p) =>
      seriesPrefix(accountNumberFormat, {
        works: code.get(p.waterworksId) ?? String(p.waterworksId),
        moo: p.villageId ? (moo.get(p.villageId) ?? null) : null,
      }),
    );
  }

  private async lockSeries(prefix: string, tx: Transaction): Promise<AccountNumberSeries> {
    const found = await AccountNumberSeries.findOne({
      where: { prefix },
      transaction: tx,
      lock: tx.LOCK.UPDATE,
    });
    if (found) return found;
    // the first number of a prefix: two clerks may race to make its row; the loser waits
    // on the winner's row (MariaDB keeps the transaction after a duplicate-key error)
    try {
      return await AccountNumberSeries.create({ prefix, lastNo: 0 }, { transaction: tx });
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
      const row = await AccountNumberSeries.findOne({
        where: { prefix },
        transaction: tx,
        lock: tx.LOCK.UPDATE,
      });
      if (!row) throw err;
      return row;
    }
  }
}

function numberTaken(number: string): ConflictError {
  const m = { th: `มีเลขที่ผู้ใช้น้ำ ${number} แล้ว`, en: `Account number ${number} exists.` };
  return new ConflictError('account_number_taken', m, [{ path: 'number', message: m }]);
}
