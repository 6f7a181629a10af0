import { z } from 'zod';
import { maskThaiId } from '../domain/index.js';
import { UserError } from '../http/errors.js';
import { roles, type ApiRouter } from '../http/api-router.js';
import type { Actor } from '../http/request-context.js';
import { taskEventRoutes } from './task-events.js';
import type { Workflow } from './workflow.js';

const keyParams = z.object({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });
const versionParams = keyParams.extend({ n: z.coerce.number().int().positive() });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

const variables = z.record(z.string(), z.unknown());

/** Secrets never leave; national IDs are masked for everyone but administrators and clerks. */
export function redactVariables(actor: Actor) {
  const seesIds = actor.roles.includes('admin') || actor.roles.includes('clerk');
  const walk = (v: unknown, key = ''): unknown => {
    if (/password|secret|token|pin$/i.test(key)) return undefined;
    if (typeof v === 'string' && /nationalid|citizenid|idcard/i.test(key) && !seesIds)
      return maskThaiId(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .map(([k, x]) => [k, walk(x, k)])
          .filter(([, x]) => x !== undefined),
      );
    return v;
  };
  return (vars: Record<string, unknown>) => walk(vars) as Record<string, unknown>;
}

const UNSUPPORTED = {
  th: 'ต้องส่ง BPMN XML (Content-Type: application/xml)',
  en: 'Send BPMN XML (Content-Type: application/xml).',
};

export function workflowRoutes(api: ApiRouter, wf: Workflow): void {
  const tag = 'workflow';

  // ── processes ──
  api.route(
    {
      method: 'get',
      path: '/processes',
      summary: 'Deployed processes: keys, versions, latest',
      tag,
      access: 'staff',
    },
    async () => ({
      items: await wf.deployments.listProcesses(),
    }),
  );
  api.route(
    {
      method: 'get',
      path: '/processes/:key/versions/:n',
      summary: 'One process version as BPMN XML',
      tag,
      access: 'staff',
      params: versionParams,
    },
    async ({ params, res }) => {
      const def = await wf.deployments.processVersion(params.key, params.n);
      res.type('application/xml').send(await wf.deployments.processXml(def));
    },
  );
  api.route(
    {
      method: 'post',
      path: '/processes/:key/versions',
      summary: 'Deploy a new process version (BPMN XML body)',
      tag,
      access: roles('admin'),
      params: keyParams,
      status: 201,
    },
    async ({ params, req }) => {
      if (typeof req.body !== 'string' || !req.body.trim())
        throw new UserError('unsupported_media_type', UNSUPPORTED, [], 415);
      const d = await wf.deployments.deployProcess(params.key, req.body);
      return { key: d.key, version: d.version, created: d.created };
    },
  );
  api.route(
    {
      method: 'post',
      path: '/processes/:key/instances',
      summary: 'Start the newest version of a process',
      tag,
      access: 'staff',
      params: keyParams,
      body: z.object({
        businessKey: z.string().trim().min(1).max(100).nullable().optional(),
        variables: variables.default({}),
      }),
      status: 201,
    },
    async ({ params, body, actor }) => {
      const instance = await wf.instances.start(
        params.key,
        body.businessKey ?? null,
        body.variables,
      );
      return wf.instances.view(instance.id, redactVariables(actor));
    },
  );

  // ── instances ──
  api.route(
    {
      method: 'get',
      path: '/instances',
      summary: 'Process instances',
      tag,
      access: 'staff',
      query: z.object({
        processKey: z.string().max(100).optional(),
        version: z.coerce.number().int().positive().optional(),
        status: z.enum(['running', 'completed', 'incident', 'terminated']).optional(),
        businessKey: z.string().max(100).optional(),
        ...page,
      }),
    },
    ({ query }) => wf.instances.list(query),
  );
  api.route(
    {
      method: 'get',
      path: '/instances/counts',
      summary: 'How many instances each process version has, by status',
      tag,
      access: 'staff',
    },
    async () => ({ items: await wf.instances.counts() }),
  );
  api.route(
    {
      method: 'get',
      path: '/instances/:id',
      summary: 'An instance: status, version, current activities, variables, timeline',
      tag,
      access: 'staff',
      params: idParams,
    },
    ({ params, actor }) => wf.instances.view(params.id, redactVariables(actor)),
  );
  api.route(
    {
      method: 'post',
      path: '/instances/:id/retry',
      summary: 'Retry the failed step of an instance with an incident',
      tag,
      access: roles('admin'),
      params: idParams,
    },
    async ({ params, actor }) => {
      await wf.instances.retryIncident(params.id);
      return wf.instances.view(params.id, redactVariables(actor));
    },
  );

  // ── forms ──
  api.route(
    { method: 'get', path: '/forms', summary: 'Deployed forms', tag, access: 'staff' },
    async () => ({ items: await wf.deployments.listForms() }),
  );
  api.route(
    {
      method: 'get',
      path: '/forms/:key',
      summary: "A form's versions: who deployed each, and the process versions that pinned it",
      tag,
      access: 'staff',
      params: keyParams,
    },
    ({ params }) => wf.deployments.formVersions(params.key),
  );
  api.route(
    {
      method: 'get',
      path: '/forms/:key/versions/:n',
      summary: 'One form version (Form.io JSON)',
      tag,
      access: 'signed-in',
      params: versionParams,
    },
    ({ params }) => wf.deployments.form(params.key, params.n),
  );
  api.route(
    {
      method: 'post',
      path: '/forms/:key/versions',
      summary: 'Deploy a new form version (Form.io JSON body)',
      tag,
      access: roles('admin'),
      params: keyParams,
      body: z.record(z.string(), z.unknown()),
      status: 201,
    },
    async ({ params, body }) => {
      const d = await wf.deployments.deployForm(params.key, body);
      return { key: d.key, version: d.version, created: d.created };
    },
  );

  // ── messages ──
  api.route(
    {
      method: 'post',
      path: '/messages',
      summary:
        'Deliver a message to the instances waiting for it (404 when none waits; not buffered)',
      tag,
      access: roles('admin', 'clerk', 'cashier', 'finance'),
      body: z.object({
        name: z.string().trim().min(1).max(100),
        businessKey: z.string().trim().min(1).max(100),
        variables: variables.default({}),
      }),
    },
    ({ body }) => wf.messages.correlate(body.name, body.businessKey, body.variables),
  );

  // ── tasks ──
  taskEventRoutes(api, wf.taskEvents); // before /tasks/:id
  api.route(
    {
      method: 'get',
      path: '/tasks',
      summary: "The caller's tasks and the unclaimed tasks of the caller's roles",
      tag,
      access: 'signed-in',
      query: z.object({
        businessKey: z.string().max(100).optional(),
        processKey: z.string().max(100).optional(),
        elementId: z.string().max(100).optional(),
        overdue: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        scope: z.enum(['mine', 'unclaimed', 'all']).default('all'),
        ...page,
      }),
    },
    ({ actor, query }) => wf.tasks.list(actor, query),
  );
  api.route(
    {
      method: 'get',
      path: '/tasks/:id',
      summary: 'A task with its form',
      tag,
      access: 'signed-in',
      params: idParams,
    },
    ({ actor, params }) => wf.tasks.get(actor, params.id),
  );
  api.route(
    {
      method: 'post',
      path: '/tasks/:id/claim',
      summary: 'Claim a task',
      tag,
      access: 'signed-in',
      params: idParams,
    },
    ({ actor, params }) => wf.tasks.claim(actor, params.id),
  );
  api.route(
    {
      method: 'post',
      path: '/tasks/:id/unclaim',
      summary: 'Release a claimed task',
      tag,
      access: 'signed-in',
      params: idParams,
    },
    ({ actor, params }) => wf.tasks.unclaim(actor, params.id),
  );
  api.route(
    {
      method: 'post',
      path: '/tasks/:id/assign',
      summary: 'Assign a task to a candidate',
      tag,
      access: 'staff',
      params: idParams,
      body: z.object({ username: z.string().trim().min(1).max(64) }),
    },
    ({ actor, params, body }) => wf.tasks.assign(actor, params.id, body.username),
  );
  api.route(
    {
      method: 'post',
      path: '/tasks/:id/complete',
      summary: "Complete a task: the data is validated against the task's form on the server",
      tag,
      access: 'signed-in',
      params: idParams,
      body: z.object({ data: variables.default({}) }),
    },
    ({ actor, params, body }) => wf.tasks.complete(actor, params.id, body.data),
  );

  api.route(
    {
      method: 'get',
      path: '/workflow/handlers',
      summary: 'Service-task topics, for the designer',
      tag,
      access: 'staff',
    },
    () => ({
      items: wf.handlers.list(),
    }),
  );
}
