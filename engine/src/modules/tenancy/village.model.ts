import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/** A village (หมู่บ้าน / หมู่ที่ n) of the tenant, served by one of its waterworks. */
export class Village extends Model<InferAttributes<Village>, InferCreationAttributes<Village>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare waterworksId: number | null;
  /** หมู่ที่ — the village number within the subdistrict. */
  declare moo: number;
  declare name: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Village {
    Village.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: true },
        moo: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'villages' },
    );
    scopeToTenant(Village);
    return Village;
  }
}
