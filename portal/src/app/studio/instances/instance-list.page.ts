import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Pagination, ProblemAlert, ThaiDatePipe, fetchState, loadable } from '@prapa/ui';
import { StudioTabs } from '../forms/studio-tabs';
import { InstanceStatusBadge } from './instance-status-badge';
import { countRows } from './instance-progress';
import { InstancesApi, PAGE } from './instances.api';
import { INSTANCE_STATUSES, type InstanceStatus } from './instances.types';

/** งานที่กำลังดำเนินการ: instances per process version, filtered by process, version, status. */
@Component({
  selector: 'prapa-instance-list-page',
  imports: [
    RouterLink,
    TranslatePipe,
    ProblemAlert,
    ThaiDatePipe,
    Pagination,
    StudioTabs,
    InstanceStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './instance-list.page.html',
})
export class InstanceListPage {
  private readonly api = inject(InstancesApi);

  protected readonly statuses = INSTANCE_STATUSES;
  protected readonly page = PAGE;
  protected readonly processes = loadable(() => this.api.processes());
  protected readonly counts = loadable(() => this.api.counts());
  protected readonly rows = computed(() => {
    const s = this.counts.state();
    return s.status === 'ok' ? countRows(s.value) : [];
  });
  protected readonly names = computed(() => {
    const s = this.processes.state();
    return new Map(s.status === 'ok' ? s.value.map((p) => [p.key, p.name ?? p.key]) : []);
  });

  protected readonly processKey = signal<string | null>(null);
  protected readonly version = signal<number | null>(null);
  protected readonly status = signal<InstanceStatus | null>('running');
  protected readonly offset = signal(0);
  protected readonly versionsOf = computed(() => {
    const s = this.processes.state();
    const p = s.status === 'ok' ? s.value.find((x) => x.key === this.processKey()) : undefined;
    return p ? p.versions.map((v) => v.version) : [];
  });

  protected readonly result = fetchState(
    toObservable(
      computed(() => ({
        processKey: this.processKey(),
        version: this.version(),
        status: this.status(),
        offset: this.offset(),
      })),
    ),
    (q) => this.api.list(q),
  );

  protected pick(processKey: string | null, version: number | null, status: InstanceStatus | null) {
    this.processKey.set(processKey);
    this.version.set(version);
    this.status.set(status);
    this.offset.set(0);
  }

  protected pickProcess(key: string): void {
    this.pick(key || null, null, this.status());
  }

  protected pickVersion(v: string): void {
    this.pick(this.processKey(), v ? Number(v) : null, this.status());
  }

  protected pickStatus(s: string): void {
    this.pick(this.processKey(), this.version(), (s || null) as InstanceStatus | null);
  }
}
