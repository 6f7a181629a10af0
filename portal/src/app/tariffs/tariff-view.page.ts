import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  BahtPipe,
  RatePipe,
  Icon,
  LanguageService,
  ThaiDatePipe,
  fetchState,
  hasAnyRole,
  localize,
} from '@prapa/ui';
import { BillCalculator } from './bill-calculator';
import { TariffsApi, findTariff } from './tariffs.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

/** One tariff: its blocks per customer type, fees and levies, and the bill calculator. */
@Component({
  selector: 'prapa-tariff-view-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    ThaiDatePipe,
    BahtPipe,
    RatePipe,
    BillCalculator,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tariff-view.page.html',
})
export class TariffViewPage {
  /** `12` (a tenant's version) or `preset-PWA-1`. */
  readonly key = input.required<string>();
  private readonly api = inject(TariffsApi);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly canEdit = computed(() => hasAnyRole(this.auth.user(), ['admin', 'finance']));
  protected readonly tariff = fetchState(toObservable(this.key), (key) =>
    findTariff(this.api, key),
  );
  protected text(t: { th: string; en: string }): string {
    return localize(t, this.language.lang());
  }

  /** Where each block starts: 0, then the previous block's upper bound. */
  protected from(blocks: readonly { uptoM3: number | null }[], i: number): number {
    return i === 0 ? 0 : (blocks[i - 1]?.uptoM3 ?? 0);
  }
}
