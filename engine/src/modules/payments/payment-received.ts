/**
 * What a `payment.received` event tells of. A payment at the counter, a slip or a line
 * matched by hand carries itself in the payload (`{ payments: [...] }`); a bank file says
 * only which file and payments (`{ bankFileId, firstPaymentId, lastPaymentId }`, the import's
 * payments; lines matched by hand later tell of themselves) — one outbox row for 50,000 payments instead of 50,000
 * copies of them in the import's transaction — and its payments are read here when the
 * event is delivered. Every subscriber reads events through `receivedPayments`.
 */
import type { Sequelize } from 'sequelize';
import { Sql } from '../../db/sql.js';
import type { OutboxEvent } from '../events/outbox.js';
import { businessKeys, type PaymentReceivedEvent } from './payment-posting.js';
import type { PaymentMethod } from './payment.model.js';

export type PaymentReceivedPayload =
  | { payments: PaymentReceivedEvent[] }
  | { bankFileId: number; firstPaymentId: number; lastPaymentId: number; count: number };

interface Row {
  id: number;
  account_id: number;
  amount_satang: number;
  method: PaymentMethod;
  receipt_number: string;
  account_number: string;
  invoice_id: number | null;
  business_key: string | null;
}

export function receivedPayments(sequelize: Sequelize) {
  const sql = new Sql(sequelize);
  return async (event: OutboxEvent): Promise<PaymentReceivedEvent[]> => {
    const payload = event.payload as PaymentReceivedPayload;
    if ('payments' in payload) return payload.payments;
    // allocations made at the import only: credit applied later is not this payment's news
    const rows = await sql.select<Row>(
      `SELECT p.id, p.account_id, p.amount_satang, p.method, r.number AS receipt_number,
              r.account_number, a.invoice_id, i.business_key
         FROM payments p
         JOIN receipts r ON r.payment_id = p.id
         LEFT JOIN payment_allocations a ON a.payment_id = p.id AND a.created_at = p.created_at
         LEFT JOIN invoices i ON i.id = a.invoice_id
        WHERE p.tenant_id = ? AND p.bank_file_id = ? AND p.id BETWEEN ? AND ?
        ORDER BY p.id, a.id`,
      [event.tenantId, payload.bankFileId, payload.firstPaymentId, payload.lastPaymentId],
    );
    const out: PaymentReceivedEvent[] = [];
    const keys: { businessKey: string | null }[][] = [];
    for (const r of rows) {
      const id = Number(r.id);
      if (out.at(-1)?.paymentId !== id) {
        out.push({
          paymentId: id,
          receiptNumber: r.receipt_number,
          accountId: Number(r.account_id),
          accountNumber: r.account_number,
          amountSatang: Number(r.amount_satang),
          method: r.method,
          invoiceIds: [],
          businessKeys: [],
        });
        keys.push([]);
      }
      if (r.invoice_id !== null) {
        out.at(-1)!.invoiceIds.push(Number(r.invoice_id));
        keys.at(-1)!.push({ businessKey: r.business_key });
      }
    }
    for (const [i, p] of out.entries()) p.businessKeys = businessKeys(p.accountNumber, keys[i]!);
    return out;
  };
}
