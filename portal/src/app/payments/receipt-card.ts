import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { bahtText } from '@prapa/domain';
import { BahtPipe, BillingPeriodPipe, ThaiDatePipe, type TenantProfile } from '@prapa/ui';
import type { Receipt } from './payments.types';

/**
 * ใบเสร็จรับเงิน as printed: the organisation, เล่มที่/เลขที่, the date in BE, who paid,
 * what for, the total in figures and Thai words, how it was paid and who received it; a
 * void receipt is marked ยกเลิก across. When the page prints, only this card does.
 */
@Component({
  selector: 'prapa-receipt-card',
  imports: [TranslatePipe, BahtPipe, ThaiDatePipe, BillingPeriodPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // not encapsulated: the print rule hides the rest of the page while this card is shown
  encapsulation: ViewEncapsulation.None,
  template: `
    @let r = receipt();
    <article class="receipt-print" data-testid="receipt-card" [class.receipt-void]="isVoid()">
      @if (isVoid()) {
        <div class="receipt-void-mark" data-testid="void-mark" aria-hidden="true">ยกเลิก</div>
      }
      <header class="text-center mb-3">
        <div class="fw-bold fs-5">{{ tenant()?.name }}</div>
        @if (tenant(); as t) {
          <div class="small">{{ t.address }}</div>
          <div class="small">
            {{ 'payments.receipt.taxId' | translate }} <span class="prapa-num">{{ t.taxId }}</span>
            @if (t.phone) {
              · {{ 'payments.receipt.phone' | translate }} {{ t.phone }}
            }
          </div>
        }
        <h2 class="h4 mt-2 mb-0">{{ 'payments.receipt.title' | translate }}</h2>
      </header>

      <div class="d-flex flex-wrap justify-content-between gap-2 mb-2">
        <div>
          <span class="text-body-secondary">{{ 'payments.receipt.book' | translate }}</span>
          <span class="prapa-num fw-semibold ms-1" data-testid="receipt-book">{{ r.book }}</span>
          <span class="text-body-secondary ms-2">{{ 'payments.receipt.number' | translate }}</span>
          <span class="prapa-num fw-semibold ms-1" data-testid="receipt-number">{{
            r.number
          }}</span>
        </div>
        <div class="small text-body-secondary">
          {{ 'payments.receipt.documentNumber' | translate }}
          <span class="prapa-num" data-testid="receipt-document">{{ r.documentNumber }}</span>
        </div>
      </div>
      <dl class="receipt-facts mb-3">
        <dt>{{ 'payments.receipt.date' | translate }}</dt>
        <dd data-testid="receipt-date">{{ r.issuedAt | thaiDate: 'long' }}</dd>
        <dt>{{ 'payments.receipt.payer' | translate }}</dt>
        <dd>
          <span class="fw-semibold">{{ r.payerName }}</span>
          <span class="d-block small text-body-secondary">
            {{ 'payments.account.number' | translate }}
            <span class="prapa-num">{{ r.accountNumber }}</span>
          </span>
        </dd>
      </dl>

      <table class="table table-sm receipt-items mb-2">
        <thead>
          <tr>
            <th scope="col">{{ 'payments.receipt.item' | translate }}</th>
            <th scope="col">{{ 'payments.period' | translate }}</th>
            <th scope="col" class="text-end">{{ 'payments.receipt.amount' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (item of r.items; track $index) {
            <tr>
              <td>
                {{ 'payments.itemKind.' + item.kind | translate }}
                @if (item.invoiceNumber) {
                  <span class="small text-body-secondary prapa-num">{{ item.invoiceNumber }}</span>
                }
              </td>
              <td>{{ item.period ? (item.period | billingPeriod) : '-' }}</td>
              <td class="text-end prapa-num">{{ item.amountSatang | baht }}</td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr class="fw-bold">
            <th scope="row" colspan="2">{{ 'payments.receipt.total' | translate }}</th>
            <td class="text-end prapa-num" data-testid="receipt-total">
              {{ r.amountSatang | baht }}
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="text-end fst-italic mb-3" data-testid="receipt-words">({{ words() }})</p>

      <div class="d-flex flex-wrap justify-content-between align-items-end gap-3">
        <div>
          {{ 'payments.receipt.paidBy' | translate }}
          <span class="fw-semibold" data-testid="receipt-method">{{
            'payments.method.' + r.method | translate
          }}</span>
        </div>
        <div class="text-center receipt-sign">
          <div class="receipt-sign__line"></div>
          <div>({{ r.issuedByName }})</div>
          <div class="small text-body-secondary">{{ 'payments.receipt.receiver' | translate }}</div>
        </div>
      </div>

      @if (isVoid()) {
        <p class="mt-3 mb-0 text-danger small">
          {{ 'payments.receipt.voidedAt' | translate }} {{ r.voidedAt | thaiDate: 'datetime' }} ·
          {{ r.voidReason }}
        </p>
      }
    </article>
  `,
  styles: `
    .receipt-print {
      position: relative;
      max-width: 148mm;
      min-height: 180mm;
      margin: 0 auto;
      padding: 10mm 9mm;
      background: #fff;
      color: #212529;
      border: 1px solid var(--bs-border-color);
      border-radius: var(--bs-border-radius);
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 8%);
      overflow: hidden;
    }
    .receipt-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .receipt-facts dd {
      margin: 0;
    }
    .receipt-sign {
      min-width: 45%;
    }
    .receipt-sign__line {
      border-bottom: 1px dotted #6c757d;
      height: 2.5rem;
      margin-bottom: 0.25rem;
    }
    .receipt-void-mark {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 7rem;
      font-weight: 700;
      color: rgb(220 53 69 / 28%);
      transform: rotate(-28deg);
      pointer-events: none;
      z-index: 1;
    }
    @media print {
      @page {
        size: A5;
        margin: 8mm;
      }
      body:has(.receipt-print) * {
        visibility: hidden;
      }
      body:has(.receipt-print) .receipt-print,
      body:has(.receipt-print) .receipt-print * {
        visibility: visible;
      }
      body:has(.receipt-print) .receipt-print {
        position: absolute;
        inset: 0 auto auto 0;
        width: 100%;
        max-width: none;
        border: 0;
        box-shadow: none;
      }
    }
  `,
})
export class ReceiptCard {
  readonly receipt = input.required<Receipt>();
  readonly tenant = input<TenantProfile | null>(null);
  protected readonly isVoid = computed(() => this.receipt().status === 'void');
  protected readonly words = computed(() => bahtText(this.receipt().amountSatang));
}
