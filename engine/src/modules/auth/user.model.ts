import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import type { Role } from '../../domain/index.js';

/**
 * Someone who signs in: staff with roles, or a resident (linked to water accounts from
 * step 3/11 on). User names are unique across tenants, so sign-in needs no tenant.
 */
export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare username: string;
  declare displayName: string;
  declare kind: 'staff' | 'resident';
  declare roles: Role[];
  declare passwordHash: string;
  declare phone: CreationOptional<string | null>;
  declare active: CreationOptional<boolean>;
  /** Bumped to sign the user out everywhere (password change, deactivation). */
  declare tokenVersion: CreationOptional<number>;
  declare lastLoginAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof User {
    User.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        username: { type: DataTypes.STRING(64), allowNull: false },
        displayName: { type: DataTypes.STRING(200), allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        roles: {
          type: DataTypes.STRING(255),
          allowNull: false,
          get(this: User) {
            const raw = this.getDataValue('roles') as unknown as string | null;
            return raw ? (raw.split(',') as Role[]) : [];
          },
          set(this: User, value: Role[]) {
            this.setDataValue('roles', value.join(',') as unknown as Role[]);
          },
        },
        passwordHash: { type: DataTypes.STRING(255), allowNull: false },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lastLoginAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'users' },
    );
    scopeToTenant(User);
    return User;
  }
}
