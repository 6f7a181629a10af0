import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  ProblemAlert,
  ThaiDatePipe,
  fetchState,
  hasAnyRole,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import { map, switchMap } from 'rxjs';
import { InstanceDiagram } from './instance-diagram';
import { dataRows, diagramMarks, showValue, visibleTimeline } from './instance-progress';
import { InstanceStatusBadge } from './instance-status-badge';
import { InstancesApi } from './instances.api';
import type { InstanceView } from './instances.types';

/**
 * One instance: the diagram of the version it runs on with where it is, the timeline (who,
 * when, what, the data submitted), its variables and staff tasks, and an incident with Retry.
 */
@Component({
  selector: 'prapa-instance-view-page',
  imports: [
    RouterLink,
    TranslatePipe,
    ProblemAlert,
    ThaiDatePipe,
    InstanceDiagram,
    InstanceStatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './instance-view.page.html',
  styles: `
    .legend-swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      border-radius: 0.2rem;
      border: 2px solid;
      vertical-align: -0.1rem;
      margin-inline-end: 0.3rem;
    }
    .timeline {
      list-style: none;
      padding-inline-start: 0;
      border-inline-start: 2px solid var(--bs-border-color);
      margin-inline-start: 0.4rem;
    }
    .timeline > li {
      position: relative;
      padding: 0 0 0.9rem 1rem;
    }
    .timeline > li::before {
      content: '';
      position: absolute;
      inset-inline-start: -0.4rem;
      top: 0.35rem;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--bs-secondary-bg);
      border: 2px solid var(--bs-secondary-color);
    }
    .timeline > li.is-failed::before {
      border-color: var(--bs-danger);
    }
    .timeline > li.is-done::before {
      border-color: var(--bs-success);
    }
    .var-table td:first-child {
      white-space: nowrap;
    }
    .var-table td:last-child {
      word-break: break-word;
    }
  `,
})
export class InstanceViewPage {
  private readonly api = inject(InstancesApi);
  private readonly auth = inject(AuthService);

  /** The instance id, from the route. */
  readonly id = input.required<string>();

  private readonly version = signal(0);
  /** The instance and its version's BPMN, fetched again after a retry. */
  protected readonly result = fetchState(
    toObservable(computed(() => ({ id: Number(this.id()), v: this.version() }))),
    ({ id }) => this.fetch(id),
  );
  protected readonly isAdmin = computed(() => hasAnyRole(this.auth.user(), ['admin']));
  protected readonly retrying = signal(false);
  protected readonly retried = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  protected readonly marks = diagramMarks;
  protected readonly timeline = visibleTimeline;
  protected readonly rows = dataRows;
  protected readonly show = showValue;

  protected variables(i: InstanceView): [string, string][] {
    return Object.entries(i.variables).map(([k, v]) => [k, showValue(v)]);
  }

  protected stepName(i: InstanceView, elementId: string): string {
    return (
      i.currentActivities.find((a) => a.elementId === elementId)?.name ??
      i.timeline.find((e) => e.elementId === elementId && e.elementName)?.elementName ??
      elementId
    );
  }

  protected retry(id: number): void {
    if (this.retrying()) return;
    this.retrying.set(true);
    this.problem.set(null);
    this.api.retry(id).subscribe({
      next: () => {
        this.retrying.set(false);
        this.retried.set(true);
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => {
        this.retrying.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  private fetch(id: number) {
    return this.api
      .instance(id)
      .pipe(
        switchMap((instance) =>
          this.api
            .processXml(instance.processKey, instance.version)
            .pipe(map((xml) => ({ instance, xml }))),
        ),
      );
  }
}
