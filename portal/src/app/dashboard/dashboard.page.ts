import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { fiscalYear } from '@prapa/domain/common';
import {
  AuthService,
  Icon,
  LanguageService,
  ProblemAlert,
  ThaiDatePipe,
  loadable,
  tenantName,
} from '@prapa/ui';
import { TenancyApi } from '../organisation/tenancy.api';

/** The landing page of every staff member: today, the fiscal year, the tenant's waterworks. */
@Component({
  selector: 'prapa-dashboard-page',
  imports: [TranslatePipe, ThaiDatePipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly api = inject(TenancyApi);
  protected readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);

  protected readonly today = new Date();
  protected readonly fiscalYear = fiscalYear(this.today);
  protected readonly waterworks = loadable(() => this.api.waterworks());

  protected readonly tenant = computed(() => {
    const user = this.auth.user();
    return user ? tenantName(user.tenant, this.language.lang()) : '';
  });

  protected readonly villageTotal = computed(() => {
    const state = this.waterworks.state();
    return state.status === 'ok'
      ? state.value.reduce((sum, w) => sum + (w.villageCount ?? 0), 0)
      : null;
  });
}
