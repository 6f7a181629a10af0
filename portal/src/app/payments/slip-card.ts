import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { BahtPipe, ThaiDatePipe, type Account } from '@prapa/ui';
import { RegistryApi } from '../registry/registry.api';
import { PaymentsApi } from './payments.api';
import type { Slip } from './payments.types';

/** One slip to check: its picture (fetched with the token), who sent it, for what, and how much. */
@Component({
  selector: 'prapa-slip-card',
  imports: [TranslatePipe, BahtPipe, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = slip();
    <div class="row g-3">
      <div class="col-sm-4 col-lg-3">
        @if (image(); as src) {
          <a [href]="src" target="_blank" rel="noopener">
            <img
              class="slip-image"
              [src]="src"
              [alt]="'payments.slips.image' | translate"
              data-testid="slip-image"
            />
          </a>
        } @else {
          <div class="slip-image slip-image--empty">{{ 'common.loading' | translate }}</div>
        }
      </div>
      <div class="col-sm-8 col-lg-9">
        <dl class="prapa-facts mb-2">
          <dt>{{ 'payments.account.number' | translate }}</dt>
          <dd>
            @if (account(); as a) {
              <span class="prapa-num fw-semibold">{{ a.number }}</span>
              {{ a.waterUser?.name }}
            } @else {
              #{{ s.accountId }}
            }
          </dd>
          <dt>{{ 'payments.receipt.amount' | translate }}</dt>
          <dd class="prapa-num fw-semibold fs-5" data-testid="slip-amount">
            {{ s.amountSatang | baht: 'symbol' }}
          </dd>
          <dt>{{ 'payments.slips.bank' | translate }}</dt>
          <dd>
            {{ 'payments.bankName.' + s.sendingBank | translate }}
            <span class="text-body-secondary small">({{ s.sendingBank }})</span>
          </dd>
          <dt>{{ 'payments.slips.ref' | translate }}</dt>
          <dd class="prapa-num text-break" data-testid="slip-ref">{{ s.transactionRef }}</dd>
          <dt>{{ 'payments.slips.sent' | translate }}</dt>
          <dd>
            {{ s.submittedAt | thaiDate: 'datetime' }} ·
            {{ 'payments.slips.channel.' + s.channel | translate }} · {{ s.submittedBy }}
          </dd>
          <dt>{{ 'payments.slips.verification' | translate }}</dt>
          <dd data-testid="slip-verification">
            @if (s.verification; as v) {
              <span
                [class.text-success]="v.status === 'verified'"
                [class.text-danger]="v.status === 'not_found'"
                >{{ 'payments.slips.verified.' + v.status | translate }}</span
              >
              @if (v.amountSatang !== undefined) {
                · <span class="prapa-num">{{ v.amountSatang | baht }}</span>
              }
              @if (v.senderName) {
                · {{ v.senderName }}
              }
            } @else {
              <span class="text-body-secondary">{{ 'payments.slips.notChecked' | translate }}</span>
            }
          </dd>
        </dl>
        <ng-content />
      </div>
    </div>
  `,
  styles: `
    .slip-image {
      display: block;
      width: 100%;
      max-height: 22rem;
      object-fit: contain;
      background: var(--bs-tertiary-bg);
      border: 1px solid var(--bs-border-color);
      border-radius: var(--bs-border-radius);
    }
    .slip-image--empty {
      height: 12rem;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--bs-secondary-color);
    }
  `,
})
export class SlipCard implements OnInit {
  readonly slip = input.required<Slip>();
  readonly failed = output<unknown>();
  private readonly api = inject(PaymentsApi);
  private readonly registry = inject(RegistryApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly image = signal<string | null>(null);
  protected readonly account = signal<Account | null>(null);

  ngOnInit(): void {
    const s = this.slip();
    const image = this.api.slipImage(s.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        this.image.set(url);
        this.destroyRef.onDestroy(() => URL.revokeObjectURL(url));
      },
      error: (err: unknown) => this.failed.emit(err),
    });
    const account = this.registry.account(s.accountId).subscribe({
      next: (a) => this.account.set(a),
      error: () => undefined, // the id is shown instead
    });
    this.destroyRef.onDestroy(() => {
      image.unsubscribe();
      account.unsubscribe();
    });
  }
}
