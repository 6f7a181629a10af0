import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/** A tenant's registry settings (one row per tenant, made on first change). */
export class RegistrySetting extends Model<
  InferAttributes<RegistrySetting>,
  InferCreationAttributes<RegistrySetting>
> {
  declare tenantId: number;
  /** e.g. `{works}-{seq:5}` → "WW1-00001"; see account-number.ts. */
  declare accountNumberFormat: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof RegistrySetting {
    RegistrySetting.init(
      {
        tenantId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        accountNumberFormat: { type: DataTypes.STRING(60), allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'registry_settings' },
    );
    scopeToTenant(RegistrySetting);
    return RegistrySetting;
  }
}
