import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  BahtPipe,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  hasAnyRole,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { PaymentsApi } from './payments.api';
import { PaymentsTabs } from './payments-tabs';
import type { VoidRequest } from './payments.types';
import { PayStatusBadge } from './session-status-badge';

/** อนุมัติยกเลิกใบเสร็จ: requests to void receipts; finance approves or refuses with a note. */
@Component({
  selector: 'prapa-voids-page',
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
  templateUrl: './voids.page.html',
})
export class VoidsPage {
  private readonly api = inject(PaymentsApi);
  private readonly auth = inject(AuthService);

  protected readonly statuses: readonly VoidRequest['status'][] = [
    'pending',
    'approved',
    'rejected',
  ];
  protected readonly status = signal<VoidRequest['status'] | null>('pending');
  private readonly version = signal(0);
  protected readonly result = fetchState(
    toObservable(computed(() => ({ status: this.status(), v: this.version() }))),
    ({ status }) => this.api.voidRequests(status),
  );
  protected readonly isFinance = computed(() => hasAnyRole(this.auth.user(), ['admin', 'finance']));
  /** The request whose refusal note is being written. */
  protected readonly rejecting = signal<number | null>(null);
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected approve(id: number): void {
    this.run(this.api.approveVoid(id, null));
  }

  protected reject(id: number): void {
    const note = this.note().trim();
    if (note) this.run(this.api.rejectVoid(id, note));
  }

  private run(call: ReturnType<PaymentsApi['approveVoid']>): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.rejecting.set(null);
        this.note.set('');
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
