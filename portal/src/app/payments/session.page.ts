import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  BahtPipe,
  ProblemAlert,
  ThaiDatePipe,
  hasAnyRole,
  fetchState,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';
import { cashDifference, satangFromBaht } from './counter-math';
import { PaymentsApi } from './payments.api';
import { PayStatusBadge } from './session-status-badge';

/** One cashier day: what it took by method, its receipts, closing it, approving it. */
@Component({
  selector: 'prapa-session-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    ProblemAlert,
    BahtPipe,
    ThaiDatePipe,
    PayStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session.page.html',
})
export class SessionPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(PaymentsApi);
  private readonly auth = inject(AuthService);

  /** Bumped to fetch the day again after closing or approving it. */
  private readonly version = signal(0);
  protected readonly session = fetchState(
    toObservable(computed(() => ({ id: Number(this.id()), v: this.version() }))),
    ({ id }) => this.api.session(id),
  );
  protected readonly isFinance = computed(() => hasAnyRole(this.auth.user(), ['admin', 'finance']));
  protected readonly countedText = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected readonly counted = computed(() => satangFromBaht(this.countedText()));
  /** The difference as the cashier types the count. */
  protected readonly difference = computed(() => {
    const s = this.session();
    if (s.status !== 'ok') return null;
    return cashDifference(s.value.openingFloatSatang, s.value.summary.cashSatang, this.counted());
  });
  protected readonly expected = computed(() => {
    const s = this.session();
    return s.status === 'ok' ? s.value.openingFloatSatang + s.value.summary.cashSatang : null;
  });
  protected readonly methods = computed(() => {
    const s = this.session();
    return s.status === 'ok'
      ? Object.entries(s.value.summary.byMethod).map(([method, v]) => ({ method, ...v }))
      : [];
  });
  protected readonly canClose = computed(() => {
    const d = this.difference();
    return d !== null && (d === 0 || this.note().trim().length > 0) && !this.busy();
  });

  protected close(): void {
    const counted = this.counted();
    if (counted === null || !this.canClose()) return;
    this.run(this.api.closeSession(Number(this.id()), counted, this.note().trim() || null));
  }

  protected approve(): void {
    if (!this.busy()) this.run(this.api.approveSession(Number(this.id())));
  }

  private run(call: ReturnType<PaymentsApi['approveSession']>): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
