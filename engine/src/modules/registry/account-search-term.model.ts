import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/** One searchable term of an account (derived data, rebuilt whenever its sources change). */
export class AccountSearchTerm extends Model<
  InferAttributes<AccountSearchTerm>,
  InferCreationAttributes<AccountSearchTerm>
> {
  declare tenantId: CreationOptional<number>;
  declare term: string;
  declare accountId: number;

  static initModel(sequelize: Sequelize): typeof AccountSearchTerm {
    AccountSearchTerm.init(
      {
        tenantId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        term: { type: DataTypes.STRING(64).BINARY, allowNull: false, primaryKey: true },
        accountId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      },
      { sequelize, tableName: 'account_search_terms', timestamps: false },
    );
    scopeToTenant(AccountSearchTerm);
    return AccountSearchTerm;
  }
}
