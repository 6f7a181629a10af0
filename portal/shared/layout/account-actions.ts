import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthService } from '../auth/auth.service';
import { LanguageSwitch } from '../i18n/language-switch';
import { Icon } from '../icons/icon';

/** The language choice and a big sign-out button, for the phone-first apps' home. */
@Component({
  selector: 'prapa-account-actions',
  imports: [TranslatePipe, LanguageSwitch, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <div class="card-body d-flex align-items-center justify-content-between gap-3">
        <span class="fw-semibold">{{ 'common.language' | translate }}</span>
        <prapa-language-switch />
      </div>
    </section>
    <button
      type="button"
      class="btn btn-outline-primary btn-lg w-100 mt-3 d-inline-flex align-items-center justify-content-center gap-2"
      data-testid="sign-out"
      (click)="auth.signOut()"
    >
      <prapa-icon name="signOut" />
      {{ 'common.signOut' | translate }}
    </button>
  `,
  host: { class: 'd-block' },
})
export class AccountActions {
  protected readonly auth = inject(AuthService);
}
