import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { InstanceStatus } from './instances.types';

const TONE: Record<InstanceStatus, string> = {
  running: 'text-bg-primary',
  completed: 'text-bg-success',
  incident: 'text-bg-danger',
  terminated: 'text-bg-secondary',
};

@Component({
  selector: 'prapa-instance-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="tone()" [attr.data-status]="status()">{{
    'instances.status.' + status() | translate
  }}</span>`,
})
export class InstanceStatusBadge {
  readonly status = input.required<InstanceStatus>();
  protected readonly tone = computed(() => 'badge ' + TONE[this.status()]);
}
