import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  BahtPipe,
  BillingPeriodPipe,
  Pagination,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  loadable,
} from '@prapa/ui';
import { map } from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import {
  INVOICES_PER_PAGE,
  INVOICE_STATUSES,
  filtersFromParams,
  paramsFromFilters,
  queryFromFilters,
  type InvoiceFilters,
} from './invoice-filters';
import { InvoiceStatusBadge } from './invoice-status-badge';
import { InvoicesApi } from './invoices.api';

/** ใบแจ้งหนี้: every invoice, filtered by status, period, village or account. */
@Component({
  selector: 'prapa-invoice-list-page',
  imports: [
    TranslatePipe,
    RouterLink,
    Pagination,
    ProblemAlert,
    ThaiDatePipe,
    BahtPipe,
    BillingPeriodPipe,
    InvoiceStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoice-list.page.html',
})
export class InvoiceListPage {
  private readonly api = inject(InvoicesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly tenancy = inject(TenancyApi);

  protected readonly statuses = INVOICE_STATUSES;
  protected readonly perPage = INVOICES_PER_PAGE;
  protected readonly villages = loadable(() => this.tenancy.villages());
  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  protected readonly result = fetchState(this.route.queryParamMap, (params) =>
    this.api.list(queryFromFilters(filtersFromParams(params))),
  );

  /** The filters the URL sets that have no control of their own (an account, a billing run). */
  protected readonly chips = computed(() => {
    const f = this.filters();
    return [
      f.account !== null && {
        key: 'account',
        clear: { account: null },
        testId: 'account-filter',
        label: 'invoices.forAccount',
        params: {},
      },
      f.billingRun !== null && {
        key: 'billingRun',
        clear: { billingRun: null },
        testId: 'run-filter',
        label: 'billingRuns.runTitle',
        params: { period: f.period ?? `#${f.billingRun}` },
      },
    ].filter((c) => c !== false);
  });

  protected go(change: Partial<InvoiceFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), page: 1, ...change }),
      replaceUrl: true,
    });
  }

  protected pick(name: 'status' | 'period' | 'village', value: string): void {
    if (name === 'village') this.go({ village: value ? Number(value) : null });
    else if (name === 'period') this.go({ period: /^\d{4}-\d{2}$/.test(value) ? value : null });
    else this.go({ status: (value || null) as InvoiceFilters['status'] });
  }
}
