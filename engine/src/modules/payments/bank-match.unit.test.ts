import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PayableInvoice } from '../billing/invoice-ledger.js';
import type { BankLine } from './bank-file/index.js';
import { accountsToScan, planBankLines, type LinePlan } from './bank-match.js';

const inv = (
  id: number,
  account: string,
  balanceSatang: number,
  status = 'open',
  dueDate = `2026-0${id % 9 || 1}-15`,
): PayableInvoice => ({
  id,
  number: `IV2570-${String(id).padStart(6, '0')}`,
  accountId: Number(account.slice(3)),
  accountNumber: account,
  customerName: `ผู้ใช้น้ำ ${account}`,
  period: '2026-11',
  kind: 'water',
  dueDate,
  status,
  balanceSatang,
  businessKey: null,
});

let n = 0;
const line = (ref1: string, ref2: string, amountSatang: number, kind: 'C' | 'D' = 'C') =>
  ({ line: ++n, ref1, ref2, amountSatang, kind, lineKey: `k${n}` }) as BankLine;

// A-1 owes two invoices, A-2 one, A-3 nothing open (one paid), A-4 one
const invoices = [
  inv(1, 'AC-1', 10_000, 'open', '2026-09-15'),
  inv(2, 'AC-1', 20_000, 'open', '2026-10-15'),
  inv(3, 'AC-2', 15_000),
  inv(4, 'AC-3', 12_000, 'paid'),
  inv(5, 'AC-4', 30_000),
];
const byNumberAll = new Map(invoices.map((i) => [i.number, i]));
const openOf = (accounts: Iterable<string>) => {
  const m = new Map<string, PayableInvoice[]>();
  for (const a of accounts) {
    const open = invoices.filter((i) => i.accountNumber === a && i.status === 'open');
    if (open.length) m.set(a, open);
  }
  return m;
};
const shape = (plans: LinePlan[]) =>
  plans.map((p) =>
    p.status === 'matched'
      ? { line: p.line.line, allocations: p.allocations, credit: p.unappliedSatang }
      : { line: p.line.line, reason: p.reason },
  );

describe('bank lines planned from the invoices they name', () => {
  const cases: [string, BankLine[], string[]][] = [
    [
      'a line paying the invoice it names exactly needs no scan',
      [line('AC-2', inv(3, '', 0).number, 15_000)],
      [],
    ],
    ['a part payment needs no scan', [line('AC-4', inv(5, '', 0).number, 1_000)], []],
    [
      'an overpayment pays the account’s other open invoice, then credit',
      [line('AC-1', inv(2, '', 0).number, 35_000)],
      ['AC-1'],
    ],
    [
      'two lines asking more of one invoice than it owes spill over to the account',
      [line('AC-1', inv(1, '', 0).number, 6_000), line('AC-1', inv(1, '', 0).number, 6_000)],
      ['AC-1'],
    ],
    [
      'a line naming no invoice pays the account oldest first',
      [line('AC-1', '', 12_000), line('AC-9', 'NOPE', 500)],
      ['AC-1', 'AC-9'],
    ],
    [
      'a line naming an invoice of another account',
      [line('AC-2', inv(5, '', 0).number, 30_000)],
      ['AC-2'],
    ],
    [
      'a paid invoice and a debit need no scan',
      [line('AC-3', inv(4, '', 0).number, 12_000), line('AC-2', '', 100, 'D')],
      [],
    ],
  ];
  for (const [name, lines, scan] of cases)
    it(`should plan as with every open invoice at hand: ${name}`, () => {
      const wanted = accountsToScan(lines, byNumberAll);
      assert.deepEqual(wanted.sort(), scan);
      const everything = planBankLines(
        lines,
        byNumberAll,
        openOf(new Set(invoices.map((i) => i.accountNumber).concat(lines.map((l) => l.ref1)))),
      );
      assert.deepEqual(shape(planBankLines(lines, byNumberAll, openOf(wanted))), shape(everything));
    });

  it('should pay the named invoice first, the rest oldest first, and keep the remainder as credit', () => {
    const [plan] = planBankLines(
      [line('AC-1', inv(2, '', 0).number, 35_000)],
      byNumberAll,
      openOf(['AC-1']),
    );
    const p = plan!;
    assert.equal(p.status, 'matched');
    if (p.status !== 'matched') return;
    assert.deepEqual(p.allocations, [
      { invoiceId: 2, amountSatang: 20_000 },
      { invoiceId: 1, amountSatang: 10_000 },
    ]);
    assert.equal(p.unappliedSatang, 5_000);
    assert.deepEqual(
      p.invoices.map((i) => i.id),
      [2, 1],
    );
  });
});
