import { DataTypes } from 'sequelize';
import { col, type Migration } from '../../db/migrator.js';

const int = (allowNull = false, defaultValue?: number) => ({
  type: DataTypes.INTEGER,
  allowNull,
  ...(defaultValue !== undefined ? { defaultValue } : {}),
});
const str = (n: number, allowNull = false, defaultValue?: string) => ({
  type: DataTypes.STRING(n),
  allowNull,
  ...(defaultValue !== undefined ? { defaultValue } : {}),
});

export const billingMigrations: Migration[] = [
  {
    name: '20261202-20-billing-tariffs-settings-series',
    async up({ qi }) {
      // a tenant's own tariff versions: one row per code and effective date
      await qi.createTable('tariffs', {
        id: col.id(),
        tenant_id: col.tenantId(),
        code: str(40),
        name: str(200),
        effective_from: { type: DataTypes.DATEONLY, allowNull: false },
        definition_json: { type: DataTypes.TEXT, allowNull: false },
        ...col.timestamps(),
      });
      await qi.addIndex('tariffs', ['tenant_id', 'code', 'effective_from'], {
        unique: true,
        name: 'tariffs_code_version',
      });
      // the default tariff of a waterworks per customer type
      await qi.createTable('tariff_assignments', {
        id: col.id(),
        tenant_id: col.tenantId(),
        waterworks_id: int(),
        customer_type: str(20),
        tariff_code: str(40),
        ...col.timestamps(),
      });
      await qi.addIndex('tariff_assignments', ['tenant_id', 'waterworks_id', 'customer_type'], {
        unique: true,
        name: 'tariff_assignments_key',
      });
      await qi.createTable('billing_settings', {
        tenant_id: { ...col.tenantId(), primaryKey: true },
        due_days: int(false, 15),
        penalty_kind: str(10, false, 'none'),
        penalty_value: int(false, 0),
        invoice_prefix: str(8, false, 'IV'),
        credit_note_prefix: str(8, false, 'CN'),
        run_chunk_size: int(false, 500),
        ...col.timestamps(),
      });
      // gap-free numbering: one counter row per tenant, document kind and fiscal year
      await qi.createTable('document_series', {
        tenant_id: { ...col.tenantId(), primaryKey: true },
        kind: { ...str(20), primaryKey: true },
        fiscal_year: { ...int(), primaryKey: true },
        last_seq: int(false, 0),
      });
    },
    async down({ qi }) {
      for (const t of ['document_series', 'billing_settings', 'tariff_assignments', 'tariffs'])
        await qi.dropTable(t);
    },
  },
  {
    name: '20261202-21-billing-invoices-runs',
    async up({ qi }) {
      await qi.createTable('billing_runs', {
        id: col.id(),
        tenant_id: col.tenantId(),
        waterworks_id: int(),
        period: str(7),
        status: str(12),
        total: int(false, 0),
        done: int(false, 0),
        created_count: int(false, 0),
        skipped_count: int(false, 0),
        cursor_account_id: int(false, 0),
        issue_date: { type: DataTypes.DATEONLY, allowNull: false },
        due_date: { type: DataTypes.DATEONLY, allowNull: false },
        started_by: str(64),
        error: { type: DataTypes.TEXT, allowNull: true },
        finished_at: { type: DataTypes.DATE(3), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('billing_runs', ['tenant_id', 'waterworks_id', 'period'], {
        name: 'billing_runs_key',
      });
      await qi.createTable('invoices', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: int(),
        waterworks_id: int(true),
        village_id: int(true),
        account_number: str(30),
        customer_name: str(200),
        period: str(7),
        kind: str(20),
        number: str(30),
        fiscal_year: int(),
        seq: int(),
        status: str(10),
        issue_date: { type: DataTypes.DATEONLY, allowNull: false },
        due_date: { type: DataTypes.DATEONLY, allowNull: false },
        tariff_code: str(40, true),
        reading_id: int(true),
        consumption_m3: int(true),
        water_charge_satang: int(false, 0),
        fees_satang: int(false, 0),
        levies_satang: int(false, 0),
        vat_satang: int(false, 0),
        rounding_satang: int(false, 0),
        total_satang: int(),
        arrears_satang: int(false, 0),
        credited_satang: int(false, 0),
        paid_satang: int(false, 0),
        lines_json: { type: DataTypes.TEXT, allowNull: false },
        billing_run_id: int(true),
        paid_at: { type: DataTypes.DATE(3), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('invoices', ['tenant_id', 'account_id', 'period', 'kind'], {
        unique: true,
        name: 'invoices_once_per_period',
      });
      await qi.addIndex('invoices', ['tenant_id', 'number'], {
        unique: true,
        name: 'invoices_number',
      });
      await qi.addIndex('invoices', ['tenant_id', 'status', 'account_id'], {
        name: 'invoices_open_by_account',
      });
      await qi.addIndex('invoices', ['tenant_id', 'period', 'waterworks_id'], {
        name: 'invoices_period',
      });
      await qi.createTable('credit_notes', {
        id: col.id(),
        tenant_id: col.tenantId(),
        invoice_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'invoices', key: 'id' },
          onDelete: 'RESTRICT',
        },
        number: str(30),
        fiscal_year: int(),
        seq: int(),
        amount_satang: int(),
        reason: { type: DataTypes.TEXT, allowNull: false },
        issue_date: { type: DataTypes.DATEONLY, allowNull: false },
        ...col.timestamps(),
      });
      await qi.addIndex('credit_notes', ['tenant_id', 'number'], {
        unique: true,
        name: 'credit_notes_number',
      });
      await qi.addIndex('credit_notes', ['invoice_id'], { name: 'credit_notes_invoice' });
    },
    async down({ qi }) {
      for (const t of ['credit_notes', 'invoices', 'billing_runs']) await qi.dropTable(t);
    },
  },
];

/** One-off invoices remember the process that issued them, so a payment reaches it. */
billingMigrations.push({
  name: '20261203-23-billing-invoice-business-key',
  async up({ qi }) {
    await qi.addColumn('invoices', 'business_key', str(80, true));
  },
  async down({ qi }) {
    await qi.removeColumn('invoices', 'business_key');
  },
});
