/**
 * Deployed process and form versions, and the content they point at. (Three small
 * models of one concept — a deployment — kept together.)
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { longText } from '../db/migrator.js';
import { scopeToTenant } from '../db/tenant-scope.js';

/** BPMN XML or Form.io JSON, stored once per content hash. Not tenant-owned: content only. */
export class WorkflowSource extends Model<
  InferAttributes<WorkflowSource>,
  InferCreationAttributes<WorkflowSource>
> {
  declare hash: string;
  declare kind: 'bpmn' | 'form';
  declare content: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof WorkflowSource {
    return WorkflowSource.init(
      {
        hash: { type: DataTypes.STRING(64), primaryKey: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        content: { type: longText(sequelize.getDialect()), allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'workflow_sources', updatedAt: false },
    );
  }
}

export type Origin = 'file' | 'api';

export class ProcessDefinition extends Model<
  InferAttributes<ProcessDefinition>,
  InferCreationAttributes<ProcessDefinition>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare key: string;
  declare version: number;
  declare name: string | null;
  declare sourceHash: string;
  /** JSON {"formKey": version}: the form versions pinned at deploy. */
  declare formVersions: string;
  declare origin: Origin;
  declare deployedBy: string;
  declare deployedAt: Date;

  static initModel(sequelize: Sequelize): typeof ProcessDefinition {
    ProcessDefinition.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        key: { type: DataTypes.STRING(100), allowNull: false },
        version: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: true },
        sourceHash: { type: DataTypes.STRING(64), allowNull: false },
        formVersions: { type: DataTypes.TEXT, allowNull: false },
        origin: { type: DataTypes.STRING(16), allowNull: false },
        deployedBy: { type: DataTypes.STRING(64), allowNull: false },
        deployedAt: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'process_definitions', timestamps: false },
    );
    scopeToTenant(ProcessDefinition);
    return ProcessDefinition;
  }
}

export class FormDefinitionRow extends Model<
  InferAttributes<FormDefinitionRow>,
  InferCreationAttributes<FormDefinitionRow>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare key: string;
  declare version: number;
  declare title: string | null;
  declare sourceHash: string;
  declare origin: Origin;
  declare deployedBy: string;
  declare deployedAt: Date;

  static initModel(sequelize: Sequelize): typeof FormDefinitionRow {
    FormDefinitionRow.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        key: { type: DataTypes.STRING(100), allowNull: false },
        version: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING(200), allowNull: true },
        sourceHash: { type: DataTypes.STRING(64), allowNull: false },
        origin: { type: DataTypes.STRING(16), allowNull: false },
        deployedBy: { type: DataTypes.STRING(64), allowNull: false },
        deployedAt: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'form_definitions', timestamps: false },
    );
    scopeToTenant(FormDefinitionRow);
    return FormDefinitionRow;
  }
}
