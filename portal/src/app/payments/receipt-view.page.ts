import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  Icon,
  ProblemAlert,
  fetchState,
  loadable,
  saveBlob,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { TenancyApi } from '../organisation/tenancy.api';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';
import { PaymentsApi } from './payments.api';
import { ReceiptCard } from './receipt-card';

/** One receipt as it prints, its PDF, and asking finance to void it. */
@Component({
  selector: 'prapa-receipt-view-page',
  imports: [Breadcrumb, LoadStatus, ReceiptCard, RouterLink, TranslatePipe, Icon, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './receipt-view.page.html',
})
export class ReceiptViewPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(PaymentsApi);
  private readonly tenancy = inject(TenancyApi);

  protected readonly receipt = fetchState(toObservable(this.id), (id) =>
    this.api.receipt(Number(id)),
  );
  protected readonly tenant = loadable(() => this.tenancy.tenant());
  protected readonly pdfBusy = signal(false);
  protected readonly asking = signal(false);
  protected readonly reason = signal('');
  protected readonly sending = signal(false);
  protected readonly asked = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected print(): void {
    window.print();
  }

  /** The A5 PDF, fetched with the user's token, in a new tab (a download if tabs are blocked). */
  protected openPdf(documentNumber: string): void {
    if (this.pdfBusy()) return;
    const tab = window.open('', '_blank');
    this.pdfBusy.set(true);
    this.problem.set(null);
    this.api.receiptPdf(Number(this.id())).subscribe({
      next: (blob) => {
        this.pdfBusy.set(false);
        if (tab) tab.location.href = URL.createObjectURL(blob);
        else saveBlob(blob, `${documentNumber}.pdf`);
      },
      error: (err: unknown) => {
        this.pdfBusy.set(false);
        tab?.close();
        this.problem.set(toProblemView(err));
      },
    });
  }

  protected askVoid(): void {
    const reason = this.reason().trim();
    if (!reason || this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    this.api.requestVoid(Number(this.id()), reason).subscribe({
      next: () => {
        this.sending.set(false);
        this.asking.set(false);
        this.asked.set(true);
      },
      error: (err: unknown) => {
        this.sending.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }
}
