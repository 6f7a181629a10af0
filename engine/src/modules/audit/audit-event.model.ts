import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { scopeToTenant } from '../../db/tenant-scope.js';

/**
 * One link of a tenant's audit chain. Append-only: the service never updates or
 * deletes one, and `hash` covers every field plus the previous link's hash.
 */
export class AuditEvent extends Model<
  InferAttributes<AuditEvent>,
  InferCreationAttributes<AuditEvent>
> {
  declare id: CreationOptional<number>;
  declare tenantId: number;
  /** Position in the tenant's chain, 1, 2, 3 … with no gaps. */
  declare seq: number;
  declare at: Date;
  declare actorId: number | null;
  declare actorName: string;
  /** `<entity>.<verb>`, e.g. `invoice.issue`, `payment.void`, `process.deploy`. */
  declare action: string;
  declare entityType: string;
  declare entityId: string;
  declare beforeJson: string | null;
  declare afterJson: string | null;
  declare requestId: string | null;
  declare prevHash: string;
  declare hash: string;

  static initModel(sequelize: Sequelize): typeof AuditEvent {
    AuditEvent.init(
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        at: { type: DataTypes.DATE(3), allowNull: false },
        actorId: { type: DataTypes.INTEGER, allowNull: true },
        actorName: { type: DataTypes.STRING(64), allowNull: false },
        action: { type: DataTypes.STRING(64), allowNull: false },
        entityType: { type: DataTypes.STRING(64), allowNull: false },
        entityId: { type: DataTypes.STRING(64), allowNull: false },
        beforeJson: { type: DataTypes.TEXT, allowNull: true },
        afterJson: { type: DataTypes.TEXT, allowNull: true },
        requestId: { type: DataTypes.STRING(64), allowNull: true },
        prevHash: { type: DataTypes.STRING(64), allowNull: false },
        hash: { type: DataTypes.STRING(64), allowNull: false },
      },
      { sequelize, tableName: 'audit_events', timestamps: false },
    );
    scopeToTenant(AuditEvent);
    return AuditEvent;
  }
}

/** The newest link of each tenant's chain, locked while a link is appended. */
export class AuditHead extends Model<
  InferAttributes<AuditHead>,
  InferCreationAttributes<AuditHead>
> {
  declare tenantId: number;
  declare seq: number;
  declare hash: string;

  static initModel(sequelize: Sequelize): typeof AuditHead {
    return AuditHead.init(
      {
        tenantId: { type: DataTypes.INTEGER, primaryKey: true },
        seq: { type: DataTypes.INTEGER, allowNull: false },
        hash: { type: DataTypes.STRING(64), allowNull: false },
      },
      { sequelize, tableName: 'audit_heads', timestamps: false },
    );
  }
}
