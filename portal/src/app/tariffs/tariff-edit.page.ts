import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { METER_SIZES, ROUNDING_RULES } from '@prapa/domain';
import {
  FormField,
  Icon,
  LanguageService,
  ProblemAlert,
  fetchState,
  localize,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { map, of } from 'rxjs';
import {
  addAt,
  emptyTariffForm,
  formFromTariff,
  removeAt,
  setAt,
  tariffFromForm,
  type FormProblem,
  type TariffForm,
} from './tariff-form';
import { TariffsApi, findTariff } from './tariffs.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

/**
 * A tenant's tariff: a new one (from scratch, or copied from a preset or a version with
 * `?from=`), or a version edited (`/tariffs/:key/edit`). Blocks, fees and levies are typed in
 * baht; the engine checks the whole and answers with the fields at fault.
 */
@Component({
  selector: 'prapa-tariff-edit-page',
  imports: [Breadcrumb, LoadStatus, TranslatePipe, RouterLink, Icon, ProblemAlert, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tariff-edit.page.html',
})
export class TariffEditPage {
  /** The version edited (`/tariffs/:key/edit`); absent for a new tariff. */
  readonly key = input<string>();
  /** A tariff to start from (`?from=preset-VILLAGE-BLOCK`). */
  readonly from = input<string>();
  private readonly api = inject(TariffsApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  protected readonly sizes = METER_SIZES;
  protected readonly roundings = ROUNDING_RULES;
  protected readonly form = signal<TariffForm>(emptyTariffForm(firstOfNextMonth(new Date())));
  protected readonly loaded = fetchState(
    toObservable(computed(() => ({ key: this.key(), from: this.from() }))),
    ({ key, from }) => {
      const source = key ?? from;
      if (!source) return of(true);
      return findTariff(this.api, source).pipe(
        map((t) => {
          const f = formFromTariff(t.definition);
          // a copy is a new version: from the first of next month, and a preset gets a new code
          if (!key) f.effectiveFrom = firstOfNextMonth(new Date());
          if (!key && t.source === 'preset') f.code = `${t.code}-LOCAL`;
          this.form.set(f);
          return true;
        }),
      );
    },
  );
  protected readonly clientProblems = signal<readonly FormProblem[]>([]);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly busy = signal(false);

  /** Every message by field path (`customerTypes.0.blocks.1.rateSatangPerM3`). */
  protected readonly errors = computed(() => {
    const out = new Map<string, string>();
    for (const p of this.clientProblems()) {
      if (!out.has(p.path)) out.set(p.path, p.key === 'required' ? 'required' : this.t(p.key));
    }
    for (const f of this.problem()?.fields ?? []) {
      const path = f.path.replace(/^body\./, '');
      if (!out.has(path)) out.set(path, localize(f.message, this.language.lang()));
    }
    return out;
  });

  protected err(path: string): string | null {
    return this.errors().get(path) ?? null;
  }

  protected set(path: string, event: Event): void {
    this.form.update((f) => setAt(f, path, (event.target as HTMLInputElement).value));
  }

  protected setChecked(path: string, event: Event): void {
    this.form.update((f) => setAt(f, path, (event.target as HTMLInputElement).checked));
  }

  protected add(list: string): void {
    this.form.update((f) => addAt(f, list));
  }

  protected remove(list: string, index: number): void {
    this.form.update((f) => removeAt(f, list, index));
  }

  protected save(): void {
    if (this.busy()) return;
    const result = tariffFromForm(this.form());
    this.clientProblems.set(result.problems);
    this.problem.set(null);
    if (!result.tariff) return;
    this.busy.set(true);
    const key = this.key();
    const save = key ? this.api.update(Number(key), result.tariff) : this.api.create(result.tariff);
    save.subscribe({
      next: (saved) => {
        this.busy.set(false);
        void this.router.navigate(['/tariffs', String(saved.id)]);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  private t(key: string): string {
    return this.translate.instant(key) as string;
  }
}

/** 'YYYY-MM-01' of the month after `date` (a new rate applies from a billing period on). */
export function firstOfNextMonth(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return d.toISOString().slice(0, 10);
}
