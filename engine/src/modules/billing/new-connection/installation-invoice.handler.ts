/**
 * billing.createInstallationInvoice: the installation fee of the waterworks' tariff for
 * the applied meter size, as a one-off invoice of the new account.
 */
import { installationFeeSatang, TariffError } from '../../../domain/index.js';
import { UserError } from '../../../http/errors.js';
import type { Handler } from '../../../workflow/handlers.js';
import { thaiDay } from '../billing-dates.js';
import { periodStart } from '../tariff.service.js';
import { meterSizeOf, required, type NewConnectionDeps } from './new-connection.deps.js';

export const INSTALLATION_INVOICE_TOPIC = 'billing.createInstallationInvoice';

export function installationInvoiceHandler(deps: NewConnectionDeps): Handler {
  return async (ctx) => {
    const accountId = Number(required(ctx, 'accountId'));
    const village = await deps.tenancy.getVillage(Number(required(ctx, 'villageId')));
    const waterworksId = village.waterworksId ?? Number(required(ctx, 'waterworksId'));
    const issueDate = thaiDay(ctx.now);
    const book = await deps.tariffs.book(periodStart(issueDate.slice(0, 7)));
    const code = book.codeFor(waterworksId, '1');
    const tariff = code ? book.get(code) : undefined;
    if (!tariff) {
      const m = {
        th: 'ประปานี้ยังไม่ได้กำหนดอัตราค่าน้ำ จึงคิดค่าติดตั้งไม่ได้',
        en: 'This waterworks has no tariff, so there is no installation fee to charge.',
      };
      throw new UserError('no_tariff', m, [{ path: 'waterworksId', message: m }]);
    }
    const size = meterSizeOf(ctx.variables['meterSize']);
    let fee: number;
    try {
      fee = installationFeeSatang(tariff, size);
    } catch (err) {
      if (err instanceof TariffError)
        throw new UserError(err.code, err.messages, [{ path: 'meterSize', message: err.messages }]);
      throw err;
    }
    const invoice = await deps.invoices.issueOneOff(ctx.transaction, ctx.tenantId, {
      accountId,
      account: {
        number: String(required(ctx, 'accountNumber')),
        waterworksId,
        villageId: village.id,
        customerName: String(required(ctx, 'applicantName')),
      },
      kind: 'installation',
      businessKey: ctx.businessKey,
      tariffCode: tariff.code,
      issueDate,
      lines: [
        {
          code: 'meter-fee',
          label: {
            th: `ค่าติดตั้งประปา มาตรวัดน้ำขนาด ${size} นิ้ว`,
            en: `Water connection, ${size}" meter`,
          },
          amountSatang: fee,
        },
      ],
    });
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      installationFeeSatang: invoice.totalSatang,
    };
  };
}
