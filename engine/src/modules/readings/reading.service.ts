/**
 * Meter readings: entered on the web (one, or a route's batch), checked by the domain's
 * assessReading against the last accepted reading and the account's recent average;
 * flagged ones wait in the review queue (accept, correct, estimate, re-read).
 */
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { assessReading, estimateConsumption, type ReadingAssessment } from '../../domain/index.js';
import { ConflictError, NotFoundError, UserError, type Message } from '../../http/errors.js';
import { currentContext } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { MeterReading, type ReadingStatus } from './meter-reading.model.js';
import type { ReadingAccount, ReadingPorts } from './reading-account.js';
import { ReadingSheetRepository } from './reading-sheet.repository.js';
import { readingSheet, type SheetQuery } from './reading-sheet.js';

const READING = { th: 'ค่าอ่านมาตร', en: 'Meter reading' };
/** Months of history the average and the estimate look at. */
const HISTORY_MONTHS = 6;

export interface ReadingEntry {
  accountId: number;
  period: string;
  currentReading: number;
  note?: string | null;
}

/** A reading of the past, already checked: its consumption is current − previous. */
export interface HistoricReading {
  accountId: number;
  waterworksId: number;
  meterId: number;
  previousReading: number;
  currentReading: number;
  readAt: Date;
  readBy: string;
}

const fieldError = (code: string, path: string, m: Message) =>
  new UserError(code, m, [{ path, message: m }]);

export class ReadingService {
  private readonly sheets: ReadingSheetRepository;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly ports: ReadingPorts,
  ) {
    this.sheets = new ReadingSheetRepository(sequelize);
  }

  /** A route's reading sheet for a period (see reading-sheet.ts). */
  sheet(q: SheetQuery) {
    return readingSheet(this.ports, this.sheets, q, HISTORY_MONTHS);
  }

  /** The review queue's page, each reading with its account number and water user's name. */
  async reviewQueue(q: Omit<Parameters<ReadingService['list']>[0], 'status'>) {
    const page = await this.list({ ...q, status: 'review' });
    const accounts = await this.ports.accountsByIds(page.items.map((r) => r.accountId));
    const byId = new Map(accounts.map((a) => [a.accountId, a]));
    return {
      total: page.total,
      items: page.items.map((r) => ({ reading: r, account: byId.get(r.accountId) ?? null })),
    };
  }

  /** Enters one reading (or replaces one waiting for review or a re-read). */
  async enter(input: ReadingEntry, source: MeterReading['source'] = 'web'): Promise<MeterReading> {
    return this.sequelize.transaction(async (tx) => {
      const r = await this.write(tx, input, source, '');
      await this.audit.record(tx, {
        action: 'reading.enter',
        entityType: 'meter-reading',
        entityId: r.id,
        after: readingSnapshot(r),
      });
      return r;
    });
  }

  /** A route's readings in one go: all saved, or none (422 naming `items.n.field`). */
  async enterBatch(period: string, items: Omit<ReadingEntry, 'period'>[]) {
    return this.sequelize.transaction(async (tx) => {
      const out: MeterReading[] = [];
      for (const [i, item] of items.entries())
        out.push(await this.write(tx, { ...item, period }, 'web', `items.${i}.`));
      await this.audit.record(tx, {
        action: 'reading.batch',
        entityType: 'meter-reading-batch',
        entityId: out[0]?.id ?? 0,
        after: { period, ids: out.map((r) => r.id).join(',') },
      });
      return out;
    });
  }

  /**
   * Past readings taken over from an earlier system (or the demo): accepted as they are,
   * one multi-row INSERT and one audit event per period. Nothing is assessed: they are
   * the history later readings are assessed against.
   */
  async recordHistory(period: string, items: HistoricReading[]): Promise<number> {
    if (!items.length) return 0;
    return this.sequelize.transaction(async (tx) => {
      const rows = await MeterReading.bulkCreate(
        items.map((r) => ({
          accountId: r.accountId,
          waterworksId: r.waterworksId,
          meterId: r.meterId,
          period,
          previousReading: r.previousReading,
          currentReading: r.currentReading,
          consumptionM3: r.currentReading - r.previousReading,
          flags: [],
          status: 'accepted' as const,
          estimated: false,
          source: 'seed' as const,
          note: null,
          readAt: r.readAt,
          readBy: r.readBy,
          reviewedBy: null,
        })),
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action: 'reading.history',
        entityType: 'meter-reading-batch',
        entityId: rows[0]?.id ?? 0,
        after: { period, count: rows.length },
      });
      return rows.length;
    });
  }

  async get(id: number): Promise<MeterReading> {
    const r = await MeterReading.findByPk(id);
    if (!r) throw new NotFoundError(READING);
    return r;
  }

  async list(q: {
    waterworksId?: number;
    period?: string;
    accountId?: number;
    status?: ReadingStatus;
    limit: number;
    offset: number;
  }): Promise<{ total: number; items: MeterReading[] }> {
    const where = Object.fromEntries(
      Object.entries({
        waterworksId: q.waterworksId,
        period: q.period,
        accountId: q.accountId,
        status: q.status,
      }).filter(([, v]) => v !== undefined),
    );
    const { rows, count } = await MeterReading.findAndCountAll({
      where,
      order: [
        ['period', 'DESC'],
        ['accountId', 'ASC'],
      ],
      limit: q.limit,
      offset: q.offset,
    });
    return { total: count, items: rows };
  }

  /** Accepts a flagged reading as read. */
  async accept(id: number): Promise<MeterReading> {
    return this.review(id, 'reading.accept', async (r) => {
      if (r.consumptionM3 === null)
        throw fieldError('reading_needs_correction', 'currentReading', {
          th: 'ค่าอ่านนี้คำนวณปริมาณน้ำไม่ได้ กรุณาแก้ไขค่าอ่านหรือใช้ค่าประมาณ',
          en: 'No consumption follows from this reading: correct it or estimate.',
        });
      return { status: 'accepted' };
    });
  }

  /** Replaces the value (a typo, a misread dial) and accepts it. */
  async correct(id: number, currentReading: number, note?: string | null) {
    return this.review(id, 'reading.correct', async (r, account) => {
      const a = await this.assess(account, r.period, currentReading, r.previousReading);
      if (a.consumptionM3 === null)
        throw fieldError('reading_below_previous', 'currentReading', {
          th: `ค่าอ่านต่ำกว่าครั้งก่อน (${r.previousReading})`,
          en: `The reading is below the previous one (${r.previousReading}).`,
        });
      return {
        currentReading,
        consumptionM3: a.consumptionM3,
        flags: a.flags,
        status: 'accepted',
        estimated: false,
        ...(note !== undefined ? { note } : {}),
      };
    });
  }

  /** Bills the account's recent average instead (corrected by the next real reading). */
  async estimate(id: number) {
    return this.review(id, 'reading.estimate', async (r, account) => {
      const m3 = estimateConsumption(await this.history(r.accountId, r.period));
      const modulus = 10 ** (account.meter?.digits ?? 9);
      return {
        currentReading: (r.previousReading + m3) % modulus,
        consumptionM3: m3,
        flags: [...new Set([...r.flags, 'estimated' as const])],
        status: 'accepted',
        estimated: true,
      };
    });
  }

  /** Sends the reader back; the reading is not billed until a new one is entered. */
  async reread(id: number, note?: string | null) {
    return this.review(id, 'reading.reread', async () => ({
      status: 'reread',
      ...(note !== undefined ? { note } : {}),
    }));
  }

  /** The account's average monthly use over its recent accepted readings (null: no history). */
  async averageOf(accountId: number, period: string): Promise<number | null> {
    const h = await this.history(accountId, period);
    return h.length ? Math.round(h.reduce((s, x) => s + x, 0) / h.length) : null;
  }

  private async review(
    id: number,
    action: string,
    change: (r: MeterReading, account: ReadingAccount) => Promise<Partial<MeterReading>>,
  ): Promise<MeterReading> {
    return this.sequelize.transaction(async (tx) => {
      const r = await MeterReading.findByPk(id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!r) throw new NotFoundError(READING);
      if ((await this.ports.billedReadings([r.id])).has(r.id))
        throw new ConflictError('reading_billed', {
          th: 'ออกใบแจ้งหนี้จากค่าอ่านนี้แล้ว แก้ไขด้วยใบลดหนี้',
          en: 'An invoice was issued from this reading: correct it with a credit note.',
        });
      const account = await this.accountOf(r.accountId, 'id');
      const before = readingSnapshot(r);
      await r.update(
        { ...(await change(r, account)), reviewedBy: actorName() },
        { transaction: tx },
      );
      await this.audit.record(tx, {
        action,
        entityType: 'meter-reading',
        entityId: r.id,
        before,
        after: readingSnapshot(r),
      });
      return r;
    });
  }

  private async write(
    tx: Transaction,
    input: ReadingEntry,
    source: MeterReading['source'],
    at: string,
  ): Promise<MeterReading> {
    const account = await this.accountOf(input.accountId, `${at}accountId`);
    if (!account.meter)
      throw fieldError('account_has_no_meter', `${at}accountId`, {
        th: 'บัญชีนี้ยังไม่มีมาตรวัดน้ำ',
        en: 'This account has no meter.',
      });
    const existing = await MeterReading.findOne({
      where: { accountId: input.accountId, period: input.period },
      transaction: tx,
      lock: tx.LOCK.UPDATE,
    });
    if (existing?.status === 'accepted')
      throw new ConflictError(
        'reading_exists',
        {
          th: `มีค่าอ่านของงวด ${input.period} แล้ว ใช้การแก้ไขในคิวตรวจสอบแทน`,
          en: `A reading for ${input.period} exists: correct it instead.`,
        },
        [{ path: `${at}accountId`, message: { th: 'มีค่าอ่านแล้ว', en: 'Already read.' } }],
      );
    if (input.currentReading >= 10 ** account.meter.digits)
      throw fieldError('reading_too_many_digits', `${at}currentReading`, {
        th: `มาตรนี้มี ${account.meter.digits} หลัก`,
        en: `This meter has ${account.meter.digits} digits.`,
      });
    const previous = existing?.previousReading ?? (await this.previousOf(account, input.period));
    const a = await this.assess(account, input.period, input.currentReading, previous);
    const values = {
      accountId: account.id,
      waterworksId: account.waterworksId,
      meterId: account.meter.id,
      period: input.period,
      previousReading: previous,
      currentReading: input.currentReading,
      consumptionM3: a.consumptionM3,
      flags: a.flags,
      status: (a.needsReview || a.consumptionM3 === null ? 'review' : 'accepted') as ReadingStatus,
      estimated: false,
      source,
      note: input.note ?? null,
      readAt: new Date(),
      readBy: actorName(),
      reviewedBy: null,
    };
    return existing
      ? existing.update(values, { transaction: tx })
      : MeterReading.create(values, { transaction: tx });
  }

  private async assess(
    account: ReadingAccount,
    period: string,
    current: number,
    previous: number,
  ): Promise<ReadingAssessment> {
    const meter = account.meter!;
    const last = await this.lastAccepted(account.id, period);
    const replaced =
      meter.replaced &&
      last &&
      last.meterId === meter.replaced.id &&
      meter.replaced.finalReading !== null
        ? { oldFinal: meter.replaced.finalReading, newInitial: meter.initialReading }
        : undefined;
    return assessReading({
      previous,
      current,
      digits: meter.digits,
      ...(replaced ? { replacement: replaced } : {}),
      averageM3: await this.averageOf(account.id, period),
      occupied: account.status === 'active',
    });
  }

  /** The last accepted reading's value on the same meter, else the meter's initial reading. */
  private async previousOf(account: ReadingAccount, period: string): Promise<number> {
    const last = await this.lastAccepted(account.id, period);
    if (!last || last.currentReading === null) return account.meter!.initialReading;
    if (last.meterId === account.meter!.id) return last.currentReading;
    // the meter was replaced since: the previous reading is of the old meter (assessReading
    // adds the old meter's final stretch and the new meter's start)
    return last.currentReading;
  }

  private lastAccepted(accountId: number, period: string) {
    return MeterReading.findOne({
      where: { accountId, status: 'accepted', period: { [Op.lt]: period } },
      order: [['period', 'DESC']],
    });
  }

  private async history(accountId: number, period: string): Promise<number[]> {
    const rows = await MeterReading.findAll({
      attributes: ['consumptionM3'],
      where: {
        accountId,
        status: 'accepted',
        estimated: false,
        period: { [Op.lt]: period },
        consumptionM3: { [Op.ne]: null },
      },
      order: [['period', 'DESC']],
      limit: HISTORY_MONTHS,
    });
    return rows.map((r) => r.consumptionM3!).reverse();
  }

  private async accountOf(id: number, path: string): Promise<ReadingAccount> {
    const a = await this.ports.account(id);
    if (!a)
      throw fieldError('unknown_account', path, {
        th: 'ไม่พบบัญชีผู้ใช้น้ำนี้',
        en: 'No such water account.',
      });
    return a;
  }
}

function actorName(): string {
  return currentContext()?.actor?.username ?? 'system';
}

/**
 * What reading events record. Readings are not a registered audit entity: seeding and
 * handheld batches write many at once, and they move no money (the invoice made from one
 * is what the chain guards).
 */
function readingSnapshot(r: MeterReading) {
  return {
    id: r.id,
    accountId: r.accountId,
    period: r.period,
    previousReading: r.previousReading,
    currentReading: r.currentReading,
    consumptionM3: r.consumptionM3,
    flags: r.flags.join(','),
    status: r.status,
    estimated: r.estimated,
  };
}
