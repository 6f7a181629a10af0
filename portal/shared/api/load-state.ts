import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';
import { toProblemView, type ProblemView } from './problem';

/** A value being fetched: loading, there, or failed with something to show. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly problem: ProblemView };

export interface Loadable<T> {
  readonly state: Signal<LoadState<T>>;
  reload(): void;
}

/**
 * Subscribes to `fetch()` now and on reload(), exposing the result as a signal; stops when the
 * component is destroyed. Call it in an injection context (a field initializer).
 */
export function loadable<T>(fetch: () => Observable<T>): Loadable<T> {
  const state = signal<LoadState<T>>({ status: 'loading' });
  let running: Subscription | undefined;
  const reload = () => {
    running?.unsubscribe();
    state.set({ status: 'loading' });
    running = fetch().subscribe({
      next: (value) => state.set({ status: 'ok', value }),
      error: (err: unknown) => state.set({ status: 'error', problem: toProblemView(err) }),
    });
  };
  inject(DestroyRef).onDestroy(() => running?.unsubscribe());
  reload();
  return { state: state.asReadonly(), reload };
}
