import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import type { MeterReading, ProductionReading } from './meter-reading.model.js';
import type { ProductionReadingService } from './production-reading.service.js';
import type { ReadingService } from './reading.service.js';

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period is YYYY-MM');
const readingValue = z.number().int().min(0).max(99_999_999);
const note = z.string().trim().max(500).nullable().optional();

const readingSchema = z
  .object({
    id: z.number().int(),
    accountId: z.number().int(),
    waterworksId: z.number().int(),
    meterId: z.number().int().nullable(),
    period: z.string(),
    previousReading: z.number().int(),
    currentReading: z.number().int().nullable(),
    consumptionM3: z.number().int().nullable(),
    flags: z.array(z.string()),
    status: z.enum(['accepted', 'review', 'reread']),
    estimated: z.boolean(),
    source: z.string(),
    note: z.string().nullable(),
    readAt: z.string(),
    readBy: z.string(),
    reviewedBy: z.string().nullable(),
  })
  .openapi('MeterReading');
const productionSchema = z
  .object({
    id: z.number().int(),
    waterworksId: z.number().int(),
    period: z.string(),
    producedM3: z.number().int(),
    meterReading: z.number().int().nullable(),
    readOn: z.string(),
    note: z.string().nullable(),
  })
  .openapi('ProductionReading');

const sheetSchema = z
  .object({
    period: z.string(),
    items: z.array(
      z.object({
        accountId: z.number().int(),
        accountNumber: z.string(),
        waterUserName: z.string(),
        villageId: z.number().int().nullable(),
        houseNo: z.string().nullable(),
        moo: z.number().int().nullable(),
        routeOrder: z.number().int(),
        meter: z
          .object({
            serial: z.string(),
            size: z.string(),
            digits: z.number().int(),
            replacement: z
              .object({ oldFinal: z.number().int(), newInitial: z.number().int() })
              .nullable(),
          })
          .nullable(),
        previous: z.number().int().nullable(),
        previousSource: z.enum(['this-period', 'last-accepted', 'meter-initial']).nullable(),
        averageM3: z.number().int().nullable(),
        current: z
          .object({
            id: z.number().int(),
            value: z.number().int().nullable(),
            status: z.enum(['accepted', 'review', 'reread']),
            flags: z.array(z.string()),
            consumptionM3: z.number().int().nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('ReadingSheet');

export const readingDto = (r: MeterReading) => ({
  id: r.id,
  accountId: r.accountId,
  waterworksId: r.waterworksId,
  meterId: r.meterId ?? null,
  period: r.period,
  previousReading: r.previousReading,
  currentReading: r.currentReading ?? null,
  consumptionM3: r.consumptionM3 ?? null,
  flags: r.flags,
  status: r.status,
  estimated: Boolean(r.estimated),
  source: r.source,
  note: r.note ?? null,
  readAt: new Date(r.readAt).toISOString(),
  readBy: r.readBy,
  reviewedBy: r.reviewedBy ?? null,
});
const productionDto = (p: ProductionReading) => ({
  id: p.id,
  waterworksId: p.waterworksId,
  period: p.period,
  producedM3: p.producedM3,
  meterReading: p.meterReading ?? null,
  readOn: p.readOn,
  note: p.note ?? null,
});

const idParams = z.object({ id: z.coerce.number().int().positive() });
const readers = roles('admin', 'clerk', 'meter_reader');
const reviewers = roles('admin', 'clerk', 'finance');

export function readingRoutes(
  api: ApiRouter,
  svc: ReadingService,
  production: ProductionReadingService,
): void {
  const tag = 'readings';
  const listQuery = z.object({
    waterworksId: z.coerce.number().int().positive().optional(),
    period: periodSchema.optional(),
    accountId: z.coerce.number().int().positive().optional(),
    status: z.enum(['accepted', 'review', 'reread']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  });
  const page = z.object({ total: z.number().int(), items: z.array(readingSchema) });

  api.route(
    {
      method: 'get',
      path: '/readings',
      summary: 'Meter readings (by waterworks, period, account, status)',
      tag,
      access: 'staff',
      query: listQuery,
      response: page,
    },
    async ({ query }) => {
      const r = await svc.list(query);
      return { total: r.total, items: r.items.map(readingDto) };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/readings/review',
      summary: 'The review queue: flagged readings waiting for staff, with account and name',
      tag,
      access: 'staff',
      query: listQuery.omit({ status: true }),
      response: z.object({
        total: z.number().int(),
        items: z.array(
          readingSchema
            .extend({ accountNumber: z.string().nullable(), waterUserName: z.string().nullable() })
            .openapi('ReviewQueueItem'),
        ),
      }),
    },
    async ({ query }) => {
      const r = await svc.reviewQueue(query);
      return {
        total: r.total,
        items: r.items.map(({ reading, account }) => ({
          ...readingDto(reading),
          accountNumber: account?.number ?? null,
          waterUserName: account?.waterUserName ?? null,
        })),
      };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/readings/sheet',
      summary:
        'A route’s reading sheet: active accounts in walking order, previous, average, entered',
      tag,
      access: 'staff',
      query: z.object({
        waterworksId: z.coerce.number().int().positive(),
        villageId: z.coerce.number().int().positive().optional(),
        period: periodSchema,
      }),
      response: sheetSchema,
    },
    async ({ query }) => svc.sheet(query),
  );
  api.route(
    {
      method: 'post',
      path: '/readings',
      summary: 'Enter a reading (flagged ones go to the review queue)',
      tag,
      access: readers,
      body: z.object({
        accountId: z.number().int().positive(),
        period: periodSchema,
        currentReading: readingValue,
        note,
      }),
      response: readingSchema,
      status: 201,
    },
    async ({ body }) => readingDto(await svc.enter(body)),
  );
  api.route(
    {
      method: 'post',
      path: '/readings/batch',
      summary: 'Enter a route’s readings at once (all or none)',
      tag,
      access: readers,
      body: z.object({
        period: periodSchema,
        items: z
          .array(
            z.object({
              accountId: z.number().int().positive(),
              currentReading: readingValue,
              note,
            }),
          )
          .min(1)
          .max(2000),
      }),
      response: z.object({ items: z.array(readingSchema) }),
      status: 201,
    },
    async ({ body }) => ({
      items: (await svc.enterBatch(body.period, body.items)).map(readingDto),
    }),
  );
  api.route(
    {
      method: 'get',
      path: '/readings/:id',
      summary: 'One reading',
      tag,
      access: 'staff',
      params: idParams,
      response: readingSchema,
    },
    async ({ params }) => readingDto(await svc.get(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/readings/:id/accept',
      summary: 'Accept a flagged reading as read',
      tag,
      access: reviewers,
      params: idParams,
      response: readingSchema,
    },
    async ({ params }) => readingDto(await svc.accept(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/readings/:id/correct',
      summary: 'Correct a reading’s value and accept it',
      tag,
      access: reviewers,
      params: idParams,
      body: z.object({ currentReading: readingValue, note }),
      response: readingSchema,
    },
    async ({ params, body }) =>
      readingDto(await svc.correct(params.id, body.currentReading, body.note)),
  );
  api.route(
    {
      method: 'post',
      path: '/readings/:id/estimate',
      summary: 'Bill the account’s recent average instead of the reading',
      tag,
      access: reviewers,
      params: idParams,
      response: readingSchema,
    },
    async ({ params }) => readingDto(await svc.estimate(params.id)),
  );
  api.route(
    {
      method: 'post',
      path: '/readings/:id/reread',
      summary: 'Ask the reader to read the meter again',
      tag,
      access: reviewers,
      params: idParams,
      body: z.object({ note }).optional(),
      response: readingSchema,
    },
    async ({ params, body }) => readingDto(await svc.reread(params.id, body?.note)),
  );

  api.route(
    {
      method: 'get',
      path: '/production-readings',
      summary: 'Water produced per waterworks and period',
      tag,
      access: 'staff',
      query: z.object({
        waterworksId: z.coerce.number().int().positive().optional(),
        from: periodSchema.optional(),
        to: periodSchema.optional(),
      }),
      response: z.object({ items: z.array(productionSchema) }),
    },
    async ({ query }) => ({ items: (await production.list(query)).map(productionDto) }),
  );
  api.route(
    {
      method: 'post',
      path: '/production-readings',
      summary: 'Record (or replace) the water a waterworks produced in a period',
      tag,
      access: roles('admin', 'clerk', 'technician', 'meter_reader'),
      body: z.object({
        waterworksId: z.number().int().positive(),
        period: periodSchema,
        producedM3: z.number().int().min(0).max(100_000_000),
        meterReading: z.number().int().min(0).nullable().optional(),
        readOn: z.iso.date().optional(),
        note,
      }),
      response: productionSchema,
      status: 201,
    },
    async ({ body }) => productionDto(await production.record(body)),
  );
}
