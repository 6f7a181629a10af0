import { ROLE_LABELS, STAFF_ROLES, type Lang, type Role } from '@prapa/domain/common';

/**
 * The signed-in user as GET /api/v1/me and POST /api/v1/auth/login return it.
 * Mirrors the engine's `userSchema` (engine/src/modules/auth/auth.routes.ts).
 */
export type UserKind = 'staff' | 'resident';

export interface TenantRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly logoUrl: string | null;
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly kind: UserKind;
  readonly roles: readonly Role[];
  readonly phone?: string | null;
  readonly tenant: TenantRef;
}

export interface LoginResponse {
  readonly token: string;
  readonly expiresAt?: string;
  readonly user: User;
}

/** Every staff role: what "all staff" means in a route or a nav item. */
export const ALL_STAFF: readonly Role[] = STAFF_ROLES;

/** Whether the user holds at least one of the roles. */
export function hasAnyRole(user: Pick<User, 'roles'> | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** The user's roles as the UI names them, in the given language: "ผู้ดูแลระบบ, ช่างประปา". */
export function roleNames(roles: readonly Role[], lang: Lang): string {
  return roles.map((r) => ROLE_LABELS[r]?.[lang] ?? r).join(', ');
}

/** The tenant's name in the given language (Thai when it has no English name). */
export function tenantName(tenant: Pick<TenantRef, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name;
}
