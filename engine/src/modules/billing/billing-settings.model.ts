import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

export type PenaltyKind = 'none' | 'flat' | 'percent';

/** A tenant's billing rules; a tenant without a row bills with the defaults. */
export class BillingSettings extends Model<
  InferAttributes<BillingSettings>,
  InferCreationAttributes<BillingSettings>
> {
  declare tenantId: number;
  /** Days from the issue date to the due date. */
  declare dueDays: CreationOptional<number>;
  /** Late-payment penalty added to the next invoice of an account with overdue invoices. */
  declare penaltyKind: CreationOptional<PenaltyKind>;
  /** Satang (flat) or basis points of the overdue amount (percent). */
  declare penaltyValue: CreationOptional<number>;
  declare invoicePrefix: CreationOptional<string>;
  declare creditNotePrefix: CreationOptional<string>;
  /** Accounts per billing-run transaction. */
  declare runChunkSize: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof BillingSettings {
    BillingSettings.init(
      {
        tenantId: { type: DataTypes.INTEGER, primaryKey: true },
        dueDays: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 15 },
        penaltyKind: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'none' },
        penaltyValue: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        invoicePrefix: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'IV' },
        creditNotePrefix: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'CN' },
        runChunkSize: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 500 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'billing_settings' },
    );
    scopeToTenant(BillingSettings);
    return BillingSettings;
  }
}
