import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

export const authMigrations: Migration[] = [
  {
    name: '20261128-02-auth-users',
    async up({ qi }) {
      await qi.createTable('users', {
        id: col.id(),
        tenant_id: col.tenantId(),
        username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        display_name: { type: DataTypes.STRING(200), allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        roles: { type: DataTypes.STRING(255), allowNull: false, defaultValue: '' },
        password_hash: { type: DataTypes.STRING(255), allowNull: false },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        token_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        last_login_at: { type: DataTypes.DATE(3), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('users', ['tenant_id', 'kind'], { name: 'users_tenant_kind' });
    },
    async down({ qi }) {
      await qi.dropTable('users');
    },
  },
];
