/**
 * The one place errors become HTTP answers: RFC 9457 problem+json with
 * `message: {th, en}` and the fields at fault.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  AppError,
  OperationalError,
  TooManyRequestsError,
  type FieldError,
  type Message,
} from './errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  message: Message;
  errors?: FieldError[];
  requestId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: Message,
  errors?: FieldError[],
): void {
  const problem: Problem = {
    type: `https://prapa.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: message.en,
    instance: req.originalUrl,
    code,
    message,
    ...(errors?.length ? { errors } : {}),
    requestId: String(req.id ?? ''),
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(problem));
}

export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      log.error({ err, reqId: req.id }, 'error after the response started');
      res.end();
      return;
    }
    if (err instanceof AppError) {
      if (err instanceof TooManyRequestsError)
        res.setHeader('Retry-After', String(err.retryAfterSeconds));
      sendProblem(req, res, err.status, err.code, err.messages, err.errors);
      return;
    }
    const e = err as { type?: string; status?: number; expose?: boolean };
    if (e?.type === 'entity.parse.failed') {
      sendProblem(req, res, 400, 'malformed_body', {
        th: 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง',
        en: 'The request body is not valid JSON.',
      });
      return;
    }
    if (e?.type === 'entity.too.large') {
      sendProblem(req, res, 413, 'body_too_large', {
        th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป',
        en: 'The request body is too large.',
      });
      return;
    }
    if (err instanceof OperationalError) {
      log.warn({ err, reqId: req.id }, 'operational error');
      sendProblem(req, res, 503, 'unavailable', {
        th: 'ระบบที่เกี่ยวข้องไม่ตอบสนอง กรุณาลองใหม่ภายหลัง',
        en: 'A service we depend on did not answer. Please try again later.',
      });
      return;
    }
    log.error({ err, reqId: req.id, url: req.originalUrl }, 'unexpected error');
    sendProblem(req, res, 500, 'internal', {
      th: 'เกิดข้อผิดพลาดในระบบ กรุณาแจ้งผู้ดูแลระบบพร้อมรหัสคำขอ',
      en: 'Something went wrong on our side. Please tell the administrator the request id.',
    });
  };
}
