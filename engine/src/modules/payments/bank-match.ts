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
    let targets: PayableInvoice[];
    if (named && named.accountNumber === line.ref1) {
      if (named.status !== 'open' || left(named) <= 0)
        return { line, status: 'unmatched', reason: 'invoice_not_open' };
      targets = [named];
      // what the named invoice does not take pays the account's other open invoices
      if (line.amountSatang > left(named))
        for (const i of openByAccount.get(line.ref1) ?? [])
          if (i.id !== named.id && left(i) > 0) targets.push(i);
    } else {
      targets = (openByAccount.get(line.ref1) ?? []).filter((i) => left(i) > 0);
      if (!targets.length)
        return {
          line,
          status: 'unmatched',
          reason: named || openByAccount.has(line.ref1) ? 'nothing_open' : 'no_such_account',
        };
    }
    const { allocations, unappliedSatang } =
      targets.length === 1
        ? payOne(line.amountSatang, targets[0]!.id, left(targets[0]!))
        : allocate(
            line.amountSatang,
            targets.map((i) => ({ id: i.id, balanceSatang: left(i) })),
          );
    const invoices =
      targets.length === 1
        ? targets.slice(0, allocations.length)
        : allocations.map((a) => targets.find((i) => i.id === a.invoiceId)!);
    for (const [k, a] of allocations.entries())
      balance.set(a.invoiceId, left(invoices[k]!) - a.amountSatang);
    const first = targets[0]!;
    return {
      line,
      status: 'matched',
      accountId: first.accountId,
      accountNumber: first.accountNumber,
      customerName: first.customerName,
      allocations,
      unappliedSatang,
      invoices,
    };
  });
}

/** allocate() for one invoice that owes something: the common line, without its arrays. */
function payOne(amountSatang: number, invoiceId: number, owed: number) {
  const take = Math.min(amountSatang, owed);
  return {
    allocations: take > 0 ? [{ invoiceId, amountSatang: take }] : [],
    unappliedSatang: amountSatang - take,
  };
}

/**
 * The account numbers (ref1) whose open invoices planBankLines needs, given the invoices
 * the lines name: a line that names no open invoice of its account pays the account's
 * open invoices; lines that together ask more of a named invoice than it owes pay the rest
 * to the account's other open invoices. Lines paying what they name need none.
 */
export function accountsToScan(
  lines: readonly BankLine[],
  byNumber: ReadonlyMap<string, PayableInvoice>,
): string[] {
  const asked = new Map<PayableInvoice, number>();
  const scan = new Set<string>();
  for (const line of lines) {
    if (line.kind !== 'C') continue;
    const named = byNumber.get(line.ref2);
    if (!named || named.accountNumber !== line.ref1) {
      if (line.ref1) scan.add(line.ref1);
      continue;
    }
    if (named.status !== 'open') continue;
    const total = (asked.get(named) ?? 0) + line.amountSatang;
    asked.set(named, total);
    if (total > named.balanceSatang) scan.add(line.ref1);
  }
  return [...scan];
}

/** A payment's source key for the bank line it is (on import and when finance matches by hand). */
const SOURCE = 'bank:';
export const sourceKey = (lineKey: string): string => `${SOURCE}${lineKey}`;
/** The line key in a source key (or the key itself). */
export const lineKeyOf = (key: string): string =>
  key.startsWith(SOURCE) ? key.slice(SOURCE.length) : key;
