/**
 * Asking a slip-verification API (a bank's or a paid service's) whether a transfer happened,
 * by sending bank and transaction reference (DOMAIN.md §4 "Transfer slips"). Prapa works
 * without one: when none is configured, or it fails, staff check the slip by eye.
 */
import { OperationalError, type Message } from '../../../http/errors.js';

export interface SlipQuery {
  sendingBank: string;
  transactionRef: string;
}

export interface SlipVerification {
  status: 'verified' | 'not_found';
  amountSatang?: number;
  /** as the API gives it, e.g. an ISO 8601 timestamp */
  transferredAt?: string;
  senderName?: string;
  receiverAccount?: string;
}

export interface SlipVerifier {
  /**
   * Null when nothing was asked (no API configured): staff check the slip. Throws
   * SlipVerifierUnavailable when the API cannot give an answer: staff check it then too.
   */
  verify(q: SlipQuery): Promise<SlipVerification | null>;
}

export type SlipVerifierFailure =
  'timeout' | 'unreachable' | 'server_error' | 'unauthorized' | 'bad_response';

/** The API gave no answer; the caller leaves the slip for staff to check. */
export class SlipVerifierUnavailable extends OperationalError {
  readonly messages: Message = {
    th: 'ตรวจสลิปกับธนาคารไม่ได้ในขณะนี้ เจ้าหน้าที่จะตรวจสลิปให้',
    en: 'The slip could not be checked with the bank just now; staff will check it.',
  };

  constructor(
    readonly reason: SlipVerifierFailure,
    detail: string,
    cause?: unknown,
  ) {
    super(`slip verification unavailable (${reason}): ${detail}`, cause);
  }
}

/** No API configured: nothing is asked, every slip goes to staff. */
export const noSlipVerifier: SlipVerifier = {
  verify: () => Promise.resolve(null),
};

export interface HttpSlipVerifierOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/**
 * POSTs `{ sendingBank, transRef }` with a bearer token. 200 with `{ status, amount, transDate,
 * sender: { name }, receiver: { account } }` is an answer; 404 is not found; anything else,
 * or no answer within timeoutMs, throws SlipVerifierUnavailable.
 */
export function httpSlipVerifier({
  url,
  token,
  timeoutMs = 5000,
}: HttpSlipVerifierOptions): SlipVerifier {
  return {
    async verify({ sendingBank, transactionRef }): Promise<SlipVerification> {
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({ sendingBank, transRef: transactionRef }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status === 404) {
          await response.body?.cancel();
          return { status: 'not_found' };
        }
        body = response.ok ? await response.json() : await response.text();
      } catch (e) {
        const timedOut = e instanceof Error && e.name === 'TimeoutError';
        if (timedOut)
          throw new SlipVerifierUnavailable('timeout', `no answer in ${timeoutMs} ms`, e);
        if (e instanceof SyntaxError)
          throw new SlipVerifierUnavailable('bad_response', 'not JSON', e);
        throw new SlipVerifierUnavailable('unreachable', String(e), e);
      }
      if (response.status === 401 || response.status === 403) {
        throw new SlipVerifierUnavailable(
          'unauthorized',
          `HTTP ${response.status}: check the token`,
        );
      }
      if (!response.ok) {
        const reason = response.status >= 500 ? 'server_error' : 'bad_response';
        throw new SlipVerifierUnavailable(reason, `HTTP ${response.status}`);
      }
      return verification(body);
    },
  };
}

function verification(body: unknown): SlipVerification {
  if (!isRecord(body) || typeof body.status !== 'string') {
    throw new SlipVerifierUnavailable('bad_response', 'no status in the answer');
  }
  const status = body.status.toLowerCase();
  if (status === 'not_found' || status === 'notfound') return { status: 'not_found' };
  if (!['verified', 'success', 'ok'].includes(status)) {
    throw new SlipVerifierUnavailable('bad_response', `unknown status "${body.status}"`);
  }
  const result: SlipVerification = { status: 'verified' };
  if (body.amount !== undefined && body.amount !== null) {
    const satang = bahtToSatang(body.amount);
    if (satang === null) {
      throw new SlipVerifierUnavailable(
        'bad_response',
        `amount is not baht: ${String(body.amount)}`,
      );
    }
    result.amountSatang = satang;
  }
  if (typeof body.transDate === 'string') result.transferredAt = body.transDate;
  if (isRecord(body.sender) && typeof body.sender.name === 'string') {
    result.senderName = body.sender.name;
  }
  if (isRecord(body.receiver) && typeof body.receiver.account === 'string') {
    result.receiverAccount = body.receiver.account;
  }
  return result;
}

/**
 * Baht as a decimal string or number ('150.50', 150.5, '1,200') to integer satang, read
 * digit by digit so that no float rounding creeps in. Null for anything else, or more than
 * two decimals.
 */
export function bahtToSatang(amount: unknown): number | null {
  const text = typeof amount === 'number' ? String(amount) : amount;
  if (typeof text !== 'string') return null;
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const baht = Number((match[1] ?? '').replaceAll(',', ''));
  const satang = Number((match[2] ?? '').padEnd(2, '0'));
  const total = baht * 100 + satang;
  return Number.isSafeInteger(total) ? total : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
