/** A running (or finished) process instance, its tasks, its jobs and its history. */
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

export type InstanceStatus = 'running' | 'completed' | 'incident' | 'terminated';

export class ProcessInstance extends Model<
  InferAttributes<ProcessInstance>,
  InferCreationAttributes<ProcessInstance>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare definitionId: number;
  declare processKey: string;
  declare processVersion: number;
  declare businessKey: string | null;
  declare status: InstanceStatus;
  declare currentActivities: CreationOptional<string>;
  declare waitingMessages: CreationOptional<string>;
  /** JSON of the instance variables: the one source of truth for FEEL and handlers. */
  declare variables: string;
  /** bpmn-engine state without the definition source (stored once per version). */
  declare state: string | null;
  /** Optimistic lock: every advance bumps it; a stale writer updates nothing. */
  declare rev: CreationOptional<number>;
  declare incident: CreationOptional<string | null>;
  declare startedBy: string;
  declare startedAt: Date;
  declare endedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): typeof ProcessInstance {
    ProcessInstance.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        definitionId: { type: DataTypes.INTEGER, allowNull: false },
        processKey: { type: DataTypes.STRING(100), allowNull: false },
        processVersion: { type: DataTypes.INTEGER, allowNull: false },
        businessKey: { type: DataTypes.STRING(100), allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        currentActivities: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
        waitingMessages: { type: DataTypes.STRING(500), allowNull: false, defaultValue: '' },
        variables: { type: longText(sequelize.getDialect()), allowNull: false },
        state: { type: longText(sequelize.getDialect()), allowNull: true },
        rev: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        incident: { type: DataTypes.TEXT, allowNull: true },
        startedBy: { type: DataTypes.STRING(64), allowNull: false },
        startedAt: { type: DataTypes.DATE(3), allowNull: false },
        endedAt: { type: DataTypes.DATE(3), allowNull: true },
      },
      { sequelize, tableName: 'process_instances', timestamps: false },
    );
    scopeToTenant(ProcessInstance);
    return ProcessInstance;
  }
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export class WorkflowTask extends Model<
  InferAttributes<WorkflowTask>,
  InferCreationAttributes<WorkflowTask>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare instanceId: number;
  declare elementId: string;
  declare executionId: string;
  declare name: string | null;
  declare processKey: string;
  declare processVersion: number;
  declare businessKey: string | null;
  declare formKey: string | null;
  declare formVersion: number | null;
  /** Comma-wrapped roles, ",clerk,admin,", so one LIKE finds a role's tasks. */
  declare candidateGroups: string;
  declare assignee: string | null;
  declare dueAt: Date | null;
  declare status: TaskStatus;
  declare completedBy: CreationOptional<string | null>;
  declare completedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof WorkflowTask {
    WorkflowTask.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        instanceId: { type: DataTypes.INTEGER, allowNull: false },
        elementId: { type: DataTypes.STRING(100), allowNull: false },
        executionId: { type: DataTypes.STRING(100), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: true },
        processKey: { type: DataTypes.STRING(100), allowNull: false },
        processVersion: { type: DataTypes.INTEGER, allowNull: false },
        businessKey: { type: DataTypes.STRING(100), allowNull: true },
        formKey: { type: DataTypes.STRING(100), allowNull: true },
        formVersion: { type: DataTypes.INTEGER, allowNull: true },
        candidateGroups: { type: DataTypes.STRING(300), allowNull: false, defaultValue: '' },
        assignee: { type: DataTypes.STRING(64), allowNull: true },
        dueAt: { type: DataTypes.DATE(3), allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        completedBy: { type: DataTypes.STRING(64), allowNull: true },
        completedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'workflow_tasks' },
    );
    scopeToTenant(WorkflowTask);
    return WorkflowTask;
  }
}

export type JobKind = 'timer' | 'retry';
export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export class WorkflowJob extends Model<
  InferAttributes<WorkflowJob>,
  InferCreationAttributes<WorkflowJob>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare instanceId: number;
  declare kind: JobKind;
  declare elementId: string;
  declare dueAt: Date;
  declare status: JobStatus;
  declare attempts: CreationOptional<number>;
  declare lastError: CreationOptional<string | null>;
  declare lockOwner: CreationOptional<string | null>;
  declare lockExpiresAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof WorkflowJob {
    WorkflowJob.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        instanceId: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        elementId: { type: DataTypes.STRING(100), allowNull: false },
        dueAt: { type: DataTypes.DATE(3), allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lastError: { type: DataTypes.TEXT, allowNull: true },
        lockOwner: { type: DataTypes.STRING(100), allowNull: true },
        lockExpiresAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'workflow_jobs' },
    );
    scopeToTenant(WorkflowJob);
    return WorkflowJob;
  }
}

export class HistoryEvent extends Model<
  InferAttributes<HistoryEvent>,
  InferCreationAttributes<HistoryEvent>
> {
  declare id: CreationOptional<number>;
  declare tenantId: CreationOptional<number>;
  declare instanceId: number;
  declare processVersion: number;
  declare elementId: string | null;
  declare elementType: string | null;
  declare elementName: string | null;
  /** started | ended | waiting | task.completed | message | timer | incident | retried … */
  declare event: string;
  declare actor: string | null;
  declare data: string | null;
  declare at: Date;

  static initModel(sequelize: Sequelize): typeof HistoryEvent {
    HistoryEvent.init(
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        tenantId: { type: DataTypes.INTEGER, allowNull: false },
        instanceId: { type: DataTypes.INTEGER, allowNull: false },
        processVersion: { type: DataTypes.INTEGER, allowNull: false },
        elementId: { type: DataTypes.STRING(100), allowNull: true },
        elementType: { type: DataTypes.STRING(60), allowNull: true },
        elementName: { type: DataTypes.STRING(200), allowNull: true },
        event: { type: DataTypes.STRING(30), allowNull: false },
        actor: { type: DataTypes.STRING(64), allowNull: true },
        data: { type: DataTypes.TEXT, allowNull: true },
        at: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'workflow_history', timestamps: false },
    );
    scopeToTenant(HistoryEvent);
    return HistoryEvent;
  }
}
