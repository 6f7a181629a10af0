/**
 * Routes are declared, not just mounted: each names who may call it, the schemas of
 * what it takes and returns, and a summary. From those declarations the router checks
 * access (401/403), validates input (422 with the fields at fault) and builds the
 * OpenAPI document at /api/v1/openapi.json. A handler only parses nothing, calls a
 * service and returns its result.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { OpenAPIRegistry, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Role, StaffRole } from '../domain/index.js';
import { ForbiddenError, UnauthorizedError, UserError } from './errors.js';
import { currentContext, type Actor } from './request-context.js';
import { zodIssuesToFieldErrors } from './zod-messages.js';

extendZodWithOpenApi(z);

/**
 * Who may call a route: anyone (`public`), any signed-in user, any staff member, or the
 * listed roles. There is no default: a route that forgets to say does not compile.
 */
export type Access = 'public' | 'signed-in' | 'staff' | readonly Role[];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: Method;
  /** Express path below /api/v1, e.g. `/waterworks/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** Status on success (200 unless told). */
  status?: number;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set on every route but `public` ones. */
  actor: Actor;
  tenantId: number;
  req: Request;
  res: Response;
}

export class ApiRouter {
  readonly router: Router = express.Router();
  readonly registry = new OpenAPIRegistry();

  constructor() {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  }

  route<
    P extends z.ZodType = z.ZodObject<Record<string, never>>,
    Q extends z.ZodType = z.ZodObject<Record<string, never>>,
    B extends z.ZodType = z.ZodUndefined,
    R extends z.ZodType = z.ZodUnknown,
  >(
    spec: RouteSpec<P, Q, B, R>,
    handler: (
      input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>,
    ) => Promise<z.input<R> | void> | z.input<R> | void,
  ): void {
    this.document(spec);
    const run: RequestHandler = async (req, res) => {
      const actor = checkAccess(spec.access);
      const params = parse(spec.params, req.params, 'params');
      const query = parse(spec.query, req.query, 'query');
      const body = spec.body ? parse(spec.body, req.body, 'body') : undefined;
      const result = await handler({
        params: params as z.output<P>,
        query: query as z.output<Q>,
        body: body as z.output<B>,
        actor: actor as Actor,
        tenantId: currentContext()?.tenantId as number,
        req,
        res,
      });
      if (res.headersSent) return;
      const status = spec.status ?? 200;
      if (result === undefined) res.status(status === 200 ? 204 : status).end();
      else res.status(status).json(result);
    };
    this.router[spec.method](spec.path, run);
  }

  private document(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>): void {
    const status = String(spec.status ?? 200);
    const roles = Array.isArray(spec.access) ? spec.access.join(', ') : spec.access;
    this.registry.registerPath({
      method: spec.method,
      path: `/api/v1${spec.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: spec.summary,
      description: `Access: ${roles}`,
      tags: [spec.tag],
      ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }] }),
      request: {
        ...(spec.params instanceof z.ZodObject ? { params: spec.params } : {}),
        ...(spec.query instanceof z.ZodObject ? { query: spec.query } : {}),
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses: {
        [status]: {
          description: 'OK',
          ...(spec.response ? { content: { 'application/json': { schema: spec.response } } } : {}),
        },
        default: {
          description: 'A problem (RFC 9457) with `message: {th, en}` and `errors[]`',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
      },
    });
  }
}

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  message: z.object({ th: z.string(), en: z.string() }),
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.object({ th: z.string(), en: z.string() }),
        line: z.number().optional(),
      }),
    )
    .optional(),
  requestId: z.string().optional(),
});

function checkAccess(access: Access): Actor | undefined {
  if (access === 'public') return currentContext()?.actor;
  const actor = currentContext()?.actor;
  if (!actor) throw new UnauthorizedError();
  if (access === 'signed-in') return actor;
  if (access === 'staff') {
    if (actor.kind !== 'staff') throw new ForbiddenError();
    return actor;
  }
  if (!actor.roles.some((r) => (access as readonly Role[]).includes(r))) throw new ForbiddenError();
  return actor;
}

function parse(
  schema: z.ZodType | undefined,
  value: unknown,
  where: 'params' | 'query' | 'body',
): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  throw new UserError(
    'validation',
    { th: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ', en: 'Some fields are not valid.' },
    zodIssuesToFieldErrors(parsed.error.issues, where === 'body' ? '' : where),
    where === 'body' ? 422 : 400,
  );
}

/** Roles lists read well at the call site: `roles('admin', 'clerk')`. */
export function roles(...r: (StaffRole | 'resident')[]): readonly Role[] {
  return r;
}
