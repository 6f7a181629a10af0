/**
 * Slows password guessing: after `max` failed sign-ins for one user name from one
 * address within the window, further attempts get 429 until the window passes.
 * Successful sign-ins do not count (express-rate-limit's skipSuccessfulRequests).
 * The counts live in this process; behind several engine processes give the limiter
 * a shared store.
 */
import type { RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { TooManyRequestsError } from '../../http/errors.js';
import { normaliseUsername } from './auth.service.js';

export function loginLimiter(max: number, windowMinutes: number): RequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60_000,
    limit: max,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      // normalised as sign-in normalises it, or ' admin', 'Admin' … would each get a fresh allowance
      const username =
        typeof req.body?.username === 'string'
          ? normaliseUsername(req.body.username).slice(0, 64)
          : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${username}`;
    },
    handler: (_req, _res, next, options) => {
      next(
        new TooManyRequestsError(Math.ceil(options.windowMs / 1000), {
          th: `เข้าสู่ระบบผิดพลาดหลายครั้งเกินไป กรุณารอ ${windowMinutes} นาทีแล้วลองใหม่`,
          en: `Too many failed sign-ins. Please wait ${windowMinutes} minutes and try again.`,
        }),
      );
    },
  });
}
