/**
 * Meters on accounts, with their replacement history: one active meter per account; a
 * replacement removes the old meter with its final reading and installs the new one,
 * which names the meter it replaced. Runs inside the caller's transaction, with the
 * account row locked by the caller.
 */
import type { Transaction } from 'sequelize';
import { ConflictError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Account } from './account.model.js';
import { Meter } from './meter.model.js';
import { checkReading } from './new-accounts.js';
import { snapshots } from './registry.dto.js';
import { fieldError, type MeterInput, type MeterReplacementInput } from './registry.types.js';

export class MeterBook {
  constructor(private readonly audit: AuditLog) {
    audit.registerEntity('meter', { model: Meter, snapshot: snapshots.meter });
  }

  active(accountId: number, tx?: Transaction): Promise<Meter | null> {
    return Meter.findOne({ where: { accountId, status: 'active' }, transaction: tx });
  }

  history(accountId: number): Promise<Meter[]> {
    return Meter.findAll({
      where: { accountId },
      order: [
        ['installedOn', 'ASC'],
        ['id', 'ASC'],
      ],
    });
  }

  async install(a: Account, m: MeterInput, tx: Transaction, replaces?: Meter): Promise<Meter> {
    checkReading(m);
    if (!replaces && (await this.active(a.id, tx)))
      throw new ConflictError('meter_already_active', {
        th: 'บัญชีนี้มีมาตรที่ใช้งานอยู่แล้ว ให้บันทึกการเปลี่ยนมาตรแทน',
        en: 'The account has an active meter: record a meter replacement instead.',
      });
    const meter = await Meter.create(
      { ...m, accountId: a.id, status: 'active', replacesMeterId: replaces?.id ?? null },
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

  /** Closes the active meter with its final reading and starts the new one. */
  async replace(a: Account, r: MeterReplacementInput, tx: Transaction): Promise<Meter> {
    const old = await this.active(a.id, tx);
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
    const { oldFinalReading: _, date, ...meter } = r;
    return this.install(a, { ...meter, installedOn: date }, tx, old);
  }
}
