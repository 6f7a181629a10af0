import { z } from 'zod';
import { roles, type ApiRouter } from '../../http/api-router.js';
import { IMPORT_MODES, type RegistryImport } from './registry-import.js';
import { readUpload } from './registry-upload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  column: z.string(),
  message: z.object({ th: z.string(), en: z.string() }),
});
const importReportSchema = z
  .object({
    mode: z.enum(IMPORT_MODES),
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    imported: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(importErrorSchema),
  })
  .openapi('RegistryImportReport');

export function registrySheetRoutes(api: ApiRouter, sheets: RegistryImport): void {
  const tag = 'registry';
  api.route(
    {
      method: 'post',
      path: '/registry/import',
      summary:
        'Import an Excel registry (the .xlsx as the body, or multipart): a report per row; nothing written while a row is invalid unless mode=valid-rows',
      tag,
      access: roles('admin', 'clerk'),
      query: z.object({ mode: z.enum(IMPORT_MODES).default('all-or-nothing') }),
      response: importReportSchema,
    },
    async ({ query, req }) => sheets.run(await readUpload(req), query.mode),
  );
  api.route(
    {
      method: 'get',
      path: '/registry/export',
      summary: 'The registry as an Excel file (the import template’s columns, Thai headers)',
      tag,
      access: roles('admin', 'clerk'),
    },
    async ({ res }) => {
      const file = await sheets.exportSheet();
      res
        .status(200)
        .type(XLSX)
        .attachment(`registry-${new Date().toISOString().slice(0, 10)}.xlsx`)
        .send(file);
    },
  );
  api.route(
    {
      method: 'get',
      path: '/registry/import-template',
      summary: 'The empty import template (.xlsx) with a sheet explaining each column',
      tag,
      access: 'staff',
    },
    async ({ res }) => {
      res
        .status(200)
        .type(XLSX)
        .attachment('registry-template.xlsx')
        .send(await sheets.templateSheet());
    },
  );
}
