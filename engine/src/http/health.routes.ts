import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import type { ApiRouter } from './api-router.js';
import { OperationalError } from './errors.js';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'mysql']),
    version: z.string(),
    uptimeSeconds: z.number().int(),
    time: z.string(),
  })
  .openapi('Health');

export function healthRoutes(
  api: ApiRouter,
  sequelize: Sequelize,
  dialect: 'sqlite' | 'mysql',
  version: string,
): void {
  const started = Date.now();
  api.route(
    {
      method: 'get',
      path: '/health',
      summary: 'Is the engine up and its database reachable?',
      tag: 'system',
      access: 'public',
      response: healthSchema,
    },
    async () => {
      try {
        await sequelize.query('SELECT 1');
      } catch (e) {
        throw new OperationalError('database unreachable', e);
      }
      return {
        status: 'ok' as const,
        database: dialect,
        version,
        uptimeSeconds: Math.floor((Date.now() - started) / 1000),
        time: new Date().toISOString(),
      };
    },
  );
}
