import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { bahtText, bankBarcodePayload } from '@prapa/domain';
import {
  BahtPipe,
  BillingPeriodPipe,
  Icon,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  saveBlob,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { InvoiceStatusBadge } from './invoice-status-badge';
import { InvoicesApi } from './invoices.api';
import { PaymentQr } from './payment-qr';
import { Breadcrumb } from '../shell/breadcrumb';
import { LoadStatus } from '../shell/load-status';
import { BillLines } from './bill-lines';

type PaperSize = 'A4' | 'A5';

/** One invoice: lines, arrears, the amount in Thai words, the payment codes, print. */
@Component({
  selector: 'prapa-invoice-view-page',
  imports: [
    BillLines,
    Breadcrumb,
    LoadStatus,
    TranslatePipe,
    RouterLink,
    Icon,
    ProblemAlert,
    ThaiDatePipe,
    BahtPipe,
    BillingPeriodPipe,
    InvoiceStatusBadge,
    PaymentQr,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invoice-view.page.html',
  styles: `
    .invoice-pdf {
      width: 100%;
      height: 80vh;
      border: 1px solid var(--bs-border-color);
      border-radius: var(--bs-border-radius);
    }
  `,
})
export class InvoiceViewPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(InvoicesApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly frame = viewChild<ElementRef<HTMLIFrameElement>>('pdfFrame');

  protected readonly invoice = fetchState(toObservable(this.id), (id) => this.api.get(Number(id)));
  protected readonly words = computed(() => {
    const s = this.invoice();
    return s.status === 'ok' ? bahtText(Math.max(0, s.value.amountDueSatang)) : '';
  });
  protected readonly barcode = computed(() => {
    const s = this.invoice();
    if (s.status !== 'ok') return '';
    const i = s.value;
    return bankBarcodePayload({
      billerId: i.billerId,
      ref1: i.ref1,
      ref2: i.ref2,
      amountSatang: Math.max(0, i.amountDueSatang),
    }).replaceAll('\r', ' ⏎ ');
  });
  protected readonly paper = signal<PaperSize>('A4');
  protected readonly pdf = signal<{ url: string; raw: string; size: PaperSize } | null>(null);
  protected readonly pdfUrl = computed<SafeResourceUrl | null>(() => {
    const p = this.pdf();
    return p ? this.sanitizer.bypassSecurityTrustResourceUrl(p.url) : null;
  });
  protected readonly printing = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);
  private blob: Blob | null = null;

  /** Fetches the PDF with the signed-in user's token and shows it, ready to print. */
  protected showPdf(): void {
    if (this.printing()) return;
    const size = this.paper();
    this.printing.set(true);
    this.problem.set(null);
    this.api.pdf(Number(this.id()), size).subscribe({
      next: (blob) => {
        this.printing.set(false);
        const old = this.pdf();
        if (old) URL.revokeObjectURL(old.raw);
        this.blob = blob;
        const raw = URL.createObjectURL(blob);
        this.pdf.set({ url: raw, raw, size });
      },
      error: (err: unknown) => {
        this.printing.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  protected printFrame(): void {
    this.frame()?.nativeElement.contentWindow?.print();
  }

  protected download(number: string): void {
    const p = this.pdf();
    if (this.blob && p) saveBlob(this.blob, `${number}-${p.size}.pdf`);
  }
}
