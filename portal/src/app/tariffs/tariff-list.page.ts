import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  Icon,
  LanguageService,
  ThaiDatePipe,
  hasAnyRole,
  loadable,
  localize,
} from '@prapa/ui';
import { TariffsApi, tariffKey } from './tariffs.api';
import { LoadStatus } from '../shell/load-status';

/** อัตราค่าน้ำ: the tenant's own tariff versions and the presets they may start from. */
@Component({
  selector: 'prapa-tariff-list-page',
  imports: [LoadStatus, TranslatePipe, RouterLink, Icon, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tariff-list.page.html',
})
export class TariffListPage {
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  private readonly api = inject(TariffsApi);
  protected readonly tariffs = loadable(() => this.api.list());
  protected readonly canEdit = computed(() => hasAnyRole(this.auth.user(), ['admin', 'finance']));
  protected readonly key = tariffKey;

  protected readonly groups = computed(() => {
    const s = this.tariffs.state();
    if (s.status !== 'ok') return null;
    return {
      tenant: s.value.filter((t) => t.source === 'tenant'),
      presets: s.value.filter((t) => t.source === 'preset'),
    };
  });

  protected name(t: { name: { th: string; en: string } }): string {
    return localize(t.name, this.language.lang());
  }
}
