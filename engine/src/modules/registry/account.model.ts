import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import type { AccountStatus } from './registry.types.js';

export type { AccountStatus };

/** A water connection billed under one number (ทะเบียนผู้ใช้น้ำ): whose, where, and how. */
export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  /** Unique per tenant, e.g. "WW1-00001" (the scheme is a tenant setting). */
  declare number: string;
  declare waterUserId: number;
  declare waterworksId: number;
  declare villageId: CreationOptional<number | null>;
  /** Order on the meter reader's route. */
  declare routeOrder: CreationOptional<number>;
  declare latitude: CreationOptional<number | null>;
  declare longitude: CreationOptional<number | null>;
  declare status: AccountStatus;
  /** Overrides the waterworks' default tariff (billing owns tariffs). */
  declare tariffCode: CreationOptional<string | null>;
  declare openedOn: CreationOptional<string | null>;
  declare closedOn: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Account {
    Account.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        number: { type: DataTypes.STRING(40), allowNull: false },
        waterUserId: { type: DataTypes.INTEGER, allowNull: false },
        waterworksId: { type: DataTypes.INTEGER, allowNull: false },
        villageId: { type: DataTypes.INTEGER, allowNull: true },
        routeOrder: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        latitude: { type: DataTypes.DOUBLE, allowNull: true },
        longitude: { type: DataTypes.DOUBLE, allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        tariffCode: { type: DataTypes.STRING(40), allowNull: true },
        openedOn: { type: DataTypes.DATEONLY, allowNull: true },
        closedOn: { type: DataTypes.DATEONLY, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'accounts' },
    );
    scopeToTenant(Account);
    return Account;
  }
}
