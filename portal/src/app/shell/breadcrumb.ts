import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** A step back up the trail: a translation key, or a text shown as it is. */
export interface Crumb {
  readonly link: string | readonly (string | number)[];
  readonly key?: string;
  readonly text?: string;
}

/**
 * Where a page sits: links back up the trail, then the page itself (projected).
 * `<prapa-breadcrumb [trail]="[{ link: '/registry', key: 'nav.registry' }]">WW1-00145</prapa-breadcrumb>`
 */
@Component({
  selector: 'prapa-breadcrumb',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="breadcrumb">
      <ol class="breadcrumb mb-2">
        @for (c of trail(); track $index) {
          <li class="breadcrumb-item">
            <a [routerLink]="c.link">{{ c.key ? (c.key | translate) : c.text }}</a>
          </li>
        }
        <li class="breadcrumb-item active" aria-current="page"><ng-content /></li>
      </ol>
    </nav>
  `,
})
export class Breadcrumb {
  readonly trail = input.required<readonly Crumb[]>();
}
