import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import { jsonText } from './json-column.js';
import type { Tariff } from '../../domain/index.js';

/** One version of a tenant's own tariff (code + effective date); the rules are domain JSON. */
export class TariffVersion extends Model<
  InferAttributes<TariffVersion>,
  InferCreationAttributes<TariffVersion>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare effectiveFrom: string;
  declare definition: Tariff;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof TariffVersion {
    TariffVersion.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        code: { type: DataTypes.STRING(40), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        effectiveFrom: { type: DataTypes.DATEONLY, allowNull: false },
        definition: jsonText('definition', 'definition_json'),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'tariffs' },
    );
    scopeToTenant(TariffVersion);
    return TariffVersion;
  }
}

/** The tariff a waterworks bills a customer type with ('*' = any type), unless the account overrides it. */
export class TariffAssignment extends Model<
  InferAttributes<TariffAssignment>,
  InferCreationAttributes<TariffAssignment>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare waterworksId: number;
  declare customerType: string;
  declare tariffCode: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof TariffAssignment {
    TariffAssignment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: false },
        customerType: { type: DataTypes.STRING(20), allowNull: false },
        tariffCode: { type: DataTypes.STRING(40), allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'tariff_assignments' },
    );
    scopeToTenant(TariffAssignment);
    return TariffAssignment;
  }
}
