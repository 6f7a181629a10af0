import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  Icon,
  ProblemAlert,
  fetchState,
  toProblemView,
  type AccountSummary,
  type ProblemView,
} from '@prapa/ui';
import type { Observable } from 'rxjs';
import { AccountPicker } from './account-picker';
import { satangFromBaht } from './counter-math';
import { PaymentsApi } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import type { Receipt } from './payments.types';
import { SlipCard } from './slip-card';

/**
 * ตรวจสลิป: transfer slips waiting for staff, each with its picture and what the bank's
 * check said; accepted (a receipt) or rejected with a reason. Staff also key in a slip
 * a water user sent on LINE.
 */
@Component({
  selector: 'prapa-slips-page',
  imports: [AccountPicker, PaymentsTabs, SlipCard, RouterLink, TranslatePipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './slips.page.html',
})
export class SlipsPage {
  private readonly api = inject(PaymentsApi);

  private readonly version = signal(0);
  protected readonly slips = fetchState(toObservable(this.version), () =>
    this.api.slips('pending'),
  );
  protected readonly rejecting = signal<number | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly accepted = signal<Receipt | null>(null);
  protected readonly rejected = signal(false);

  // a slip sent on LINE
  protected readonly account = signal<AccountSummary | null>(null);
  protected readonly amountText = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly sent = signal(false);
  protected readonly sendProblem = signal<ProblemView | null>(null);
  protected readonly canSend = computed(
    () =>
      this.account() !== null &&
      (satangFromBaht(this.amountText()) ?? 0) > 0 &&
      this.file() !== null &&
      !this.busy(),
  );

  protected accept(id: number): void {
    this.run(this.api.acceptSlip(id), (r) => {
      this.accepted.set(r.receipt);
      this.rejected.set(false);
    });
  }

  protected reject(id: number): void {
    const reason = this.reason().trim();
    if (!reason) return;
    this.run(this.api.rejectSlip(id, reason), () => {
      this.accepted.set(null);
      this.rejected.set(true);
    });
  }

  protected imageFailed(err: unknown): void {
    this.problem.set(toProblemView(err));
  }

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
  }

  protected send(): void {
    const account = this.account();
    const amount = satangFromBaht(this.amountText());
    const file = this.file();
    if (!account || !amount || !file || this.busy()) return;
    this.busy.set(true);
    this.sent.set(false);
    this.sendProblem.set(null);
    this.api.submitSlip(account.id, amount, file).subscribe({
      next: () => {
        this.busy.set(false);
        this.sent.set(true);
        this.account.set(null);
        this.amountText.set('');
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.sendProblem.set(toProblemView(err));
      },
    });
  }

  private run<T>(call: Observable<T>, then: (value: T) => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        this.rejecting.set(null);
        this.reason.set('');
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
