import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BillingPeriodPipe,
  FormField,
  Icon,
  ProblemAlert,
  ThaiDatePipe,
  fieldMessage,
  LanguageService,
  loadable,
  periodOf,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { catchError, forkJoin, of } from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import { BillingRunsApi } from './billing-runs.api';
import { LoadStatus } from '../shell/load-status';

/** ออกใบแจ้งหนี้: choose a waterworks and a period, start the run; the runs so far. */
@Component({
  selector: 'prapa-billing-run-start-page',
  imports: [
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    ProblemAlert,
    FormField,
    BillingPeriodPipe,
    ThaiDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './billing-run-start.page.html',
})
export class BillingRunStartPage {
  private readonly api = inject(BillingRunsApi);
  private readonly tenancy = inject(TenancyApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  protected readonly data = loadable(() =>
    forkJoin({
      waterworks: this.tenancy.waterworks(),
      // the list is a convenience: the page works without it
      runs: this.api.list({ limit: 12 }).pipe(catchError(() => of([]))),
    }),
  );
  protected readonly waterworksId = signal<string>('');
  protected readonly period = signal(periodOf(new Date()));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly waterworksName = computed(() => {
    const s = this.data.state();
    return new Map(s.status === 'ok' ? s.value.waterworks.map((w) => [w.id, w.name]) : []);
  });
  protected readonly chosenWaterworks = computed(() => {
    const s = this.data.state();
    const first = s.status === 'ok' ? s.value.waterworks[0]?.id : undefined;
    return this.waterworksId() || (first === undefined ? '' : String(first));
  });

  protected fieldError(field: string): string | null {
    return fieldMessage(this.problem(), field, this.language.lang());
  }

  protected start(): void {
    const waterworksId = Number(this.chosenWaterworks());
    if (!waterworksId || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.start({ waterworksId, period: this.period() }).subscribe({
      next: (run) => {
        this.busy.set(false);
        void this.router.navigate(['/billing-runs', run.id]);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
