/**
 * Money received and its receipt. A payment is never deleted or edited but for its
 * application to invoices (credit used later) and its void; the receipt keeps its number
 * for ever, marked void when cancelled (DOMAIN.md §3).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';
import { jsonText } from '../billing/json-column.js';

/** How the money came: cash, transfer keyed at the counter, bank bill payment, slip, cheque. */
export const PAYMENT_METHODS = ['cash', 'transfer', 'bank', 'slip', 'cheque'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Where it was recorded: the counter, a bank file, a slip check, the handheld at the door. */
export type PaymentChannel = 'counter' | 'bank-file' | 'slip' | 'handheld';

const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull });
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });

export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare accountId: number;
  declare method: PaymentMethod;
  declare channel: PaymentChannel;
  declare amountSatang: number;
  declare appliedSatang: number;
  declare unappliedSatang: number;
  declare status: 'posted' | 'void';
  declare receivedAt: Date;
  declare receivedBy: string;
  declare cashierSessionId: number | null;
  declare bankFileId: number | null;
  declare sourceKey: string | null;
  declare idempotencyKey: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Payment {
    Payment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        accountId: int(),
        method: str(12),
        channel: str(12),
        amountSatang: int(),
        appliedSatang: int(),
        unappliedSatang: int(),
        status: str(8),
        receivedAt: { type: DataTypes.DATE(3), allowNull: false },
        receivedBy: str(64),
        cashierSessionId: int(true),
        bankFileId: int(true),
        sourceKey: str(80, true),
        idempotencyKey: str(80, true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'payments' },
    );
    scopeToTenant(Payment);
    return Payment;
  }
}

/** The part of a payment that settles one invoice. */
export class PaymentAllocation extends Model<
  InferAttributes<PaymentAllocation>,
  InferCreationAttributes<PaymentAllocation>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare paymentId: number;
  declare invoiceId: number;
  declare amountSatang: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof PaymentAllocation {
    PaymentAllocation.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        paymentId: int(),
        invoiceId: int(),
        amountSatang: int(),
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'payment_allocations', updatedAt: false },
    );
    scopeToTenant(PaymentAllocation);
    return PaymentAllocation;
  }
}

/** What a receipt lists: one row per invoice paid (or the credit kept). */
export interface ReceiptItem {
  invoiceId: number | null;
  invoiceNumber: string | null;
  period: string | null;
  kind: string;
  amountSatang: number;
}

export class Receipt extends Model<InferAttributes<Receipt>, InferCreationAttributes<Receipt>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare paymentId: number;
  declare fiscalYear: number;
  declare seq: number;
  declare book: number;
  declare number: string;
  declare accountId: number;
  declare accountNumber: string;
  declare payerName: string;
  declare method: PaymentMethod;
  declare amountSatang: number;
  declare creditSatang: number;
  declare items: ReceiptItem[];
  declare issuedAt: Date;
  declare issuedBy: string;
  declare issuedByName: string;
  declare status: 'valid' | 'void';
  declare voidReason: CreationOptional<string | null>;
  declare voidedAt: CreationOptional<Date | null>;
  declare voidedBy: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Receipt {
    Receipt.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        paymentId: int(),
        fiscalYear: int(),
        seq: int(),
        book: int(),
        number: str(30),
        accountId: int(),
        accountNumber: str(30),
        payerName: str(200),
        method: str(12),
        amountSatang: int(),
        creditSatang: int(),
        items: jsonText('items', 'items_json'),
        issuedAt: { type: DataTypes.DATE(3), allowNull: false },
        issuedBy: str(64),
        issuedByName: str(200),
        status: str(8),
        voidReason: str(500, true),
        voidedAt: { type: DataTypes.DATE(3), allowNull: true },
        voidedBy: str(64, true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'receipts' },
    );
    scopeToTenant(Receipt);
    return Receipt;
  }
}
