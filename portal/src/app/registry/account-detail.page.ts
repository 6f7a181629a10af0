import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  BahtPipe,
  BillingPeriodPipe,
  Icon,
  ThaiDatePipe,
  fetchState,
  hasAnyRole,
  loadable,
} from '@prapa/ui';
import { forkJoin, map, of, switchMap } from 'rxjs';
import { InvoicesApi } from '../invoices/invoices.api';
import { InvoiceStatusBadge } from '../invoices/invoice-status-badge';
import { TenancyApi } from '../organisation/tenancy.api';
import { AccountStatusBadge } from './account-status-badge';
import { RegistryApi } from './registry.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';

/** One account: its water user, meter and replacement history, and its invoices. */
@Component({
  selector: 'prapa-account-detail-page',
  imports: [
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    ThaiDatePipe,
    BahtPipe,
    BillingPeriodPipe,
    AccountStatusBadge,
    InvoiceStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-detail.page.html',
})
export class AccountDetailPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(RegistryApi);
  private readonly invoicesApi = inject(InvoicesApi);
  private readonly auth = inject(AuthService);

  protected readonly canEdit = computed(() => hasAnyRole(this.auth.user(), ['admin', 'clerk']));
  private readonly tenancy = inject(TenancyApi);
  protected readonly places = loadable(() =>
    forkJoin({ waterworks: this.tenancy.waterworks(), villages: this.tenancy.villages() }),
  );
  protected readonly data = fetchState(toObservable(this.id), (id) =>
    this.api.account(Number(id)).pipe(
      switchMap((account) =>
        forkJoin({
          waterUser: account.waterUser
            ? of(account.waterUser)
            : this.api.waterUser(account.waterUserId ?? 0),
          meters: this.api.meters(account.id),
          invoices: this.invoicesApi
            .list({ account: account.id, limit: 24 })
            .pipe(map((page) => page.items)),
        }).pipe(map((rest) => ({ account, ...rest }))),
      ),
    ),
  );

  protected readonly waterworksName = computed(() => {
    const s = this.places.state();
    return new Map(s.status === 'ok' ? s.value.waterworks.map((w) => [w.id, w.name]) : []);
  });
  protected readonly village = computed(() => {
    const s = this.places.state();
    return new Map(s.status === 'ok' ? s.value.villages.map((v) => [v.id, v]) : []);
  });
}
