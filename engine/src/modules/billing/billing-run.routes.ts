import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import {
  progressOf,
  runDto,
  type BillingRunService,
  type RunProgress,
} from './billing-run.service.js';

const int = z.number().int();
const runSchema = z
  .object({
    id: int,
    waterworksId: int,
    period: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    total: int,
    done: int,
    createdCount: int,
    skippedCount: int,
    issueDate: z.string(),
    dueDate: z.string(),
    startedBy: z.string(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('BillingRun');
const idParams = z.object({ id: z.coerce.number().int().positive() });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** How often a stream re-reads a run that another engine process works on. */
const POLL_MS = 1000;

export function billingRunRoutes(api: ApiRouter, svc: BillingRunService): void {
  const tag = 'billing';
  api.route(
    {
      method: 'post',
      path: '/billing-runs',
      summary: 'Start (or resume) the billing run of a waterworks and period; answers at once',
      tag,
      access: roles('admin', 'finance'),
      body: z.object({
        waterworksId: z.number().int().positive(),
        period,
        issueDate: z.iso.date().optional(),
      }),
      response: runSchema,
      status: 202,
    },
    async ({ body, tenantId }) => runDto(await svc.start(body, tenantId)),
  );
  api.route(
    {
      method: 'get',
      path: '/billing-runs',
      summary: 'Billing runs, newest first',
      tag,
      access: 'staff',
      query: z.object({
        waterworksId: z.coerce.number().int().positive().optional(),
        period: period.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: z.object({ items: z.array(runSchema) }),
    },
    async ({ query }) => ({ items: (await svc.list(query)).map(runDto) }),
  );
  api.route(
    {
      method: 'get',
      path: '/billing-runs/:id',
      summary: 'A billing run and its progress',
      tag,
      access: 'staff',
      params: idParams,
      response: runSchema,
    },
    async ({ params }) => runDto(await svc.get(params.id)),
  );
  api.route(
    {
      method: 'get',
      path: '/billing-runs/:id/events',
      summary: 'Server-sent events: `progress` {done, total, status, …} until the run ends',
      tag,
      access: 'staff',
      params: idParams,
    },
    async ({ params, req, res }) => {
      const first = await svc.get(params.id);
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform', // no-transform: compression() would hold the events back
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      await new Promise<void>((resolve) => {
        let last = '';
        const send = (p: RunProgress) => {
          const data = JSON.stringify(p);
          if (data !== last) res.write(`event: progress\ndata: ${data}\n\n`);
          last = data;
          if (p.status !== 'running') close();
        };
        const onProgress = (p: RunProgress) => send(p);
        const poll = setInterval(() => {
          svc.get(params.id).then((r) => send(progressOf(r)), close);
        }, POLL_MS);
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          clearInterval(poll);
          svc.progress.off(String(params.id), onProgress);
          res.end();
          resolve();
        };
        svc.progress.on(String(params.id), onProgress);
        req.on('close', close);
        send(progressOf(first));
      });
    },
  );
}
