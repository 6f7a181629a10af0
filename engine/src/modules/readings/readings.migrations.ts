import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

export const readingsMigrations: Migration[] = [
  {
    name: '20261202-22-billing-readings',
    async up({ qi }) {
      // one reading per account and billing period; `previous` is fixed when it is entered
      await qi.createTable('meter_readings', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: { type: DataTypes.INTEGER, allowNull: false },
        waterworks_id: { type: DataTypes.INTEGER, allowNull: false },
        meter_id: { type: DataTypes.INTEGER, allowNull: true },
        period: { type: DataTypes.STRING(7), allowNull: false },
        previous_reading: { type: DataTypes.INTEGER, allowNull: false },
        current_reading: { type: DataTypes.INTEGER, allowNull: true },
        consumption_m3: { type: DataTypes.INTEGER, allowNull: true },
        flags: { type: DataTypes.STRING(200), allowNull: false, defaultValue: '' },
        status: { type: DataTypes.STRING(12), allowNull: false },
        estimated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        source: { type: DataTypes.STRING(12), allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: true },
        read_at: { type: DataTypes.DATE(3), allowNull: false },
        read_by: { type: DataTypes.STRING(64), allowNull: false },
        reviewed_by: { type: DataTypes.STRING(64), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('meter_readings', ['tenant_id', 'account_id', 'period'], {
        unique: true,
        name: 'meter_readings_once_per_period',
      });
      await qi.addIndex('meter_readings', ['tenant_id', 'waterworks_id', 'period', 'status'], {
        name: 'meter_readings_period',
      });
      // water produced by a waterworks in a period (the production meter)
      await qi.createTable('production_readings', {
        id: col.id(),
        tenant_id: col.tenantId(),
        waterworks_id: { type: DataTypes.INTEGER, allowNull: false },
        period: { type: DataTypes.STRING(7), allowNull: false },
        meter_reading: { type: DataTypes.INTEGER, allowNull: true },
        produced_m3: { type: DataTypes.INTEGER, allowNull: false },
        read_on: { type: DataTypes.DATEONLY, allowNull: false },
        note: { type: DataTypes.TEXT, allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('production_readings', ['tenant_id', 'waterworks_id', 'period'], {
        unique: true,
        name: 'production_readings_key',
      });
    },
    async down({ qi }) {
      await qi.dropTable('production_readings');
      await qi.dropTable('meter_readings');
    },
  },
];
