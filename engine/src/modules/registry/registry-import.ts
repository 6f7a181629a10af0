/**
 * Importing an existing registry from Excel, and exporting it. Every row is checked first
 * and the report names each error's line and column. Nothing is written while a row is
 * invalid, unless the caller asks for the valid rows only; the write is one transaction.
 * Rows match existing accounts by account number, so importing the same sheet twice
 * creates nothing new (changed rows are updated, the rest left alone).
 */
import type { Message } from '../../http/errors.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { parseRow, rowError, type ImportError, type ImportRow } from './registry-import-row.js';
import {
  KIND_LABELS,
  STATUS_LABELS,
  readSheet,
  writeSheet,
  type SheetRecord,
} from './registry-sheet.js';
import type { RegistryService } from './registry.service.js';
import type { NewAccount } from './new-accounts.js';

export const IMPORT_MODES = ['validate', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportReport {
  mode: ImportMode;
  rows: number;
  valid: number;
  invalid: number;
  /** Rows written: created + updated. */
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
}

export class RegistryImport {
  constructor(
    private readonly registry: RegistryService,
    private readonly tenancy: TenancyService,
  ) {}

  async run(data: Buffer, mode: ImportMode): Promise<ImportReport> {
    const report: ImportReport = {
      mode,
      rows: 0,
      valid: 0,
      invalid: 0,
      imported: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
    };
    const sheet = await readSheet(data).catch(() => null);
    if (!sheet) {
      report.errors.push(rowError(0, 'file', NOT_XLSX));
      return report;
    }
    report.rows = sheet.rows.length;
    for (const key of sheet.missing)
      report.errors.push(
        rowError(1, key, { th: 'ไม่พบคอลัมน์นี้ในแถวหัวตาราง', en: 'The header row lacks this column.' }),
      );
    if (sheet.missing.length) {
      report.invalid = report.rows;
      return report;
    }

    const rows = await this.validate(sheet.rows, report);
    report.valid = rows.length;
    report.invalid = report.rows - rows.length;
    if (mode === 'validate' || (mode === 'all-or-nothing' && report.invalid > 0)) return report;
    const done = await this.write(rows);
    Object.assign(report, done, { imported: done.created + done.updated });
    return report;
  }

  private async validate(lines: { line: number; record: SheetRecord }[], report: ImportReport) {
    const [works, villages] = await Promise.all([
      this.tenancy.listWaterworks(),
      this.tenancy.listVillages(),
    ]);
    const places = {
      works: new Map(works.map((w) => [w.code, w.id])),
      villages: new Map(villages.map((v) => [v.moo, { id: v.id, waterworksId: v.waterworksId }])),
    };
    const parsed: ImportRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, record } of lines) {
      const { row, errors } = parseRow(line, record, places);
      if (row) {
        const first = seen.get(row.number);
        if (first !== undefined)
          errors.push(
            rowError(line, 'number', {
              th: `เลขที่ผู้ใช้น้ำ ${row.number} ซ้ำกับแถวที่ ${first}`,
              en: `Account number ${row.number} repeats line ${first}.`,
            }),
          );
        else seen.set(row.number, line);
      }
      report.errors.push(...errors);
      if (row && !errors.length) parsed.push(row);
    }
    // a row for an existing account may not swap its meter: that is a replacement
    const existing = await this.registry.accountsByNumber(parsed.map((r) => r.number));
    return parsed.filter((r) => {
      const serial = existing.get(r.number)?.meterSerial;
      if (!r.meter || !serial || serial === r.meter.serial) return true;
      report.errors.push(
        rowError(r.line, 'meterSerial', {
          th: `บัญชีนี้ใช้มาตร ${serial} อยู่ การเปลี่ยนมาตรให้บันทึกที่หน้าบัญชี`,
          en: `The account's meter is ${serial}: record a meter replacement on the account instead.`,
        }),
      );
      return false;
    });
  }

  /** Writes checked rows in one transaction: new accounts together, existing ones updated. */
  private write(
    rows: ImportRow[],
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    const reg = this.registry;
    return reg.transaction(async (tx) => {
      const existing = await reg.accountsByNumber(
        rows.map((r) => r.number),
        tx,
      );
      await reg.lockAccounts(
        [...existing.values()].map((e) => e.accountId),
        tx,
      );
      const fresh = rows.filter((r) => !existing.has(r.number));
      // one water user per national ID: known ones are reused, a new one is made once
      const known = await reg.waterUsersByNationalId(
        [
          ...new Set(
            fresh.flatMap((r) => (r.waterUser.nationalId ? [r.waterUser.nationalId] : [])),
          ),
        ],
        tx,
      );
      const firsts = fresh.filter(
        (r, k) =>
          !r.waterUser.nationalId ||
          (!known.has(r.waterUser.nationalId) &&
            fresh.findIndex((o) => o.waterUser.nationalId === r.waterUser.nationalId) === k),
      );
      const made = await reg.insertMany(
        firsts.map((r) => newAccount(r, r.waterUser)),
        tx,
      );
      for (const [k, r] of firsts.entries())
        if (r.waterUser.nationalId) known.set(r.waterUser.nationalId, made[k]!.waterUserId);
      const rest = fresh.filter((r) => !firsts.includes(r));
      await reg.insertMany(
        rest.map((r) => newAccount(r, known.get(r.waterUser.nationalId!)!)),
        tx,
      );

      let updated = 0;
      for (const r of rows) {
        const e = existing.get(r.number);
        if (!e) continue;
        const u = await reg.patchWaterUser(e.waterUserId, r.waterUser, tx);
        const a = await reg.patchAccount(e.accountId, r.account, tx);
        let changed = u.changed || a.changed;
        if (r.meter && !e.meterSerial) {
          await reg.installMeter(a.row, r.meter, tx);
          await reg.refreshSearchTerms([e.accountId], tx);
          changed = true;
        }
        if (changed) updated++;
      }
      return { created: fresh.length, updated, unchanged: existing.size - updated };
    });
  }

  /** The whole registry of the tenant, in account-number order. */
  async exportSheet(): Promise<Buffer> {
    const codes = new Map((await this.tenancy.listWaterworks()).map((w) => [w.id, w.code]));
    const records: SheetRecord[] = [];
    for await (const page of this.registry.exportPages())
      for (const { waterworksId, ...r } of page)
        records.push({
          ...r,
          waterworks: codes.get(waterworksId) ?? null,
          kind: KIND_LABELS[r.kind as string] ?? r.kind,
          status: STATUS_LABELS[r.status as string] ?? r.status,
        });
    return writeSheet(records);
  }

  templateSheet(): Promise<Buffer> {
    return writeSheet([]);
  }
}

function newAccount(r: ImportRow, waterUser: NewAccount['waterUser']): NewAccount {
  return { waterUser, account: { ...r.account, number: r.number }, meter: r.meter };
}

const NOT_XLSX: Message = {
  th: 'ไฟล์ไม่ใช่ Excel (.xlsx) ที่อ่านได้',
  en: 'The file is not a readable Excel workbook (.xlsx).',
};
