import type { RequestHandler } from 'express';
import { z } from 'zod';
import { RESIDENT_ROLE, STAFF_ROLES } from '../../domain/index.js';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { AuthService } from './auth.service.js';

const tenantRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  logoUrl: z.string().nullable(),
});

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    kind: z.enum(['staff', 'resident']),
    roles: z.array(z.enum([...STAFF_ROLES, RESIDENT_ROLE])),
    phone: z.string().nullable(),
    tenant: tenantRef,
  })
  .openapi('User');

export const loginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .openapi('LoginRequest');

const newUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9_.-]{3,64}$/, { message: 'Use 3–64 lower-case letters, digits, _ . or -' }),
    displayName: z.string().trim().min(1).max(200),
    kind: z.enum(['staff', 'resident']).default('staff'),
    roles: z.array(z.enum([...STAFF_ROLES, RESIDENT_ROLE])).min(1),
    password: z.string().min(8).max(200),
    phone: z.string().trim().max(40).nullable().optional(),
  })
  .openapi('NewUser');

export function authRoutes(api: ApiRouter, auth: AuthService, limiter: RequestHandler): void {
  api.router.post('/auth/login', limiter);
  api.route(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in with user name and password',
      tag: 'auth',
      access: 'public',
      body: loginBody,
      response: z.object({ token: z.string(), expiresAt: z.string(), user: userSchema }),
    },
    async ({ body }) => {
      const { token, expiresAt, user } = await auth.login(body.username, body.password);
      return { token, expiresAt: expiresAt.toISOString(), user };
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me',
      summary: 'The signed-in user',
      tag: 'auth',
      access: 'signed-in',
      response: userSchema,
    },
    ({ actor }) => auth.me(actor.id),
  );

  api.route(
    {
      method: 'get',
      path: '/users',
      summary: "The tenant's users",
      tag: 'auth',
      access: roles('admin'),
      response: z.object({ items: z.array(userSchema) }),
    },
    async () => ({ items: await auth.listUsers() }),
  );

  api.route(
    {
      method: 'post',
      path: '/users',
      summary: 'Create a staff or resident user',
      tag: 'auth',
      access: roles('admin'),
      body: newUserBody,
      response: userSchema,
      status: 201,
    },
    ({ body }) => auth.createUser(body),
  );
}
