/**
 * Service-task handlers, looked up by topic. A diagram names a topic
 * (`camunda:type="external" camunda:topic="accounts.activate"`); a module registers
 * the handler for it. Topics are declared (name and description, for validation and
 * the designer) separately from their implementation, so a process can be deployed
 * before the module that implements a step exists: such a step waits as an incident
 * until it does.
 */
import type { Transaction } from 'sequelize';

export interface HandlerContext {
  tenantId: number;
  instanceId: number;
  businessKey: string | null;
  processKey: string;
  elementId: string;
  /** A copy of the instance variables. */
  variables: Readonly<Record<string, unknown>>;
  /** The task's camunda:inputParameter values, FEEL resolved. */
  input: Readonly<Record<string, unknown>>;
  /** The instance's transaction: a handler's writes commit or roll back with the step. */
  transaction: Transaction;
  now: Date;
}

/** Returns variables to merge into the instance (or nothing). Throw to fail the step. */
export type Handler = (
  ctx: HandlerContext,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface TopicInfo {
  topic: string;
  description: { th: string; en: string };
  implemented: boolean;
}

export class HandlerRegistry {
  private readonly topics = new Map<string, { th: string; en: string }>();
  private readonly handlers = new Map<string, Handler>();

  declare(topic: string, description: { th: string; en: string }): void {
    this.topics.set(topic, description);
  }

  register(topic: string, handler: Handler, description?: { th: string; en: string }): void {
    if (description || !this.topics.has(topic))
      this.topics.set(topic, description ?? { th: topic, en: topic });
    this.handlers.set(topic, handler);
  }

  has(topic: string): boolean {
    return this.topics.has(topic);
  }

  get(topic: string): Handler | undefined {
    return this.handlers.get(topic);
  }

  list(): TopicInfo[] {
    return [...this.topics.entries()]
      .map(([topic, description]) => ({
        topic,
        description,
        implemented: this.handlers.has(topic),
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  }
}
