import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { Role } from '@prapa/domain/common';
import { AuthService, hasAnyRole } from '@prapa/ui';

interface Tab {
  readonly path: string;
  readonly key: string;
  readonly roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'cashier', 'finance'];
const FINANCE: readonly Role[] = ['admin', 'finance'];

/** The payments area's pages, as the signed-in user may open them. */
export const PAYMENT_TABS: readonly Tab[] = [
  { path: 'counter', key: 'payments.counter.tab', roles: ALL },
  { path: 'sessions', key: 'payments.sessions.tab', roles: ALL },
  { path: 'receipts', key: 'payments.register.tab', roles: ALL },
  { path: 'voids', key: 'payments.voids.tab', roles: ALL },
  { path: 'slips', key: 'payments.slips.tab', roles: ALL },
  { path: 'bank-files', key: 'payments.bankFiles.tab', roles: FINANCE },
  { path: 'bank-lines', key: 'payments.bankLines.tab', roles: FINANCE },
];

/** The tabs across the top of every payments page. */
@Component({
  selector: 'prapa-payments-tabs',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="d-print-none mb-3" [attr.aria-label]="'payments.area' | translate">
      <ul class="nav nav-underline flex-nowrap overflow-x-auto">
        @for (t of tabs(); track t.path) {
          <li class="nav-item">
            <a
              class="nav-link text-nowrap"
              [routerLink]="['/payments', t.path]"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              [attr.data-tab]="t.path"
              >{{ t.key | translate }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
})
export class PaymentsTabs {
  private readonly auth = inject(AuthService);
  protected readonly tabs = computed(() =>
    PAYMENT_TABS.filter((t) => hasAnyRole(this.auth.user(), t.roles)),
  );
}
