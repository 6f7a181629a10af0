import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A local government (อบต./เทศบาล) using Prapa; the root of every other row. */
export class Tenant extends Model<InferAttributes<Tenant>, InferCreationAttributes<Tenant>> {
  declare id: CreationOptional<number>;
  /** Short slug, e.g. `nongbua`. */
  declare code: string;
  declare name: string;
  declare nameEn: string | null;
  /** 13-digit juristic/tax identification number. */
  declare taxId: string;
  declare address: string;
  declare phone: CreationOptional<string | null>;
  declare logoUrl: CreationOptional<string | null>;
  /** Two digits appended to the tax ID to make the PromptPay biller ID. */
  declare promptpayBillerSuffix: CreationOptional<string>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Tenant {
    return Tenant.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(40), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        nameEn: { type: DataTypes.STRING(200), allowNull: true },
        taxId: { type: DataTypes.STRING(13), allowNull: false },
        address: { type: DataTypes.TEXT, allowNull: false },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        logoUrl: { type: DataTypes.STRING(500), allowNull: true },
        promptpayBillerSuffix: { type: DataTypes.STRING(2), allowNull: false, defaultValue: '00' },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'tenants' },
    );
  }
}
