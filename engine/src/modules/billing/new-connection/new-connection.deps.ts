/**
 * The service-task handlers of processes/new-connection.bpmn (STYLE.md §9: one handler per
 * file, looked up by topic). Each writes in the step's transaction, so the process moves
 * on only with the account, invoice or activation it made — or not at all.
 */
import { UserError } from '../../../http/errors.js';
import type { HandlerContext } from '../../../workflow/handlers.js';
import type { RegistryService } from '../../registry/registry.service.js';
import type { TenancyService } from '../../tenancy/tenancy.service.js';
import type { InvoiceService } from '../invoice.service.js';
import type { TariffService } from '../tariff.service.js';

export interface NewConnectionDeps {
  registry: RegistryService;
  tenancy: TenancyService;
  tariffs: TariffService;
  invoices: InvoiceService;
}

/** The forms offer '1-1/2'; tariffs name the size '1 1/2'. */
export function meterSizeOf(value: unknown): string {
  return String(value ?? '1/2').replace('-', ' ');
}

/** A variable the process must carry by now; its absence is an incident to fix by hand. */
export function required<T>(ctx: HandlerContext, name: string): T {
  const v = ctx.variables[name];
  if (v === undefined || v === null || v === '') {
    const m = {
      th: `กระบวนการยังไม่มีค่า "${name}"`,
      en: `The process has no "${name}" yet.`,
    };
    throw new UserError('missing_variable', m, [{ path: name, message: m }]);
  }
  return v as T;
}
