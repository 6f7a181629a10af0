/** accounts.createFromApplication: the applicant as a water user with a pending account. */
import type { Handler } from '../../../workflow/handlers.js';
import { required, type NewConnectionDeps } from './new-connection.deps.js';

export const CREATE_ACCOUNT_TOPIC = 'accounts.createFromApplication';

export function createAccountHandler(deps: NewConnectionDeps): Handler {
  return async (ctx) => {
    const existing = ctx.variables['accountId'];
    if (typeof existing === 'number') return { accountId: existing };
    const village = await deps.tenancy.getVillage(Number(required(ctx, 'villageId')));
    const [account] = await deps.registry.insertMany(
      [
        {
          waterUser: {
            kind: 'person',
            name: String(required(ctx, 'applicantName')),
            phone: (ctx.variables['applicantPhone'] as string | undefined) ?? null,
            moo: village.moo,
            address: (ctx.variables['address'] as string | undefined) ?? null,
            customerType: '1',
          },
          account: {
            waterworksId: village.waterworksId ?? Number(required(ctx, 'waterworksId')),
            villageId: village.id,
            status: 'pending',
          },
        },
      ],
      ctx.transaction,
    );
    return { accountId: account!.id, accountNumber: account!.number };
  };
}
