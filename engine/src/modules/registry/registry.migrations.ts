import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

// RESTRICT throughout: an audited row never changes behind the audit log's back (no cascades)
const fk = (table: string, allowNull = false) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'RESTRICT',
});

export const registryMigrations: Migration[] = [
  {
    name: '20261202-10-registry-water-users-accounts-meters',
    async up({ qi }) {
      await qi.createTable('water_users', {
        id: col.id(),
        tenant_id: col.tenantId(),
        kind: { type: DataTypes.STRING(16), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: false },
        name_en: { type: DataTypes.STRING(200), allowNull: true },
        national_id: { type: DataTypes.STRING(13), allowNull: true },
        phone: { type: DataTypes.STRING(40), allowNull: true },
        house_no: { type: DataTypes.STRING(40), allowNull: true },
        moo: { type: DataTypes.INTEGER, allowNull: true },
        address: { type: DataTypes.TEXT, allowNull: true },
        customer_type: { type: DataTypes.STRING(8), allowNull: false, defaultValue: '1' },
        ...col.timestamps(),
      });
      await qi.addIndex('water_users', ['tenant_id', 'national_id'], {
        name: 'water_users_tenant_national_id',
      });

      await qi.createTable('accounts', {
        id: col.id(),
        tenant_id: col.tenantId(),
        number: { type: DataTypes.STRING(40), allowNull: false },
        water_user_id: fk('water_users'),
        waterworks_id: fk('waterworks'),
        village_id: fk('villages', true),
        route_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        latitude: { type: DataTypes.DOUBLE, allowNull: true },
        longitude: { type: DataTypes.DOUBLE, allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        tariff_code: { type: DataTypes.STRING(40), allowNull: true },
        opened_on: { type: DataTypes.DATEONLY, allowNull: true },
        closed_on: { type: DataTypes.DATEONLY, allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('accounts', ['tenant_id', 'number'], {
        unique: true,
        name: 'accounts_tenant_number',
      });
      // billing pages through a waterworks' active accounts by id (keyset)
      await qi.addIndex('accounts', ['tenant_id', 'waterworks_id', 'status', 'id'], {
        name: 'accounts_tenant_works_status_id',
      });
      await qi.addIndex('accounts', ['tenant_id', 'village_id'], {
        name: 'accounts_tenant_village',
      });
      await qi.addIndex('accounts', ['water_user_id'], { name: 'accounts_water_user' });

      await qi.createTable('meters', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: fk('accounts'),
        serial: { type: DataTypes.STRING(40), allowNull: false },
        size: { type: DataTypes.STRING(8), allowNull: false },
        digits: { type: DataTypes.INTEGER, allowNull: false },
        initial_reading: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        installed_on: { type: DataTypes.DATEONLY, allowNull: false },
        removed_on: { type: DataTypes.DATEONLY, allowNull: true },
        final_reading: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        replaces_meter_id: fk('meters', true),
        ...col.timestamps(),
      });
      await qi.addIndex('meters', ['account_id', 'status'], { name: 'meters_account_status' });
      await qi.addIndex('meters', ['tenant_id', 'serial'], { name: 'meters_tenant_serial' });

      await qi.createTable('account_residents', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: fk('accounts'),
        user_id: fk('users'),
        ...col.timestamps(),
      });
      await qi.addIndex('account_residents', ['account_id', 'user_id'], {
        unique: true,
        name: 'account_residents_account_user',
      });
      await qi.addIndex('account_residents', ['tenant_id', 'user_id'], {
        name: 'account_residents_tenant_user',
      });

      // Search: every word of an account's searchable text, and every suffix of it, so that
      // a prefix range on the index finds any part of a name ("ชาย" finds "สมชาย") in
      // milliseconds at 100,000 accounts. Binary collation: byte order is code-point order.
      await qi.createTable('account_search_terms', {
        tenant_id: { ...col.tenantId(), primaryKey: true },
        term: { type: DataTypes.STRING(64).BINARY, allowNull: false, primaryKey: true },
        account_id: { ...fk('accounts'), primaryKey: true },
      });
      await qi.addIndex('account_search_terms', ['account_id'], {
        name: 'account_search_terms_account',
      });

      // per tenant: the account-number scheme, and its running numbers per prefix
      await qi.createTable('registry_settings', {
        tenant_id: { ...col.tenantId(), primaryKey: true },
        account_number_format: { type: DataTypes.STRING(60), allowNull: false },
        ...col.timestamps(),
      });
      await qi.createTable('account_number_series', {
        tenant_id: { ...col.tenantId(), primaryKey: true },
        prefix: { type: DataTypes.STRING(60), allowNull: false, primaryKey: true },
        last_no: { type: DataTypes.INTEGER, allowNull: false },
      });
    },
    async down({ qi }) {
      for (const t of [
        'account_number_series',
        'registry_settings',
        'account_search_terms',
        'account_residents',
        'meters',
        'accounts',
        'water_users',
      ])
        await qi.dropTable(t);
    },
  },
];
