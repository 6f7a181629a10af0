/**
 * Daily bank bill-payment files: parsed and checked as a whole (a bad file is refused with
 * every problem named, nothing written), refused when imported before (409), then matched
 * in one transaction — every matched line a payment with its receipt, written in
 * multi-row statements so a 50,000-line file takes seconds. A line seen in an earlier
 * file (same content, any sequence number) is counted as a duplicate and never pays twice.
 * Unmatched lines wait in the exceptions queue for finance.
 */
import { createHash } from 'node:crypto';
import { UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { insertRows } from '../../db/bulk-insert.js';
import { Sql, type Param } from '../../db/sql.js';
import { billerId, formatDocumentNumber } from '../../domain/index.js';
import { ConflictError, UserError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { AuditLog, AuditRecord } from '../audit/audit.service.js';
import { fiscalYearOf, thaiDay } from '../billing/billing-dates.js';
import type { DocumentSeries } from '../billing/document-series.js';
import type { InvoiceLedger } from '../billing/invoice-ledger.js';
import type { Outbox } from '../events/outbox.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { parseBankFile, type BankLayout } from './bank-file/index.js';
import type { BankLayouts } from './bank-layouts.js';
import { planBankLines, type LinePlan } from './bank-match.js';
import { BankFile } from './bank-file.model.js';
import {
  businessKeys,
  PAYMENT_RECEIVED,
  RECEIPT_PREFIX,
  receiptBook,
  receiptItems,
  type PaymentReceivedEvent,
} from './payment-posting.js';

/** Payments audited per event: one link names this many payments by hash. */
const AUDIT_PAGE = 500;
/**
 * Line keys looked up per statement: MariaDB turns longer IN lists into a join with a table
 * of the values, 3× slower on the unique index than pages of 1,000.
 */
const KEY_PAGE = 1000;
export const BANK_FILE_PAYMENTS = 'bank-file.payments';
/** Payments told of in one `payment.received` outbox row (its payload stays under TEXT's 64 KB). */
const EVENT_PAGE = 200;

export interface BankFileResult {
  id: number;
  bank: string;
  effectiveDate: string;
  lines: number;
  matched: number;
  unmatched: number;
  duplicates: number;
  totalSatang: number;
  matchedSatang: number;
}

export class BankFileService {
  private readonly sql: Sql;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly ledger: InvoiceLedger,
    private readonly series: DocumentSeries,
    private readonly outbox: Outbox,
    private readonly tenancy: TenancyService,
    private readonly layouts: BankLayouts,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = new Sql(sequelize);
  }

  async import(
    bytes: Buffer,
    bank: string,
    actor: Actor,
    tenantId: number,
    opts: { fileName?: string | null; at?: Date } = {},
  ): Promise<BankFileResult> {
    const layout = await this.layouts.find(bank);
    if (!layout) {
      const m = {
        th: `ไม่รู้จักรูปแบบไฟล์ของธนาคาร "${bank}"`,
        en: `No bank file layout "${bank}".`,
      };
      throw new UserError('unknown_bank', m, [{ path: 'bank', message: m }]);
    }
    const tenant = await this.tenancy.getTenant(tenantId);
    const parsed = parseBankFile(bytes, layout, {
      billerIds: [billerId(tenant.taxId, tenant.promptpayBillerSuffix)],
    });
    const before = await BankFile.findOne({ where: { sha256: parsed.sha256 } });
    if (before) throw duplicateFile(before);
    const at = opts.at ?? this.now();
    try {
      const result = await this.sequelize.transaction((tx) =>
        this.match(tx, tenantId, layout, parsed, actor, at, opts.fileName ?? null),
      );
      this.outbox.kick();
      return result;
    } catch (err) {
      if (err instanceof UniqueConstraintError) {
        const again = await BankFile.findOne({ where: { sha256: parsed.sha256 } });
        if (again) throw duplicateFile(again);
      }
      throw err;
    }
  }

  private async match(
    tx: Transaction,
    tenantId: number,
    layout: BankLayout,
    parsed: ReturnType<typeof parseBankFile>,
    actor: Actor,
    at: Date,
    fileName: string | null,
  ): Promise<BankFileResult> {
    const driver = this.sql.in(tx);
    const when = this.sql.date(at);
    const file = await BankFile.create(
      {
        tenantId,
        bankCode: layout.bankCode,
        layoutCode: layout.code,
        sha256: parsed.sha256,
        fileName,
        effectiveDate: parsed.header.effectiveDate,
        lineCount: parsed.details.length,
        matchedCount: 0,
        unmatchedCount: 0,
        duplicateCount: 0,
        totalSatang: parsed.details.reduce((s, l) => s + (l.kind === 'C' ? l.amountSatang : 0), 0),
        importedBy: actor.username,
      },
      { transaction: tx },
    );

    // lines seen before (in an earlier file, or twice in this one) never pay again
    const seen = new Set<string>();
    const keys = [...new Set(parsed.details.map((l) => l.lineKey))];
    for (let i = 0; i < keys.length; i += KEY_PAGE) {
      const page = keys.slice(i, i + KEY_PAGE);
      const rows = await driver.all<{ line_key: string }>(
        `SELECT line_key FROM bank_lines WHERE tenant_id = ? AND line_key IN (${page.map(() => '?').join(',')})`,
        [tenantId, ...page],
      );
      for (const r of rows) seen.add(r.line_key);
    }
    const fresh = parsed.details.filter((l) => !seen.has(l.lineKey) && (seen.add(l.lineKey), true));
    const credits = fresh.filter((l) => l.kind === 'C');
    const { byNumber, openByAccount } = await this.ledger.lockForReferences(
      tx,
      tenantId,
      [...new Set(credits.map((l) => l.ref2).filter((r) => r))],
      [...new Set(credits.map((l) => l.ref1).filter((r) => r))],
    );
    const plans = planBankLines(fresh, byNumber, openByAccount);
    const matched = plans.filter(
      (p): p is Extract<LinePlan, { status: 'matched' }> => p.status === 'matched',
    );

    // payments in line order; a multi-row INSERT numbers its rows in order, so the file's
    // payments read back by id come in the same order (no other writer uses this file id)
    await insertRows(
      this.sql,
      tx,
      'payments',
      [
        'tenant_id',
        'account_id',
        'method',
        'channel',
        'amount_satang',
        'applied_satang',
        'unapplied_satang',
        'status',
        'received_at',
        'received_by',
        'bank_file_id',
        'source_key',
        'created_at',
        'updated_at',
      ],
      matched.map((p) => [
        tenantId,
        p.accountId,
        'bank',
        'bank-file',
        p.line.amountSatang,
        p.line.amountSatang - p.unappliedSatang,
        p.unappliedSatang,
        'posted',
        this.sql.date(new Date(p.line.paidAt)),
        actor.username,
        file.id,
        null,
        when,
        when,
      ]),
    );
    const ids = (
      await driver.all<{ id: number }>(
        'SELECT id FROM payments WHERE tenant_id = ? AND bank_file_id = ? ORDER BY id',
        [tenantId, file.id],
      )
    ).map((r) => Number(r.id));
    if (ids.length !== matched.length) throw new Error('bank file: payments read back short');
    const idOf = new Map(matched.map((p, i) => [p, ids[i]!]));
    const paymentId = (p: LinePlan) => idOf.get(p as Extract<LinePlan, { status: 'matched' }>)!;

    await insertRows(
      this.sql,
      tx,
      'payment_allocations',
      ['tenant_id', 'payment_id', 'invoice_id', 'amount_satang', 'created_at'],
      matched.flatMap((p) =>
        p.allocations.map((a) => [tenantId, paymentId(p), a.invoiceId, a.amountSatang, when]),
      ),
    );
    const balanceBefore = new Map<number, number>();
    for (const i of [...byNumber.values(), ...[...openByAccount.values()].flat()])
      balanceBefore.set(i.id, i.balanceSatang);
    await this.ledger.applyMany(
      tx,
      tenantId,
      matched.flatMap((p) => p.allocations),
      at,
      balanceBefore,
    );

    // receipts: one block of numbers from the series, taken under its lock
    const fiscalYear = fiscalYearOf(thaiDay(at));
    const last = matched.length ? await this.series.lock(tx, tenantId, 'receipt', fiscalYear) : 0;
    const receiptNumbers = matched.map((_, i) => last + 1 + i);
    await insertRows(
      this.sql,
      tx,
      'receipts',
      [
        'tenant_id',
        'payment_id',
        'fiscal_year',
        'seq',
        'book',
        'number',
        'account_id',
        'account_number',
        'payer_name',
        'method',
        'amount_satang',
        'credit_satang',
        'items_json',
        'issued_at',
        'issued_by',
        'issued_by_name',
        'status',
        'created_at',
        'updated_at',
      ],
      matched.map((p, i) => {
        const seq = receiptNumbers[i]!;
        return [
          tenantId,
          paymentId(p),
          fiscalYear,
          seq,
          receiptBook(seq),
          formatDocumentNumber(RECEIPT_PREFIX, fiscalYear, seq),
          p.accountId,
          p.accountNumber,
          p.customerName,
          'bank',
          p.line.amountSatang,
          p.unappliedSatang,
          JSON.stringify(receiptItems(p.allocations, p.invoices, p.unappliedSatang)),
          when,
          actor.username,
          layout.name.th,
          'valid',
          when,
          when,
        ];
      }),
    );
    if (matched.length)
      await this.series.advance(tx, tenantId, 'receipt', fiscalYear, last + matched.length);

    await insertRows(
      this.sql,
      tx,
      'bank_lines',
      [
        'tenant_id',
        'bank_file_id',
        'line_no',
        'line_key',
        'bank_code',
        'paid_at',
        'customer_name',
        'ref1',
        'ref2',
        'ref3',
        'kind',
        'amount_satang',
        'sending_bank',
        'status',
        'reason',
        'payment_id',
        'created_at',
        'updated_at',
      ],
      plans.map((p): Param[] => [
        tenantId,
        file.id,
        p.line.line,
        p.line.lineKey,
        p.line.bankCode || layout.bankCode,
        this.sql.date(new Date(p.line.paidAt)),
        p.line.customerName.slice(0, 200),
        p.line.ref1,
        p.line.ref2,
        p.line.ref3,
        p.line.kind,
        p.line.amountSatang,
        p.line.sendingBank,
        p.status,
        p.status === 'unmatched' ? p.reason : null,
        p.status === 'matched' ? paymentId(p) : null,
        when,
        when,
      ]),
    );

    // payment.received, one event row per page of payments (a subscriber gets them all)
    const received: PaymentReceivedEvent[] = matched.map((p, i) => ({
      paymentId: paymentId(p),
      receiptNumber: formatDocumentNumber(RECEIPT_PREFIX, fiscalYear, receiptNumbers[i]!),
      accountId: p.accountId,
      accountNumber: p.accountNumber,
      amountSatang: p.line.amountSatang,
      method: 'bank',
      invoiceIds: p.allocations.map((a) => a.invoiceId),
      businessKeys: businessKeys(p.accountNumber, p.invoices),
    }));
    const pages: { tenantId: number; type: string; payload: Record<string, unknown> }[] = [];
    for (let i = 0; i < received.length; i += EVENT_PAGE)
      pages.push({
        tenantId,
        type: PAYMENT_RECEIVED,
        payload: { payments: received.slice(i, i + EVENT_PAGE) },
      });
    await this.outbox.append(tx, pages);

    const unmatched = plans.length - matched.length;
    const duplicates = parsed.details.length - fresh.length;
    const matchedSatang = matched.reduce((s, p) => s + p.line.amountSatang, 0);
    await file.update(
      { matchedCount: matched.length, unmatchedCount: unmatched, duplicateCount: duplicates },
      { transaction: tx },
    );
    const events: AuditRecord[] = [
      {
        action: 'bank-file.import',
        entityType: 'bank-file',
        entityId: file.id,
        before: null,
        after: {
          bank: layout.code,
          sha256: parsed.sha256,
          effectiveDate: parsed.header.effectiveDate,
          lines: parsed.details.length,
          matched: matched.length,
          unmatched,
          duplicates,
          totalSatang: file.totalSatang,
          matchedSatang,
        },
        tenantId,
      },
    ];
    for (let i = 0; i < matched.length; i += AUDIT_PAGE) {
      const page = matched.slice(i, i + AUDIT_PAGE);
      const hash = createHash('sha256');
      for (const [j, p] of page.entries())
        hash.update(
          `${paymentId(p)}|${p.accountId}|${p.line.amountSatang}|${receiptNumbers[i + j]}\n`,
        );
      events.push({
        action: BANK_FILE_PAYMENTS,
        entityType: 'bank-file',
        entityId: file.id,
        before: null,
        after: {
          fiscalYear,
          firstReceipt: receiptNumbers[i],
          lastReceipt: receiptNumbers[i + page.length - 1],
          count: page.length,
          amountSatang: page.reduce((s, p) => s + p.line.amountSatang, 0),
          sha256: hash.digest('hex'),
        },
        tenantId,
      });
    }
    await this.audit.recordMany(tx, events);
    return {
      id: file.id,
      bank: layout.code,
      effectiveDate: parsed.header.effectiveDate,
      lines: parsed.details.length,
      matched: matched.length,
      unmatched,
      duplicates,
      totalSatang: file.totalSatang,
      matchedSatang,
    };
  }
}

function duplicateFile(f: BankFile): ConflictError {
  return new ConflictError('bank_file_duplicate', {
    th: `ไฟล์นี้นำเข้าไปแล้วเมื่อ ${new Date(f.createdAt).toLocaleString('th-TH', { timeZone: 'Asia/Bangkok' })} (ไฟล์ที่ ${f.id})`,
    en: `This file was imported before (file ${f.id}, ${new Date(f.createdAt).toISOString()}).`,
  });
}
