/**
 * Demo payments: the demo year's invoices paid as a village pays them, through the real
 * services, so receipts (one gap-free run per fiscal year), audit events and the outbox are
 * real. Each month's invoices are paid in the month they were issued, before the due date:
 * most through the monthly bill-payment files of KTB, GSB and BAAC, a few in cash on
 * cashier days that finance approves (one day 20 baht short, with its note), some by
 * transfer slip. A few accounts skip a month and pay two bills at once, some round up and
 * keep credit, a handful stop paying (three months and more in arrears); the current
 * month's invoices stay mostly open. For the queues: two unmatched bank lines and a
 * duplicate, two slips waiting and one rejected, a void approved and one waiting.
 *
 * The counter, cashier-day, slip and void services are made here on a clock the seeder moves
 * through the year; the rows the database stamps itself (when a slip or a void request
 * arrived) are moved back to the day they happened.
 */
import type { Logger } from 'pino';
import QRCode from 'qrcode';
import type { Sequelize } from 'sequelize';
import { Sql } from '../../db/sql.js';
import { billerId, crc16, type Role } from '../../domain/index.js';
import { asSystem, asTenant, type Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { User } from '../auth/user.model.js';
import { historyPeriods, shiftPeriod } from '../billing/billing.demo.js';
import type { Billing } from '../billing/billing.module.js';
import { thaiDay } from '../billing/billing-dates.js';
import type { Outbox } from '../events/outbox.js';
import type { RegistryService } from '../registry/registry.service.js';
import { Tenant } from '../tenancy/tenant.model.js';
import { layoutFor, writeBankFile, type BankFileWriteLine } from './bank-file/index.js';
import { CashierSessionService } from './cashier-session.service.js';
import { PaymentService } from './payment.service.js';
import type { Payments } from './payments.module.js';
import { SlipService } from './slip.service.js';
import { noSlipVerifier } from './slips/slip-verifier.js';
import { VoidService } from './void.service.js';

export interface PaymentsDemoDeps {
  sequelize: Sequelize;
  audit: AuditLog;
  outbox: Outbox;
  registry: RegistryService;
  billing: Billing;
  payments: Payments;
  log: Logger;
}

const BANKS = ['KTB', 'GSB', 'BAAC'] as const;
type Bank = (typeof BANKS)[number];
const COMPANY_ACCOUNT: Record<Bank, string> = {
  KTB: '4021234567',
  GSB: '0201876543',
  BAAC: '0113456789',
};
const FLOAT_SATANG = 100_000;
const SHORT_SATANG = 2_000;
/** Share of accounts that skip a month and pay two bills the next. */
const SKIP_SHARE = 0.05;
/** Accounts that stop paying from this period on (index in the year, 0 = oldest). */
const ARREARS_FROM = 8;
const ARREARS_ACCOUNTS = 6;
/** resident1 has not paid last month's bill yet: two open, to pay by slip in the demo. */
const RESIDENT1_OWES_FROM = 10;
/** The year's special days, by period index. */
const VOID_APPROVED = 5;
const SLIP_REJECTED = 6;
const SHORT_DAY = 7;
const UNMATCHED = 9;
const DUPLICATE = 10;
const VOID_PENDING = 10;
const SENDING_BANKS = ['002', '004', '014', '006'];

interface Owed {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  customerName: string;
  balanceSatang: number;
}

interface Person {
  actor: Actor;
  name: string;
}

interface People {
  cashier: Person;
  finance: Person;
  clerk: Person;
  /** Residents with the account each is linked to. */
  residents: { person: Person; accountId: number }[];
}

interface Month {
  k: number;
  current: boolean;
  /** A moment of the month's paying window (days 1–15; squeezed before now in the current one). */
  at(day: number, hour: number, minute?: number): Date;
}

/** The same deterministic noise as the billing demo: the same demo every time. */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

/** The slip's mini-QR text: tag 00 { 00 "000001", 01 bank, 02 ref }, 51 "TH", 91 CRC. */
export function slipQrText(bank: string, ref: string): string {
  const field = (id: string, value: string) => id + String(value.length).padStart(2, '0') + value;
  const body = field('00', field('00', '000001') + field('01', bank) + field('02', ref));
  const payload = `${body}${field('51', 'TH')}9104`;
  return payload + crc16(payload);
}

/** The seeder `payments.history`: every tenant with demo invoices. */
export async function seedPaymentsHistory(deps: PaymentsDemoDeps, today = new Date()) {
  const tenants = await asSystem(() => Tenant.findAll({ order: [['id', 'ASC']] }));
  for (const t of tenants)
    await asTenant(t.id, () =>
      new PaymentsDemo(deps, t.id, today).seed(t.taxId, t.promptpayBillerSuffix),
    );
  await deps.outbox.deliverDue();
}

class PaymentsDemo {
  private readonly clock: { now: Date };
  private readonly sessions: CashierSessionService;
  private readonly counter: PaymentService;
  private readonly slips: SlipService;
  private readonly voids: VoidService;
  private readonly sql: Sql;
  /** What each account still owes, oldest first. */
  private readonly owing = new Map<number, Owed[]>();
  private readonly names = new Map<string, string>();
  private people!: People;
  private biller = '';
  private slipSeq = 0;
  private gsbLine: BankFileWriteLine | null = null;
  private stats = { cash: 0, bank: 0, slips: 0, unmatched: 0, duplicates: 0 };

  constructor(
    private readonly deps: PaymentsDemoDeps,
    private readonly tenantId: number,
    private readonly today: Date,
  ) {
    this.clock = { now: today };
    const now = () => this.clock.now;
    const { sequelize, audit, outbox, registry, payments, log } = deps;
    const staffName = (u: string) => Promise.resolve(this.names.get(u) ?? u);
    this.sessions = new CashierSessionService(sequelize, audit, now);
    this.counter = new PaymentService(
      sequelize,
      payments.poster,
      this.sessions,
      registry,
      outbox,
      staffName,
      now,
    );
    this.slips = new SlipService(
      sequelize,
      audit,
      payments.poster,
      outbox,
      registry,
      noSlipVerifier,
      staffName,
      log,
      now,
    );
    this.voids = new VoidService(sequelize, audit, payments.ledger, this.sessions, outbox, now);
    this.sql = new Sql(sequelize);
  }

  async seed(taxId: string, suffix: string): Promise<void> {
    const people = await this.findPeople();
    if (!people) return;
    this.people = people;
    this.biller = billerId(taxId, suffix);
    const periods = historyPeriods(thaiDay(this.today));
    const open = await this.openInvoices();
    const year = periods.map((p) => open.filter((i) => i.period === p));
    if (!year.some((l) => l.length)) return;
    const residentAccounts = new Set(people.residents.map((r) => r.accountId));
    const arrears = new Set(
      [...new Set(year.flat().map((i) => i.accountId))]
        .filter((a) => !residentAccounts.has(a))
        .sort((a, b) => noise(a * 7.7) - noise(b * 7.7))
        .slice(0, ARREARS_ACCOUNTS),
    );
    for (const [k, invoices] of year.entries()) {
      for (const i of invoices) this.owing.set(i.accountId, [...this.owed(i.accountId), i]);
      const month = this.monthOf(k, periods[k]!, k === periods.length - 1);
      if (month) await this.payMonth(month, invoices, arrears);
    }
    this.deps.log.info({ tenantId: this.tenantId, ...this.stats }, 'demo payments seeded');
  }

  private owed(accountId: number): Owed[] {
    return this.owing.get(accountId) ?? [];
  }

  private total(accountId: number): number {
    return this.owed(accountId).reduce((s, i) => s + i.balanceSatang, 0);
  }

  private monthOf(k: number, period: string, current: boolean): Month | null {
    const ym = shiftPeriod(period, 1);
    const start = new Date(`${ym}-01T00:00:00+07:00`).getTime();
    const span = this.today.getTime() - start;
    if (current && span <= 0) return null;
    const window = 15 * 1440;
    return {
      k,
      current,
      at: (day, hour, minute = 0) => {
        const minutes = (day - 1) * 1440 + hour * 60 + minute;
        return new Date(
          current ? start + Math.floor((span * minutes) / window) : start + minutes * 60_000,
        );
      },
    };
  }

  /** Who pays how this month; each paying account pays all it owes, once. */
  private async payMonth(month: Month, invoices: Owed[], arrears: Set<number>): Promise<void> {
    const { k, current } = month;
    const [resident1, resident2] = this.people.residents;
    const order = invoices
      .map((i) => i.accountId)
      .filter((a) => !(arrears.has(a) && k >= ARREARS_FROM))
      .filter((a) => !(a === resident1?.accountId && k >= RESIDENT1_OWES_FROM))
      .filter((a) => current || noise(a * 3 + k * 7) >= SKIP_SHARE)
      .sort((a, b) => noise(a * 17 + k * 13) - noise(b * 17 + k * 13));
    const residentIds = new Set(this.people.residents.map((r) => r.accountId));
    const others = order.filter((a) => !residentIds.has(a));
    const take = (n: number) => others.splice(0, n);
    if (current) {
      const waiting = [resident2?.accountId ?? take(1)[0]!, take(1)[0]!];
      const cash = take(2);
      const slips = take(1);
      const bank = take(10);
      await this.cashDay(month, 4, cash);
      for (const a of slips) await this.slipPaid(month, 6, a, this.people.clerk, 'line');
      await this.bankFiles(month, bank, []);
      await this.slipsWaiting(waiting);
      return;
    }
    const cash = take(3);
    const slips = take(1);
    if (resident1 && order.includes(resident1.accountId) && k % 2 === 0)
      slips.push(resident1.accountId);
    else if (resident1 && order.includes(resident1.accountId)) others.push(resident1.accountId);
    if (resident2 && order.includes(resident2.accountId)) cash.push(resident2.accountId);
    const bank = others;

    if (k === SLIP_REJECTED && bank[0]) await this.slipRejected(month, bank[0]);
    // the bank line of a bill also paid at the counter is written before the counter clears it
    const extra =
      k === UNMATCHED && cash[0] !== undefined ? this.unmatchedLines(month, cash[0]) : [];
    const half = Math.ceil(cash.length / 2);
    await this.cashDay(month, this.weekday(month, 4), cash.slice(0, half), {
      voidFirst: k === VOID_APPROVED,
      // a payer leaves the change as credit; at the bank the rest would pay a later bill
      keepsChange: cash[1],
    });
    const receipts: { id: number }[] = [];
    for (const [n, a] of slips.entries()) {
      const r = this.people.residents.find((x) => x.accountId === a);
      const sender = r?.person ?? this.people.clerk;
      const receipt = await this.slipPaid(month, 6 + 3 * n, a, sender, r ? 'app' : 'line');
      if (receipt) receipts.push(receipt);
    }
    if (k === VOID_PENDING && receipts[0]) await this.voidPending(month, receipts[0]);
    await this.cashDay(month, this.weekday(month, 11), cash.slice(half), {
      short: k === SHORT_DAY,
    });
    await this.bankFiles(month, bank, extra);
  }

  /** Moves a day off the weekend (past months; the current month's days are squeezed anyway). */
  private weekday(month: Month, day: number): number {
    const d = month.at(day, 12).getUTCDay();
    return day + (d === 6 ? 2 : d === 0 ? 1 : 0);
  }

  private async cashDay(
    month: Month,
    day: number,
    accounts: number[],
    opts: { voidFirst?: boolean; short?: boolean; keepsChange?: number } = {},
  ): Promise<void> {
    if (!accounts.length) return;
    const { cashier, finance } = this.people;
    this.clock.now = month.at(day, 8, 30);
    const s = await this.sessions.open(
      cashier.actor,
      { openingFloatSatang: FLOAT_SATANG },
      cashier.name,
    );
    let cash = 0;
    for (const [n, a] of accounts.entries()) {
      const owed = this.owed(a);
      const due = this.total(a);
      const amount = opts.keepsChange === a ? (Math.floor(due / 10_000) + 1) * 10_000 : due;
      this.clock.now = month.at(day, 9 + n, 30 + ((n * 23) % 30));
      if (n === 0 && opts.voidFirst) await this.keyedWrong(month, day, owed, amount);
      await this.counter.pay(
        { invoiceIds: owed.map((i) => i.id), amountSatang: amount, method: 'cash' },
        cashier.actor,
        this.tenantId,
      );
      this.owing.set(a, []);
      cash += amount;
      this.stats.cash += 1;
    }
    this.clock.now = month.at(day, 16, 30);
    const expected = FLOAT_SATANG + cash;
    await this.sessions.close(
      s.id,
      cashier.actor,
      opts.short
        ? {
            countedCashSatang: expected - SHORT_SATANG,
            note: 'เงินขาด 20 บาท ทอนเงินเกินให้ผู้ชำระรายหนึ่ง ผู้รับเงินชดใช้แล้ว',
          }
        : { countedCashSatang: expected },
    );
    this.clock.now = month.at(day, 17, 0);
    await this.sessions.approve(s.id, finance.actor);
  }

  /** An extra zero keyed by mistake: finance voids it at once, then the cash is taken right. */
  private async keyedWrong(month: Month, day: number, owed: Owed[], amount: number) {
    const { cashier, finance } = this.people;
    this.clock.now = month.at(day, 9, 0);
    const wrong = await this.counter.pay(
      { invoiceIds: owed.map((i) => i.id), amountSatang: amount * 10, method: 'cash' },
      cashier.actor,
      this.tenantId,
    );
    this.clock.now = month.at(day, 9, 5);
    const v = await this.voids.request(
      wrong.receipt!.id,
      'บันทึกจำนวนเงินผิด (พิมพ์เลขศูนย์เกินหนึ่งหลัก) รับเงินจริงตามใบแจ้งหนี้',
      cashier.actor,
    );
    await this.backdate('void_requests', v.id, this.clock.now);
    this.clock.now = month.at(day, 9, 20);
    await this.voids.approve(v.id, finance.actor, 'ตรวจแล้ว เงินสดในลิ้นชักตรงกับยอดที่ถูกต้อง');
  }

  /** A slip sent in the evening (on LINE to the clerk, or in the app) and accepted next morning. */
  private async slipPaid(
    month: Month,
    day: number,
    accountId: number | undefined,
    sender: Person,
    channel: 'app' | 'line',
  ): Promise<{ id: number } | null> {
    if (accountId === undefined || !this.owed(accountId).length) return null;
    const sentAt = month.at(day, 20, 15);
    const s = await this.submit(accountId, this.total(accountId), sender, channel, sentAt);
    this.clock.now = month.at(day + 1, 9, 10);
    const done = await this.slips.accept(s.id, {}, this.people.cashier.actor, this.tenantId);
    await this.backdate('slips', s.id, sentAt);
    this.owing.set(accountId, []);
    this.stats.slips += 1;
    return done.receipt;
  }

  private async slipRejected(month: Month, accountId: number): Promise<void> {
    const sentAt = month.at(3, 21, 0);
    const s = await this.submit(accountId, 5_000, this.people.clerk, 'line', sentAt);
    this.clock.now = month.at(4, 9, 30);
    await this.slips.reject(
      s.id,
      'ยอดโอนในสลิป 50 บาท ไม่ตรงกับใบแจ้งหนี้ กรุณาชำระให้ครบตามใบแจ้งหนี้',
      this.people.cashier.actor,
      this.tenantId,
    );
    await this.backdate('slips', s.id, sentAt);
  }

  /** The current month: two slips nobody has checked yet. */
  private async slipsWaiting(accounts: number[]): Promise<void> {
    const resident2 = this.people.residents[1];
    for (const a of accounts) {
      if (!this.owed(a).length) continue;
      const own = resident2?.accountId === a;
      await this.submit(
        a,
        this.total(a),
        own ? resident2.person : this.people.clerk,
        own ? 'app' : 'line',
        this.today,
      );
    }
  }

  private async submit(
    accountId: number,
    amountSatang: number,
    sender: Person,
    channel: 'app' | 'line',
    sentAt: Date,
  ) {
    const bank = SENDING_BANKS[accountId % SENDING_BANKS.length]!;
    const stamp = thaiDay(sentAt).replaceAll('-', '');
    const ref = `${stamp}${String(sentAt.getUTCHours()).padStart(2, '0')}${String(++this.slipSeq).padStart(9, '0')}`;
    const image = await QRCode.toBuffer(slipQrText(bank, ref), { width: 240, margin: 4 });
    return this.slips.submit(
      {
        accountId,
        invoiceIds: this.owed(accountId).map((i) => i.id),
        amountSatang,
        image,
        contentType: 'image/png',
        channel,
      },
      sender.actor,
    );
  }

  private async voidPending(month: Month, receipt: { id: number }): Promise<void> {
    this.clock.now = month.at(12, 10, 0);
    const v = await this.voids.request(
      receipt.id,
      'ผู้ใช้น้ำแจ้งว่าโอนเงินผิดบัญชีผู้ใช้น้ำ ขอยกเลิกเพื่อรับชำระใหม่ให้ถูกบัญชี',
      this.people.cashier.actor,
    );
    await this.backdate('void_requests', v.id, this.clock.now);
  }

  /**
   * Two lines finance must look at: a payer whose account number is not ours, and one who
   * paid at the counter and at the bank too.
   */
  private unmatchedLines(month: Month, paidAtCounter: number): BankFileWriteLine[] {
    const bill = this.owed(paidAtCounter).at(-1);
    const lines: BankFileWriteLine[] = [
      {
        paidAt: month.at(7, 10, 42),
        customerName: 'นายสมปอง ไม่ทราบนาม',
        ref1: '0999999999',
        ref2: '',
        amountSatang: 15_000,
        billerId: this.biller,
      },
    ];
    if (bill)
      lines.push({
        paidAt: month.at(13, 15, 5),
        customerName: bill.customerName,
        ref1: bill.accountNumber,
        ref2: bill.number,
        amountSatang: bill.balanceSatang,
        billerId: this.biller,
      });
    return lines;
  }

  /** One file per bank for the month, imported by finance on the 15th after banking hours. */
  private async bankFiles(
    month: Month,
    accounts: number[],
    extra: BankFileWriteLine[],
  ): Promise<void> {
    const byBank = new Map<Bank, BankFileWriteLine[]>(BANKS.map((b) => [b, []]));
    for (const a of accounts) {
      const owed = this.owed(a);
      const bill = owed.at(-1);
      if (!bill) continue;
      const r = noise(a * 5.3);
      const bank: Bank = r < 0.5 ? 'KTB' : r < 0.8 ? 'GSB' : 'BAAC';
      const seed = a * 11 + month.k * 29;
      byBank.get(bank)!.push({
        paidAt: month.at(
          2 + Math.floor(noise(seed) * 13),
          7 + Math.floor(noise(seed + 1) * 13),
          Math.floor(noise(seed + 2) * 60),
        ),
        customerName: bill.customerName,
        ref1: bill.accountNumber,
        ref2: bill.number,
        amountSatang: this.total(a),
        billerId: this.biller,
        branch: String(100 + (a % 800)).padStart(4, '0'),
        teller: 'ATM1',
      });
      this.owing.set(a, []);
    }
    byBank.get('KTB')!.push(...extra);
    if (month.k === DUPLICATE && this.gsbLine) byBank.get('GSB')!.push(this.gsbLine);
    const at = month.at(15, 18, 0);
    for (const [bank, lines] of byBank) {
      if (!lines.length) continue;
      lines.sort((x, y) => new Date(x.paidAt!).getTime() - new Date(y.paidAt!).getTime());
      if (month.k === UNMATCHED && bank === 'GSB') this.gsbLine = lines[0]!;
      const bytes = writeBankFile(layoutFor(bank)!, {
        companyAccount: COMPANY_ACCOUNT[bank],
        companyName: 'อบต. ค่าน้ำประปา',
        effectiveDate: thaiDay(at),
        lines,
      });
      const result = await this.deps.payments.bankFiles.import(
        bytes,
        bank,
        this.people.finance.actor,
        this.tenantId,
        { fileName: `${bank}-${thaiDay(at).replaceAll('-', '')}.txt`, at },
      );
      this.stats.bank += result.matched;
      this.stats.unmatched += result.unmatched;
      this.stats.duplicates += result.duplicates;
    }
  }

  /** Rows stamped by the database when the seeder ran are moved back to when they happened. */
  private async backdate(table: 'slips' | 'void_requests', id: number, at: Date): Promise<void> {
    await this.deps.sequelize.query(
      `UPDATE ${table} SET created_at = ? WHERE id = ? AND tenant_id = ?`,
      { replacements: [this.sql.date(at), id, this.tenantId] },
    );
  }

  private async findPeople(): Promise<People | null> {
    const users = await User.findAll({ where: { active: true }, order: [['id', 'ASC']] });
    const person = (u: User): Person => ({
      actor: { id: u.id, username: u.username, roles: u.roles, kind: u.kind },
      name: u.displayName,
    });
    for (const u of users) this.names.set(u.username, u.displayName);
    const staff = (role: Role) => users.find((u) => u.kind === 'staff' && u.roles.includes(role));
    const cashier = staff('cashier');
    const finance = staff('finance');
    const clerk = staff('clerk') ?? cashier;
    if (!cashier || !finance || !clerk) return null;
    const residents: People['residents'] = [];
    for (const u of users.filter((x) => x.kind === 'resident')) {
      const [account] = await this.deps.registry.accountsOfResident(u.id);
      if (account) residents.push({ person: person(u), accountId: account.id });
    }
    return {
      cashier: person(cashier),
      finance: person(finance),
      clerk: person(clerk),
      residents,
    };
  }

  /** Every open water invoice of the tenant (at seeding time: the whole year's). */
  private async openInvoices(): Promise<(Owed & { period: string })[]> {
    const out: (Owed & { period: string })[] = [];
    for (;;) {
      const page = await this.deps.billing.invoices.list(
        { kind: 'water', status: 'open', limit: 1000, offset: out.length },
        this.people.finance.actor,
        this.tenantId,
      );
      out.push(
        ...page.items.map((i) => ({
          id: i.id,
          number: i.number,
          period: i.period,
          accountId: i.accountId,
          accountNumber: i.accountNumber,
          customerName: i.customerName,
          balanceSatang: i.balanceSatang,
        })),
      );
      if (page.items.length < 1000) return out.sort((a, b) => a.accountId - b.accountId);
    }
  }
}
