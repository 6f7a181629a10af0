/**
 * Invoice documents through the API: the PDF of an invoice a billing run issued (read back
 * with pdftotext), the 58 mm slip as data, and residents who print only their own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bahtText } from '../../domain/index.js';
import { asTenant } from '../../http/request-context.js';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { assertProblem } from '../../testing/problem.js';
import { addAccounts, runBilling, tenantOf, type FixtureAccount } from './billing.fixtures.js';
import { pdfText } from './documents/pdf-probe.test.js';

const plain = (text: string) => text.replace(/\u200B/g, '');

interface Inv {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  amountDueSatang: number;
}

describe(`invoice documents on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  let resident: string;
  let accounts: FixtureAccount[];
  let mine: Inv;
  let theirs: Inv;

  const pdf = async (path: string, token: string) => {
    const res = await fetch(`${srv.baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), body: res };
  };

  before(async () => {
    srv = await startTestServer();
    [finance, resident] = await Promise.all([srv.login('finance'), srv.login('resident1')]);
    const clerk = await srv.login('clerk');
    const t = await tenantOf(srv, finance);
    const worksId = t.waterworks[0]!.id;
    const villageId = t.villages.find((v) => v.waterworksId === worksId)!.id;
    await srv.api('PUT', '/tariff-assignments', {
      token: finance,
      body: { waterworksId: worksId, customerType: '1', tariffCode: 'VILLAGE-BLOCK' },
    });
    accounts = await addAccounts(srv, t.tenantId, worksId, villageId, [{}, {}]);
    const read = await srv.api('POST', '/readings/batch', {
      token: clerk,
      body: {
        period: '2025-03',
        items: accounts.map((a, i) => ({ accountId: a.id, currentReading: 12 + i })),
      },
    });
    assert.equal(read.status, 201, JSON.stringify(read.body));
    await runBilling(srv, finance, { waterworksId: worksId, period: '2025-03' });
    const me = await srv.api('GET', '/me', { token: resident });
    await asTenant(t.tenantId, () =>
      srv.engine.services.registry.linkResident(accounts[0]!.id, me.body.id),
    );
    const list = await srv.api('GET', '/invoices?period=2025-03&limit=500', { token: finance });
    const items = list.body.items as Inv[];
    mine = items.find((i) => i.accountId === accounts[0]!.id)!;
    theirs = items.find((i) => i.accountId === accounts[1]!.id)!;
  });
  after(() => srv?.stop());

  it('should print a run’s invoice as a PDF with its number and the amount in Thai words', async () => {
    // given the invoice of 12 m³ on the village block tariff: 50 + 14 + 10 baht = 74 baht
    assert.equal(mine.amountDueSatang, 7400);

    // when
    const res = await pdf(`/invoices/${mine.id}/pdf?size=A5`, finance);

    // then
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/pdf');
    const text = plain(pdfText(Buffer.from(await res.body.arrayBuffer())));
    assert.ok(text.includes(mine.number), text);
    assert.ok(text.includes(mine.accountNumber), text);
    assert.match(text, /ใบแจ้งหนี้ค่าน้ำประปา/);
    assert.ok(text.includes(bahtText(7400)), `${bahtText(7400)} in ${text}`);
    assert.match(text, /มีนาคม 2568/);
    assert.match(text, /ผู้ใช้น้ำทดสอบ/);
  });

  it('should print the English PDF when asked', async () => {
    const res = await pdf(`/invoices/${mine.id}/pdf?lang=en`, finance);
    assert.equal(res.status, 200);
    assert.match(plain(pdfText(Buffer.from(await res.body.arrayBuffer()))), /Water bill/);
  });

  it('should give the 58 mm slip as rows with the QR and barcode payloads', async () => {
    // when
    const res = await srv.api('GET', `/invoices/${mine.id}/slip`, { token: finance });

    // then
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.widthChars, 32);
    const rows = (res.body.rows as { text: string; right?: string }[])
      .map((r) => `${r.text} ${r.right ?? ''}`)
      .join('\n');
    assert.ok(rows.includes(mine.number), rows);
    assert.ok(rows.includes('74.00'), rows);
    assert.ok(res.body.qrPayload.includes(mine.number));
    assert.ok(res.body.barcodePayload.includes(mine.accountNumber));
  });

  it('should let a resident print their own invoice', async () => {
    const res = await pdf(`/invoices/${mine.id}/pdf`, resident);
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/pdf');
  });

  it('should NOT let a resident print another account’s invoice', async () => {
    // when
    const asPdf = await srv.api('GET', `/invoices/${theirs.id}/pdf`, { token: resident });
    const asSlip = await srv.api('GET', `/invoices/${theirs.id}/slip`, { token: resident });

    // then
    assertProblem(asPdf, 404);
    assertProblem(asSlip, 404);
  });

  it('should refuse a paper size it does not print, naming the field', async () => {
    const res = await srv.api('GET', `/invoices/${mine.id}/pdf?size=A3`, { token: finance });
    assertProblem(res, 400);
    assert.equal(res.body.errors[0].path, 'query.size');
  });
});
