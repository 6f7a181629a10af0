import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  Icon,
  LanguageService,
  LanguageSwitch,
  PrapaLogo,
  RoleLabelPipe,
  tenantName,
} from '@prapa/ui';
import { filter } from 'rxjs';
import { navFor } from './nav';

/**
 * The signed-in portal: top bar (tenant, user, language, sign out), the role-aware menu
 * (an off-canvas panel below the `lg` breakpoint) and the page.
 */
@Component({
  selector: 'prapa-portal-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    Icon,
    LanguageSwitch,
    PrapaLogo,
    RoleLabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portal-shell.html',
  styleUrl: './portal-shell.scss',
  host: { '(document:keydown.escape)': 'menuOpen.set(false)' },
})
export class PortalShell {
  protected readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);

  protected readonly menuOpen = signal(false);
  protected readonly nav = computed(() => navFor(this.auth.user()?.roles ?? []));
  protected readonly tenant = computed(() => {
    const user = this.auth.user();
    return user ? tenantName(user.tenant, this.language.lang()) : '';
  });

  constructor() {
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.menuOpen.set(false));
  }
}
