/**
 * How a payment is spread over invoices: oldest first, each up to its balance; what is
 * left is the account's credit, applied to the next invoice. Pure.
 */
export interface Owed {
  id: number;
  balanceSatang: number;
}

export interface Allocation {
  invoiceId: number;
  amountSatang: number;
}

export function allocate(
  amountSatang: number,
  invoicesOldestFirst: readonly Owed[],
): { allocations: Allocation[]; unappliedSatang: number } {
  if (!Number.isSafeInteger(amountSatang) || amountSatang < 0)
    throw new RangeError(`amount must be whole satang: ${amountSatang}`);
  let left = amountSatang;
  const allocations: Allocation[] = [];
  for (const i of invoicesOldestFirst) {
    if (left === 0) break;
    const take = Math.min(left, i.balanceSatang);
    if (take <= 0) continue;
    allocations.push({ invoiceId: i.id, amountSatang: take });
    left -= take;
  }
  return { allocations, unappliedSatang: left };
}
