import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

export const eventsMigrations: Migration[] = [
  {
    name: '20261203-30-events-outbox',
    async up({ qi }) {
      // written in the transaction of the change it reports; delivered after commit
      await qi.createTable('outbox_events', {
        id: col.id(),
        tenant_id: col.tenantId(),
        type: { type: DataTypes.STRING(60), allowNull: false },
        payload_json: { type: DataTypes.TEXT, allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        next_attempt_at: { type: DataTypes.DATE(3), allowNull: false },
        delivered_at: { type: DataTypes.DATE(3), allowNull: true },
        last_error: { type: DataTypes.STRING(1000), allowNull: true },
      });
      await qi.addIndex('outbox_events', ['delivered_at', 'next_attempt_at'], {
        name: 'outbox_events_due',
      });
      await qi.addIndex('outbox_events', ['tenant_id', 'type', 'created_at'], {
        name: 'outbox_events_by_type',
      });
    },
    async down({ qi }) {
      await qi.dropTable('outbox_events');
    },
  },
];
