import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { Icon, fetchState, type AccountSummary } from '@prapa/ui';
import { debounceTime, distinctUntilChanged, map, of } from 'rxjs';
import { EMPTY_QUERY } from '../registry/account-query';
import { RegistryApi } from '../registry/registry.api';

/**
 * Finds a water user's account with the registry's search (name, account number, house,
 * meter or phone) and hands the chosen one to the page.
 */
@Component({
  selector: 'prapa-account-picker',
  imports: [TranslatePipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="form-label" [for]="inputId()">{{ 'payments.account.search' | translate }}</label>
    <div class="input-group">
      <span class="input-group-text"><prapa-icon name="search" /></span>
      <input
        [id]="inputId()"
        type="search"
        class="form-control"
        autocomplete="off"
        data-testid="account-search"
        [placeholder]="'payments.account.hint' | translate"
        [value]="q()"
        (input)="q.set($any($event.target).value)"
      />
    </div>
    @if (q().trim().length >= 2) {
      @let r = results();
      <div class="list-group mt-2 payments-picker" data-testid="account-results">
        @if (r.status === 'loading') {
          <div class="list-group-item text-body-secondary">{{ 'common.loading' | translate }}</div>
        } @else if (r.status === 'ok') {
          @for (a of r.value; track a.id) {
            <button
              type="button"
              class="list-group-item list-group-item-action d-flex gap-2"
              [attr.data-account]="a.number"
              (click)="choose(a)"
            >
              <span class="prapa-num fw-semibold">{{ a.number }}</span>
              <span class="flex-grow-1">{{ a.waterUser.name }}</span>
              @if (a.houseNo) {
                <span class="text-body-secondary small">{{ a.houseNo }}</span>
              }
            </button>
          } @empty {
            <div class="list-group-item text-body-secondary">
              {{ 'payments.account.none' | translate }}
            </div>
          }
        }
      </div>
    }
  `,
  styles: `
    .payments-picker {
      max-height: 16rem;
      overflow-y: auto;
    }
  `,
})
export class AccountPicker {
  readonly inputId = input('pay-account');
  readonly picked = output<AccountSummary>();
  private readonly registry = inject(RegistryApi);

  protected readonly q = signal('');
  protected readonly results = fetchState(
    toObservable(this.q).pipe(
      map((q) => q.trim()),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    (q) =>
      q.length < 2
        ? of([] as readonly AccountSummary[])
        : this.registry.search({ ...EMPTY_QUERY, q, limit: 8 }).pipe(map((p) => p.items)),
  );

  protected choose(account: AccountSummary): void {
    this.q.set('');
    this.picked.emit(account);
  }
}
