/** Water produced per waterworks and period (the production meter), for the water balance. */
import type { Sequelize } from 'sequelize';
import type { AuditLog } from '../audit/audit.service.js';
import { ProductionReading } from './meter-reading.model.js';

export interface ProductionInput {
  waterworksId: number;
  period: string;
  producedM3: number;
  meterReading?: number | null;
  readOn?: string;
  note?: string | null;
}

export class ProductionReadingService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    /** Throws (404/422) when the waterworks is not the tenant's. */
    private readonly checkWaterworks: (id: number) => Promise<unknown>,
  ) {
    audit.registerEntity('production-reading', {
      model: ProductionReading,
      snapshot: (p: ProductionReading) => ({
        id: p.id,
        waterworksId: p.waterworksId,
        period: p.period,
        producedM3: p.producedM3,
        meterReading: p.meterReading ?? null,
      }),
    });
  }

  async list(q: { waterworksId?: number; from?: string; to?: string }) {
    const rows = await ProductionReading.findAll({
      where: q.waterworksId ? { waterworksId: q.waterworksId } : {},
      order: [
        ['period', 'ASC'],
        ['waterworksId', 'ASC'],
      ],
    });
    return rows.filter((r) => (!q.from || r.period >= q.from) && (!q.to || r.period <= q.to));
  }

  /** Records (or replaces) a period's production. */
  async record(input: ProductionInput): Promise<ProductionReading> {
    await this.checkWaterworks(input.waterworksId);
    return this.sequelize.transaction(async (transaction) => {
      const where = { waterworksId: input.waterworksId, period: input.period };
      const p = await ProductionReading.findOne({
        where,
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const before = this.audit.snapshot('production-reading', p);
      const values = {
        ...where,
        producedM3: input.producedM3,
        meterReading: input.meterReading ?? null,
        readOn: input.readOn ?? new Date().toISOString().slice(0, 10),
        note: input.note ?? null,
      };
      const row = p
        ? await p.update(values, { transaction })
        : await ProductionReading.create(values, { transaction });
      await this.audit.record(transaction, {
        action: 'production-reading.record',
        entityType: 'production-reading',
        entityId: row.id,
        before,
        after: this.audit.snapshot('production-reading', row),
      });
      return row;
    });
  }
}
