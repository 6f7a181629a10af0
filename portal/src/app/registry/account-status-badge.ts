import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { AccountStatus } from '@prapa/ui';

const TONES: Record<AccountStatus, string> = {
  pending: 'text-bg-warning',
  active: 'text-bg-success',
  suspended: 'text-bg-secondary',
  disconnected: 'text-bg-danger',
  closed: 'text-bg-light border',
};

/** An account's status as a coloured badge: ใช้งาน, รอติดตั้ง, งดจ่ายน้ำ … */
@Component({
  selector: 'prapa-account-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge {{ tone() }}" [attr.data-status]="status()">{{
    'registry.status.' + status() | translate
  }}</span>`,
})
export class AccountStatusBadge {
  readonly status = input.required<AccountStatus>();
  protected readonly tone = computed(() => TONES[this.status()] ?? 'text-bg-light');
}
