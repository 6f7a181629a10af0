import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * Page links under a list: first, last, and two either side of the current page.
 * `<prapa-pagination [page]="p" [total]="t" [limit]="20" (pageChange)="go($event)" />`
 */
@Component({
  selector: 'prapa-pagination',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pages().length > 1) {
      <nav [attr.aria-label]="'pagination.label' | translate">
        <ul class="pagination pagination-sm mb-0 flex-wrap">
          @for (p of pages(); track $index) {
            @if (p === null) {
              <li class="page-item disabled"><span class="page-link">…</span></li>
            } @else {
              <li class="page-item" [class.active]="p === page()">
                <button
                  type="button"
                  class="page-link"
                  [attr.aria-current]="p === page() ? 'page' : null"
                  (click)="pageChange.emit(p)"
                >
                  {{ p }}
                </button>
              </li>
            }
          }
        </ul>
      </nav>
    }
  `,
})
export class Pagination {
  readonly page = input.required<number>();
  readonly total = input.required<number>();
  readonly limit = input.required<number>();
  readonly pageChange = output<number>();
  protected readonly pages = computed(() => pageNumbers(this.page(), this.total(), this.limit()));
}

/** The page numbers to offer, with null for a gap ("…"). */
export function pageNumbers(page: number, total: number, limit: number): (number | null)[] {
  const last = Math.max(1, Math.ceil(total / limit));
  const wanted = new Set([1, last]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= last) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}
