import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/**
 * A water meter on an account. One is active at a time; a replacement closes the old one
 * with its final reading and starts the new one (which names the meter it replaces)
 * from its initial reading.
 */
export class Meter extends Model<InferAttributes<Meter>, InferCreationAttributes<Meter>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare accountId: number;
  declare serial: string;
  declare size: string;
  /** Digits on the register (4–8): where the reading rolls over. */
  declare digits: number;
  declare initialReading: number;
  declare installedOn: string;
  declare removedOn: CreationOptional<string | null>;
  declare finalReading: CreationOptional<number | null>;
  declare status: 'active' | 'removed';
  declare replacesMeterId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Meter {
    Meter.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        accountId: { type: DataTypes.INTEGER, allowNull: false },
        serial: { type: DataTypes.STRING(40), allowNull: false },
        size: { type: DataTypes.STRING(8), allowNull: false },
        digits: { type: DataTypes.INTEGER, allowNull: false },
        initialReading: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        installedOn: { type: DataTypes.DATEONLY, allowNull: false },
        removedOn: { type: DataTypes.DATEONLY, allowNull: true },
        finalReading: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        replacesMeterId: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'meters' },
    );
    scopeToTenant(Meter);
    return Meter;
  }
}
