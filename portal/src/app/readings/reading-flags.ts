import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { REVIEW_FLAGS, type ReadingFlag } from '@prapa/domain';

/** A reading's flags as badges: the ones that hold it for review in red, the others grey. */
@Component({
  selector: 'prapa-reading-flags',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'd-inline-flex flex-wrap gap-1' },
  template: `
    @for (flag of flags(); track flag) {
      <span
        class="badge"
        [class.text-bg-danger]="holds(flag)"
        [class.text-bg-info]="!holds(flag)"
        [attr.data-flag]="flag"
        >{{ 'readings.flags.' + flag | translate }}</span
      >
    }
  `,
})
export class ReadingFlags {
  readonly flags = input.required<readonly ReadingFlag[]>();

  protected holds(flag: ReadingFlag): boolean {
    return REVIEW_FLAGS.includes(flag);
  }
}
