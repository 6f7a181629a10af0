import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AccountActions,
  AuthService,
  LanguageService,
  TouchAppBar,
  WelcomeCard,
  tenantName,
} from '@prapa/ui';

/** The resident's home. Bills, payments and complaints will live here. */
@Component({
  selector: 'prapa-home-page',
  imports: [TranslatePipe, TouchAppBar, WelcomeCard, AccountActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <prapa-touch-app-bar titleKey="mobile.title" />
    @if (auth.user(); as user) {
      <main class="prapa-touch-page">
        <prapa-welcome-card [name]="user.displayName">
          {{ 'mobile.account' | translate: { tenant: tenant() } }}
        </prapa-welcome-card>
        <prapa-account-actions />
      </main>
    }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  protected readonly tenant = computed(() => {
    const user = this.auth.user();
    return user ? tenantName(user.tenant, this.language.lang()) : '';
  });
}
