import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

export type BillingRunStatus = 'running' | 'completed' | 'failed';

/** A billing run of one waterworks and period; its progress is written after every chunk. */
export class BillingRun extends Model<
  InferAttributes<BillingRun>,
  InferCreationAttributes<BillingRun>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare waterworksId: number;
  declare period: string;
  declare status: BillingRunStatus;
  /** Active accounts of the waterworks when the run started. */
  declare total: number;
  /** Accounts gone through. */
  declare done: CreationOptional<number>;
  declare createdCount: CreationOptional<number>;
  /** Accounts with no accepted reading, no tariff, or already invoiced. */
  declare skippedCount: CreationOptional<number>;
  /** The last account id done: a resumed run goes on after it. */
  declare cursorAccountId: CreationOptional<number>;
  declare issueDate: string;
  declare dueDate: string;
  declare startedBy: string;
  declare error: CreationOptional<string | null>;
  declare finishedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof BillingRun {
    const int = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    BillingRun.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: false },
        period: { type: DataTypes.STRING(7), allowNull: false },
        status: { type: DataTypes.STRING(12), allowNull: false },
        total: int(),
        done: int(),
        createdCount: int(),
        skippedCount: int(),
        cursorAccountId: int(),
        issueDate: { type: DataTypes.DATEONLY, allowNull: false },
        dueDate: { type: DataTypes.DATEONLY, allowNull: false },
        startedBy: { type: DataTypes.STRING(64), allowNull: false },
        error: { type: DataTypes.TEXT, allowNull: true },
        finishedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'billing_runs' },
    );
    scopeToTenant(BillingRun);
    return BillingRun;
  }
}
