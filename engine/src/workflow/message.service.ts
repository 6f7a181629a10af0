/**
 * Message correlation: `payment-received` for business key A-0042 reaches every running
 * instance of the tenant with that business key that waits for that message. A message
 * nobody waits for is answered 404 and not kept: the sender (a payment, a bank file)
 * is recorded in its own module anyway, and a buffered message could end a process
 * that starts later by mistake.
 */
import { NotFoundError } from '../http/errors.js';
import type { DeploymentService } from './deployment.service.js';
import type { InstanceService } from './instance.service.js';

export class MessageService {
  constructor(
    private readonly instances: InstanceService,
    private readonly deployments: DeploymentService,
  ) {}

  /**
   * Which of these business keys a message name would reach now: a sender with thousands
   * of keys (a bank file's payments) asks once and correlates only those.
   */
  waitingKeys(name: string, businessKeys: readonly string[]): Promise<Set<string>> {
    return this.instances.waitingKeys(name, businessKeys);
  }

  async correlate(
    name: string,
    businessKey: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ delivered: number[] }> {
    const waiting = await this.instances.waitingFor(name, businessKey);
    const delivered: number[] = [];
    for (const instance of waiting) {
      const def = await this.deployments.definitionById(instance.definitionId);
      const compiled = await this.deployments.compiled(def);
      const messageId = [...compiled.messageNames.entries()].find(([, n]) => n === name)?.[0];
      if (!messageId) continue;
      await this.instances.advance(instance.id, {
        action: { kind: 'message', messageId },
        merge: variables,
        cause: { elementId: null, event: 'message.received', data: { name, variables } },
      });
      delivered.push(instance.id);
    }
    if (!delivered.length) {
      throw new NotFoundError({
        th: `กระบวนการที่รอข้อความ "${name}" ของ ${businessKey}`,
        en: `A process waiting for "${name}" with business key ${businessKey} was`,
      });
    }
    return { delivered };
  }
}
