/** A cashier's day at the counter, and the requests to void a receipt that finance decides. */
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
const instant = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

/** open → closed (cash counted) → approved (finance; the day is locked). */
export type CashierSessionStatus = 'open' | 'closed' | 'approved';

export class CashierSession extends Model<
  InferAttributes<CashierSession>,
  InferCreationAttributes<CashierSession>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare cashier: string;
  declare cashierName: string;
  declare status: CashierSessionStatus;
  declare openingFloatSatang: number;
  declare expectedCashSatang: CreationOptional<number | null>;
  declare countedCashSatang: CreationOptional<number | null>;
  declare differenceSatang: CreationOptional<number | null>;
  declare closeNote: CreationOptional<string | null>;
  declare openedAt: Date;
  declare closedAt: CreationOptional<Date | null>;
  declare approvedBy: CreationOptional<string | null>;
  declare approvedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CashierSession {
    CashierSession.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        cashier: str(64),
        cashierName: str(200),
        status: str(10),
        openingFloatSatang: int(),
        expectedCashSatang: int(true),
        countedCashSatang: int(true),
        differenceSatang: int(true),
        closeNote: str(500, true),
        openedAt: instant(),
        closedAt: instant(true),
        approvedBy: str(64, true),
        approvedAt: instant(true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'cashier_sessions' },
    );
    scopeToTenant(CashierSession);
    return CashierSession;
  }
}

export class VoidRequest extends Model<
  InferAttributes<VoidRequest>,
  InferCreationAttributes<VoidRequest>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare receiptId: number;
  declare reason: string;
  declare status: 'pending' | 'approved' | 'rejected';
  declare requestedBy: string;
  declare decidedBy: CreationOptional<string | null>;
  declare decidedAt: CreationOptional<Date | null>;
  declare decisionNote: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof VoidRequest {
    VoidRequest.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        receiptId: int(),
        reason: str(500),
        status: str(10),
        requestedBy: str(64),
        decidedBy: str(64, true),
        decidedAt: instant(true),
        decisionNote: str(500, true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'void_requests' },
    );
    scopeToTenant(VoidRequest);
    return VoidRequest;
  }
}
