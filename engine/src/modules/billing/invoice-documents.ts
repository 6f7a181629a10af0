/**
 * An issued invoice as a printable document: the invoice row with its account (registry),
 * its reading and the tenant, resolved into the `InvoiceDocument` that documents/ renders
 * to an A4/A5 PDF or to the handheld's 58 mm slip.
 */
import type { Actor } from '../../http/request-context.js';
import type { ReadingService } from '../readings/reading.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { thaiDay } from './billing-dates.js';
import {
  invoiceSlipLayout,
  renderInvoicePdf,
  type InvoiceDocument,
  type InvoicePdfOptions,
} from './documents/index.js';
import { invoiceDto } from './invoice.dto.js';
import type { InvoiceService } from './invoice.service.js';

export class InvoiceDocuments {
  constructor(
    private readonly invoices: InvoiceService,
    private readonly registry: RegistryService,
    private readonly readings: ReadingService,
    private readonly tenancy: TenancyService,
  ) {}

  /** Residents only reach their own accounts' invoices (404 otherwise). */
  async document(id: number, actor: Actor, tenantId: number): Promise<InvoiceDocument> {
    const i = await this.invoices.find(id, actor);
    const [tenant, account, reading] = await Promise.all([
      this.tenancy.getTenant(tenantId),
      this.registry.getAccount(i.accountId),
      i.readingId ? this.readings.get(i.readingId) : null,
    ]);
    const dto = invoiceDto(i, tenant);
    const u = account.waterUser;
    return {
      tenant: {
        name: tenant.name,
        address: tenant.address,
        taxId: tenant.taxId,
        phone: tenant.phone ?? null,
      },
      // a reconnection fee prints under the connection title: both are one-off fees
      kind: i.kind === 'water' ? 'water' : 'installation',
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      period: i.kind === 'water' ? i.period : null,
      account: {
        number: account.number,
        waterUserName: u.name,
        address: [u.houseNo, u.moo ? `หมู่ ${u.moo}` : null, u.address].filter((p) => p).join(' '),
        meterSerial: account.meter?.serial ?? null,
        meterSize: account.meter ? `${account.meter.size}"` : null,
      },
      reading:
        reading && reading.currentReading !== null
          ? {
              previous: reading.previousReading,
              current: reading.currentReading,
              consumptionM3: reading.consumptionM3 ?? i.consumptionM3 ?? 0,
              readOn: thaiDay(new Date(reading.readAt)),
            }
          : null,
      lines: i.lines.map((l) => ({
        label: l.label,
        ...(l.quantityM3 !== undefined ? { quantityM3: l.quantityM3 } : {}),
        ...(l.unitPriceSatang !== undefined ? { unitPriceSatang: l.unitPriceSatang } : {}),
        amountSatang: l.amountSatang,
      })),
      totalSatang: dto.totalSatang,
      arrearsSatang: dto.arrearsSatang,
      amountDueSatang: dto.amountDueSatang,
      payment: { billerId: dto.billerId, ref1: dto.ref1, ref2: dto.ref2 },
      roundingNote: null,
    };
  }

  async pdf(id: number, opts: InvoicePdfOptions, actor: Actor, tenantId: number) {
    const doc = await this.document(id, actor, tenantId);
    return { number: doc.number, pdf: await renderInvoicePdf(doc, opts) };
  }

  async slip(id: number, actor: Actor, tenantId: number) {
    return invoiceSlipLayout(await this.document(id, actor, tenantId));
  }
}
