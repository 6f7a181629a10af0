/** Imported bank bill-payment files and their lines; unmatched lines wait for finance. */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull });
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });

/** A file's columns but the file itself (read only when its lines are asked for). */
export const BANK_FILE_SUMMARY = { exclude: ['content', 'layoutJson'] };

export class BankFile extends Model<InferAttributes<BankFile>, InferCreationAttributes<BankFile>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare bankCode: string;
  declare layoutCode: string;
  declare sha256: string;
  declare fileName: string | null;
  declare effectiveDate: string;
  declare lineCount: number;
  declare matchedCount: number;
  declare unmatchedCount: number;
  declare duplicateCount: number;
  declare totalSatang: number;
  declare importedBy: string;
  /** The file as it came, gzip (null for files imported before it was kept). */
  declare content: Buffer | null;
  /** The layout the file was read by, as JSON (a tenant may change the layout later). */
  declare layoutJson: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof BankFile {
    BankFile.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        bankCode: str(3),
        layoutCode: str(20),
        sha256: str(64),
        fileName: str(200, true),
        effectiveDate: { type: DataTypes.DATEONLY, allowNull: false },
        lineCount: int(),
        matchedCount: int(),
        unmatchedCount: int(),
        duplicateCount: int(),
        totalSatang: { type: DataTypes.BIGINT, allowNull: false },
        importedBy: str(64),
        content: { type: DataTypes.BLOB('long'), allowNull: true },
        layoutJson: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'bank_files' },
    );
    scopeToTenant(BankFile);
    return BankFile;
  }
}

/**
 * A line of a bank file. matched: paid on import (a payment, not a bank_lines row);
 * unmatched: waits for finance; resolved / dismissed: by hand; duplicate: seen in an
 * earlier file (or earlier in this one) and not paid again. bank_lines keeps the lines
 * that did not match on import — the exceptions — and those imported before files were kept.
 */
export type BankLineStatus = 'matched' | 'unmatched' | 'resolved' | 'dismissed';
export type BankFileLineStatus = BankLineStatus | 'duplicate';
/** Why a line did not match on its own. */
export type UnmatchedReason = 'no_such_account' | 'invoice_not_open' | 'nothing_open' | 'debit';

export class BankLine extends Model<InferAttributes<BankLine>, InferCreationAttributes<BankLine>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare bankFileId: number;
  declare lineNo: number;
  declare lineKey: string;
  declare bankCode: string;
  declare paidAt: Date;
  declare customerName: string;
  declare ref1: string;
  declare ref2: string;
  declare ref3: string;
  declare kind: string;
  declare amountSatang: number;
  declare sendingBank: string;
  declare status: BankLineStatus;
  declare reason: UnmatchedReason | null;
  declare paymentId: number | null;
  declare resolvedBy: CreationOptional<string | null>;
  declare resolvedAt: CreationOptional<Date | null>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof BankLine {
    BankLine.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        bankFileId: int(),
        lineNo: int(),
        lineKey: str(64),
        bankCode: str(3),
        paidAt: { type: DataTypes.DATE(3), allowNull: false },
        customerName: str(200),
        ref1: str(20),
        ref2: str(20),
        ref3: str(20),
        kind: str(1),
        amountSatang: int(),
        sendingBank: str(3),
        status: str(10),
        reason: str(30, true),
        paymentId: int(true),
        resolvedBy: str(64, true),
        resolvedAt: { type: DataTypes.DATE(3), allowNull: true },
        note: str(500, true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'bank_lines' },
    );
    scopeToTenant(BankLine);
    return BankLine;
  }
}
