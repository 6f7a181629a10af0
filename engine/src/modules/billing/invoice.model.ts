import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import { jsonText } from './json-column.js';
import type { BillLine } from '../../domain/index.js';

export type InvoiceStatus = 'open' | 'paid' | 'void';
/** `water` from a billing run; one-off fees from workflows. */
export type InvoiceKind = 'water' | 'installation' | 'reconnection';

/**
 * An issued invoice. Never edited after issue but for its payment state: corrections
 * are credit notes. Billing runs insert these rows in bulk (billing-run.repository.ts).
 */
export class Invoice extends Model<InferAttributes<Invoice>, InferCreationAttributes<Invoice>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare accountId: number;
  declare waterworksId: number | null;
  declare villageId: number | null;
  declare accountNumber: string;
  declare customerName: string;
  declare period: string;
  declare kind: InvoiceKind;
  declare number: string;
  declare fiscalYear: number;
  declare seq: number;
  declare status: InvoiceStatus;
  declare issueDate: string;
  declare dueDate: string;
  declare tariffCode: string | null;
  declare readingId: number | null;
  declare consumptionM3: number | null;
  declare waterChargeSatang: number;
  declare feesSatang: number;
  declare leviesSatang: number;
  declare vatSatang: number;
  declare roundingSatang: number;
  declare totalSatang: number;
  declare arrearsSatang: number;
  declare creditedSatang: CreationOptional<number>;
  declare paidSatang: CreationOptional<number>;
  declare lines: BillLine[];
  declare billingRunId: number | null;
  /** The process (business key) that issued a one-off invoice; its payment is reported there. */
  declare businessKey: CreationOptional<string | null>;
  declare paidAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Invoice {
    const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull });
    Invoice.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        accountId: int(),
        waterworksId: int(true),
        villageId: int(true),
        accountNumber: { type: DataTypes.STRING(30), allowNull: false },
        customerName: { type: DataTypes.STRING(200), allowNull: false },
        period: { type: DataTypes.STRING(7), allowNull: false },
        kind: { type: DataTypes.STRING(20), allowNull: false },
        number: { type: DataTypes.STRING(30), allowNull: false },
        fiscalYear: int(),
        seq: int(),
        status: { type: DataTypes.STRING(10), allowNull: false },
        issueDate: { type: DataTypes.DATEONLY, allowNull: false },
        dueDate: { type: DataTypes.DATEONLY, allowNull: false },
        tariffCode: { type: DataTypes.STRING(40), allowNull: true },
        readingId: int(true),
        consumptionM3: int(true),
        waterChargeSatang: int(),
        feesSatang: int(),
        leviesSatang: int(),
        vatSatang: int(),
        roundingSatang: int(),
        totalSatang: int(),
        arrearsSatang: int(),
        creditedSatang: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        paidSatang: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lines: jsonText('lines', 'lines_json'),
        billingRunId: int(true),
        businessKey: { type: DataTypes.STRING(80), allowNull: true },
        paidAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'invoices' },
    );
    scopeToTenant(Invoice);
    return Invoice;
  }
}

/** A correction of an issued invoice, numbered in its own series. */
export class CreditNote extends Model<
  InferAttributes<CreditNote>,
  InferCreationAttributes<CreditNote>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare invoiceId: number;
  declare number: string;
  declare fiscalYear: number;
  declare seq: number;
  declare amountSatang: number;
  declare reason: string;
  declare issueDate: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CreditNote {
    CreditNote.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        invoiceId: { type: DataTypes.INTEGER, allowNull: false },
        number: { type: DataTypes.STRING(30), allowNull: false },
        fiscalYear: { type: DataTypes.INTEGER, allowNull: false },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        amountSatang: { type: DataTypes.INTEGER, allowNull: false },
        reason: { type: DataTypes.TEXT, allowNull: false },
        issueDate: { type: DataTypes.DATEONLY, allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'credit_notes' },
    );
    scopeToTenant(CreditNote);
    return CreditNote;
  }
}
