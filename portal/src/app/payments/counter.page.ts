import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BahtPipe,
  BillingPeriodPipe,
  Icon,
  ProblemAlert,
  ThaiDatePipe,
  loadable,
  toProblemView,
  type AccountSummary,
  type ProblemView,
} from '@prapa/ui';
import { AccountPicker } from './account-picker';
import {
  bahtField,
  counterPlan,
  newIdempotencyKey,
  oldestFirst,
  satangFromBaht,
} from './counter-math';
import { PaymentsApi, type OpenInvoice } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import { COUNTER_METHODS, type CounterMethod } from './payments.types';

/**
 * รับชำระเงิน: the cashier's day, an account's open invoices (oldest first, all ticked),
 * what was handed over, the change, and the payment posted once with its receipt.
 */
@Component({
  selector: 'prapa-counter-page',
  imports: [
    AccountPicker,
    PaymentsTabs,
    RouterLink,
    TranslatePipe,
    Icon,
    ProblemAlert,
    BahtPipe,
    ThaiDatePipe,
    BillingPeriodPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './counter.page.html',
})
export class CounterPage {
  private readonly api = inject(PaymentsApi);
  private readonly router = inject(Router);

  protected readonly methods = COUNTER_METHODS;
  protected readonly session = loadable(() => this.api.currentSession());
  protected readonly floatText = signal('0.00');
  protected readonly opening = signal(false);
  protected readonly openProblem = signal<ProblemView | null>(null);

  protected readonly account = signal<AccountSummary | null>(null);
  protected readonly invoices = signal<readonly OpenInvoice[] | null>(null);
  protected readonly chosen = signal<ReadonlySet<number>>(new Set());
  /** What the cashier typed; null while it follows the sum of the chosen invoices. */
  protected readonly receivedText = signal<string | null>(null);
  protected readonly method = signal<CounterMethod>('cash');
  protected readonly keepCredit = signal(false);
  protected readonly paying = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected readonly due = computed(() =>
    (this.invoices() ?? [])
      .filter((i) => this.chosen().has(i.id))
      .reduce((sum, i) => sum + i.balanceSatang, 0),
  );
  /** The open day, once known. */
  protected readonly day = computed(() => {
    const s = this.session.state();
    return s.status === 'ok' ? s.value : null;
  });
  protected readonly sessionOpen = computed(() => this.day() !== null);
  protected readonly received = computed(() => this.receivedText() ?? bahtField(this.due()));
  protected readonly plan = computed(() =>
    counterPlan({
      dueSatang: this.due(),
      receivedSatang: satangFromBaht(this.received()),
      method: this.method(),
      keepCredit: this.keepCredit(),
    }),
  );

  protected openDay(): void {
    const float = satangFromBaht(this.floatText());
    if (float === null || this.opening()) return;
    this.opening.set(true);
    this.openProblem.set(null);
    this.api.openSession(float).subscribe({
      next: () => {
        this.opening.set(false);
        this.session.reload();
      },
      error: (err: unknown) => {
        this.opening.set(false);
        this.openProblem.set(toProblemView(err));
      },
    });
  }

  protected pick(account: AccountSummary): void {
    this.account.set(account);
    this.invoices.set(null);
    this.chosen.set(new Set());
    this.receivedText.set(null);
    this.keepCredit.set(false);
    this.problem.set(null);
    this.api.openInvoices(account.id).subscribe({
      next: (list) => {
        const sorted = oldestFirst(list);
        this.invoices.set(sorted);
        this.chosen.set(new Set(sorted.map((i) => i.id)));
      },
      error: (err: unknown) => this.problem.set(toProblemView(err)),
    });
  }

  protected toggle(id: number, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }

  protected pay(): void {
    const account = this.account();
    const plan = this.plan();
    if (!account || !plan.ok || this.paying()) return;
    this.paying.set(true);
    this.problem.set(null);
    const invoiceIds = (this.invoices() ?? [])
      .filter((i) => this.chosen().has(i.id))
      .map((i) => i.id);
    this.api
      .pay(
        {
          accountId: account.id,
          invoiceIds,
          amountSatang: plan.postSatang,
          method: this.method(),
        },
        newIdempotencyKey(),
      )
      .subscribe({
        next: (paid) => {
          this.paying.set(false);
          if (paid.receipt) void this.router.navigate(['/payments/receipts', paid.receipt.id]);
        },
        error: (err: unknown) => {
          this.paying.set(false);
          this.problem.set(toProblemView(err));
        },
      });
  }
}
