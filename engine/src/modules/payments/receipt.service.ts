/**
 * Receipts: one, its printable forms (A5/A4 PDF, 58 mm slip), and the receipt control
 * register (ทะเบียนคุมใบเสร็จรับเงิน) — every number of a fiscal year, valid or void, with
 * any number missing from the run named (there should be none).
 */
import { Op, QueryTypes, type Sequelize, type WhereOptions } from 'sequelize';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import type { Actor } from '../../http/request-context.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import {
  receiptSlipLayout,
  renderReceiptPdf,
  type ReceiptDocument,
  type ReceiptPdfOptions,
} from './documents/index.js';
import { receiptDto } from './payment.dto.js';
import { Receipt } from './payment.model.js';

const RECEIPT = { th: 'ใบเสร็จรับเงิน', en: 'Receipt' };
const ITEM_LABELS: Record<string, { th: string; en: string }> = {
  water: { th: 'ค่าน้ำประปา', en: 'Water charge' },
  installation: { th: 'ค่าติดตั้งประปา', en: 'Water connection fee' },
  reconnection: { th: 'ค่าธรรมเนียมการต่อน้ำกลับ', en: 'Reconnection fee' },
};

export interface RegisterQuery {
  fiscalYear?: number;
  from?: string;
  to?: string;
  status?: 'valid' | 'void';
  accountId?: number;
  limit: number;
  offset: number;
}

export class ReceiptService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tenancy: TenancyService,
    private readonly registry: RegistryService,
  ) {}

  async get(id: number, actor: Actor) {
    return receiptDto(await this.find(id, actor));
  }

  async register(q: RegisterQuery, tenantId: number) {
    const where: WhereOptions<Receipt> = {};
    if (q.fiscalYear) Object.assign(where, { fiscalYear: q.fiscalYear });
    if (q.status) Object.assign(where, { status: q.status });
    if (q.accountId) Object.assign(where, { accountId: q.accountId });
    if (q.from || q.to)
      Object.assign(where, {
        issuedAt: {
          ...(q.from ? { [Op.gte]: new Date(`${q.from}T00:00:00+07:00`) } : {}),
          ...(q.to
            ? { [Op.lt]: new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000) }
            : {}),
        },
      });
    const [{ rows, count }, valid, voids] = await Promise.all([
      Receipt.findAndCountAll({
        where,
        order: [
          ['fiscalYear', 'ASC'],
          ['seq', 'ASC'],
        ],
        limit: q.limit,
        offset: q.offset,
      }),
      Receipt.sum('amountSatang', { where: { ...where, status: 'valid' } }),
      Receipt.count({ where: { ...where, status: 'void' } }),
    ]);
    return {
      total: count,
      validAmountSatang: Number(valid ?? 0),
      voidCount: voids,
      missingNumbers: q.fiscalYear ? await this.missing(tenantId, q.fiscalYear) : [],
      items: rows.map(receiptDto),
    };
  }

  /** Numbers of the fiscal year's run that have no receipt (an empty list when all is well). */
  async missing(tenantId: number, fiscalYear: number): Promise<number[]> {
    const rows = await this.sequelize.query<{ seq: number }>(
      'SELECT seq FROM receipts WHERE tenant_id = ? AND fiscal_year = ? ORDER BY seq',
      { replacements: [tenantId, fiscalYear], type: QueryTypes.SELECT },
    );
    const gaps: number[] = [];
    let expected = 1;
    for (const { seq } of rows) {
      for (; expected < Number(seq) && gaps.length < 100; expected++) gaps.push(expected);
      expected = Number(seq) + 1;
    }
    return gaps;
  }

  async document(id: number, actor: Actor, tenantId: number): Promise<ReceiptDocument> {
    const r = await this.find(id, actor);
    const [tenant, account] = await Promise.all([
      this.tenancy.getTenant(tenantId),
      this.registry.getAccount(r.accountId).catch(() => null),
    ]);
    const u = account?.waterUser;
    return {
      tenant: {
        name: tenant.name,
        address: tenant.address,
        taxId: tenant.taxId,
        phone: tenant.phone ?? null,
      },
      book: r.book,
      number: r.seq,
      documentNumber: r.number,
      fiscalYear: r.fiscalYear,
      issuedAt: new Date(r.issuedAt).toISOString(),
      payer: {
        name: r.payerName,
        accountNumber: r.accountNumber,
        address: u
          ? [u.houseNo, u.moo ? `หมู่ ${u.moo}` : null, u.address].filter((p) => p).join(' ') || null
          : null,
      },
      method: r.method,
      items: r.items
        .filter((i) => i.kind !== 'credit')
        .map((i) => ({
          label: ITEM_LABELS[i.kind] ?? { th: 'ค่าบริการ', en: 'Charge' },
          invoiceNumber: i.invoiceNumber,
          period: i.period,
          amountSatang: i.amountSatang,
        })),
      totalSatang: r.amountSatang,
      creditSatang: r.creditSatang,
      receivedBy: r.issuedByName,
      void:
        r.status === 'void'
          ? { reason: r.voidReason ?? '', at: new Date(r.voidedAt ?? r.updatedAt).toISOString() }
          : null,
    };
  }

  async pdf(id: number, opts: ReceiptPdfOptions, actor: Actor, tenantId: number) {
    const doc = await this.document(id, actor, tenantId);
    return { number: doc.documentNumber, pdf: await renderReceiptPdf(doc, opts) };
  }

  async slip(id: number, actor: Actor, tenantId: number) {
    return receiptSlipLayout(await this.document(id, actor, tenantId));
  }

  private async find(id: number, actor: Actor): Promise<Receipt> {
    const r = await Receipt.findByPk(id);
    if (!r) throw new NotFoundError(RECEIPT);
    if (actor.kind === 'resident') {
      const own = await this.registry.accountsOfResident(actor.id);
      if (!own.some((a) => a.id === r.accountId))
        throw new ForbiddenError('not_your_account', {
          th: 'คุณดูได้เฉพาะใบเสร็จของบัญชีของคุณ',
          en: 'You may see only your own accounts’ receipts.',
        });
    }
    return r;
  }
}
