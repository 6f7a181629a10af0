/**
 * Tenants (อบต./เทศบาล), their waterworks and villages. Reads and writes go through the
 * tenant scope, so a tenant's staff never see another tenant's rows (they get 404).
 */
import type { Sequelize } from 'sequelize';
import { isValidThaiId } from '../../domain/index.js';
import { ConflictError, NotFoundError, UserError } from '../../http/errors.js';
import { asSystem } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { Tenant } from './tenant.model.js';
import { Village } from './village.model.js';
import { Waterworks } from './waterworks.model.js';

export interface TenantInput {
  code: string;
  name: string;
  nameEn?: string | null;
  taxId: string;
  address: string;
  phone?: string | null;
  logoUrl?: string | null;
  promptpayBillerSuffix?: string;
}

export interface WaterworksInput {
  code: string;
  name: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface VillageInput {
  moo: number;
  name: string;
  waterworksId?: number | null;
}

const WATERWORKS = { th: 'กิจการประปา', en: 'Waterworks' };
const VILLAGE = { th: 'หมู่บ้าน', en: 'Village' };

export class TenancyService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
  ) {
    audit.registerEntity('tenant', {
      model: Tenant,
      snapshot: (t: Tenant) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        nameEn: t.nameEn ?? null,
        taxId: t.taxId,
        address: t.address,
        phone: t.phone ?? null,
        logoUrl: t.logoUrl ?? null,
        promptpayBillerSuffix: t.promptpayBillerSuffix,
      }),
    });
    audit.registerEntity('waterworks', {
      model: Waterworks,
      snapshot: (w: Waterworks) => ({
        id: w.id,
        tenantId: w.tenantId,
        code: w.code,
        name: w.name,
        address: w.address ?? null,
        latitude: w.latitude ?? null,
        longitude: w.longitude ?? null,
      }),
    });
    audit.registerEntity('village', {
      model: Village,
      snapshot: (v: Village) => ({
        id: v.id,
        tenantId: v.tenantId,
        waterworksId: v.waterworksId ?? null,
        moo: v.moo,
        name: v.name,
      }),
    });
  }

  /** Creates a tenant (system work: installation, demo seeding). */
  async createTenant(input: TenantInput): Promise<Tenant> {
    checkTaxId(input.taxId);
    return asSystem(() =>
      this.sequelize.transaction(async (transaction) => {
        const clash = await Tenant.findOne({ where: { taxId: input.taxId }, transaction });
        if (clash)
          throw new ConflictError('tenant_exists', {
            th: 'มีหน่วยงานที่ใช้เลขประจำตัวผู้เสียภาษีนี้แล้ว',
            en: 'A tenant with that tax ID exists.',
          });
        const t = await Tenant.create(input, { transaction });
        await this.audit.recordChange(transaction, 'tenant.create', 'tenant', t.id, null, t, t.id);
        return t;
      }),
    );
  }

  async getTenant(tenantId: number): Promise<Tenant> {
    const t = await Tenant.findByPk(tenantId);
    if (!t) throw new NotFoundError({ th: 'หน่วยงาน', en: 'Tenant' });
    return t;
  }

  async updateTenant(
    tenantId: number,
    patch: Partial<Omit<TenantInput, 'code' | 'taxId'>>,
  ): Promise<Tenant> {
    return this.sequelize.transaction(async (transaction) => {
      const t = await Tenant.findByPk(tenantId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!t) throw new NotFoundError({ th: 'หน่วยงาน', en: 'Tenant' });
      const before = this.audit.snapshot('tenant', t);
      await t.update(patch, { transaction });
      await this.audit.record(transaction, {
        action: 'tenant.update',
        entityType: 'tenant',
        entityId: t.id,
        before,
        after: this.audit.snapshot('tenant', t),
      });
      return t;
    });
  }

  async listWaterworks(): Promise<(Waterworks & { villageCount: number })[]> {
    const [works, villages] = await Promise.all([
      Waterworks.findAll({ order: [['code', 'ASC']] }),
      Village.findAll(),
    ]);
    return works.map((w) =>
      Object.assign(w, { villageCount: villages.filter((v) => v.waterworksId === w.id).length }),
    );
  }

  async getWaterworks(id: number): Promise<Waterworks> {
    const w = await Waterworks.findByPk(id);
    if (!w) throw new NotFoundError(WATERWORKS);
    return w;
  }

  async createWaterworks(input: WaterworksInput): Promise<Waterworks> {
    return this.sequelize.transaction(async (transaction) => {
      await this.uniqueCode(input.code, transaction);
      const w = await Waterworks.create(input, { transaction });
      await this.audit.recordChange(
        transaction,
        'waterworks.create',
        'waterworks',
        w.id,
        null,
        w,
        w.tenantId,
      );
      return w;
    });
  }

  async updateWaterworks(id: number, patch: Partial<WaterworksInput>): Promise<Waterworks> {
    return this.sequelize.transaction(async (transaction) => {
      const w = await Waterworks.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!w) throw new NotFoundError(WATERWORKS);
      if (patch.code && patch.code !== w.code) await this.uniqueCode(patch.code, transaction);
      const before = this.audit.snapshot('waterworks', w);
      await w.update(patch, { transaction });
      await this.audit.record(transaction, {
        action: 'waterworks.update',
        entityType: 'waterworks',
        entityId: w.id,
        before,
        after: this.audit.snapshot('waterworks', w),
      });
      return w;
    });
  }

  async listVillages(): Promise<Village[]> {
    return Village.findAll({ order: [['moo', 'ASC']] });
  }

  async getVillage(id: number): Promise<Village> {
    const v = await Village.findByPk(id);
    if (!v) throw new NotFoundError(VILLAGE);
    return v;
  }

  async createVillage(input: VillageInput): Promise<Village> {
    return this.sequelize.transaction(async (transaction) => {
      await this.checkVillage(input, null, transaction);
      const v = await Village.create({ waterworksId: null, ...input }, { transaction });
      await this.audit.recordChange(
        transaction,
        'village.create',
        'village',
        v.id,
        null,
        v,
        v.tenantId,
      );
      return v;
    });
  }

  async updateVillage(id: number, patch: Partial<VillageInput>): Promise<Village> {
    return this.sequelize.transaction(async (transaction) => {
      const v = await Village.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!v) throw new NotFoundError(VILLAGE);
      await this.checkVillage(patch, v.id, transaction);
      const before = this.audit.snapshot('village', v);
      await v.update(patch, { transaction });
      await this.audit.record(transaction, {
        action: 'village.update',
        entityType: 'village',
        entityId: v.id,
        before,
        after: this.audit.snapshot('village', v),
      });
      return v;
    });
  }

  private async uniqueCode(
    code: string,
    transaction: import('sequelize').Transaction,
  ): Promise<void> {
    if (await Waterworks.findOne({ where: { code }, transaction })) {
      const m = { th: 'รหัสกิจการประปานี้มีอยู่แล้ว', en: 'That waterworks code exists.' };
      throw new ConflictError('waterworks_code_taken', m, [{ path: 'code', message: m }]);
    }
  }

  private async checkVillage(
    input: Partial<VillageInput>,
    selfId: number | null,
    transaction: import('sequelize').Transaction,
  ): Promise<void> {
    if (
      input.waterworksId != null &&
      !(await Waterworks.findByPk(input.waterworksId, { transaction }))
    ) {
      const m = { th: 'ไม่พบกิจการประปานี้', en: 'No such waterworks.' };
      throw new UserError('unknown_waterworks', m, [{ path: 'waterworksId', message: m }]);
    }
    if (input.moo !== undefined) {
      const other = await Village.findOne({ where: { moo: input.moo }, transaction });
      if (other && other.id !== selfId) {
        const m = { th: `มีหมู่ที่ ${input.moo} อยู่แล้ว`, en: `Village no. ${input.moo} exists.` };
        throw new ConflictError('village_moo_taken', m, [{ path: 'moo', message: m }]);
      }
    }
  }
}

function checkTaxId(taxId: string): void {
  if (!isValidThaiId(taxId)) {
    const m = {
      th: 'เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลักที่ถูกต้อง',
      en: 'The tax ID must be a valid 13-digit number.',
    };
    throw new UserError('invalid_tax_id', m, [{ path: 'taxId', message: m }]);
  }
}
