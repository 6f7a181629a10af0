import { ChangeDetectionStrategy, Component, computed, input, signal, effect } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { thaiQrBillPayment } from '@prapa/domain';

type QrModule = typeof import('qrcode') & { default?: typeof import('qrcode') };

/**
 * The Thai QR bill-payment code (tag 30) of an invoice, drawn in the browser: any Thai bank
 * app pays it to the tenant's biller ID with ref1 (account) and ref2 (invoice number).
 * The `qrcode` package is loaded only when an invoice is shown.
 */
@Component({
  selector: 'prapa-payment-qr',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="text-center mb-0">
      @if (image(); as src) {
        <img
          [src]="src"
          width="200"
          height="200"
          [attr.alt]="'invoices.qrAlt' | translate"
          data-testid="invoice-qr"
          [attr.data-payload]="payload()"
        />
      } @else {
        <div class="d-inline-block bg-light" style="width: 200px; height: 200px"></div>
      }
      <figcaption class="small text-body-secondary mt-1">
        {{ 'invoices.qrCaption' | translate }}
      </figcaption>
    </figure>
  `,
})
export class PaymentQr {
  readonly billerId = input.required<string>();
  readonly ref1 = input.required<string>();
  readonly ref2 = input.required<string>();
  readonly amountSatang = input.required<number>();
  protected readonly payload = computed(() =>
    thaiQrBillPayment({
      billerId: this.billerId(),
      ref1: this.ref1(),
      ref2: this.ref2(),
      ...(this.amountSatang() > 0 ? { amountSatang: this.amountSatang() } : {}),
    }),
  );
  protected readonly image = signal<string | null>(null);

  constructor() {
    effect((onCleanup) => {
      const payload = this.payload();
      let current = true;
      onCleanup(() => (current = false));
      void import('qrcode').then(async (mod: QrModule) => {
        // a CommonJS package: its functions may sit on the default export
        const qr = mod.default ?? mod;
        const url = await qr.toDataURL(payload, {
          errorCorrectionLevel: 'M',
          margin: 1,
          width: 400,
        });
        if (current) this.image.set(url);
      });
    });
  }
}
