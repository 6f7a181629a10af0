import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** The studio's three places, across the top of its list pages. */
export const STUDIO_TABS = [
  { path: '/studio/processes', key: 'studio.tabs.processes', id: 'processes' },
  { path: '/studio/forms', key: 'studio.tabs.forms', id: 'forms' },
  { path: '/studio/instances', key: 'studio.tabs.instances', id: 'instances' },
] as const;

@Component({
  selector: 'prapa-studio-tabs',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="mb-3" [attr.aria-label]="'studio.area' | translate">
      <ul class="nav nav-underline flex-nowrap overflow-x-auto">
        @for (t of tabs; track t.id) {
          <li class="nav-item">
            <a
              class="nav-link text-nowrap"
              [routerLink]="t.path"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              [attr.data-tab]="t.id"
              >{{ t.key | translate }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
})
export class StudioTabs {
  protected readonly tabs = STUDIO_TABS;
}
