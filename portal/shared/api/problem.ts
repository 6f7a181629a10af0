import type { Lang } from '@prapa/domain/common';

/** A message the engine sends in both languages. */
export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

/** One field at fault, as the engine reports it (`path` is dotted: `items.3.amount`). */
export interface FieldProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/** An RFC 9457 problem+json body as the engine sends it (engine/src/http/problem.ts). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly message: Bilingual;
  readonly errors?: readonly FieldProblem[];
  readonly requestId?: string;
}

/**
 * What the UI shows for a failed request: either the engine's own bilingual message or, when
 * the answer was not a problem (no network, a proxy's HTML page), one of ours by translation key.
 */
export interface ProblemView {
  readonly status: number;
  readonly code: string;
  readonly message: Bilingual | null;
  /** Translation key used when `message` is null. */
  readonly messageKey: string;
  readonly fields: readonly FieldProblem[];
  readonly requestId: string | null;
}

/** The parts of Angular's HttpErrorResponse this mapping reads (kept loose for tests). */
export interface ErrorLike {
  readonly status?: number;
  readonly error?: unknown;
}

/** Turns whatever a failed request threw into something the UI can show. */
export function toProblemView(err: unknown): ProblemView {
  const status = typeof (err as ErrorLike)?.status === 'number' ? (err as ErrorLike).status! : 0;
  const problem = asProblem((err as ErrorLike)?.error);
  if (problem) {
    return {
      status: problem.status || status,
      code: problem.code,
      message: problem.message,
      messageKey: fallbackKey(status),
      fields: (problem.errors ?? []).filter(isFieldProblem),
      requestId: problem.requestId || null,
    };
  }
  return {
    status,
    code: status === 0 ? 'network' : 'http_' + status,
    message: null,
    messageKey: fallbackKey(status),
    fields: [],
    requestId: null,
  };
}

/** The body as a problem, if it is one (Angular hands it over parsed, or as text). */
export function asProblem(body: unknown): Problem | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<Problem>;
  if (typeof candidate.code !== 'string' || !isBilingual(candidate.message)) return null;
  return candidate as Problem;
}

/** A bilingual message in the current language (Thai when English is missing). */
export function localize(message: Bilingual, lang: Lang): string {
  return (lang === 'en' ? message.en : message.th) || message.th || message.en;
}

/** The message for one field (`username`, or the last segment of `body.username`). */
export function fieldMessage(view: ProblemView | null, field: string, lang: Lang): string | null {
  const hit = view?.fields.find((f) => f.path === field || f.path.endsWith('.' + field));
  return hit ? localize(hit.message, lang) : null;
}

function fallbackKey(status: number): string {
  if (status === 0) return 'errors.network';
  if (status === 401) return 'errors.unauthorized';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 429) return 'errors.tooMany';
  if (status >= 500) return 'errors.server';
  return 'errors.unexpected';
}

function isBilingual(value: unknown): value is Bilingual {
  const m = value as Partial<Bilingual> | null;
  return !!m && typeof m === 'object' && typeof m.th === 'string' && typeof m.en === 'string';
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const f = value as Partial<FieldProblem> | null;
  return !!f && typeof f.path === 'string' && isBilingual(f.message);
}
