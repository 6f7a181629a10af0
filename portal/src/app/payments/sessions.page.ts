import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { BahtPipe, ProblemAlert, ThaiDatePipe, fetchState } from '@prapa/ui';
import { PaymentsApi } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import type { SessionStatus } from './payments.types';
import { PayStatusBadge } from './session-status-badge';

/** รอบการรับเงิน: every cashier's days, newest first, by status. */
@Component({
  selector: 'prapa-sessions-page',
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
  template: `
    <div class="portal-page-head">
      <h1 class="h3 mb-1">{{ 'payments.sessions.title' | translate }}</h1>
      <p class="text-body-secondary mb-0">{{ 'payments.sessions.lead' | translate }}</p>
    </div>
    <prapa-payments-tabs />
    <div class="mb-3" style="max-width: 16rem">
      <label class="form-label" for="ses-status">{{ 'payments.statusLabel' | translate }}</label>
      <select
        id="ses-status"
        class="form-select"
        (change)="status.set($any($event.target).value || null)"
      >
        <option value="">{{ 'payments.allStatuses' | translate }}</option>
        @for (s of statuses; track s) {
          <option [value]="s">{{ 'payments.status.' + s | translate }}</option>
        }
      </select>
    </div>
    @let r = result();
    @if (r.status === 'error') {
      <prapa-problem-alert [problem]="r.problem" />
    } @else {
      <section class="card">
        <div class="table-responsive">
          <table class="table table-hover align-middle mb-0" data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">{{ 'payments.sessions.opened' | translate }}</th>
                <th scope="col">{{ 'payments.sessions.cashier' | translate }}</th>
                <th scope="col" class="text-end">{{ 'payments.day.float' | translate }}</th>
                <th scope="col" class="text-end">{{ 'payments.sessions.expected' | translate }}</th>
                <th scope="col" class="text-end">{{ 'payments.sessions.counted' | translate }}</th>
                <th scope="col" class="text-end">
                  {{ 'payments.sessions.difference' | translate }}
                </th>
                <th scope="col">{{ 'payments.statusLabel' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @if (r.status === 'ok') {
                @for (s of r.value.items; track s.id) {
                  <tr>
                    <td>
                      <a [routerLink]="[s.id]">{{ s.openedAt | thaiDate: 'datetime' }}</a>
                    </td>
                    <td>{{ s.cashierName }}</td>
                    <td class="text-end prapa-num">{{ s.openingFloatSatang | baht }}</td>
                    <td class="text-end prapa-num">{{ s.expectedCashSatang | baht }}</td>
                    <td class="text-end prapa-num">{{ s.countedCashSatang | baht }}</td>
                    <td
                      class="text-end prapa-num"
                      [class.text-danger]="(s.differenceSatang ?? 0) !== 0"
                    >
                      {{ s.differenceSatang | baht }}
                    </td>
                    <td><prapa-pay-status [status]="s.status" /></td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="7" class="text-center text-body-secondary py-4">
                      {{ 'payments.sessions.none' | translate }}
                    </td>
                  </tr>
                }
              } @else {
                <tr>
                  <td colspan="7" class="text-body-secondary py-3">
                    {{ 'common.loading' | translate }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }
  `,
})
export class SessionsPage {
  private readonly api = inject(PaymentsApi);
  protected readonly statuses: readonly SessionStatus[] = ['open', 'closed', 'approved'];
  protected readonly status = signal<SessionStatus | null>(null);
  protected readonly result = fetchState(toObservable(this.status), (status) =>
    this.api.sessions({ status, limit: 100 }),
  );
}
