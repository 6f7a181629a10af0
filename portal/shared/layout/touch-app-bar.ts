import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthService } from '../auth/auth.service';
import { tenantName } from '../auth/user';
import { LanguageService } from '../i18n/language.service';
import { PrapaLogo } from '../brand/prapa-logo';
import { Icon } from '../icons/icon';

/** The top bar of the phone-first apps (mobile, handheld): mark, title, tenant, sign out. */
@Component({
  selector: 'prapa-touch-app-bar',
  imports: [TranslatePipe, PrapaLogo, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="prapa-app-bar">
      <prapa-logo [size]="36" />
      <div class="prapa-app-bar__title">
        <div class="prapa-app-bar__app">{{ titleKey() | translate }}</div>
        @if (auth.user()) {
          <div class="prapa-app-bar__tenant">{{ tenant() }}</div>
        }
      </div>
      @if (auth.isLoggedIn()) {
        <button
          type="button"
          class="btn btn-outline-light prapa-app-bar__out"
          [attr.aria-label]="'common.signOut' | translate"
          [title]="'common.signOut' | translate"
          (click)="auth.signOut()"
        >
          <prapa-icon name="signOut" size="1.4em" />
        </button>
      }
    </header>
  `,
  styles: `
    .prapa-app-bar {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      padding: 0.6rem 0.75rem;
      padding-top: max(0.6rem, env(safe-area-inset-top));
      background: var(--prapa-navy);
      color: #fff;
    }
    .prapa-app-bar__title {
      flex: 1;
      min-width: 0;
      line-height: 1.3;
    }
    .prapa-app-bar__app {
      font-weight: 700;
      font-size: 1.05rem;
    }
    .prapa-app-bar__tenant {
      font-size: 0.8rem;
      color: #cfe3f0;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .prapa-app-bar__out {
      min-width: 3rem;
      min-height: 3rem;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      padding: 0;
    }
  `,
})
export class TouchAppBar {
  readonly titleKey = input.required<string>();
  protected readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  protected readonly tenant = computed(() => {
    const user = this.auth.user();
    return user ? tenantName(user.tenant, this.language.lang()) : '';
  });
}
