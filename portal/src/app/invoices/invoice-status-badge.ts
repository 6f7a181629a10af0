import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { InvoiceStatus } from '@prapa/ui';

/** An invoice's status as a badge: ค้างชำระ, ชำระแล้ว, ยกเลิก. */
@Component({
  selector: 'prapa-invoice-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge {{ tone() }}" [attr.data-status]="status()">{{
    'invoices.status.' + status() | translate
  }}</span>`,
})
export class InvoiceStatusBadge {
  readonly status = input.required<InvoiceStatus>();
  protected readonly tone = computed(
    () =>
      ({ open: 'text-bg-warning', paid: 'text-bg-success', void: 'text-bg-secondary' })[
        this.status()
      ] ?? 'text-bg-light',
  );
}
