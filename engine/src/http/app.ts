/**
 * Express assembly: request ids and logs, the API under /api/v1 (JSON bodies, caller
 * in context, declared routes, OpenAPI), the front ends, and the one error mapper.
 */
import { randomUUID } from 'node:crypto';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ApiRouter } from './api-router.js';
import { serveApps } from './apps.js';
import { problemHandler, sendProblem } from './problem.js';

export interface AppParts {
  log: Logger;
  api: ApiRouter;
  authenticate: RequestHandler;
  appsDir: string;
  trustProxy: boolean;
  version: string;
}

export function buildApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', parts.trustProxy);
  app.use(
    pinoHttp({
      logger: parts.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
  app.use(compression());

  let openapi: unknown;
  parts.api.router.get('/openapi.json', (_req, res) => {
    openapi ??= new OpenApiGeneratorV31(parts.api.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Prapa API',
        version: parts.version,
        description:
          'ประปา — water utility and citizen services for Thai local governments. Errors are RFC 9457 problem+json with Thai and English messages.',
      },
      servers: [{ url: '/' }],
    });
    res.json(openapi);
  });

  app.use(
    '/api/v1',
    express.json({ limit: '2mb' }),
    express.text({ type: ['application/xml', 'text/xml', 'application/bpmn+xml'], limit: '5mb' }),
    parts.authenticate,
    parts.api.router,
  );
  app.use('/api', (req, res) =>
    sendProblem(req, res, 404, 'no_such_route', {
      th: 'ไม่พบ API นี้',
      en: `No API route ${req.method} ${req.originalUrl}.`,
    }),
  );
  serveApps(app, parts.appsDir);
  app.use(problemHandler(parts.log));
  return app;
}
