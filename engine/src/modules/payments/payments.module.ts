/**
 * The payments module as main.ts wires it: counter payments and cashier days, receipts and
 * voids, bank files and their exceptions, transfer slips, and the `payment-received`
 * message every payment sends to the workflow (through the outbox, after commit).
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import { Sql } from '../../db/sql.js';
import type { ApiRouter } from '../../http/api-router.js';
import { NotFoundError } from '../../http/errors.js';
import type { Workflow } from '../../workflow/workflow.js';
import type { AuditLog } from '../audit/audit.service.js';
import { User } from '../auth/user.model.js';
import type { Billing } from '../billing/billing.module.js';
import { InvoiceLedger } from '../billing/invoice-ledger.js';
import type { Outbox, OutboxEvent } from '../events/outbox.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { TenancyService } from '../tenancy/tenancy.service.js';
import { AccountCreditService } from './account-credit.service.js';
import { BANK_FILE_PAYMENTS, bankFileAuditCheck } from './bank-file.audit.js';
import { bankFileRoutes } from './bank-file.routes.js';
import { BankFile, BankLine } from './bank-file.model.js';
import { BankFileService } from './bank-file.service.js';
import { BankLayouts } from './bank-layouts.js';
import { BankLineService } from './bank-line.service.js';
import { CashierSession, VoidRequest } from './cashier-session.model.js';
import { CashierSessionService } from './cashier-session.service.js';
import { Payment, PaymentAllocation, Receipt } from './payment.model.js';
import { cashierSessionRoutes, paymentRoutes } from './payment.routes.js';
import { PaymentService } from './payment.service.js';
import { PAYMENT_RECEIVED, PaymentPoster, type PaymentReceivedEvent } from './payment-posting.js';
import { receivedPayments } from './payment-received.js';
import { receiptRoutes } from './receipt.routes.js';
import { ReceiptService } from './receipt.service.js';
import { Slip } from './slip.model.js';
import { slipRoutes } from './slip.routes.js';
import { SlipService } from './slip.service.js';
import type { SlipVerifier } from './slips/slip-verifier.js';
import { VoidService } from './void.service.js';

export interface PaymentsDeps {
  sequelize: Sequelize;
  audit: AuditLog;
  tenancy: TenancyService;
  registry: RegistryService;
  billing: Billing;
  workflow: Workflow;
  outbox: Outbox;
  slipVerifier: SlipVerifier;
  log: Logger;
}

export function initPaymentsModels(sequelize: Sequelize): void {
  for (const m of [
    Payment,
    PaymentAllocation,
    Receipt,
    CashierSession,
    VoidRequest,
    BankFile,
    BankLine,
    Slip,
  ])
    m.initModel(sequelize);
}

/** A staff member's name as a receipt prints it. */
async function staffName(username: string): Promise<string> {
  const u = await User.findOne({ where: { username }, attributes: ['displayName'] });
  return u?.displayName ?? username;
}

export function createPayments(deps: PaymentsDeps) {
  const { sequelize, audit, outbox, registry } = deps;
  const ledger = new InvoiceLedger(sequelize, audit);
  const poster = new PaymentPoster(audit, ledger, deps.billing.series, outbox, async (id) => {
    const a = await registry.getAccount(id);
    return { id: a.id, number: a.number, name: a.waterUser.name };
  });
  const sessions = new CashierSessionService(sequelize, audit);
  const payments = new PaymentService(sequelize, poster, sessions, registry, outbox, staffName);
  const receipts = new ReceiptService(sequelize, deps.tenancy, registry);
  const voids = new VoidService(sequelize, audit, ledger, sessions, outbox);
  const layouts = new BankLayouts(sequelize);
  const bankFiles = new BankFileService(
    sequelize,
    audit,
    ledger,
    deps.billing.series,
    outbox,
    deps.tenancy,
    layouts,
  );
  const bankLines = new BankLineService(sequelize, audit, poster, outbox, staffName);
  const slips = new SlipService(
    sequelize,
    audit,
    poster,
    outbox,
    registry,
    deps.slipVerifier,
    staffName,
    deps.log,
  );
  const credits = new AccountCreditService(sequelize, audit, ledger);
  audit.registerBatch(BANK_FILE_PAYMENTS, bankFileAuditCheck(new Sql(sequelize)));
  deps.billing.runs.onRunCompleted(async (tenantId) => {
    await credits.applyAll(tenantId);
  });
  outbox.subscribe(
    PAYMENT_RECEIVED,
    paymentReceivedToWorkflow(receivedPayments(sequelize), deps.workflow, deps.log),
  );
  return {
    credits,
    ledger,
    poster,
    sessions,
    payments,
    receipts,
    voids,
    layouts,
    bankFiles,
    bankLines,
    slips,
  };
}

export type Payments = ReturnType<typeof createPayments>;

/**
 * `payment-received` reaches every process waiting for it under the account number (debt
 * escalation) or the business key of the process that issued a paid invoice (the
 * new-connection fee). Nobody waiting is the usual case and not an error.
 */
function paymentReceivedToWorkflow(
  payments: (e: OutboxEvent) => Promise<PaymentReceivedEvent[]>,
  workflow: Workflow,
  log: Logger,
) {
  return async (events: OutboxEvent[]) => {
    for (const e of events) {
      const told = await payments(e);
      // a bank file's 50,000 payments: one question for all their keys, not 50,000
      const waiting = await workflow.messages.waitingKeys('payment-received', [
        ...new Set(told.flatMap((p) => p.businessKeys)),
      ]);
      for (const p of told) {
        for (const key of p.businessKeys) {
          if (!waiting.has(key)) continue;
          try {
            await workflow.messages.correlate('payment-received', key, {
              paymentId: p.paymentId,
              receiptNumber: p.receiptNumber,
              paidSatang: p.amountSatang,
              paymentMethod: p.method,
            });
          } catch (err) {
            if (err instanceof NotFoundError) continue;
            log.warn({ err, businessKey: key }, 'payment-received not delivered');
            throw err;
          }
        }
      }
    }
  };
}

export function paymentsRoutes(api: ApiRouter, p: Payments): void {
  paymentRoutes(api, p.payments);
  cashierSessionRoutes(api, p.sessions, staffName);
  receiptRoutes(api, p.receipts, p.voids);
  bankFileRoutes(api, p.bankFiles, p.bankLines, p.layouts);
  slipRoutes(api, p.slips);
}
