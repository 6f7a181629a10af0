import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  BillingPeriodPipe,
  ProblemAlert,
  hasAnyRole,
  loadable,
  toProblemView,
  type MeterReading,
  type ProblemView,
} from '@prapa/ui';
import type { Observable } from 'rxjs';
import { ReadingFlags } from './reading-flags';
import { ReadingsApi } from './readings.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

type Action = 'accept' | 'correct' | 'estimate' | 'reread';

const NOT_A_NUMBER: ProblemView = {
  status: 422,
  code: 'not_a_number',
  message: null,
  messageKey: 'readings.problems.number',
  fields: [],
  requestId: null,
};

/** คิวตรวจสอบค่าอ่าน: flagged readings, each accepted, corrected, estimated or sent for a re-read. */
@Component({
  selector: 'prapa-review-queue-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    RouterLink,
    ProblemAlert,
    BillingPeriodPipe,
    ReadingFlags,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-queue.page.html',
  styles: `
    .correct-input {
      max-width: 8rem;
    }
  `,
})
export class ReviewQueuePage {
  private readonly api = inject(ReadingsApi);
  private readonly auth = inject(AuthService);

  protected readonly canReview = computed(() =>
    hasAnyRole(this.auth.user(), ['admin', 'clerk', 'finance']),
  );
  /** The queue's entries carry their account number and water user's name. */
  protected readonly queue = loadable(() => this.api.review({ limit: 200 }));
  /** Readings reviewed on this page: the engine's answer, by reading id. */
  protected readonly done = signal<ReadonlyMap<number, MeterReading>>(new Map());
  protected readonly correcting = signal<number | null>(null);
  protected readonly busy = signal<number | null>(null);
  protected readonly problem = signal<{ id: number; view: ProblemView } | null>(null);

  protected reload(): void {
    this.done.set(new Map());
    this.queue.reload();
  }

  protected act(reading: MeterReading, action: Action, value?: string): void {
    if (this.busy() !== null) return;
    let call: Observable<MeterReading>;
    if (action === 'correct') {
      const text = (value ?? '').trim();
      if (!/^\d+$/.test(text)) {
        this.problem.set({ id: reading.id, view: NOT_A_NUMBER });
        return;
      }
      call = this.api.correct(reading.id, Number(text));
    } else {
      call = this.api[action](reading.id);
    }
    this.busy.set(reading.id);
    this.problem.set(null);
    call.subscribe({
      next: (r) => {
        this.busy.set(null);
        this.correcting.set(null);
        this.done.update((m) => new Map(m).set(r.id, r));
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.problem.set({ id: reading.id, view: toProblemView(err) });
      },
    });
  }
}
