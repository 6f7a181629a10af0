/**
 * accounts.activate: the installed meter on the account, which starts being billed —
 * in the step's transaction, so the process ends "installed" only with the account active.
 */
import type { Handler } from '../../../workflow/handlers.js';
import type { MeterInput } from '../../registry/registry.types.js';
import { meterSizeOf, required, type NewConnectionDeps } from './new-connection.deps.js';

export const ACTIVATE_ACCOUNT_TOPIC = 'accounts.activate';

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
    await deps.registry.activateAccountIn(ctx.transaction, accountId, meter);
    return { accountStatus: 'active' };
  };
}
