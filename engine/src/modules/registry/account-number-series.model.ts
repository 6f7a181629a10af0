import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/** The last running number used per account-number prefix (e.g. "WW1-#####"). */
export class AccountNumberSeries extends Model<
  InferAttributes<AccountNumberSeries>,
  InferCreationAttributes<AccountNumberSeries>
> {
  declare tenantId: CreationOptional<number>;
  declare prefix: string;
  declare lastNo: number;

  static initModel(sequelize: Sequelize): typeof AccountNumberSeries {
    AccountNumberSeries.init(
      {
        tenantId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        prefix: { type: DataTypes.STRING(60), allowNull: false, primaryKey: true },
        lastNo: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'account_number_series', timestamps: false },
    );
    scopeToTenant(AccountNumberSeries);
    return AccountNumberSeries;
  }
}
