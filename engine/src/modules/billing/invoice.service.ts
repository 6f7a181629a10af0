/**
 * Invoices: read by staff and by residents (only their linked accounts'), corrected by
 * credit notes (never edited), paid by the payments module (markPaid), and issued one
 * at a time for one-off fees (installation, reconnection) from workflows.
 */
import { Op, QueryTypes, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import { formatDocumentNumber, type BillLine } from '../../domain/index.js';
import { ConflictError, NotFoundError, UserError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { AccountDto } from '../registry/registry.dto.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { addDays, fiscalYearOf, periodOf, thaiDay } from './billing-dates.js';
import type { BillingSettingsService } from './billing-settings.service.js';
import type { DocumentSeries } from './document-series.js';
import { balanceOf, creditNoteDto, invoiceDto } from './invoice.dto.js';
import { CreditNote, Invoice, type InvoiceKind, type InvoiceStatus } from './invoice.model.js';

const INVOICE = { th: 'ใบแจ้งหนี้', en: 'Invoice' };

export interface InvoiceQuery {
  status?: InvoiceStatus;
  accountId?: number;
  period?: string;
  villageId?: number;
  waterworksId?: number;
  kind?: InvoiceKind;
  /** The invoices a billing run made. */
  billingRunId?: number;
  limit: number;
  offset: number;
}

export interface OneOffInvoice {
  accountId: number;
  /**
   * The account as the caller knows it, for one made in the caller's transaction (the
   * registry, reading on its own connection, would not see it yet); else read from it.
   */
  account?: {
    number: string;
    waterworksId: number;
    villageId: number | null;
    customerName: string;
  };
  kind: Exclude<InvoiceKind, 'water'>;
  lines: BillLine[];
  tariffCode: string | null;
  issueDate?: string;
  /** The issuing process's business key: the payment of this invoice is reported to it. */
  businessKey?: string | null;
}

export class InvoiceService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tenancy: TenancyService,
    private readonly registry: RegistryService,
    private readonly series: DocumentSeries,
    private readonly settings: BillingSettingsService,
  ) {
    audit.registerEntity('credit-note', {
      model: CreditNote,
      snapshot: (c: CreditNote) => creditNoteDto(c),
    });
  }

  async list(q: InvoiceQuery, actor: Actor, tenantId: number) {
    const own = await this.residentAccounts(actor);
    const where: WhereOptions<Invoice> = Object.fromEntries(
      Object.entries({
        status: q.status,
        period: q.period,
        villageId: q.villageId,
        waterworksId: q.waterworksId,
        kind: q.kind,
        billingRunId: q.billingRunId,
      }).filter(([, v]) => v !== undefined),
    );
    const accounts =
      own === null
        ? q.accountId
        : q.accountId === undefined
          ? own
          : own.filter((id) => id === q.accountId);
    const { rows, count } = await Invoice.findAndCountAll({
      where:
        accounts === undefined ? where : { ...where, accountId: { [Op.in]: [accounts].flat() } },
      order: [
        ['issueDate', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: q.limit,
      offset: q.offset,
    });
    const tenant = await this.tenancy.getTenant(tenantId);
    return { total: count, items: rows.map((i) => invoiceDto(i, tenant)) };
  }

  async get(id: number, actor: Actor, tenantId: number) {
    const i = await this.find(id, actor);
    const credits = await CreditNote.findAll({
      where: { invoiceId: i.id },
      order: [['id', 'ASC']],
    });
    return {
      ...invoiceDto(i, await this.tenancy.getTenant(tenantId)),
      creditNotes: credits.map(creditNoteDto),
    };
  }

  /** The invoice row, if the actor may see it (a resident: only their linked accounts'). */
  async find(id: number, actor: Actor): Promise<Invoice> {
    const i = await Invoice.findByPk(id);
    const own = await this.residentAccounts(actor);
    if (!i || (own !== null && !own.includes(i.accountId))) throw new NotFoundError(INVOICE);
    return i;
  }

  /** Lowers what an issued invoice asks for, in a document of its own series. */
  async creditNote(id: number, input: { amountSatang: number; reason: string }, tenantId: number) {
    const rules = await this.settings.get(tenantId);
    return this.sequelize.transaction(async (tx) => {
      const i = await Invoice.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!i) throw new NotFoundError(INVOICE);
      if (i.status === 'void')
        throw new ConflictError('invoice_void', {
          th: 'ใบแจ้งหนี้นี้ถูกยกเลิกแล้ว',
          en: 'This invoice is void.',
        });
      const balance = balanceOf(i);
      if (input.amountSatang > balance) {
        const m = {
          th: `ลดหนี้ได้ไม่เกินยอดคงค้าง ${balance} สตางค์`,
          en: `A credit note may not exceed the balance (${balance} satang).`,
        };
        throw new UserError('credit_exceeds_balance', m, [{ path: 'amountSatang', message: m }]);
      }
      const issueDate = thaiDay(new Date());
      const fy = fiscalYearOf(issueDate);
      const seq = await this.series.next(tx, tenantId, 'credit_note', fy);
      const note = await CreditNote.create(
        {
          invoiceId: i.id,
          number: formatDocumentNumber(rules.creditNotePrefix, fy, seq),
          fiscalYear: fy,
          seq,
          amountSatang: input.amountSatang,
          reason: input.reason,
          issueDate,
        },
        { transaction: tx },
      );
      const before = invoiceSnapshot(i);
      const credited = i.creditedSatang + input.amountSatang;
      const settled = i.totalSatang - credited - i.paidSatang === 0;
      await i.update(
        {
          creditedSatang: credited,
          ...(settled ? { status: i.paidSatang > 0 ? 'paid' : 'void' } : {}),
        },
        { transaction: tx },
      );
      await this.audit.recordChange(tx, 'credit-note.issue', 'credit-note', note.id, null, note);
      await this.audit.record(tx, {
        action: 'invoice.credit',
        entityType: 'invoice',
        entityId: i.id,
        before,
        after: invoiceSnapshot(i),
      });
      return creditNoteDto(note);
    });
  }

  /**
   * For the payments module: records a payment against an invoice in the caller's
   * transaction (with its own audit event); the invoice is paid when nothing is left.
   */
  async markPaid(
    tx: Transaction,
    invoiceId: number,
    amountSatang: number,
    at: Date,
  ): Promise<Invoice> {
    const i = await Invoice.findByPk(invoiceId, { transaction: tx, lock: tx.LOCK.UPDATE });
    if (!i) throw new NotFoundError(INVOICE);
    if (i.status !== 'open' || amountSatang <= 0 || amountSatang > balanceOf(i))
      throw new ConflictError('invoice_not_payable', {
        th: 'ใบแจ้งหนี้นี้ชำระด้วยยอดนี้ไม่ได้',
        en: 'This invoice cannot take that payment.',
      });
    const before = invoiceSnapshot(i);
    const paid = i.paidSatang + amountSatang;
    const done = i.totalSatang - i.creditedSatang - paid === 0;
    await i.update(
      { paidSatang: paid, ...(done ? { status: 'paid' as const, paidAt: at } : {}) },
      { transaction: tx },
    );
    await this.audit.record(tx, {
      action: done ? 'invoice.paid' : 'invoice.part-paid',
      entityType: 'invoice',
      entityId: i.id,
      before,
      after: invoiceSnapshot(i),
    });
    return i;
  }

  /** Issues a one-off fee invoice (installation, reconnection) in the caller's transaction. */
  async issueOneOff(tx: Transaction, tenantId: number, input: OneOffInvoice): Promise<Invoice> {
    const [account, rules] = await Promise.all([
      input.account ?? this.registry.getAccount(input.accountId).then(oneOffAccount),
      this.settings.get(tenantId),
    ]);
    const issueDate = input.issueDate ?? thaiDay(new Date());
    const period = periodOf(issueDate);
    const existing = await Invoice.findOne({
      where: { accountId: input.accountId, period, kind: input.kind },
      transaction: tx,
    });
    if (existing) return existing;
    const fy = fiscalYearOf(issueDate);
    const seq = await this.series.next(tx, tenantId, 'invoice', fy);
    const total = input.lines.reduce((s, l) => s + l.amountSatang, 0);
    const invoice = await Invoice.create(
      {
        accountId: input.accountId,
        waterworksId: account.waterworksId,
        villageId: account.villageId,
        accountNumber: account.number,
        customerName: account.customerName,
        period,
        kind: input.kind,
        number: formatDocumentNumber(rules.invoicePrefix, fy, seq),
        fiscalYear: fy,
        seq,
        status: 'open',
        issueDate,
        dueDate: addDays(issueDate, rules.dueDays),
        tariffCode: input.tariffCode,
        readingId: null,
        consumptionM3: null,
        waterChargeSatang: 0,
        feesSatang: total,
        leviesSatang: 0,
        vatSatang: 0,
        roundingSatang: 0,
        totalSatang: total,
        arrearsSatang: 0,
        lines: input.lines,
        billingRunId: null,
        businessKey: input.businessKey ?? null,
      },
      { transaction: tx },
    );
    await this.audit.record(tx, {
      action: 'invoice.issue',
      entityType: 'invoice',
      entityId: invoice.id,
      before: null,
      after: { ...invoiceSnapshot(invoice), lines: invoice.lines },
      tenantId,
    });
    return invoice;
  }

  /** Which of these readings an invoice was issued from (a billed reading is not edited). */
  async billedReadings(readingIds: number[]): Promise<Set<number>> {
    if (!readingIds.length) return new Set();
    const rows = await Invoice.findAll({
      attributes: ['readingId'],
      where: { readingId: { [Op.in]: readingIds } },
    });
    return new Set(rows.map((r) => r.readingId!));
  }

  /** Numbers of a tenant's invoice series in a fiscal year, in order (for checks and reports). */
  async seriesNumbers(tenantId: number, fiscalYear: number): Promise<number[]> {
    const rows = await this.sequelize.query<{ seq: number }>(
      'SELECT seq FROM invoices WHERE tenant_id = ? AND fiscal_year = ? ORDER BY seq',
      { replacements: [tenantId, fiscalYear], type: QueryTypes.SELECT },
    );
    return rows.map((r) => Number(r.seq));
  }

  /** null for staff (every account); a resident's linked account ids. */
  private async residentAccounts(actor: Actor): Promise<number[] | null> {
    if (actor.kind !== 'resident') return null;
    return (await this.registry.accountsOfResident(actor.id)).map((a) => a.id);
  }
}

function oneOffAccount(a: AccountDto): Required<OneOffInvoice>['account'] {
  return {
    number: a.number,
    waterworksId: a.waterworksId,
    villageId: a.villageId,
    customerName: a.waterUser.name,
  };
}

/**
 * What invoice events record. Invoices are not a registered audit entity: a billing run
 * records one event per page (its numbers and a hash of their totals) rather than one per
 * invoice, so the verifier's "every row has an event" check would not hold (docs/billing.md).
 */
export function invoiceSnapshot(i: Invoice) {
  return {
    id: i.id,
    number: i.number,
    accountId: i.accountId,
    period: i.period,
    kind: i.kind,
    status: i.status,
    totalSatang: i.totalSatang,
    creditedSatang: i.creditedSatang,
    paidSatang: i.paidSatang,
  };
}
