import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

export const tenancyMigrations: Migration[] = [
  {
    name: '20261128-01-tenancy-tenants-waterworks-villages',
    async up({ qi }) {
      await qi.createTable('tenants', {
        id: col.id(),
        code: { type: DataTypes.STRING(40), allowNull: false, unique: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        name_en: { type: DataTypes.STRING(200), allowNull: true },
        tax_id: { type: DataTypes.STRING(13), allowNull: false, unique: true },
        address: { type: DataTypes.TEXT, allowNull: false },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        logo_url: { type: DataTypes.STRING(500), allowNull: true },
        promptpay_biller_suffix: {
          type: DataTypes.STRING(2),
          allowNull: false,
          defaultValue: '00',
        },
        ...col.timestamps(),
      });
      await qi.createTable('waterworks', {
        id: col.id(),
        tenant_id: col.tenantId(),
        code: { type: DataTypes.STRING(20), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        address: { type: DataTypes.TEXT, allowNull: true },
        latitude: { type: DataTypes.DOUBLE, allowNull: true },
        longitude: { type: DataTypes.DOUBLE, allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('waterworks', ['tenant_id', 'code'], {
        unique: true,
        name: 'waterworks_tenant_code',
      });
      await qi.createTable('villages', {
        id: col.id(),
        tenant_id: col.tenantId(),
        waterworks_id: {
          type: DataTypes.INTEGER,
          allowNull: true,
          references: { model: 'waterworks', key: 'id' },
          onDelete: 'SET NULL',
        },
        moo: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        ...col.timestamps(),
      });
      await qi.addIndex('villages', ['tenant_id', 'moo'], {
        unique: true,
        name: 'villages_tenant_moo',
      });
    },
    async down({ qi }) {
      await qi.dropTable('villages');
      await qi.dropTable('waterworks');
      await qi.dropTable('tenants');
    },
  },
];
