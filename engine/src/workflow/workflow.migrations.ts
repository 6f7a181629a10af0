import { DataTypes } from 'sequelize';
import { col, longText as longTextOf, type Migration } from '../db/migrator.js';

export const workflowMigrations: Migration[] = [
  {
    name: '20261128-10-workflow',
    async up({ qi, dialect }) {
      const longText = longTextOf(dialect);
      // BPMN XML and Form.io JSON, stored once per content hash however many tenants deploy it
      await qi.createTable('workflow_sources', {
        hash: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        content: { type: longText, allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
      });
      await qi.createTable('process_definitions', {
        id: col.id(),
        tenant_id: col.tenantId(),
        key: { type: DataTypes.STRING(100), allowNull: false },
        version: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: true },
        source_hash: { type: DataTypes.STRING(64), allowNull: false },
        /** {"<formKey>": <form version>} pinned when deployed */
        form_versions: { type: DataTypes.TEXT, allowNull: false },
        origin: { type: DataTypes.STRING(16), allowNull: false },
        deployed_by: { type: DataTypes.STRING(64), allowNull: false },
        deployed_at: { type: DataTypes.DATE(3), allowNull: false },
      });
      await qi.addIndex('process_definitions', ['tenant_id', 'key', 'version'], {
        unique: true,
        name: 'process_definitions_version',
      });
      await qi.createTable('form_definitions', {
        id: col.id(),
        tenant_id: col.tenantId(),
        key: { type: DataTypes.STRING(100), allowNull: false },
        version: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING(200), allowNull: true },
        source_hash: { type: DataTypes.STRING(64), allowNull: false },
        origin: { type: DataTypes.STRING(16), allowNull: false },
        deployed_by: { type: DataTypes.STRING(64), allowNull: false },
        deployed_at: { type: DataTypes.DATE(3), allowNull: false },
      });
      await qi.addIndex('form_definitions', ['tenant_id', 'key', 'version'], {
        unique: true,
        name: 'form_definitions_version',
      });
      await qi.createTable('process_instances', {
        id: col.id(),
        tenant_id: col.tenantId(),
        definition_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'process_definitions', key: 'id' },
        },
        process_key: { type: DataTypes.STRING(100), allowNull: false },
        process_version: { type: DataTypes.INTEGER, allowNull: false },
        business_key: { type: DataTypes.STRING(100), allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        /** comma-wrapped element ids waiting now: ",review,paid," */
        current_activities: { type: DataTypes.STRING(1000), allowNull: false, defaultValue: '' },
        /** comma-wrapped message names the instance waits for */
        waiting_messages: { type: DataTypes.STRING(500), allowNull: false, defaultValue: '' },
        variables: { type: longText, allowNull: false },
        state: { type: longText, allowNull: true },
        rev: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        incident: { type: DataTypes.TEXT, allowNull: true },
        started_by: { type: DataTypes.STRING(64), allowNull: false },
        started_at: { type: DataTypes.DATE(3), allowNull: false },
        ended_at: { type: DataTypes.DATE(3), allowNull: true },
      });
      await qi.addIndex('process_instances', ['tenant_id', 'business_key'], {
        name: 'process_instances_business_key',
      });
      await qi.addIndex('process_instances', ['tenant_id', 'process_key', 'status'], {
        name: 'process_instances_status',
      });
      await qi.createTable('workflow_tasks', {
        id: col.id(),
        tenant_id: col.tenantId(),
        instance_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'process_instances', key: 'id' },
        },
        element_id: { type: DataTypes.STRING(100), allowNull: false },
        execution_id: { type: DataTypes.STRING(100), allowNull: false },
        name: { type: DataTypes.STRING(200), allowNull: true },
        process_key: { type: DataTypes.STRING(100), allowNull: false },
        process_version: { type: DataTypes.INTEGER, allowNull: false },
        business_key: { type: DataTypes.STRING(100), allowNull: true },
        form_key: { type: DataTypes.STRING(100), allowNull: true },
        form_version: { type: DataTypes.INTEGER, allowNull: true },
        /** comma-wrapped roles: ",clerk,admin," */
        candidate_groups: { type: DataTypes.STRING(300), allowNull: false, defaultValue: '' },
        assignee: { type: DataTypes.STRING(64), allowNull: true },
        due_at: { type: DataTypes.DATE(3), allowNull: true },
        status: { type: DataTypes.STRING(16), allowNull: false },
        completed_by: { type: DataTypes.STRING(64), allowNull: true },
        completed_at: { type: DataTypes.DATE(3), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('workflow_tasks', ['tenant_id', 'status', 'assignee'], {
        name: 'workflow_tasks_inbox',
      });
      await qi.addIndex('workflow_tasks', ['instance_id', 'execution_id'], {
        unique: true,
        name: 'workflow_tasks_execution',
      });
      await qi.createTable('workflow_jobs', {
        id: col.id(),
        tenant_id: col.tenantId(),
        instance_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'process_instances', key: 'id' },
        },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        element_id: { type: DataTypes.STRING(100), allowNull: false },
        due_at: { type: DataTypes.DATE(3), allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        last_error: { type: DataTypes.TEXT, allowNull: true },
        lock_owner: { type: DataTypes.STRING(100), allowNull: true },
        lock_expires_at: { type: DataTypes.DATE(3), allowNull: true },
        ...col.timestamps(),
      });
      await qi.addIndex('workflow_jobs', ['status', 'due_at'], { name: 'workflow_jobs_due' });
      await qi.addIndex('workflow_jobs', ['instance_id', 'element_id', 'status'], {
        name: 'workflow_jobs_element',
      });
      await qi.createTable('workflow_history', {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
        tenant_id: col.tenantId(),
        instance_id: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'process_instances', key: 'id' },
        },
        process_version: { type: DataTypes.INTEGER, allowNull: false },
        element_id: { type: DataTypes.STRING(100), allowNull: true },
        element_type: { type: DataTypes.STRING(60), allowNull: true },
        element_name: { type: DataTypes.STRING(200), allowNull: true },
        event: { type: DataTypes.STRING(30), allowNull: false },
        actor: { type: DataTypes.STRING(64), allowNull: true },
        data: { type: DataTypes.TEXT, allowNull: true },
        at: { type: DataTypes.DATE(3), allowNull: false },
      });
      await qi.addIndex('workflow_history', ['instance_id', 'id'], {
        name: 'workflow_history_instance',
      });
    },
    async down({ qi }) {
      for (const t of [
        'workflow_history',
        'workflow_jobs',
        'workflow_tasks',
        'process_instances',
        'form_definitions',
        'process_definitions',
        'workflow_sources',
      ]) {
        await qi.dropTable(t);
      }
    },
  },
];
