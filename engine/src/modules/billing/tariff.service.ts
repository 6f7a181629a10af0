/**
 * Tariffs: the presets shipped as data (TARIFF_PRESETS) and a tenant's own versions,
 * the default tariff of each waterworks per customer type, and the bill calculator.
 */
import type { Sequelize } from 'sequelize';
import {
  calculateBill,
  effectiveTariff,
  TARIFF_PRESETS,
  TariffError,
  tariffProblems,
  type Bill,
  type BillInput,
  type Tariff,
} from '../../domain/index.js';
import { ConflictError, NotFoundError, UserError } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { TariffAssignment, TariffVersion } from './tariff.model.js';

const TARIFF = { th: 'อัตราค่าน้ำ', en: 'Tariff' };
/** An assignment for every customer type of a waterworks. */
export const ANY_CUSTOMER_TYPE = '*';

export interface TariffView {
  id: number | null;
  source: 'preset' | 'tenant';
  code: string;
  name: { th: string; en: string };
  effectiveFrom: string;
  definition: Tariff;
}

/** The tariffs of one tenant at one period start, looked up without further queries. */
export class TariffBook {
  constructor(
    private readonly byCode: Map<string, Tariff>,
    private readonly assignments: Map<string, string>,
  ) {}

  get(code: string): Tariff | undefined {
    return this.byCode.get(code);
  }

  /** The tariff code that bills an account: its own override, else its waterworks' default. */
  codeFor(waterworksId: number, customerType: string, override?: string | null): string | null {
    return (
      override ??
      this.assignments.get(`${waterworksId}:${customerType}`) ??
      this.assignments.get(`${waterworksId}:${ANY_CUSTOMER_TYPE}`) ??
      null
    );
  }
}

export function periodStart(period: string): string {
  return `${period}-01`;
}

/** calculateBill with the domain's refusal turned into a 422 on the field at fault. */
export function billFor(tariff: Tariff, input: BillInput): Bill {
  try {
    return calculateBill(tariff, input);
  } catch (err) {
    if (err instanceof TariffError)
      throw new UserError(err.code, err.messages, [{ path: err.path, message: err.messages }]);
    throw err;
  }
}

/** The customer type to bill with: the account's when the tariff has it, else the tariff's default. */
export function customerTypeIn(tariff: Tariff, customerType: string | null | undefined) {
  return customerType && tariff.customerTypes.some((c) => c.code === customerType)
    ? customerType
    : undefined;
}

const presetCodes = () => new Set(TARIFF_PRESETS.map((p) => p.code));

export class TariffService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
  ) {
    audit.registerEntity('tariff', {
      model: TariffVersion,
      snapshot: (t: TariffVersion) => ({
        id: t.id,
        code: t.code,
        effectiveFrom: t.effectiveFrom,
        definition: t.definition as unknown as Record<string, unknown>,
      }),
    });
    audit.registerEntity('tariff-assignment', {
      model: TariffAssignment,
      snapshot: (a: TariffAssignment) => ({
        id: a.id,
        waterworksId: a.waterworksId,
        customerType: a.customerType,
        tariffCode: a.tariffCode,
      }),
    });
  }

  async list(): Promise<TariffView[]> {
    const own = await TariffVersion.findAll({
      order: [
        ['code', 'ASC'],
        ['effectiveFrom', 'ASC'],
      ],
    });
    return [
      ...TARIFF_PRESETS.map((t) => ({
        id: null,
        source: 'preset' as const,
        code: t.code,
        name: t.name,
        effectiveFrom: t.effectiveFrom,
        definition: t,
      })),
      ...own.map(viewOf),
    ];
  }

  async get(id: number): Promise<TariffView> {
    const t = await TariffVersion.findByPk(id);
    if (!t) throw new NotFoundError(TARIFF);
    return viewOf(t);
  }

  async create(def: Tariff): Promise<TariffView> {
    this.check(def);
    return this.sequelize.transaction(async (transaction) => {
      await this.uniqueVersion(def, null, transaction);
      const t = await TariffVersion.create(
        { code: def.code, name: def.name.th, effectiveFrom: def.effectiveFrom, definition: def },
        { transaction },
      );
      await this.audit.recordChange(transaction, 'tariff.create', 'tariff', t.id, null, t);
      return viewOf(t);
    });
  }

  async update(id: number, def: Tariff): Promise<TariffView> {
    this.check(def);
    return this.sequelize.transaction(async (transaction) => {
      const t = await TariffVersion.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!t) throw new NotFoundError(TARIFF);
      await this.uniqueVersion(def, id, transaction);
      const before = this.audit.snapshot('tariff', t);
      await t.update(
        { code: def.code, name: def.name.th, effectiveFrom: def.effectiveFrom, definition: def },
        { transaction },
      );
      await this.audit.record(transaction, {
        action: 'tariff.update',
        entityType: 'tariff',
        entityId: t.id,
        before,
        after: this.audit.snapshot('tariff', t),
      });
      return viewOf(t);
    });
  }

  /** A tariff by id (a tenant version) or code (the version in force at `period`, own before preset). */
  async resolve(q: { tariffId?: number; tariffCode?: string; period?: string }): Promise<Tariff> {
    if (q.tariffId !== undefined) return (await this.get(q.tariffId)).definition;
    const start = q.period ? periodStart(q.period) : new Date().toISOString().slice(0, 10);
    const book = await this.book(start);
    const t = book.get(q.tariffCode ?? '');
    if (!t) {
      const m = { th: `ไม่พบอัตราค่าน้ำรหัส ${q.tariffCode}`, en: `No tariff ${q.tariffCode}.` };
      throw new UserError('unknown_tariff', m, [{ path: 'tariffCode', message: m }]);
    }
    return t;
  }

  async preview(
    q: { tariffId?: number; tariffCode?: string; period?: string } & BillInput,
  ): Promise<Bill> {
    const tariff = await this.resolve(q);
    return billFor(tariff, {
      consumptionM3: q.consumptionM3,
      ...(q.customerType ? { customerType: q.customerType } : {}),
      ...(q.meterSize ? { meterSize: q.meterSize } : {}),
    });
  }

  /** Every tariff in force at a period start, and the waterworks defaults, in two queries. */
  async book(start: string): Promise<TariffBook> {
    const [own, assignments] = await Promise.all([
      TariffVersion.findAll(),
      TariffAssignment.findAll(),
    ]);
    const byCode = new Map<string, Tariff>();
    for (const p of TARIFF_PRESETS) if (p.effectiveFrom <= start) byCode.set(p.code, p);
    const versions = new Map<string, Tariff[]>();
    for (const v of own) versions.set(v.code, [...(versions.get(v.code) ?? []), v.definition]);
    for (const [code, list] of versions) {
      const t = effectiveTariff(list, start);
      if (t) byCode.set(code, t);
    }
    return new TariffBook(
      byCode,
      new Map(assignments.map((a) => [`${a.waterworksId}:${a.customerType}`, a.tariffCode])),
    );
  }

  async listAssignments(): Promise<TariffAssignment[]> {
    return TariffAssignment.findAll({
      order: [
        ['waterworksId', 'ASC'],
        ['customerType', 'ASC'],
      ],
    });
  }

  /** Sets (or replaces) the default tariff of a waterworks for a customer type. */
  async assign(input: {
    waterworksId: number;
    customerType: string;
    tariffCode: string;
  }): Promise<TariffAssignment> {
    const known =
      presetCodes().has(input.tariffCode) ||
      (await TariffVersion.count({ where: { code: input.tariffCode } })) > 0;
    if (!known) {
      const m = { th: `ไม่พบอัตราค่าน้ำรหัส ${input.tariffCode}`, en: `No tariff ${input.tariffCode}.` };
      throw new UserError('unknown_tariff', m, [{ path: 'tariffCode', message: m }]);
    }
    return this.sequelize.transaction(async (transaction) => {
      const where = { waterworksId: input.waterworksId, customerType: input.customerType };
      const a = await TariffAssignment.findOne({
        where,
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const before = this.audit.snapshot('tariff-assignment', a);
      const row = a
        ? await a.update({ tariffCode: input.tariffCode }, { transaction })
        : await TariffAssignment.create(input, { transaction });
      await this.audit.record(transaction, {
        action: 'tariff.assign',
        entityType: 'tariff-assignment',
        entityId: row.id,
        before,
        after: this.audit.snapshot('tariff-assignment', row),
      });
      return row;
    });
  }

  private check(def: Tariff): void {
    if (presetCodes().has(def.code)) {
      const m = {
        th: `รหัส ${def.code} เป็นอัตราสำเร็จรูป กรุณาใช้รหัสอื่น`,
        en: `${def.code} is a preset code; choose another.`,
      };
      throw new ConflictError('tariff_code_is_preset', m, [{ path: 'code', message: m }]);
    }
    const problems = tariffProblems(def);
    if (problems.length)
      throw new UserError(
        'invalid_tariff',
        { th: 'อัตราค่าน้ำไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', en: 'The tariff is not valid.' },
        problems,
      );
  }

  private async uniqueVersion(
    def: Tariff,
    selfId: number | null,
    transaction: import('sequelize').Transaction,
  ): Promise<void> {
    const other = await TariffVersion.findOne({
      where: { code: def.code, effectiveFrom: def.effectiveFrom },
      transaction,
    });
    if (other && other.id !== selfId) {
      const m = {
        th: `อัตรา ${def.code} ที่มีผล ${def.effectiveFrom} มีอยู่แล้ว`,
        en: `${def.code} effective ${def.effectiveFrom} exists.`,
      };
      throw new ConflictError('tariff_version_exists', m, [{ path: 'effectiveFrom', message: m }]);
    }
  }
}

function viewOf(t: TariffVersion): TariffView {
  const def = t.definition;
  return {
    id: t.id,
    source: 'tenant',
    code: t.code,
    name: def.name,
    effectiveFrom: t.effectiveFrom,
    definition: def,
  };
}
