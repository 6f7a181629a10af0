import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ProblemAlert, type LoadState } from '@prapa/ui';

/**
 * What a page shows while its data is on the way or when fetching it failed; nothing once
 * it is there. `<prapa-load-status [state]="state" /> @if (state.status === 'ok') { … }`
 */
@Component({
  selector: 'prapa-load-status',
  imports: [TranslatePipe, ProblemAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    @if (s.status === 'loading') {
      <div class="d-flex align-items-center gap-2 text-body-secondary py-4" role="status">
        <span class="spinner-border spinner-border-sm" aria-hidden="true"></span>
        {{ 'common.loading' | translate }}
      </div>
    } @else if (s.status === 'error') {
      <prapa-problem-alert [problem]="s.problem" />
    }
  `,
})
export class LoadStatus {
  readonly state = input.required<LoadState<unknown>>();
}
