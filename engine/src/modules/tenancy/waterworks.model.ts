import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/** A water supply system a tenant runs (e.g. ประปาหมู่ 3 บ้านหนองบัว). */
export class Waterworks extends Model<
  InferAttributes<Waterworks>,
  InferCreationAttributes<Waterworks>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare address: CreationOptional<string | null>;
  declare latitude: CreationOptional<number | null>;
  declare longitude: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Waterworks {
    Waterworks.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        code: { type: DataTypes.STRING(20), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        address: { type: DataTypes.TEXT, allowNull: true },
        latitude: { type: DataTypes.DOUBLE, allowNull: true },
        longitude: { type: DataTypes.DOUBLE, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'waterworks' },
    );
    scopeToTenant(Waterworks);
    return Waterworks;
  }
}
