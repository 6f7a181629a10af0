import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { OperationalError } from '../../../http/errors.js';
import { startSlipVerifyStub, type SlipVerifyStub } from '../../../testing/slip-verify-stub.js';
import {
  bahtToSatang,
  httpSlipVerifier,
  noSlipVerifier,
  SlipVerifierUnavailable,
  type SlipVerifierFailure,
} from './slip-verifier.js';

const SLIP = { sendingBank: '002', transactionRef: '0002123123121200011' };

function unavailable(reason: SlipVerifierFailure) {
  return (e: unknown) => {
    assert.ok(
      e instanceof SlipVerifierUnavailable,
      `expected SlipVerifierUnavailable, got ${String(e)}`,
    );
    assert.ok(
      e instanceof OperationalError,
      'an operational error: the caller falls back to staff',
    );
    assert.equal(e.reason, reason);
    assert.match(e.messages.th, /เจ้าหน้าที่/);
    return true;
  };
}

describe('asking a slip-verification API', () => {
  let stub: SlipVerifyStub;

  before(async () => {
    stub = await startSlipVerifyStub('secret-token');
  });
  after(async () => {
    await stub.stop();
  });
  beforeEach(() => {
    stub.known.clear();
    stub.calls.length = 0;
    stub.failWith = null;
    stub.hang = false;
  });

  it('should return the verified transfer with its amount in satang', async () => {
    // given
    stub.known.set(SLIP.transactionRef, {
      sendingBank: '002',
      amount: '150.50',
      transDate: '2026-11-29T08:15:33+07:00',
      senderName: 'นาย สมชาย ใจดี',
      receiverAccount: 'xxx-x-x1234-x',
    });
    const verifier = httpSlipVerifier({ url: stub.url, token: 'secret-token' });

    // when
    const result = await verifier.verify(SLIP);

    // then
    assert.deepEqual(result, {
      status: 'verified',
      amountSatang: 15050,
      transferredAt: '2026-11-29T08:15:33+07:00',
      senderName: 'นาย สมชาย ใจดี',
      receiverAccount: 'xxx-x-x1234-x',
    });
    assert.deepEqual(stub.calls, [
      {
        sendingBank: '002',
        transRef: '0002123123121200011',
        authorization: 'Bearer secret-token',
      },
    ]);
  });

  it('should read an amount given as a JSON number without float error', async () => {
    // given 19.99 baht, which times 100 as a float is 1998.9999999999998
    stub.known.set(SLIP.transactionRef, { amount: 19.99 });
    const verifier = httpSlipVerifier({ url: stub.url, token: 'secret-token' });

    // when
    const result = await verifier.verify(SLIP);

    // then
    assert.equal(result?.amountSatang, 1999);
  });

  it('should say not found for a reference the API does not know', async () => {
    // given
    const verifier = httpSlipVerifier({ url: stub.url, token: 'secret-token' });

    // when
    const result = await verifier.verify({ sendingBank: '014', transactionRef: 'NOSUCHREF' });

    // then
    assert.deepEqual(result, { status: 'not_found' });
  });

  it('should give up within the timeout when the API does not answer', async () => {
    // given
    stub.hang = true;
    const verifier = httpSlipVerifier({ url: stub.url, token: 'secret-token', timeoutMs: 200 });

    // when
    const started = performance.now();
    await assert.rejects(verifier.verify(SLIP), unavailable('timeout'));

    // then
    assert.ok(performance.now() - started < 2000, 'gave up long after the timeout');
  });

  it('should report a server error as unavailable', async () => {
    // given
    stub.failWith = 503;
    const verifier = httpSlipVerifier({ url: stub.url, token: 'secret-token' });

    // when / then
    await assert.rejects(verifier.verify(SLIP), unavailable('server_error'));
  });

  it('should report a wrong token as unavailable, not as a slip that was not found', async () => {
    // given
    stub.known.set(SLIP.transactionRef, { amount: '150.50' });
    const verifier = httpSlipVerifier({ url: stub.url, token: 'old-token' });

    // when / then
    await assert.rejects(verifier.verify(SLIP), unavailable('unauthorized'));
  });

  it('should report an API that is down as unavailable', async () => {
    // given a stub that has stopped listening
    const down = await startSlipVerifyStub();
    await down.stop();
    const verifier = httpSlipVerifier({ url: down.url, token: down.token });

    // when / then
    await assert.rejects(verifier.verify(SLIP), unavailable('unreachable'));
  });

  it('should ask nothing when no API is configured', async () => {
    // when
    const result = await noSlipVerifier.verify(SLIP);

    // then staff check the slip
    assert.equal(result, null);
  });
});

describe('baht amounts from a slip-verification API', () => {
  const table: [unknown, number | null][] = [
    ['150.50', 15050],
    ['150.5', 15050],
    ['150', 15000],
    ['0.07', 7],
    ['1,234.56', 123456],
    [150.5, 15050],
    [19.99, 1999],
    ['150.505', null],
    ['-5.00', null],
    ['1,23.00', null],
    ['', null],
    [1e21, null],
    [Number.NaN, null],
    [null, null],
  ];
  for (const [amount, satang] of table) {
    it(`should read ${typeof amount === 'string' ? `'${amount}'` : String(amount)} as ${satang === null ? 'no amount' : `${satang} satang`}`, () => {
      assert.equal(bahtToSatang(amount), satang);
    });
  }
});
