import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  Icon,
  LanguageService,
  ProblemAlert,
  RoleLabelPipe,
  ThaiDatePipe,
  fetchState,
  toProblemView,
  type ProblemView,
} from '@prapa/ui';
import {
  BehaviorSubject,
  catchError,
  combineLatest,
  forkJoin,
  map,
  switchMap,
  type Observable,
} from 'rxjs';
import { dueState } from './inbox-filters';
import { contextRows } from './task-context';
import { TaskForm } from './task-form';
import { TasksApi } from './tasks.api';
import type { InstanceContext, TaskDetail, TaskItem } from './tasks.types';

/** History events with a label of their own (others show their name). */
const EVENTS = [
  'instance.started',
  'waiting',
  'started',
  'ended',
  'task.completed',
  'message.received',
  'failed',
  'incident.retried',
];

/**
 * One task: its pinned Form.io form beside the process context (business key, process and
 * version, the applicant and account, the history). Completing sends the form's data to
 * the engine; a 422 puts each error under its field; a completed task opens the next one.
 */
@Component({
  selector: 'prapa-task-page',
  imports: [TranslatePipe, RouterLink, Icon, ProblemAlert, RoleLabelPipe, ThaiDatePipe, TaskForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task.page.html',
})
export class TaskPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(TasksApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  private readonly form = viewChild(TaskForm);

  private readonly reloads = new BehaviorSubject<void>(undefined);
  protected readonly state = fetchState(
    combineLatest([toObservable(this.id), this.reloads]),
    ([id]) => this.read(Number(id)),
  );
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly busy = signal(false);
  /** The task just completed (shown above the next one), from the router's state. */
  protected readonly done = signal<string | null>(
    (this.router.getCurrentNavigation()?.extras.state?.['completed'] as string | undefined) ?? null,
  );
  protected readonly username = computed(() => this.auth.user()?.username);
  protected readonly now = new Date();

  private read(
    id: number,
  ): Observable<{ task: TaskDetail; instance: InstanceContext; processName: string }> {
    return this.api.get(id).pipe(
      switchMap((task) =>
        forkJoin({
          task: [task],
          instance: this.api.instance(task.instanceId),
          processName: this.api.processes().pipe(
            map((all) => all.find((p) => p.key === task.processKey)?.name ?? task.processKey),
            catchError(() => [task.processKey]),
          ),
        }),
      ),
    );
  }

  protected rows(instance: InstanceContext) {
    return contextRows(instance.variables);
  }

  protected eventKey(event: string): string | null {
    return EVENTS.includes(event) ? 'tasks.event.' + event : null;
  }

  protected due(t: TaskItem) {
    return dueState(t, this.now);
  }

  protected mayWork(t: TaskDetail): boolean {
    const me = this.username();
    return t.status === 'open' && (t.assignee === null || t.assignee === me);
  }

  protected claim(t: TaskDetail): void {
    this.busy.set(true);
    this.api.claim(t.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.reloads.next();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblemView(err));
      },
    });
  }

  /** Sends the form to the engine; on success opens my next task (this instance's first). */
  protected complete(t: TaskDetail): void {
    const form = this.form();
    const data = form ? form.data() : {};
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .complete(t.id, data)
      .pipe(
        switchMap((done) =>
          done.next.length
            ? [done.next[0]!.id]
            : this.api
                .list({ scope: 'all', limit: 1, offset: 0 })
                .pipe(map((p) => p.items[0]?.id ?? null)),
        ),
      )
      .subscribe({
        next: (nextId) => {
          this.busy.set(false);
          const state = { completed: t.name ?? t.elementId };
          this.done.set(state.completed);
          void this.router.navigate(nextId ? ['/tasks', nextId] : ['/tasks'], { state });
        },
        error: (err: unknown) => {
          this.busy.set(false);
          const view = toProblemView(err);
          // errors shown on their fields are not listed again under the form
          const left = form
            ? form.showServerErrors(view.fields, this.language.lang())
            : view.fields;
          this.problem.set({ ...view, fields: left });
        },
      });
  }
}
