/**
 * Assertions on RFC 9457 problems as the engine sends them: the content type, a Thai
 * and an English message, and a request id that matches the X-Request-Id header.
 */
import assert from 'node:assert/strict';
import type { ApiResponse } from './harness.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  message: { th: string; en: string };
  errors?: { path: string; message: { th: string; en: string }; code?: string }[];
  requestId: string;
}

const THAI = /[\u0E00-\u0E7F]/;

/** Asserts `res` is a well-formed problem with this status (and code); returns its body. */
export function assertProblem(res: ApiResponse, status: number, code?: string): ProblemBody {
  const where = `${status} ${code ?? ''} (got ${res.status} ${JSON.stringify(res.body)})`;
  assert.equal(res.status, status, where);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, where);
  const p = res.body as ProblemBody;
  assert.equal(typeof p, 'object', where);
  assert.equal(p.status, status, where);
  if (code) assert.equal(p.code, code, where);
  assert.ok(p.type && p.title && p.detail, where);
  assert.match(p.message?.th ?? '', THAI, `message.th should be Thai: ${where}`);
  assert.ok((p.message?.en ?? '').length > 0, `message.en missing: ${where}`);
  assert.ok(p.requestId, where);
  assert.equal(
    res.headers.get('x-request-id'),
    p.requestId,
    `X-Request-Id should equal requestId: ${where}`,
  );
  return p;
}

/** True when the text holds Thai script. */
export function isThai(text: string): boolean {
  return THAI.test(text);
}
