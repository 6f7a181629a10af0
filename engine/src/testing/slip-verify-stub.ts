/**
 * A local stand-in for a slip-verification API (the shape httpSlipVerifier speaks): POST
 * `{ sendingBank, transRef }` with `Authorization: Bearer <token>`; 200 with the transfer for
 * a known reference, 404 for an unknown one, 401 for a wrong token. Listens on 127.0.0.1 on a
 * free port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KnownTransfer {
  /** when set, the reference is found only with this sending bank */
  sendingBank?: string;
  /** baht, as the API writes it: '150.50' or 150.5 */
  amount: string | number;
  transDate?: string;
  senderName?: string;
  receiverAccount?: string;
}

export interface SlipVerifyCall {
  sendingBank: unknown;
  transRef: unknown;
  authorization: string | undefined;
}

export interface SlipVerifyStub {
  url: string;
  token: string;
  /** transaction reference → the transfer the API knows */
  known: Map<string, KnownTransfer>;
  calls: SlipVerifyCall[];
  /** answer every request with this HTTP status instead (e.g. 503) */
  failWith: number | null;
  /** hold every request open without answering, until stop() */
  hang: boolean;
  stop(): Promise<void>;
}

export async function startSlipVerifyStub(token = 'stub-token'): Promise<SlipVerifyStub> {
  const server = http.createServer((req, res) => {
    void answer(req, res);
  });
  const stub: SlipVerifyStub = {
    url: '',
    token,
    known: new Map(),
    calls: [],
    failWith: null,
    hang: false,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // a body that is not JSON is recorded as empty and not found
    }
    stub.calls.push({
      sendingBank: body.sendingBank,
      transRef: body.transRef,
      authorization: req.headers.authorization,
    });
    if (stub.hang) return;
    if (stub.failWith !== null) return send(res, stub.failWith, { error: 'stub failure' });
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    if (req.headers.authorization !== `Bearer ${stub.token}`) {
      return send(res, 401, { error: 'invalid token' });
    }
    const transfer = typeof body.transRef === 'string' ? stub.known.get(body.transRef) : undefined;
    if (!transfer || (transfer.sendingBank && transfer.sendingBank !== body.sendingBank)) {
      return send(res, 404, { status: 'not_found' });
    }
    send(res, 200, {
      status: 'verified',
      transRef: body.transRef,
      amount: transfer.amount,
      transDate: transfer.transDate,
      sender: { name: transfer.senderName },
      receiver: { account: transfer.receiverAccount },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`;
  return stub;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
