import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BahtPipe,
  BillingPeriodPipe,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  toProblemView,
  type AccountSummary,
  type ProblemView,
} from '@prapa/ui';
import { AccountPicker } from './account-picker';
import { oldestFirst } from './counter-math';
import { PaymentsApi, type OpenInvoice } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import type { Observable } from 'rxjs';
import type { BankLine, Receipt } from './payments.types';

type Panel = { readonly line: number; readonly kind: 'match' | 'dismiss' } | null;

/**
 * The exceptions queue: bank lines that matched no open invoice. Finance matches one to an
 * account (and its invoices) — a payment with its receipt — or sets it aside with a reason.
 */
@Component({
  selector: 'prapa-bank-lines-page',
  imports: [
    AccountPicker,
    PaymentsTabs,
    RouterLink,
    TranslatePipe,
    ProblemAlert,
    BahtPipe,
    ThaiDatePipe,
    BillingPeriodPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank-lines.page.html',
})
export class BankLinesPage {
  private readonly api = inject(PaymentsApi);

  private readonly version = signal(0);
  protected readonly lines = fetchState(toObservable(this.version), () =>
    this.api.bankLines('unmatched'),
  );
  protected readonly panel = signal<Panel>(null);
  protected readonly account = signal<AccountSummary | null>(null);
  protected readonly invoices = signal<readonly OpenInvoice[]>([]);
  protected readonly chosen = signal<ReadonlySet<number>>(new Set());
  protected readonly text = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  /** The receipt of the line matched last. */
  protected readonly done = signal<Receipt | null>(null);
  protected readonly canMatch = computed(() => this.account() !== null && !this.busy());

  protected open(line: BankLine, kind: 'match' | 'dismiss'): void {
    const same = this.panel()?.line === line.id && this.panel()?.kind === kind;
    this.panel.set(same ? null : { line: line.id, kind });
    this.account.set(null);
    this.invoices.set([]);
    this.chosen.set(new Set());
    this.text.set('');
    this.problem.set(null);
  }

  protected pick(account: AccountSummary): void {
    this.account.set(account);
    this.api.openInvoices(account.id).subscribe({
      next: (list) => this.invoices.set(oldestFirst(list)),
      error: (err: unknown) => this.problem.set(toProblemView(err)),
    });
  }

  protected toggle(id: number, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }

  protected match(line: BankLine): void {
    const account = this.account();
    if (!account || this.busy()) return;
    const note = this.text().trim();
    this.run(
      this.api.matchBankLine(line.id, {
        accountId: account.id,
        ...(this.chosen().size ? { invoiceIds: [...this.chosen()] } : {}),
        ...(note ? { note } : {}),
      }),
      (r) => this.done.set(r.receipt),
    );
  }

  protected dismiss(line: BankLine): void {
    const reason = this.text().trim();
    if (!reason || this.busy()) return;
    this.run(this.api.dismissBankLine(line.id, reason), () => this.done.set(null));
  }

  private run<T>(call: Observable<T>, then: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        this.panel.set(null);
        then(value);
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
