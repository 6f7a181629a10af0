/**
 * Puts the caller into the request context: the user behind a Bearer token, their
 * tenant and roles. Routes then say who may call them (http/api-router.ts).
 */
import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../../http/errors.js';
import { runInContext } from '../../http/request-context.js';
import type { AuthService } from './auth.service.js';

const EXPIRED = {
  th: 'การเข้าสู่ระบบหมดอายุ กรุณาเข้าสู่ระบบใหม่',
  en: 'Your session has expired. Please sign in again.',
};

export function authenticate(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    const requestId = String(req.id ?? '');
    if (!header) return runInContext({ requestId }, () => next());
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match?.[1] ? await auth.resolveToken(match[1]) : null;
    if (!user) return next(new UnauthorizedError('invalid_token', EXPIRED));
    runInContext(
      {
        requestId,
        tenantId: user.tenantId,
        actor: { id: user.id, username: user.username, roles: user.roles, kind: user.kind },
      },
      () => next(),
    );
  };
}
