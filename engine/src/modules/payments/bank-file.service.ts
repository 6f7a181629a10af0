/**
 * Daily bank bill-payment files: parsed and checked as a whole (a bad file is refused with
 * every problem named, nothing written), refused when imported before (409), then matched
 * in one transaction — every matched line a payment with its receipt, written by a few
 * set-based statements so a 50,000-line file takes seconds. The file is kept as it came
 * (gzip, with the layout it was read by). A matched line is its payment (source key
 * `bank:<line key>`, unique per tenant); a line that did not match is a bank_lines row in
 * the exceptions queue for finance. A line seen before (in any file, with any sequence
 * number) is counted as a duplicate and never pays twice.
 */
import { gzipSync } from 'node:zlib';
import { UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { insertRows, withScratchTable } from '../../db/bulk-insert.js';
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
import {
  accountsToScan,
  lineKeyOf,
  planBankLines,
  sourceKey,
  type LinePlan,
} from './bank-match.js';
import { BANK_FILE_PAYMENTS, paymentsPageHash } from './bank-file.audit.js';
import { BANK_FILE_SUMMARY, BankFile } from './bank-file.model.js';
import type { PaymentReceivedPayload } from './payment-received.js';
import {
  PAYMENT_RECEIVED,
  RECEIPT_PREFIX,
  RECEIPTS_PER_BOOK,
  receiptBook,
  receiptItems,
} from './payment-posting.js';

/** Payments audited per event: one link names this many payments by hash. */
const AUDIT_PAGE = 500;

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
    const before = await BankFile.findOne({
      where: { sha256: parsed.sha256 },
      attributes: BANK_FILE_SUMMARY,
    });
    if (before) throw duplicateFile(before);
    const at = opts.at ?? this.now();
    // which lines were seen before is asked on a connection of its own, while the
    // transaction's connection locks the invoices the lines name: two cores at work
    const seen = this.seenBefore(tenantId, parsed.details);
    seen.catch(() => undefined);
    try {
      const result = await this.sequelize.transaction((tx) =>
        this.match(tx, tenantId, layout, bytes, parsed, seen, actor, at, opts.fileName ?? null),
      );
      this.outbox.kick();
      return result;
    } catch (err) {
      if (err instanceof UniqueConstraintError) {
        const again = await BankFile.findOne({
          where: { sha256: parsed.sha256 },
          attributes: BANK_FILE_SUMMARY,
        });
        if (again) throw duplicateFile(again);
        // another import paid some of these lines while this one ran (unique source key)
        throw new ConflictError('bank_file_lines_racing', {
          th: 'มีการนำเข้าไฟล์อื่นที่มีรายการเดียวกันในขณะเดียวกัน ไม่มีการบันทึกใดจากไฟล์นี้ กรุณานำเข้าอีกครั้ง รายการที่ชำระแล้วจะนับเป็นรายการซ้ำ',
          en: 'Another import paid some of these lines at the same moment; nothing of this file was written. Import it again: the lines already paid will count as duplicates.',
        });
      }
      throw err;
    }
  }

  private async match(
    tx: Transaction,
    tenantId: number,
    layout: BankLayout,
    bytes: Buffer,
    parsed: ReturnType<typeof parseBankFile>,
    seenBefore: Promise<Set<string>>,
    actor: Actor,
    at: Date,
    fileName: string | null,
  ): Promise<BankFileResult> {
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
        // level 1: 12.8 MB of fixed-width text in ~25 ms, to ~5%
        content: gzipSync(bytes, { level: 1 }),
        layoutJson: JSON.stringify(layout),
      },
      { transaction: tx },
    );

    // lines seen before (in an earlier file, or twice in this one) never pay again
    const freshLines = seenBefore.then((seen) =>
      parsed.details.filter((l) => !seen.has(l.lineKey) && (seen.add(l.lineKey), true)),
    );
    // awaited below; when the locks fail first, its own failure must not go unhandled
    freshLines.catch(() => undefined);
    const { byNumber, openByAccount } = await this.ledger.lockForReferences(
      tx,
      tenantId,
      parsed.details.flatMap((l) => (l.kind === 'C' && l.ref2 ? [l.ref2] : [])),
      async (named) => accountsToScan(await freshLines, named),
    );
    const fresh = await freshLines;
    const plans = planBankLines(fresh, byNumber, openByAccount);
    const matched = plans.filter(
      (p): p is Extract<LinePlan, { status: 'matched' }> => p.status === 'matched',
    );

    const fiscalYear = fiscalYearOf(thaiDay(at));
    const { ids, last } = await this.writePayments(tx, tenantId, file.id, matched, fiscalYear, {
      when,
      username: actor.username,
      name: layout.name.th,
    });
    const idOf = new Map(matched.map((p, i) => [p, ids[i]!]));
    const paymentId = (p: LinePlan) => idOf.get(p as Extract<LinePlan, { status: 'matched' }>)!;
    const receiptNumbers = matched.map((_, i) => last + 1 + i);
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
      plans.flatMap((p): Param[][] =>
        p.status === 'matched'
          ? []
          : [
              [
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
                'unmatched',
                p.reason,
                null,
                when,
                when,
              ],
            ],
      ),
    );

    // payment.received: one row names the file; its payments are read when it is delivered
    if (matched.length) {
      const payload: PaymentReceivedPayload = {
        bankFileId: file.id,
        firstPaymentId: ids[0]!,
        lastPaymentId: ids.at(-1)!,
        count: matched.length,
      };
      await this.outbox.append(tx, [{ tenantId, type: PAYMENT_RECEIVED, payload }]);
    }

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
      const sha256 = paymentsPageHash(
        page.map((p, j) => ({
          paymentId: paymentId(p),
          accountId: p.accountId,
          amountSatang: p.line.amountSatang,
          receipt: receiptNumbers[i + j]!,
        })),
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
          sha256,
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
  /**
   * The keys of these lines that were seen before: a line that paid is a payment with its
   * key, one that did not is an exception row. A line's key covers its payment date and
   * time, so only what was paid within the file's own span can repeat it: one range read
   * of each (indexes by time) instead of a look-up per line. Read outside the import's
   * transaction (as a read inside it would: what others committed); two imports of one
   * line at once are kept apart by the unique source key.
   */
  private async seenBefore(
    tenantId: number,
    lines: readonly { lineKey: string; paidAt: string }[],
  ): Promise<Set<string>> {
    if (!lines.length) return new Set();
    let first = Infinity;
    let last = -Infinity;
    for (const l of lines) {
      const t = Date.parse(l.paidAt);
      if (t < first) first = t;
      if (t > last) last = t;
    }
    const from = this.sql.date(new Date(first));
    const to = this.sql.date(new Date(last));
    const [exceptions, paid] = await this.sql.selectMany<{ k: string }>([
      {
        sql: 'SELECT line_key AS k FROM bank_lines WHERE tenant_id = ? AND paid_at BETWEEN ? AND ?',
        params: [tenantId, from, to],
      },
      {
        sql: `SELECT source_key AS k FROM payments
               WHERE tenant_id = ? AND received_at BETWEEN ? AND ? AND source_key IS NOT NULL`,
        params: [tenantId, from, to],
      },
    ]);
    const ours = new Set(lines.map((l) => l.lineKey));
    const seen = new Set<string>();
    for (const r of [...exceptions!, ...paid!]) {
      const key = lineKeyOf(r.k);
      if (ours.has(key)) seen.add(key);
    }
    return seen;
  }

  /**
   * The matched lines' payments, allocations and receipts, written by the database from a
   * scratch table of numbers (one row a line: account, invoice, amounts, date) instead of
   * 30 MB of SQL text: the receipt's number, book, payer and items come from the series
   * and the invoice paid. A line that pays one invoice exactly — nearly all of them — is
   * written this way; a line paying several invoices or leaving credit has its allocations
   * and receipt items written out as at the counter (receiptItems), so every receipt reads
   * the same. Payments go in line order and read back by id in that order (a single
   * INSERT numbers its rows in order; no other writer uses this file's id). Receipt
   * numbers are one block taken under the series' lock.
   */
  private async writePayments(
    tx: Transaction,
    tenantId: number,
    fileId: number,
    matched: Extract<LinePlan, { status: 'matched' }>[],
    fiscalYear: number,
    by: { when: string | null; username: string; name: string },
  ): Promise<{ ids: number[]; last: number }> {
    if (!matched.length) return { ids: [], last: 0 };
    const sql = this.sql;
    const driver = sql.in(tx);
    const last = await this.series.lock(tx, tenantId, 'receipt', fiscalYear);
    // the series' own integer, written into the statement (it appears up to five times)
    if (!Number.isSafeInteger(last)) throw new Error(`receipt series: ${last}`);
    const simple = (p: (typeof matched)[number]) =>
      p.allocations.length === 1 && p.unappliedSatang === 0;
    const plan = matched.map((p, i): Param[] => [
      i + 1,
      sourceKey(p.line.lineKey),
      p.accountId,
      p.invoices[0]?.id ?? 0, // read for lines paying one invoice only
      p.line.amountSatang,
      p.unappliedSatang,
      simple(p) ? 1 : 0,
      sql.date(new Date(p.line.paidAt)),
    ]);
    const seq = `(${last} + r.k)`;
    const item = `JSON_OBJECT('invoiceId', i.id, 'invoiceNumber', i.number,
      'period', CASE WHEN i.kind = 'water' THEN i.period END, 'kind', i.kind,
      'amountSatang', r.amount)`;
    const ids = await withScratchTable(
      sql,
      tx,
      'bank_plan',
      ['k', 'source_key', 'account_id', 'invoice_id', 'amount', 'credit', 'simple', 'paid_at'],
      plan,
      async (t) => {
        await driver.run(
          `INSERT INTO payments (tenant_id, account_id, method, channel, amount_satang,
             applied_satang, unapplied_satang, status, received_at, received_by, bank_file_id,
             source_key, created_at, updated_at)
           SELECT ?, r.account_id, 'bank', 'bank-file', r.amount, r.amount - r.credit, r.credit,
             'posted', r.paid_at, ?, ?, r.source_key, ?, ? FROM ${t} r ORDER BY r.k`,
          [tenantId, by.username, fileId, by.when, by.when],
        );
        const ids = (
          await driver.all<{ id: number }>(
            'SELECT id FROM payments WHERE tenant_id = ? AND bank_file_id = ? ORDER BY id',
            [tenantId, fileId],
          )
        ).map((r) => Number(r.id));
        if (ids.length !== matched.length) throw new Error('bank file: payments read back short');
        await withScratchTable(
          sql,
          tx,
          'bank_paid',
          ['k', 'payment_id'],
          ids.map((id, i) => [i + 1, id]),
          async (paid) => {
            const lines = `${t} r JOIN ${paid} x ON x.k = r.k`;
            await driver.run(
              `INSERT INTO payment_allocations (tenant_id, payment_id, invoice_id, amount_satang, created_at)
               SELECT ?, x.payment_id, r.invoice_id, r.amount, ? FROM ${lines}
               WHERE r.simple = 1 ORDER BY r.k`,
              [tenantId, by.when],
            );
            await driver.run(
              `INSERT INTO receipts (tenant_id, payment_id, fiscal_year, seq, book, number,
                 account_id, account_number, payer_name, method, amount_satang, credit_satang,
                 items_json, issued_at, issued_by, issued_by_name, status, created_at, updated_at)
               SELECT ?, x.payment_id, ?, ${seq},
                 ${sql.intDiv(`${seq} - 1`, String(RECEIPTS_PER_BOOK))} + 1,
                 ${sql.concat('?', sql.zeroPad(seq, 6))}, r.account_id, i.account_number,
                 i.customer_name, 'bank', r.amount, r.credit, JSON_ARRAY(${item}),
                 ?, ?, ?, 'valid', ?, ?
               FROM ${lines} ${sql.sqlite ? 'JOIN' : 'STRAIGHT_JOIN'} invoices i ON i.id = r.invoice_id
               WHERE r.simple = 1 ORDER BY r.k`,
              [
                tenantId,
                fiscalYear,
                `${RECEIPT_PREFIX}${fiscalYear}-`,
                by.when,
                by.username,
                by.name,
                by.when,
                by.when,
              ],
            );
          },
        );
        return ids;
      },
      { dates: ['paid_at'], keys: ['source_key'] },
    );

    // the other lines, written out
    const rest = matched.flatMap((p, i) => (simple(p) ? [] : [{ p, id: ids[i]!, k: i + 1 }]));
    await insertRows(
      sql,
      tx,
      'payment_allocations',
      ['tenant_id', 'payment_id', 'invoice_id', 'amount_satang', 'created_at'],
      rest.flatMap(({ p, id }) =>
        p.allocations.map((a) => [tenantId, id, a.invoiceId, a.amountSatang, by.when]),
      ),
    );
    await insertRows(
      sql,
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
      rest.map(({ p, id, k }) => [
        tenantId,
        id,
        fiscalYear,
        last + k,
        receiptBook(last + k),
        formatDocumentNumber(RECEIPT_PREFIX, fiscalYear, last + k),
        p.accountId,
        p.accountNumber,
        p.customerName,
        'bank',
        p.line.amountSatang,
        p.unappliedSatang,
        JSON.stringify(receiptItems(p.allocations, p.invoices, p.unappliedSatang)),
        by.when,
        by.username,
        by.name,
        'valid',
        by.when,
        by.when,
      ]),
    );
    await this.series.advance(tx, tenantId, 'receipt', fiscalYear, last + matched.length);
    return { ids, last };
  }
}

function duplicateFile(f: BankFile): ConflictError {
  return new ConflictError('bank_file_duplicate', {
    th: `ไฟล์นี้นำเข้าไปแล้วเมื่อ ${new Date(f.createdAt).toLocaleString('th-TH', { timeZone: 'Asia/Bangkok' })} (ไฟล์ที่ ${f.id})`,
    en: `This file was imported before (file ${f.id}, ${new Date(f.createdAt).toISOString()}).`,
  });
}
