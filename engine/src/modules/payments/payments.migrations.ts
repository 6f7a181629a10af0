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
const instant = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

export const paymentsMigrations: Migration[] = [
  {
    name: '20261203-40-payments-receipts-sessions',
    async up({ qi }) {
      // a cashier's day: opened with a float, closed with a count, approved by finance
      await qi.createTable('cashier_sessions', {
        id: col.id(),
        tenant_id: col.tenantId(),
        cashier: str(64),
        cashier_name: str(200),
        status: str(10),
        opening_float_satang: int(),
        expected_cash_satang: int(true),
        counted_cash_satang: int(true),
        difference_satang: int(true),
        close_note: str(500, true),
        opened_at: instant(),
        closed_at: instant(true),
        approved_by: str(64, true),
        approved_at: instant(true),
        ...col.timestamps(),
      });
      await qi.addIndex('cashier_sessions', ['tenant_id', 'cashier', 'status'], {
        name: 'cashier_sessions_by_cashier',
      });
      // money received: never deleted, voided with its receipt
      await qi.createTable('payments', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: int(),
        method: str(12),
        channel: str(12),
        amount_satang: int(),
        applied_satang: int(),
        /** received but not yet applied to an invoice: the account's credit */
        unapplied_satang: int(),
        status: str(8),
        received_at: instant(),
        received_by: str(64),
        cashier_session_id: int(true),
        bank_file_id: int(true),
        source_key: str(80, true),
        idempotency_key: str(80, true),
        ...col.timestamps(),
      });
      await qi.addIndex('payments', ['tenant_id', 'account_id', 'received_at'], {
        name: 'payments_by_account',
      });
      await qi.addIndex('payments', ['tenant_id', 'source_key'], {
        unique: true,
        name: 'payments_source_once',
      });
      await qi.addIndex('payments', ['tenant_id', 'idempotency_key'], {
        unique: true,
        name: 'payments_idempotency',
      });
      await qi.addIndex('payments', ['cashier_session_id'], { name: 'payments_by_session' });
      await qi.addIndex('payments', ['bank_file_id'], { name: 'payments_by_bank_file' });
      await qi.createTable('payment_allocations', {
        id: col.id(),
        tenant_id: col.tenantId(),
        payment_id: int(),
        invoice_id: int(),
        amount_satang: int(),
        created_at: instant(),
      });
      await qi.addIndex('payment_allocations', ['payment_id'], { name: 'allocations_by_payment' });
      await qi.addIndex('payment_allocations', ['invoice_id'], { name: 'allocations_by_invoice' });
      // one receipt per payment, numbered per tenant and fiscal year without gaps
      await qi.createTable('receipts', {
        id: col.id(),
        tenant_id: col.tenantId(),
        payment_id: int(),
        fiscal_year: int(),
        seq: int(),
        book: int(),
        number: str(30),
        account_id: int(),
        account_number: str(30),
        payer_name: str(200),
        method: str(12),
        amount_satang: int(),
        credit_satang: int(),
        items_json: { type: DataTypes.TEXT, allowNull: false },
        issued_at: instant(),
        issued_by: str(64),
        issued_by_name: str(200),
        status: str(8),
        void_reason: str(500, true),
        voided_at: instant(true),
        voided_by: str(64, true),
        ...col.timestamps(),
      });
      await qi.addIndex('receipts', ['tenant_id', 'fiscal_year', 'seq'], {
        unique: true,
        name: 'receipts_number',
      });
      await qi.addIndex('receipts', ['payment_id'], { unique: true, name: 'receipts_payment' });
      await qi.addIndex('receipts', ['tenant_id', 'issued_at'], { name: 'receipts_by_date' });
      await qi.createTable('void_requests', {
        id: col.id(),
        tenant_id: col.tenantId(),
        receipt_id: int(),
        reason: str(500),
        status: str(10),
        requested_by: str(64),
        decided_by: str(64, true),
        decided_at: instant(true),
        decision_note: str(500, true),
        ...col.timestamps(),
      });
      await qi.addIndex('void_requests', ['tenant_id', 'status'], { name: 'void_requests_queue' });
      await qi.addIndex('void_requests', ['receipt_id'], { name: 'void_requests_receipt' });
    },
    async down({ qi }) {
      for (const t of [
        'void_requests',
        'receipts',
        'payment_allocations',
        'payments',
        'cashier_sessions',
      ])
        await qi.dropTable(t);
    },
  },
  {
    name: '20261203-41-payments-bank-files-slips',
    async up({ qi, dialect }) {
      await qi.createTable('bank_files', {
        id: col.id(),
        tenant_id: col.tenantId(),
        bank_code: str(3),
        layout_code: str(20),
        sha256: str(64),
        file_name: str(200, true),
        effective_date: { type: DataTypes.DATEONLY, allowNull: false },
        line_count: int(),
        matched_count: int(),
        unmatched_count: int(),
        duplicate_count: int(),
        total_satang: int(),
        imported_by: str(64),
        ...col.timestamps(),
      });
      await qi.addIndex('bank_files', ['tenant_id', 'sha256'], {
        unique: true,
        name: 'bank_files_once',
      });
      await qi.createTable('bank_lines', {
        id: col.id(),
        tenant_id: col.tenantId(),
        bank_file_id: int(),
        line_no: int(),
        line_key: str(64),
        bank_code: str(3),
        paid_at: instant(),
        customer_name: str(200),
        ref1: str(20),
        ref2: str(20),
        ref3: str(20),
        kind: str(1),
        amount_satang: int(),
        sending_bank: str(3),
        status: str(10),
        reason: str(30, true),
        payment_id: int(true),
        resolved_by: str(64, true),
        resolved_at: instant(true),
        note: str(500, true),
        ...col.timestamps(),
      });
      await qi.addIndex('bank_lines', ['tenant_id', 'line_key'], {
        unique: true,
        name: 'bank_lines_once',
      });
      await qi.addIndex('bank_lines', ['tenant_id', 'status'], { name: 'bank_lines_queue' });
      await qi.addIndex('bank_lines', ['bank_file_id'], { name: 'bank_lines_by_file' });
      await qi.createTable('slips', {
        id: col.id(),
        tenant_id: col.tenantId(),
        account_id: int(),
        invoice_ids_json: { type: DataTypes.TEXT, allowNull: false },
        amount_satang: int(),
        sending_bank: str(3),
        transaction_ref: str(40),
        channel: str(10),
        image: {
          type: dialect === 'mysql' ? DataTypes.BLOB('medium') : DataTypes.BLOB,
          allowNull: false,
        },
        image_type: str(20),
        submitted_by: str(64),
        status: str(10),
        verification_json: { type: DataTypes.TEXT, allowNull: true },
        reject_reason: str(500, true),
        decided_by: str(64, true),
        decided_at: instant(true),
        payment_id: int(true),
        ...col.timestamps(),
      });
      await qi.addIndex('slips', ['tenant_id', 'sending_bank', 'transaction_ref'], {
        unique: true,
        name: 'slips_once',
      });
      await qi.addIndex('slips', ['tenant_id', 'status'], { name: 'slips_queue' });
      await qi.addIndex('slips', ['tenant_id', 'account_id'], { name: 'slips_by_account' });
    },
    async down({ qi }) {
      for (const t of ['slips', 'bank_lines', 'bank_files']) await qi.dropTable(t);
    },
  },
];

/** Bank file layouts a tenant added (the built-in ones ship as JSON in bank-file/layouts). */
paymentsMigrations.push({
  name: '20261203-42-payments-bank-layouts',
  async up({ qi }) {
    await qi.createTable('bank_layouts', {
      id: col.id(),
      tenant_id: col.tenantId(),
      code: str(20),
      layout_json: { type: DataTypes.TEXT, allowNull: false },
      ...col.timestamps(),
    });
    await qi.addIndex('bank_layouts', ['tenant_id', 'code'], {
      unique: true,
      name: 'bank_layouts_code',
    });
  },
  async down({ qi }) {
    await qi.dropTable('bank_layouts');
  },
});

/**
 * A bank file is kept as it came (gzip) with the layout it was read by, and its total is a
 * BIGINT: its matched lines
 * are payments (source key `bank:<line key>`), not rows of bank_lines, which keeps the
 * exceptions; the file's lines are read again from the file when someone asks.
 */
paymentsMigrations.push({
  name: '20261204-43-payments-bank-file-content',
  async up({ qi, dialect }) {
    await qi.addColumn('bank_files', 'content', { type: DataTypes.BLOB('long'), allowNull: true });
    await qi.addColumn('bank_files', 'layout_json', { type: DataTypes.TEXT, allowNull: true });
    // a 50,000-line file of village bills can pass 21.47 million baht, INT's limit in satang
    // (SQLite's INTEGER is 64-bit already)
    // a bank line can only repeat one paid in the same second (its key covers the time):
    // the duplicate check reads the file's span of payments and exceptions by time
    await qi.addIndex('payments', ['tenant_id', 'received_at'], { name: 'payments_by_time' });
    await qi.addIndex('bank_lines', ['tenant_id', 'paid_at'], { name: 'bank_lines_by_time' });
    if (dialect !== 'sqlite')
      await qi.changeColumn('bank_files', 'total_satang', {
        type: DataTypes.BIGINT,
        allowNull: false,
      });
  },
  async down({ qi }) {
    await qi.removeIndex('bank_lines', 'bank_lines_by_time');
    await qi.removeIndex('payments', 'payments_by_time');
    await qi.removeColumn('bank_files', 'layout_json');
    await qi.removeColumn('bank_files', 'content');
  },
});
