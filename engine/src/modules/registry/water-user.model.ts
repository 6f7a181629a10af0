import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

export type WaterUserKind = 'person' | 'organisation';

/** Someone who uses water: a person or an organisation (วัด, โรงเรียน, อบต. office). */
export class WaterUser extends Model<
  InferAttributes<WaterUser>,
  InferCreationAttributes<WaterUser>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare kind: WaterUserKind;
  /** Full Thai name, with the title if any (นายสมชาย ใจดี, วัดโนนสวรรค์). */
  declare name: string;
  declare nameEn: CreationOptional<string | null>;
  /** 13 digits with a valid check digit; shown masked but to admin/clerk in the detail. */
  declare nationalId: CreationOptional<string | null>;
  declare phone: CreationOptional<string | null>;
  declare houseNo: CreationOptional<string | null>;
  /** หมู่ที่ of the address. */
  declare moo: CreationOptional<number | null>;
  /** The rest of the address: street, tambon, amphoe, changwat, postcode. */
  declare address: CreationOptional<string | null>;
  /** Tariff customer type code: '1' residential, '2' government / small business, … */
  declare customerType: CreationOptional<string>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof WaterUser {
    WaterUser.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        nameEn: { type: DataTypes.STRING(200), allowNull: true },
        nationalId: { type: DataTypes.STRING(13), allowNull: true },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        houseNo: { type: DataTypes.STRING(40), allowNull: true },
        moo: { type: DataTypes.INTEGER, allowNull: true },
        address: { type: DataTypes.TEXT, allowNull: true },
        customerType: { type: DataTypes.STRING(8), allowNull: false, defaultValue: '1' },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'water_users' },
    );
    scopeToTenant(WaterUser);
    return WaterUser;
  }
}
