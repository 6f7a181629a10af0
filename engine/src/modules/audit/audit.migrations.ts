import { DataTypes } from 'sequelize';
import type { Migration } from '../../db/migrator.js';

export const auditMigrations: Migration[] = [
  {
    name: '20261128-03-audit-events',
    async up({ qi }) {
      await qi.createTable('audit_events', {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
        tenant_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'tenants', key: 'id' },
        },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        at: { type: DataTypes.DATE(3), allowNull: false },
        actor_id: { type: DataTypes.INTEGER, allowNull: true },
        actor_name: { type: DataTypes.STRING(64), allowNull: false },
        action: { type: DataTypes.STRING(64), allowNull: false },
        entity_type: { type: DataTypes.STRING(64), allowNull: false },
        entity_id: { type: DataTypes.STRING(64), allowNull: false },
        before_json: { type: DataTypes.TEXT, allowNull: true },
        after_json: { type: DataTypes.TEXT, allowNull: true },
        request_id: { type: DataTypes.STRING(64), allowNull: true },
        prev_hash: { type: DataTypes.STRING(64), allowNull: false },
        hash: { type: DataTypes.STRING(64), allowNull: false },
      });
      await qi.addIndex('audit_events', ['tenant_id', 'seq'], {
        unique: true,
        name: 'audit_events_chain',
      });
      await qi.addIndex('audit_events', ['tenant_id', 'entity_type', 'entity_id'], {
        name: 'audit_events_entity',
      });
      await qi.createTable('audit_heads', {
        tenant_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        hash: { type: DataTypes.STRING(64), allowNull: false },
      });
    },
    async down({ qi }) {
      await qi.dropTable('audit_heads');
      await qi.dropTable('audit_events');
    },
  },
];
