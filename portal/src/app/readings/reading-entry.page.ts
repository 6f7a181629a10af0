import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BillingPeriodPipe,
  Icon,
  LanguageService,
  ProblemAlert,
  fetchState,
  loadable,
  periodOf,
  localize,
  toProblemView,
  type MeterReading,
  type ProblemView,
} from '@prapa/ui';
import { EMPTY, filter, forkJoin } from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import { ReadingFlags } from './reading-flags';
import { assessTyped, type SheetRow } from './reading-sheet';
import { ReadingsApi } from './readings.api';
import { LoadStatus } from '../shell/load-status';

interface Route {
  readonly waterworksId: number | null;
  readonly villageId: number | null;
  readonly period: string;
}

/**
 * จดมาตรวัดน้ำ: a route's reading sheet for a period. Consumption and flags show as the clerk
 * types; saving sends the route at once, and flagged readings go to the review queue.
 */
@Component({
  selector: 'prapa-reading-entry-page',
  imports: [
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    ProblemAlert,
    BillingPeriodPipe,
    ReadingFlags,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reading-entry.page.html',
  styles: `
    .reading-input {
      max-width: 8.5rem;
    }
  `,
})
export class ReadingEntryPage {
  private readonly api = inject(ReadingsApi);
  private readonly tenancy = inject(TenancyApi);
  private readonly language = inject(LanguageService);

  protected readonly places = loadable(() =>
    forkJoin({ waterworks: this.tenancy.waterworks(), villages: this.tenancy.villages() }),
  );
  protected readonly route = signal<Route>({
    waterworksId: null,
    villageId: null,
    period: periodOf(new Date()),
  });
  private readonly reload = signal(0);
  protected readonly sheet = fetchState(
    toObservable(computed(() => ({ ...this.route(), n: this.reload() }))).pipe(
      filter((r) => r.waterworksId !== null),
    ),
    (r) =>
      r.waterworksId === null ? EMPTY : this.api.sheet(r.waterworksId, r.villageId, r.period),
  );
  /** What the clerk typed, by account id. */
  protected readonly typed = signal<ReadonlyMap<number, string>>(new Map());
  /** Readings saved on this page, by account id (the engine's answer). */
  protected readonly saved = signal<ReadonlyMap<number, MeterReading>>(new Map());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected readonly villageOptions = computed(() => {
    const s = this.places.state();
    const w = this.route().waterworksId;
    return s.status === 'ok' ? s.value.villages.filter((v) => v.waterworksId === w) : [];
  });

  /** Each row with its typed value assessed in the browser. */
  protected readonly rows = computed(() => {
    const s = this.sheet();
    if (s.status !== 'ok') return [];
    const typed = this.typed();
    const saved = this.saved();
    return s.value.map((row) => {
      const reading = saved.get(row.accountId) ?? row.existing;
      const text = typed.get(row.accountId) ?? '';
      return { row, reading, text, typed: assessTyped(row, text) };
    });
  });

  /** Rows with a value to send (typed, a whole number, not yet accepted). */
  protected readonly toSave = computed(() =>
    this.rows().filter(
      (r) => r.typed.value !== null && !r.typed.problem && r.reading?.status !== 'accepted',
    ),
  );

  /** The engine's per-row messages (`items.3.currentReading`), by account id. */
  protected readonly rowErrors = computed(() => {
    const out = new Map<number, string>();
    const p = this.problem();
    const sent = this.sent();
    for (const f of p?.fields ?? []) {
      const m = /(?:^|\.)items\.(\d+)\./.exec(f.path);
      const accountId = m ? sent[Number(m[1])] : undefined;
      if (accountId !== undefined && !out.has(accountId)) {
        out.set(accountId, localize(f.message, this.language.lang()));
      }
    }
    return out;
  });
  private readonly sent = signal<readonly number[]>([]);

  constructor() {
    // start on the first waterworks, as most tenants have one or two
    effect(() => {
      const s = this.places.state();
      if (s.status !== 'ok' || !s.value.waterworks.length) return;
      untracked(() => {
        if (this.route().waterworksId === null) {
          this.route.update((r) => ({ ...r, waterworksId: s.value.waterworks[0]!.id }));
        }
      });
    });
  }

  protected setWaterworks(value: string): void {
    this.route.update((r) => ({
      ...r,
      waterworksId: value ? Number(value) : null,
      villageId: null,
    }));
    this.clear();
  }

  protected setVillage(value: string): void {
    this.route.update((r) => ({ ...r, villageId: value ? Number(value) : null }));
    this.clear();
  }

  protected setPeriod(value: string): void {
    if (/^\d{4}-\d{2}$/.test(value)) this.route.update((r) => ({ ...r, period: value }));
    this.clear();
  }

  protected type(row: SheetRow, text: string): void {
    this.typed.update((m) => new Map(m).set(row.accountId, text));
  }

  protected save(): void {
    const rows = this.toSave();
    if (!rows.length || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.sent.set(rows.map((r) => r.row.accountId));
    this.api
      .enterBatch(
        this.route().period,
        rows.map((r) => ({ accountId: r.row.accountId, currentReading: r.typed.value! })),
      )
      .subscribe({
        next: (readings) => {
          this.busy.set(false);
          this.saved.update((m) => {
            const next = new Map(m);
            for (const r of readings) next.set(r.accountId, r);
            return next;
          });
          this.typed.update((m) => {
            const next = new Map(m);
            for (const r of readings) next.delete(r.accountId);
            return next;
          });
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.problem.set(toProblemView(err));
        },
      });
  }

  protected refresh(): void {
    this.clear();
    this.reload.update((n) => n + 1);
  }

  private clear(): void {
    this.typed.set(new Map());
    this.saved.set(new Map());
    this.problem.set(null);
  }
}
