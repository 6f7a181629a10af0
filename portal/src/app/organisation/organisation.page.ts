import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Icon, ProblemAlert, loadable } from '@prapa/ui';
import { forkJoin } from 'rxjs';
import { TenancyApi } from './tenancy.api';
import { formatThaiId } from './thai-id-format';

/** ข้อมูลหน่วยงาน: the tenant's profile, its waterworks and its villages (admin). */
@Component({
  selector: 'prapa-organisation-page',
  imports: [TranslatePipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation.page.html',
})
export class OrganisationPage {
  private readonly api = inject(TenancyApi);

  protected readonly data = loadable(() =>
    forkJoin({
      tenant: this.api.tenant(),
      waterworks: this.api.waterworks(),
      villages: this.api.villages(),
    }),
  );

  /** Waterworks names by id, for the villages table. */
  protected readonly waterworksNames = computed(() => {
    const state = this.data.state();
    const names = new Map<number, string>();
    if (state.status === 'ok') for (const w of state.value.waterworks) names.set(w.id, w.name);
    return names;
  });

  protected readonly formatThaiId = formatThaiId;
}
