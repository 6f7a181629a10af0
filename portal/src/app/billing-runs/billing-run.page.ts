import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { BillingPeriodPipe, Icon, ThaiDatePipe, fetchState, type BillingRun } from '@prapa/ui';
import {
  catchError,
  concat,
  defer,
  EMPTY,
  map,
  of,
  repeat,
  switchMap,
  takeWhile,
  type Observable,
} from 'rxjs';
import { BillingRunsApi } from './billing-runs.api';
import { progressPercent } from './progress';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

/** How often the run is read again when its event stream is not there. */
const POLL_MS = 1000;

/**
 * One billing run: a progress bar fed by the run's server-sent events, then the result
 * (invoices made, accounts skipped) with the way to its invoices.
 */
@Component({
  selector: 'prapa-billing-run-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    BillingPeriodPipe,
    ThaiDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './billing-run.page.html',
})
export class BillingRunPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(BillingRunsApi);

  protected readonly run = fetchState(toObservable(this.id), (id) => this.follow(Number(id)));
  protected readonly percent = computed(() => {
    const s = this.run();
    return s.status === 'ok' ? progressPercent(s.value) : 0;
  });

  /** The run now, then as its events arrive; when they stop, read it until it is finished. */
  private follow(id: number): Observable<BillingRun> {
    return this.api.get(id).pipe(
      switchMap((run) => {
        if (run.status !== 'running') return of(run);
        let latest = run;
        const live = this.api.events(id).pipe(
          map((p) => (latest = { ...latest, ...p })),
          takeWhile((r) => r.status === 'running', true),
          catchError(() => EMPTY),
        );
        const poll = defer(() => this.api.get(id)).pipe(
          repeat({ delay: POLL_MS }),
          takeWhile((r) => r.status === 'running', true),
        );
        const settled = defer(() => (latest.status === 'running' ? poll : EMPTY));
        return concat(of(run), live, settled);
      }),
    );
  }
}
