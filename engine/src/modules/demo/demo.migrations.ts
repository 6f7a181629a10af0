import { DataTypes } from 'sequelize';
import type { Migration } from '../../db/migrator.js';

export const demoMigrations: Migration[] = [
  {
    name: '20261128-04-demo-seed-log',
    async up({ qi }) {
      await qi.createTable('demo_seed_log', {
        name: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
        seeded_at: { type: DataTypes.DATE(3), allowNull: false },
      });
    },
    async down({ qi }) {
      await qi.dropTable('demo_seed_log');
    },
  },
];
