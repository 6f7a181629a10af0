/**
 * Bank bill-payment files through the API: a good file is matched in full and every line
 * becomes a payment with a receipt; the same file again is 409; a bad file (wrong trailer
 * total, a 255-character record, another biller) is 422 naming the line, with nothing
 * written; Thai names survive TIS-620; a line seen in an earlier file never pays twice;
 * unmatched lines wait for finance, who matches them by hand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../testing/harness.js';
import { linearProcess, messageStep } from '../../testing/bpmn-builders.js';
import { assertProblem } from '../../testing/problem.js';
import { layoutFor, writeBankFile, type BankFileWriteLine } from './bank-file/index.js';

interface Inv {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  customerName: string;
  balanceSatang: number;
  billerId: string;
  status: string;
}

const KTB = layoutFor('KTB')!;

describe(`bank files on ${testDialect()}`, () => {
  let srv: TestServer;
  let finance: string;
  let open: Inv[];
  let next = 0;
  let day = 1;

  const take = (n: number) => {
    const picked = open.slice(next, next + n);
    next += n;
    assert.equal(picked.length, n, 'enough open invoices in the demo');
    return picked;
  };
  const line = (i: Inv, over: Partial<BankFileWriteLine> = {}): BankFileWriteLine => ({
    paidAt: new Date(`2026-03-0${day}T09:30:00+07:00`),
    customerName: i.customerName,
    ref1: i.accountNumber,
    ref2: i.number,
    amountSatang: i.balanceSatang,
    billerId: i.billerId,
    ...over,
  });
  const file = (lines: BankFileWriteLine[]) =>
    writeBankFile(KTB, {
      companyAccount: '9876543210',
      companyName: 'อบต.ทดสอบ',
      effectiveDate: `2026-03-0${day++}`,
      lines,
    });
  const upload = async (bytes: Buffer, bank = 'ktb') => {
    const res = await fetch(`${srv.baseUrl}/api/v1/bank-files?bank=${bank}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${finance}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const invoice = async (id: number) =>
    (await srv.api('GET', `/invoices/${id}`, { token: finance })).body as Inv;
  const count = async (path: string) =>
    (await srv.api('GET', path, { token: finance })).body.total as number;

  before(async () => {
    srv = await startTestServer();
    finance = await srv.login('finance');
    const res = await srv.api('GET', '/invoices?status=open&kind=water&limit=500', {
      token: finance,
    });
    // one invoice per account, so that lines do not spill over onto each other
    const seen = new Set<number>();
    open = (res.body.items as Inv[]).filter((i) => !seen.has(i.accountId) && seen.add(i.accountId));
  });
  after(() => srv?.stop());

  it('should match a good file in full: every line a payment with a receipt', async () => {
    // given three open invoices paid at the bank
    const paid = take(3);
    const bytes = file(paid.map((i) => line(i)));

    // when
    const res = await upload(bytes);

    // then
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.lines, 3);
    assert.equal(res.body.matched, 3);
    assert.equal(res.body.unmatched, 0);
    assert.equal(res.body.duplicates, 0);
    assert.equal(
      res.body.totalSatang,
      paid.reduce((s, i) => s + i.balanceSatang, 0),
    );
    for (const i of paid) assert.equal((await invoice(i.id)).status, 'paid');
    const payments = await srv.api('GET', `/payments?bankFileId=${res.body.id}`, {
      token: finance,
    });
    assert.equal(payments.body.total, 3);
    for (const p of payments.body.items) {
      assert.equal(p.payment.method, 'bank');
      assert.equal(p.receipt.method, 'bank');
      assert.equal(p.receipt.status, 'valid');
      // the receipt reads as one from the counter: number, book, payer and what it paid
      const i = paid.find((x) => x.accountId === p.payment.accountId)!;
      assert.equal(
        p.receipt.documentNumber,
        `RC${p.receipt.fiscalYear}-${String(p.receipt.number).padStart(6, '0')}`,
      );
      assert.equal(p.receipt.book, Math.floor((p.receipt.number - 1) / 100) + 1);
      assert.equal(p.receipt.accountNumber, i.accountNumber);
      assert.equal(p.receipt.payerName, i.customerName);
      assert.equal(p.receipt.creditSatang, 0);
      assert.deepEqual(p.receipt.items, [
        {
          invoiceId: i.id,
          invoiceNumber: i.number,
          period: ((await invoice(i.id)) as Inv & { period: string }).period,
          kind: 'water',
          amountSatang: i.balanceSatang,
        },
      ]);
    }
    const numbers = payments.body.items
      .map((p: { receipt: { number: number } }) => p.receipt.number)
      .sort((a: number, b: number) => a - b);
    assert.deepEqual(numbers, [numbers[0], numbers[0] + 1, numbers[0] + 2], 'one block of numbers');

    // and the file's lines read back as the bank sent them, Thai names intact from TIS-620,
    // each with the payment and receipt it became
    const lines = await srv.api('GET', `/bank-files/${res.body.id}/lines`, { token: finance });
    assert.equal(lines.status, 200, JSON.stringify(lines.body));
    assert.equal(lines.body.total, 3);
    assert.deepEqual(
      lines.body.items.map((l: { customerName: string }) => l.customerName).sort(),
      paid.map((i) => i.customerName.slice(0, 50).trim()).sort(),
    );
    assert.match(lines.body.items[0].customerName, /[\u0E00-\u0E7F]/);
    for (const l of lines.body.items) {
      const p = payments.body.items.find(
        (x: { payment: { id: number } }) => x.payment.id === l.paymentId,
      );
      assert.equal(l.status, 'matched');
      assert.ok(p, `line ${l.lineNo} names its payment`);
      assert.equal(l.receiptNumber, p.receipt.documentNumber);
      assert.equal(l.amountSatang, p.payment.amountSatang);
    }
    // matched lines are payments, not exceptions
    assert.equal(await count(`/bank-lines?bankFileId=${res.body.id}`), 0);

    // and the audit chain vouches for the file's payments row by row
    const admin = await srv.login('admin');
    const verify = async () =>
      (await srv.api('GET', '/audit/verify', { token: admin })).body as {
        ok: boolean;
        broken: { entity: string; reason: string }[];
      };
    assert.equal((await verify()).ok, true);
    const victim = payments.body.items[1].payment as { id: number; amountSatang: number };
    const exec = (query: string, replacements: unknown[]) =>
      srv.engine.db.sequelize.query(query, { replacements });
    // when an amount is edited behind the API's back
    await exec('UPDATE payments SET amount_satang = amount_satang + 100 WHERE id = ?', [victim.id]);
    const broken = await verify();
    assert.equal(broken.ok, false);
    assert.deepEqual(
      broken.broken.map((b) => [b.entity, b.reason]),
      [[`bank-file:${res.body.id}`, 'row_differs']],
    );
    await exec('UPDATE payments SET amount_satang = ? WHERE id = ?', [
      victim.amountSatang,
      victim.id,
    ]);
    assert.equal((await verify()).ok, true);

    // when the same file comes again
    const again = await upload(bytes);
    // then it is refused whole
    assertProblem(again, 409, 'bank_file_duplicate');
  });

  it('should refuse a file whose trailer total does not add up, naming the line, and write nothing', async () => {
    const [i] = take(1);
    const bytes = file([line(i!)]);
    const text = bytes.toString('latin1').split('\r\n');
    const t = text.findIndex((r) => r.startsWith('T'));
    // the credit total (positions 40–52) one satang more
    const total = text[t]!.slice(39, 52);
    text[t] =
      text[t]!.slice(0, 39) + String(Number(total) + 1).padStart(13, '0') + text[t]!.slice(52);
    const filesBefore = await count('/bank-files');

    const res = await upload(Buffer.from(text.join('\r\n'), 'latin1'));

    const p = assertProblem(res, 422, 'bank_file_invalid');
    assert.ok(
      p.errors?.some((e) => e.path.startsWith(`line ${t + 1}`)),
      JSON.stringify(p.errors),
    );
    assert.equal(await count('/bank-files'), filesBefore);
    assert.equal((await invoice(i!.id)).status, 'open');
  });

  it('should refuse a file with a 255-character record, naming its line', async () => {
    const [i] = take(1);
    const text = file([line(i!)])
      .toString('latin1')
      .split('\r\n');
    text[1] = text[1]!.slice(0, 255);
    const res = await upload(Buffer.from(text.join('\r\n'), 'latin1'));
    const p = assertProblem(res, 422, 'bank_file_invalid');
    assert.ok(
      p.errors?.some((e) => e.path.startsWith('line 2')),
      JSON.stringify(p.errors),
    );
    assert.equal((await invoice(i!.id)).status, 'open');
  });

  it('should import a file whose total passes 21.47 million baht (more than a 32-bit integer of satang)', async () => {
    const [i] = take(1);
    const big = 1_100_000_000; // 11 million baht a line, two lines: 2,200,000,000 satang
    const res = await upload(
      file([
        line(i!, { ref1: '8888888', ref2: 'BIG-1', amountSatang: big }),
        line(i!, { ref1: '8888889', ref2: 'BIG-2', amountSatang: big }),
      ]),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.totalSatang, 2 * big);
    assert.equal(res.body.unmatched, 2);
    const listed = await srv.api('GET', '/bank-files?limit=5', { token: finance });
    assert.equal(
      listed.body.items.find((f: { id: number }) => f.id === res.body.id).totalSatang,
      2 * big,
    );
  });

  it('should refuse a file paying another biller', async () => {
    const [i] = take(1);
    const res = await upload(file([line(i!, { billerId: '099400016550100' })]));
    assertProblem(res, 422, 'bank_file_invalid');
    assert.equal((await invoice(i!.id)).status, 'open');
  });

  it('should pay part of an invoice, keep an overpayment as credit, and never pay a line twice', async () => {
    const [part, over, once] = take(3);
    const first = await upload(
      file([
        line(part!, { amountSatang: 1_000 }),
        line(over!, { amountSatang: over!.balanceSatang + 500_000 }),
        line(once!),
      ]),
    );
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.matched, 3);
    assert.equal((await invoice(part!.id)).balanceSatang, part!.balanceSatang - 1_000);
    assert.equal((await invoice(over!.id)).status, 'paid');
    const history = await srv.api('GET', `/accounts/${over!.accountId}/payments`, {
      token: finance,
    });
    assert.ok(history.body.creditSatang > 0, JSON.stringify(history.body));

    // when the bank sends the `once` line again in the next day's file, renumbered
    day--;
    const second = await upload(
      file([line(take(1)[0]!, { paidAt: new Date('2026-03-09T10:00:00+07:00') }), line(once!)]),
    );
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.duplicates, 1);
    assert.equal(second.body.matched, 1);
    const fromTheseFiles = async (fileId: number) =>
      (
        await srv.api('GET', `/payments?bankFileId=${fileId}`, { token: finance })
      ).body.items.filter(
        (p: { payment: { accountId: number } }) => p.payment.accountId === once!.accountId,
      ).length as number;
    assert.equal(await fromTheseFiles(first.body.id), 1);
    assert.equal(await fromTheseFiles(second.body.id), 0);
    const secondLines = (
      await srv.api('GET', `/bank-files/${second.body.id}/lines`, { token: finance })
    ).body.items as { ref2: string; status: string; paymentId: number | null }[];
    assert.deepEqual(
      secondLines.map((l) => l.status),
      ['matched', 'duplicate'],
    );
    assert.equal(secondLines[1]!.paymentId, null);

    // the receipts say what each line paid: part of one invoice; one invoice and the credit
    const receiptOf = async (accountId: number) =>
      (
        await srv.api('GET', `/payments?bankFileId=${first.body.id}`, { token: finance })
      ).body.items.find(
        (p: { payment: { accountId: number } }) => p.payment.accountId === accountId,
      ).receipt;
    const partReceipt = await receiptOf(part!.accountId);
    assert.deepEqual(
      partReceipt.items.map((x: { invoiceId: number; amountSatang: number }) => [
        x.invoiceId,
        x.amountSatang,
      ]),
      [[part!.id, 1_000]],
    );
    const overReceipt = await receiptOf(over!.accountId);
    assert.equal(overReceipt.amountSatang, over!.balanceSatang + 500_000);
    assert.equal(overReceipt.items.at(-1).kind, 'credit');
    assert.equal(
      overReceipt.items.reduce((s: number, x: { amountSatang: number }) => s + x.amountSatang, 0),
      overReceipt.amountSatang,
    );
    assert.equal(overReceipt.items.at(-1).amountSatang, overReceipt.creditSatang);
  });

  it('should queue a line for an unknown account and let finance match it by hand', async () => {
    const [target] = take(1);
    const res = await upload(
      file([
        line(target!, { ref1: '9999999', ref2: 'NO-SUCH', customerName: 'นายโอนผิด เลขอ้างอิง' }),
      ]),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.unmatched, 1);
    const queue = await srv.api('GET', `/bank-lines?status=unmatched&bankFileId=${res.body.id}`, {
      token: finance,
    });
    const [l] = queue.body.items;
    assert.equal(l.reason, 'no_such_account');
    assert.equal(l.customerName, 'นายโอนผิด เลขอ้างอิง');

    // when finance matches it to the right account
    const matched = await srv.api('POST', `/bank-lines/${l.id}/match`, {
      token: finance,
      body: { accountId: target!.accountId, invoiceIds: [target!.id], note: 'ลูกค้าโทรแจ้ง' },
    });

    // then it is a payment with a receipt and the line is resolved
    assert.equal(matched.status, 201, JSON.stringify(matched.body));
    assert.equal(matched.body.line.status, 'resolved');
    assert.equal(matched.body.receipt.method, 'bank');
    assert.equal((await invoice(target!.id)).status, 'paid');
    assertProblem(
      await srv.api('POST', `/bank-lines/${l.id}/match`, {
        token: finance,
        body: { accountId: target!.accountId },
      }),
      409,
      'bank_line_not_open',
    );

    // when the bank sends that line again in the next file, with a new line
    day--;
    const again = await upload(
      file([
        line(target!, { ref1: '9999999', ref2: 'NO-SUCH', customerName: 'นายโอนผิด เลขอ้างอิง' }),
        line(take(1)[0]!),
      ]),
    );
    // then the repeat is a duplicate (the exception row remembers it) and pays nothing
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.duplicates, 1);
    assert.equal(again.body.matched, 1);
    const lines = await srv.api('GET', `/bank-files/${again.body.id}/lines`, { token: finance });
    assert.deepEqual(
      lines.body.items.map((x: { status: string }) => x.status),
      ['duplicate', 'matched'],
    );
  });

  it('should tell the process waiting for an account that its bank payment came', async () => {
    // given a process waiting for the payment of one of the file's accounts
    const admin = await srv.login('admin');
    const deployed = await srv.api('POST', '/processes/wait-for-bank/versions', {
      token: admin,
      body: linearProcess('wait-for-bank', [messageStep('Catch_paid', 'payment-received')]),
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    const [waiting, other] = take(2);
    const started = await srv.api('POST', '/processes/wait-for-bank/instances', {
      token: admin,
      body: { businessKey: waiting!.accountNumber, variables: {} },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));

    // when the bank file paying it (and another account) is imported
    const res = await upload(file([line(other!), line(waiting!)]));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await srv.engine.services.outbox.deliverDue();

    // then the process has ended with the amount paid
    const done = await srv.api('GET', `/instances/${started.body.id}`, { token: admin });
    assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
    assert.equal(done.body.variables.paidSatang, waiting!.balanceSatang);
    assert.equal(done.body.variables.paymentMethod, 'bank');
  });

  it('should NOT let a cashier import bank files', async () => {
    const cashier = await srv.login('cashier');
    const res = await fetch(`${srv.baseUrl}/api/v1/bank-files?bank=ktb`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cashier}` },
      body: new Uint8Array(file([line(take(1)[0]!)])),
    });
    assert.equal(res.status, 403);
  });
});
