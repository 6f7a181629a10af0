/**
 * Which invoices a bank file's lines pay — pure, so the rules are read and tested in one
 * place. A credit line pays the invoice its ref2 names when ref1 is that invoice's
 * account; what is left over pays the account's other open invoices oldest first and the
 * rest is credit (as at the counter). A line naming no open invoice but an account that
 * owes pays that account oldest first. Anything else waits for finance, with the reason.
 * Balances are tracked across lines, so two lines for one invoice do not both pay it in full.
 */
import type { PayableInvoice } from '../billing/invoice-ledger.js';
import type { BankLine } from './bank-file/index.js';
import { allocate, type Allocation } from './allocation.js';
import type { UnmatchedReason } from './bank-file.model.js';

export type LinePlan =
  | {
      line: BankLine;
      status: 'matched';
      accountId: number;
      accountNumber: string;
      customerName: string;
      allocations: Allocation[];
      unappliedSatang: number;
      invoices: PayableInvoice[];
    }
  | { line: BankLine; status: 'unmatched'; reason: UnmatchedReason };

export function planBankLines(
  lines: readonly BankLine[],
  byNumber: ReadonlyMap<string, PayableInvoice>,
  openByAccount: ReadonlyMap<string, PayableInvoice[]>,
): LinePlan[] {
  const balance = new Map<number, number>();
  const left = (i: PayableInvoice) => balance.get(i.id) ?? i.balanceSatang;
  return lines.map((line): LinePlan => {
    if (line.kind !== 'C') return { line, status: 'unmatched', reason: 'debit' };
    const named = byNumber.get(line.ref2);
    const open = (openByAccount.get(line.ref1) ?? []).filter((i) => left(i) > 0);
    let targets: PayableInvoice[];
    if (named && named.accountNumber === line.ref1) {
      if (named.status !== 'open' || left(named) <= 0)
        return { line, status: 'unmatched', reason: 'invoice_not_open' };
      targets = [named, ...open.filter((i) => i.id !== named.id)];
    } else if (open.length) {
      targets = open;
    } else {
      return {
        line,
        status: 'unmatched',
        reason: named || openByAccount.has(line.ref1) ? 'nothing_open' : 'no_such_account',
      };
    }
    const { allocations, unappliedSatang } = allocate(
      line.amountSatang,
      targets.map((i) => ({ id: i.id, balanceSatang: left(i) })),
    );
    for (const a of allocations)
      balance.set(a.invoiceId, left(targets.find((i) => i.id === a.invoiceId)!) - a.amountSatang);
    const first = targets[0]!;
    return {
      line,
      status: 'matched',
      accountId: first.accountId,
      accountNumber: first.accountNumber,
      customerName: first.customerName,
      allocations,
      unappliedSatang,
      invoices: targets.filter((i) => allocations.some((a) => a.invoiceId === i.id)),
    };
  });
}
