/**
 * Prapa's error taxonomy. Services throw these; one middleware (problem.ts) turns them
 * into RFC 9457 problem+json with a Thai and an English message.
 *
 * - AppError subclasses are expected: the user (or client) can act on them (4xx).
 * - OperationalError: the outside world failed (a bank stub timed out); retried, logged, 503.
 * - anything else is unexpected: 500, logged with context, never shown raw.
 */

export interface Message {
  th: string;
  en: string;
}

/** One field at fault: a JSON path into the request (`items.3.amount`) and, for files, the line. */
export interface FieldError {
  path: string;
  message: Message;
  line?: number;
  code?: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly messages: Message;
  readonly errors: FieldError[];

  constructor(code: string, messages: Message, errors: FieldError[] = []) {
    super(messages.en);
    this.code = code;
    this.messages = messages;
    this.errors = errors;
  }
}

/** The request is well-formed but wrong: validation, a business rule (422 unless told). */
export class UserError extends AppError {
  readonly status: number;
  constructor(code: string, messages: Message, errors: FieldError[] = [], status = 422) {
    super(code, messages, errors);
    this.status = status;
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  constructor(
    code = 'unauthenticated',
    messages: Message = { th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in.' },
  ) {
    super(code, messages);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(
    code = 'forbidden',
    messages: Message = {
      th: 'คุณไม่มีสิทธิ์ทำรายการนี้',
      en: 'You are not allowed to do this.',
    },
  ) {
    super(code, messages);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what: Message = { th: 'รายการ', en: 'Item' }) {
    super('not_found', { th: `ไม่พบ${what.th}`, en: `${what.en} not found.` });
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    messages: Message = {
      th: 'ทำรายการบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่',
      en: 'Too many attempts. Please wait and try again.',
    },
  ) {
    super('too_many_requests', messages);
  }
}

/** The outside world failed; the operation may succeed later. */
export class OperationalError extends Error {
  readonly status = 503;
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}
