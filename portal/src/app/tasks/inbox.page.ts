import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AuthService,
  Icon,
  Pagination,
  ProblemAlert,
  RoleLabelPipe,
  ThaiDatePipe,
  loadable,
  toProblemView,
  type LoadState,
  type ProblemView,
} from '@prapa/ui';
import {
  catchError,
  combineLatest,
  debounceTime,
  forkJoin,
  map,
  merge,
  of,
  retry,
  startWith,
  Subject,
  switchMap,
  timer,
  type Observable,
} from 'rxjs';
import { TenancyApi } from '../organisation/tenancy.api';
import {
  SCOPES,
  TASKS_PER_PAGE,
  dueState,
  filtersFromParams,
  paramsFromFilters,
  queryFromFilters,
  villageOf,
  type InboxFilters,
} from './inbox-filters';
import { TasksApi } from './tasks.api';
import type { TaskItem, TaskPage } from './tasks.types';

/** How long the inbox waits before reconnecting a broken event stream. */
const RECONNECT_MS = 3000;
/** Roles that may hand a task to someone else. */
const ASSIGNERS = ['admin', 'chief_administrator'];

/**
 * งานของฉัน: my tasks and my roles' unclaimed ones, filtered by process, business key,
 * village and overdue; claim, release and (administrators, chiefs) assign. The list is read
 * again whenever the task events stream says something changed.
 */
@Component({
  selector: 'prapa-task-inbox-page',
  imports: [TranslatePipe, RouterLink, Icon, Pagination, ProblemAlert, RoleLabelPipe, ThaiDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox.page.html',
})
export class InboxPage {
  private readonly api = inject(TasksApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly tenancy = inject(TenancyApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly scopes = SCOPES;
  protected readonly perPage = TASKS_PER_PAGE;
  protected readonly now = signal(new Date());
  protected readonly username = computed(() => this.auth.user()?.username);
  protected readonly canAssign = computed(() =>
    (this.auth.user()?.roles ?? []).some((r) => ASSIGNERS.includes(r)),
  );
  protected readonly villages = loadable(() => this.tenancy.villages());
  protected readonly processes = loadable(() => this.api.processes());
  protected readonly processNames = computed(() => {
    const p = this.processes.state();
    return new Map(p.status === 'ok' ? p.value.map((x) => [x.key, x.name ?? x.key]) : []);
  });
  /** Usernames to offer when assigning (administrators may list users; others type one). */
  protected readonly people = loadable(() =>
    this.auth.user()?.roles.includes('admin') ? this.api.users() : of([]),
  );

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  /** Whether the live stream is connected. */
  protected readonly live = signal(false);
  /** The last action's failure, and the task whose assign form is open. */
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly assigning = signal<number | null>(null);
  protected readonly busy = signal<number | null>(null);

  private readonly changed = new Subject<void>();
  /** The list, kept on screen while it is read again after a change. */
  protected readonly result = toSignal(
    combineLatest([
      toObservable(this.filters),
      merge(this.changed.pipe(debounceTime(200)), this.liveChanges()).pipe(startWith(null)),
    ]).pipe(
      switchMap(([f]) =>
        this.load(f).pipe(
          map((v): LoadState<TaskPage> => ({ status: 'ok', value: v })),
          catchError((err: unknown) =>
            of<LoadState<TaskPage>>({ status: 'error', problem: toProblemView(err) }),
          ),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<TaskPage> },
  );

  constructor() {
    const tick = setInterval(() => this.now.set(new Date()), 60_000);
    this.destroyRef.onDestroy(() => clearInterval(tick));
  }

  /** Every change the stream reports, and each (re)connection, asks for the list again. */
  private liveChanges(): Observable<unknown> {
    return this.api.events().pipe(
      map((e) => {
        this.live.set(true);
        return e;
      }),
      retry({
        delay: () => {
          this.live.set(false);
          return timer(RECONNECT_MS);
        },
      }),
      debounceTime(150),
      takeUntilDestroyed(this.destroyRef),
    );
  }

  private load(f: InboxFilters): Observable<TaskPage> {
    const page = this.api.list(queryFromFilters(f));
    if (f.village === null) return page;
    // the village is in each instance's variables: read those of the listed instances
    return page.pipe(
      switchMap((p) => {
        const ids = [...new Set(p.items.map((t) => t.instanceId))].slice(0, 50);
        if (!ids.length) return of({ total: 0, items: [] });
        return forkJoin(
          ids.map((id) =>
            this.api.instance(id).pipe(
              map((i) => [id, villageOf(i.variables)] as const),
              catchError(() => of([id, null] as const)),
            ),
          ),
        ).pipe(
          map((pairs) => {
            const village = new Map(pairs);
            const items = p.items.filter((t) => village.get(t.instanceId) === f.village);
            return { total: items.length, items };
          }),
        );
      }),
    );
  }

  protected due(t: TaskItem) {
    return dueState(t, this.now());
  }

  protected go(change: Partial<InboxFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), page: 1, ...change }),
      replaceUrl: true,
    });
  }

  protected pickVillage(value: string): void {
    this.go({ village: value ? Number(value) : null });
  }

  protected claim(t: TaskItem): void {
    this.act(t, this.api.claim(t.id));
  }

  protected unclaim(t: TaskItem): void {
    this.act(t, this.api.unclaim(t.id));
  }

  protected assign(t: TaskItem, username: string): void {
    if (!username.trim()) return;
    this.act(t, this.api.assign(t.id, username.trim()), () => this.assigning.set(null));
  }

  /** Usernames that may take the task: members of its candidate groups. */
  protected candidates(t: TaskItem): string[] {
    const p = this.people.state();
    if (p.status !== 'ok') return [];
    return p.value
      .filter((u) => u.roles.some((r) => (t.candidateGroups as readonly string[]).includes(r)))
      .map((u) => u.username);
  }

  private act(t: TaskItem, call: Observable<unknown>, done?: () => void): void {
    this.busy.set(t.id);
    this.problem.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(null);
        done?.();
        this.changed.next();
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblemView(err));
        this.changed.next();
      },
    });
  }
}
