import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import type { LoadState } from './load-state';
import { toProblemView } from './problem';

/**
 * Fetches again whenever `source` emits (route parameters, a search), dropping the answer
 * to an older request, and exposes the latest as a LoadState signal. Call it in an
 * injection context (a field initializer).
 */
export function fetchState<S, T>(
  source: Observable<S>,
  fetch: (value: S) => Observable<T>,
): Signal<LoadState<T>> {
  return toSignal(
    source.pipe(
      switchMap((value) =>
        fetch(value).pipe(
          map((v): LoadState<T> => ({ status: 'ok', value: v })),
          catchError((err: unknown) =>
            of<LoadState<T>>({ status: 'error', problem: toProblemView(err) }),
          ),
          startWith<LoadState<T>>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<T> },
  );
}
