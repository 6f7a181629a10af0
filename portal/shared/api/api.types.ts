/**
 * Response bodies of the engine's API that the apps read. They mirror the engine's zod
 * schemas (engine/src/modules/tenancy/tenancy.routes.ts); see portal/shared/README.md.
 */

export const API = '/api/v1';

export interface ListResponse<T> {
  readonly items: readonly T[];
}

export interface Health {
  readonly status: 'ok';
  readonly database: 'sqlite' | 'mysql';
  readonly version: string;
}

export interface TenantProfile {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly taxId: string;
  readonly address: string;
  readonly phone?: string | null;
  readonly logoUrl: string | null;
  readonly promptPayBillerSuffix: string;
}

export interface Waterworks {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly address?: string | null;
  readonly villageCount?: number;
}

export interface Village {
  readonly id: number;
  readonly waterworksId: number | null;
  readonly moo: number;
  readonly name: string;
}
