import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { BahtPipe, ThaiDatePipe, fetchState } from '@prapa/ui';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';
import { PaymentsApi } from './payments.api';

/** Lines a page. */
const PAGE = 200;

/**
 * รายการในไฟล์ธนาคาร: an imported file's lines as the bank sent them, read again from the
 * kept file, each with what became of it — the receipt it was paid by, the exception it is,
 * or the earlier line it repeats.
 */
@Component({
  selector: 'prapa-bank-file-lines-page',
  imports: [Breadcrumb, LoadStatus, RouterLink, TranslatePipe, BahtPipe, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank-file-lines.page.html',
})
export class BankFileLinesPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(PaymentsApi);

  protected readonly offset = signal(0);
  protected readonly page = PAGE;
  protected readonly lines = fetchState(
    toObservable(computed(() => ({ id: Number(this.id()), offset: this.offset() }))),
    ({ id, offset }) => this.api.bankFileLines(id, offset, PAGE),
  );
  /** "lines 1–200 of 1,234" */
  protected readonly range = computed(() => {
    const l = this.lines();
    if (l.status !== 'ok') return null;
    const from = this.offset() + 1;
    return { from, to: this.offset() + l.value.items.length, total: l.value.total };
  });

  protected move(by: number): void {
    this.offset.update((o) => Math.max(0, o + by * PAGE));
  }
}
