import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService, ProblemAlert, loadable, localize } from '@prapa/ui';
import { BillCalculator } from './bill-calculator';
import { TariffsApi, tariffKey } from './tariffs.api';

/** The bill calculator on its own: any tariff, any consumption. */
@Component({
  selector: 'prapa-tariff-calculator-page',
  imports: [TranslatePipe, RouterLink, ProblemAlert, BillCalculator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="breadcrumb">
      <ol class="breadcrumb mb-2">
        <li class="breadcrumb-item">
          <a routerLink="/tariffs">{{ 'nav.tariffs' | translate }}</a>
        </li>
        <li class="breadcrumb-item active" aria-current="page">
          {{ 'tariffs.calculator' | translate }}
        </li>
      </ol>
    </nav>
    <div class="portal-page-head">
      <h1 class="h3 mb-1">{{ 'tariffs.calculator' | translate }}</h1>
      <p class="text-body-secondary mb-0">{{ 'tariffs.calculatorLead' | translate }}</p>
    </div>
    @let state = tariffs.state();
    @if (state.status === 'error') {
      <prapa-problem-alert [problem]="state.problem" />
    } @else if (state.status === 'ok') {
      <div class="row g-3">
        <div class="col-lg-4">
          <label class="form-label" for="calc-tariff">{{ 'tariffs.tariff' | translate }}</label>
          <select
            id="calc-tariff"
            class="form-select"
            data-testid="calc-tariff"
            (change)="chosen.set($any($event.target).value)"
          >
            @for (t of state.value; track key(t)) {
              <option [value]="key(t)" [selected]="key(t) === selected()?.key">
                {{ t.code }} · {{ name(t) }}
              </option>
            }
          </select>
        </div>
        <div class="col-lg-8">
          @if (selected(); as s) {
            <prapa-bill-calculator [tariff]="s.tariff" />
          }
        </div>
      </div>
    }
  `,
})
export class TariffCalculatorPage {
  private readonly api = inject(TariffsApi);
  private readonly language = inject(LanguageService);
  protected readonly tariffs = loadable(() => this.api.list());
  protected readonly chosen = signal<string | null>(null);
  protected readonly key = tariffKey;
  protected readonly selected = computed(() => {
    const s = this.tariffs.state();
    if (s.status !== 'ok' || !s.value.length) return null;
    const key = this.chosen();
    const tariff = s.value.find((t) => tariffKey(t) === key) ?? s.value[0]!;
    return { key: tariffKey(tariff), tariff };
  });

  protected name(t: { name: { th: string; en: string } }): string {
    return localize(t.name, this.language.lang());
  }
}
