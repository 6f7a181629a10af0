/**
 * Logging: one pino root logger per engine; modules take a scoped child,
 * `log.scoped('billing')`, so every line says where it came from.
 */
import { pino, type Logger as PinoLogger } from 'pino';

export interface Log {
  readonly pino: PinoLogger;
  scoped(scope: string): PinoLogger;
}

export function createLog(level: string): Log {
  const root = pino({
    level,
    base: { app: 'prapa' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'password'],
  });
  return { pino: root, scoped: (scope) => root.child({ scope }) };
}
