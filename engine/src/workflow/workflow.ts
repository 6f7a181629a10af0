/**
 * The low-code engine, assembled: deployments, instances, tasks, messages and jobs over
 * one handler registry and one clock. It knows nothing about water: modules register
 * their service-task handlers with `handlers`.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { AuditLog } from '../modules/audit/audit.service.js';
import { Clock } from './clock.js';
import { declareShippedTopics } from './declared-topics.js';
import { FormDefinitionRow, ProcessDefinition, WorkflowSource } from './definition.models.js';
import { DeploymentService } from './deployment.service.js';
import { HandlerRegistry } from './handlers.js';
import { HistoryEvent, ProcessInstance, WorkflowJob, WorkflowTask } from './instance.models.js';
import { InstanceService, type RetryPolicy } from './instance.service.js';
import { JobRunner } from './job-runner.js';
import { MessageService } from './message.service.js';
import { Sql } from '../db/sql.js';
import { TaskEvents } from './task-events.js';
import { TaskService } from './task.service.js';

export interface Workflow {
  handlers: HandlerRegistry;
  clock: Clock;
  deployments: DeploymentService;
  instances: InstanceService;
  tasks: TaskService;
  /** Task-list changes after they commit, for the inbox's live stream. */
  taskEvents: TaskEvents;
  messages: MessageService;
  jobs: JobRunner;
}

export function initWorkflowModels(sequelize: Sequelize): void {
  for (const m of [
    WorkflowSource,
    ProcessDefinition,
    FormDefinitionRow,
    ProcessInstance,
    WorkflowTask,
    WorkflowJob,
    HistoryEvent,
  ])
    m.initModel(sequelize);
}

export function createWorkflow(
  sequelize: Sequelize,
  audit: AuditLog,
  retry: RetryPolicy,
  log: Logger,
): Workflow {
  const handlers = new HandlerRegistry();
  declareShippedTopics(handlers);
  const clock = new Clock();
  const sql = new Sql(sequelize);
  const deployments = new DeploymentService(sequelize, sql, audit, handlers, log);
  const instances = new InstanceService(
    sequelize,
    sql,
    deployments,
    handlers,
    audit,
    clock,
    retry,
    log,
  );
  const taskEvents = new TaskEvents();
  instances.onTasksOpened = (opened, by) => {
    for (const t of opened) taskEvents.publish('task.created', t, { by, at: t.createdAt });
  };
  const tasks = new TaskService(sql, instances, deployments, audit, clock, taskEvents);
  const messages = new MessageService(instances, deployments);
  const jobs = new JobRunner(instances, clock, log);
  return { handlers, clock, deployments, instances, tasks, taskEvents, messages, jobs };
}
