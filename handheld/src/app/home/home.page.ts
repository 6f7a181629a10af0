import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  AccountActions,
  AuthService,
  Icon,
  RoleLabelPipe,
  ThaiDatePipe,
  TouchAppBar,
  WelcomeCard,
} from '@prapa/ui';

/** The meter reader's home. The day's route and readings will live here. */
@Component({
  selector: 'prapa-home-page',
  imports: [TouchAppBar, WelcomeCard, AccountActions, Icon, RoleLabelPipe, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <prapa-touch-app-bar titleKey="handheld.title" />
    @if (auth.user(); as user) {
      <main class="prapa-touch-page">
        <prapa-welcome-card [name]="user.displayName">
          <div>{{ user.roles | roleLabel }}</div>
          <div class="d-flex align-items-center gap-2 mt-1">
            <prapa-icon name="calendar" />
            {{ today | thaiDate: 'full' }}
          </div>
        </prapa-welcome-card>
        <prapa-account-actions />
      </main>
    }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthService);
  protected readonly today = new Date();
}
