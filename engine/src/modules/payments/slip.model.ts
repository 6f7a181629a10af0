/** A transfer slip sent by a resident or received by staff on LINE, waiting for a check. */
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

const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull });
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });

export type SlipStatus = 'pending' | 'accepted' | 'rejected';
export type SlipChannel = 'app' | 'line' | 'counter';

export class Slip extends Model<InferAttributes<Slip>, InferCreationAttributes<Slip>> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare accountId: number;
  declare invoiceIds: number[];
  declare amountSatang: number;
  declare sendingBank: string;
  declare transactionRef: string;
  declare channel: SlipChannel;
  declare image: Buffer;
  declare imageType: string;
  declare submittedBy: string;
  declare status: SlipStatus;
  declare verification: unknown;
  declare rejectReason: CreationOptional<string | null>;
  declare decidedBy: CreationOptional<string | null>;
  declare decidedAt: CreationOptional<Date | null>;
  declare paymentId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Slip {
    Slip.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: int(),
        accountId: int(),
        invoiceIds: jsonText('invoiceIds', 'invoice_ids_json'),
        amountSatang: int(),
        sendingBank: str(3),
        transactionRef: str(40),
        channel: str(10),
        image: { type: DataTypes.BLOB, allowNull: false },
        imageType: str(20),
        submittedBy: str(64),
        status: str(10),
        verification: { ...jsonText('verification', 'verification_json'), allowNull: true },
        rejectReason: str(500, true),
        decidedBy: str(64, true),
        decidedAt: { type: DataTypes.DATE(3), allowNull: true },
        paymentId: int(true),
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'slips' },
    );
    scopeToTenant(Slip);
    return Slip;
  }
}
