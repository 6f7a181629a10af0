import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

const TONES: Readonly<Record<string, string>> = {
  open: 'text-bg-success',
  closed: 'text-bg-warning',
  approved: 'text-bg-secondary',
  pending: 'text-bg-warning',
  rejected: 'text-bg-light border',
  valid: 'text-bg-success',
  void: 'text-bg-danger',
  accepted: 'text-bg-success',
  matched: 'text-bg-success',
  unmatched: 'text-bg-warning',
  resolved: 'text-bg-info',
  dismissed: 'text-bg-secondary',
};

/** A status of the payments area as a badge (`payments.status.<status>`). */
@Component({
  selector: 'prapa-pay-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge {{ tone() }}" [attr.data-status]="status()">{{
    'payments.status.' + status() | translate
  }}</span>`,
})
export class PayStatusBadge {
  readonly status = input.required<string>();
  protected readonly tone = computed(() => TONES[this.status()] ?? 'text-bg-light');
}
