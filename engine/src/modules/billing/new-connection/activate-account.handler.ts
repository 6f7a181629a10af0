/**
 * accounts.activate: the installed meter on the account, which starts being billed.
 *
 * RegistryService.activateAccount runs in a transaction of its own and takes none from
 * the caller, so it cannot join the step's (on SQLite it would wait for the step's write
 * lock forever). It runs once the step has committed; the account is checked here first,
 * inside the step, so that a process does not end "installed" on an account that cannot
 * be activated. A registry method taking the caller's transaction would make this atomic.
 */
import { ConflictError } from '../../../http/errors.js';
import { asTenant, currentContext } from '../../../http/request-context.js';
import type { Handler } from '../../../workflow/handlers.js';
import type { MeterInput } from '../../registry/registry.types.js';
import { meterSizeOf, required, type NewConnectionDeps } from './new-connection.deps.js';

export const ACTIVATE_ACCOUNT_TOPIC = 'accounts.activate';

const ACTIVATABLE = new Set(['pending', 'suspended', 'disconnected']);

export function activateAccountHandler(deps: NewConnectionDeps): Handler {
  return async (ctx) => {
    const accountId = Number(required(ctx, 'accountId'));
    const meter: MeterInput = {
      serial: String(required(ctx, 'meterSerial')),
      size: meterSizeOf(required(ctx, 'meterSize')),
      digits: Number(required(ctx, 'meterDigits')),
      initialReading: Number(ctx.variables['initialReading'] ?? 0),
      installedOn: String(required(ctx, 'installedOn')).slice(0, 10),
    };
    const account = await deps.registry.getAccount(accountId);
    // run again after a retry: the activation already happened
    if (account.status === 'active' && account.meter?.serial === meter.serial)
      return { accountStatus: 'active' };
    if (!ACTIVATABLE.has(account.status))
      throw new ConflictError('account_not_activatable', {
        th: `บัญชีสถานะ "${account.status}" เปิดใช้น้ำไม่ได้`,
        en: `An account in status "${account.status}" cannot be activated.`,
      });
    const actor = currentContext()?.actor;
    ctx.transaction.afterCommit(async () => {
      await asTenant(ctx.tenantId, () => deps.registry.activateAccount(accountId, meter), actor);
    });
    return { accountStatus: 'active' };
  };
}
