import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import type { ReadingFlag } from '../../domain/index.js';

/** accepted: billable; review: flagged, waits for staff; reread: staff asked the reader to go back. */
export type ReadingStatus = 'accepted' | 'review' | 'reread';

/** One meter reading of an account in a billing period ('YYYY-MM'). */
export class MeterReading extends Model<
  InferAttributes<MeterReading>,
  InferCreationAttributes<MeterReading>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare accountId: number;
  declare waterworksId: number;
  declare meterId: number | null;
  declare period: string;
  declare previousReading: number;
  declare currentReading: number | null;
  declare consumptionM3: number | null;
  declare flags: ReadingFlag[];
  declare status: ReadingStatus;
  declare estimated: CreationOptional<boolean>;
  declare source: 'web' | 'handheld' | 'estimate' | 'seed';
  declare note: CreationOptional<string | null>;
  declare readAt: Date;
  declare readBy: string;
  declare reviewedBy: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof MeterReading {
    MeterReading.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        accountId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: false },
        meterId: { type: DataTypes.INTEGER, allowNull: true },
        period: { type: DataTypes.STRING(7), allowNull: false },
        previousReading: { type: DataTypes.INTEGER, allowNull: false },
        currentReading: { type: DataTypes.INTEGER, allowNull: true },
        consumptionM3: { type: DataTypes.INTEGER, allowNull: true },
        flags: {
          type: DataTypes.STRING(200),
          allowNull: false,
          defaultValue: '',
          get(this: MeterReading) {
            const raw = this.getDataValue('flags') as unknown as string;
            return raw ? (raw.split(',') as ReadingFlag[]) : [];
          },
          set(this: MeterReading, v: ReadingFlag[]) {
            this.setDataValue('flags', v.join(',') as unknown as ReadingFlag[]);
          },
        },
        status: { type: DataTypes.STRING(12), allowNull: false },
        estimated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        source: { type: DataTypes.STRING(12), allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: true },
        readAt: { type: DataTypes.DATE(3), allowNull: false },
        readBy: { type: DataTypes.STRING(64), allowNull: false },
        reviewedBy: { type: DataTypes.STRING(64), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'meter_readings' },
    );
    scopeToTenant(MeterReading);
    return MeterReading;
  }
}

/** Water a waterworks produced in a period, from its production meter. */
export class ProductionReading extends Model<
  InferAttributes<ProductionReading>,
  InferCreationAttributes<ProductionReading>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare waterworksId: number;
  declare period: string;
  declare meterReading: number | null;
  declare producedM3: number;
  declare readOn: string;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof ProductionReading {
    ProductionReading.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: false },
        period: { type: DataTypes.STRING(7), allowNull: false },
        meterReading: { type: DataTypes.INTEGER, allowNull: true },
        producedM3: { type: DataTypes.INTEGER, allowNull: false },
        readOn: { type: DataTypes.DATEONLY, allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'production_readings' },
    );
    scopeToTenant(ProductionReading);
    return ProductionReading;
  }
}
