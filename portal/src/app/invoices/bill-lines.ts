import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { BillLine } from '@prapa/domain';
import { BahtPipe, LanguageService, RatePipe, localize } from '@prapa/ui';

/**
 * A bill's itemised lines (water per block, minimum, fees, levies, VAT, rounding) as a table;
 * the totals under it are the caller's, projected as a `<tfoot>`.
 */
@Component({
  selector: 'prapa-bill-lines',
  imports: [TranslatePipe, BahtPipe, RatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'd-block table-responsive' },
  template: `
    <table class="table align-middle mb-0" [class.table-sm]="compact()">
      <thead>
        <tr>
          <th scope="col">{{ 'tariffs.item' | translate }}</th>
          <th scope="col" class="text-end">{{ 'tariffs.quantity' | translate }}</th>
          <th scope="col" class="text-end">{{ 'tariffs.unitPrice' | translate }}</th>
          <th scope="col" class="text-end">{{ 'tariffs.amount' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (line of lines(); track $index) {
          <tr [attr.data-code]="line.code">
            <td>{{ text(line.label) }}</td>
            <td class="text-end prapa-num">{{ line.quantityM3 ?? '' }}</td>
            <td class="text-end prapa-num">
              {{ line.unitPriceSatang !== undefined ? (line.unitPriceSatang | rate) : '' }}
            </td>
            <td class="text-end prapa-num">{{ line.amountSatang | baht }}</td>
          </tr>
        }
      </tbody>
      <ng-content />
    </table>
  `,
})
export class BillLines {
  readonly lines = input.required<readonly BillLine[]>();
  readonly compact = input(false);
  private readonly language = inject(LanguageService);

  protected text(t: { th: string; en: string }): string {
    return localize(t, this.language.lang());
  }
}
