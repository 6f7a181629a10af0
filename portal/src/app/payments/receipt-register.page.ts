import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { fiscalYear } from '@prapa/domain/common';
import { BahtPipe, ProblemAlert, ThaiDatePipe, fetchState } from '@prapa/ui';
import { PaymentsApi } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import { PayStatusBadge } from './session-status-badge';

/** As many numbers as one page of the register holds (the API's most). */
const REGISTER_LIMIT = 1000;

/**
 * ทะเบียนคุมใบเสร็จ: every receipt number of a fiscal year in order, valid or void, the
 * totals, and any number missing from the run.
 */
@Component({
  selector: 'prapa-receipt-register-page',
  imports: [
    PaymentsTabs,
    RouterLink,
    TranslatePipe,
    ProblemAlert,
    BahtPipe,
    ThaiDatePipe,
    PayStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './receipt-register.page.html',
})
export class ReceiptRegisterPage {
  private readonly api = inject(PaymentsApi);

  private readonly thisYear = fiscalYear(new Date());
  protected readonly years = [0, 1, 2, 3, 4].map((n) => this.thisYear - n);
  protected readonly limit = REGISTER_LIMIT;
  protected readonly year = signal(this.thisYear);
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly status = signal<'valid' | 'void' | null>(null);
  protected readonly result = fetchState(
    toObservable(
      computed(() => ({
        fiscalYear: this.year(),
        from: this.from() || null,
        to: this.to() || null,
        status: this.status(),
        limit: REGISTER_LIMIT,
      })),
    ),
    (q) => this.api.register(q),
  );
}
