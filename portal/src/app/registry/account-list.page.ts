import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ACCOUNT_STATUSES,
  AuthService,
  Icon,
  Pagination,
  ProblemAlert,
  fetchState,
  hasAnyRole,
  loadable,
  type AccountStatus,
} from '@prapa/ui';
import { Subject, debounceTime, distinctUntilChanged, map } from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import { AccountStatusBadge } from './account-status-badge';
import { paramsFromQuery, queryFromParams, type AccountQuery } from './account-query';
import { RegistryApi } from './registry.api';

/** ทะเบียนผู้ใช้น้ำ: search by name, account, house number, meter serial or phone. */
@Component({
  selector: 'prapa-account-list-page',
  imports: [TranslatePipe, RouterLink, Icon, ProblemAlert, Pagination, AccountStatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-list.page.html',
})
export class AccountListPage {
  private readonly api = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly typed = new Subject<string>();

  protected readonly statuses = ACCOUNT_STATUSES;
  protected readonly canEdit = computed(() => hasAnyRole(this.auth.user(), ['admin', 'clerk']));
  protected readonly villages = loadable(() => inject(TenancyApi).villages());
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(queryFromParams)), {
    requireSync: true,
  });
  protected readonly result = fetchState(this.route.queryParamMap, (params) =>
    this.api.search(queryFromParams(params)),
  );
  protected readonly villageName = computed(() => {
    const state = this.villages.state();
    const names = new Map<number, string>();
    if (state.status === 'ok') for (const v of state.value) names.set(v.id, v.name);
    return names;
  });

  constructor() {
    // search as the user types, a moment after they stop, from the first page
    this.typed
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.go({ q: q.trim(), page: 1 }));
  }

  protected type(text: string): void {
    this.typed.next(text);
  }

  protected filterVillage(value: string): void {
    this.go({ village: value ? Number(value) : null, page: 1 });
  }

  protected filterStatus(value: string): void {
    this.go({ status: (value || null) as AccountStatus | null, page: 1 });
  }

  protected go(change: Partial<AccountQuery>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromQuery({ ...this.query(), ...change }),
      replaceUrl: true,
    });
  }
}
