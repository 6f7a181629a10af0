/**
 * processes/new-connection.bpmn with its real service tasks, through the HTTP API: the
 * approved application becomes a pending account with an open installation-fee invoice;
 * the fee paid at the counter (its payment sends payment-received) leads to the
 * installation, which activates the account with its meter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, testDialect, type TestServer } from '../../../testing/harness.js';
import { assertProblem } from '../../../testing/problem.js';
import { waitingAt, WorkflowDriver, type HandlerCall } from '../../../testing/workflow-driver.js';
import { tenantOf } from '../billing.fixtures.js';

const KEY = 'new-connection';

describe(`new-connection with its real service tasks on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;
  let notices: HandlerCall[];
  let villageId: number;
  let seq = 0;

  const application = (meterSize = '3/4') => ({
    applicantName: 'นางสาวบุญมี ทดลองต่อน้ำ',
    applicantPhone: '0891234567',
    address: '45 ซอยวัด',
    villageId,
    meterSize,
  });

  /** Applies, passes the document check and the survey, and is approved. */
  async function approved(bk: string, meterSize?: string) {
    const started = await wf.start('clerk', KEY, bk, application(meterSize));
    await wf.completeAt('clerk', bk, 'Task_documentCheck', { documentsOk: 'true' });
    await wf.completeAt('technician', bk, 'Task_siteSurvey', {
      surveyDate: '2026-01-10',
      distanceMeters: 35,
      pipeSizeMm: 20,
      feasible: 'true',
      estimatedCostBaht: 2500,
    });
    await wf.completeAt('chief', bk, 'Task_approval', { decision: 'approve' });
    return wf.instance(started.id);
  }

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, [
      'admin',
      'clerk',
      'technician',
      'chief',
      'cashier',
      'finance',
    ]);
    // telling the applicant is the notifications' step (a later issue): recorded here
    notices = wf.recordHandlers(['applications.notifyApplicant']);
    const t = await tenantOf(srv, wf.token('finance'));
    const village = t.villages.find((v) => v.waterworksId !== null)!;
    villageId = village.id;
    const assigned = await wf.call('finance', 'PUT', '/tariff-assignments', {
      waterworksId: village.waterworksId,
      customerType: '1',
      tariffCode: 'VILLAGE-BLOCK',
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  });
  after(() => srv?.stop());

  it('should open a pending account, invoice the fee, and activate the account once installed', async () => {
    // given an approved application for a 3/4" meter
    const bk = `NC-REAL-${++seq}`;

    // when
    const waiting = await approved(bk);

    // then the account is pending, with no meter yet
    assert.deepEqual(waiting.waitingMessages, ['payment-received']);
    assert.equal(waiting.publicStatus, 'awaiting_payment');
    const accountId = waiting.variables['accountId'] as number;
    const pending = await wf.call('clerk', 'GET', `/accounts/${accountId}`);
    assert.equal(pending.status, 200, JSON.stringify(pending.body));
    assert.equal(pending.body.status, 'pending');
    assert.equal(pending.body.waterUser.name, 'นางสาวบุญมี ทดลองต่อน้ำ');
    assert.equal(pending.body.villageId, villageId);
    assert.equal(pending.body.meter, null);
    // and the installation fee of VILLAGE-BLOCK for 3/4" (2,500 baht) is open on it
    const invoices = await wf.call('finance', 'GET', `/invoices?account=${accountId}`);
    assert.equal(invoices.body.total, 1);
    const [fee] = invoices.body.items;
    assert.equal(fee.kind, 'installation');
    assert.equal(fee.status, 'open');
    assert.equal(fee.totalSatang, 250_000);
    assert.equal(fee.amountDueSatang, 250_000);
    assert.equal(fee.ref1, pending.body.number);
    assert.equal(waiting.variables['invoiceId'], fee.id);
    assert.equal(notices.filter((n) => n.businessKey === bk).length, 1);

    // when the fee is paid in cash at the counter (the payment tells the process itself)
    await wf.call('cashier', 'POST', '/cashier-sessions', { openingFloatSatang: 0 });
    const paid = await wf.call('cashier', 'POST', '/payments', {
      invoiceIds: [fee.id],
      amountSatang: fee.amountDueSatang,
      method: 'cash',
    });
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    await srv.engine.services.outbox.deliverDue();
    const installing = await wf.instance(waiting.id);
    assert.equal(installing.variables['receiptNumber'], paid.body.receipt.documentNumber);
    assert.deepEqual(waitingAt(installing), ['Task_meterInstallation']);
    // and the technician installs the meter
    await wf.completeAt('technician', bk, 'Task_meterInstallation', {
      meterSerial: 'NC-SN-0001',
      meterSize: '3/4',
      meterDigits: 5,
      initialReading: 3,
      installedOn: '2026-02-01',
    });

    // then the process ends installed and the account is active with its meter
    const done = await wf.instance(waiting.id);
    assert.equal(done.status, 'completed', JSON.stringify(done));
    assert.equal(done.publicStatus, 'installed');
    const active = await wf.call('clerk', 'GET', `/accounts/${accountId}`);
    assert.equal(active.body.status, 'active');
    assert.equal(active.body.openedOn, '2026-02-01');
    assert.equal(active.body.meter.serial, 'NC-SN-0001');
    assert.equal(active.body.meter.size, '3/4');
    assert.equal(active.body.meter.initialReading, 3);
  });

  it('should NOT move past the fee when the tariff has no fee for the meter size', async () => {
    // given an application for a 2" meter, which VILLAGE-BLOCK has no installation fee for
    const bk = `NC-REAL-${++seq}`;

    // when
    const stuck = await approved(bk, '2');

    // then the step waits to be retried, saying why, and no invoice is issued
    assert.deepEqual(waitingAt(stuck), ['Task_createInvoice']);
    assert.match(stuck.jobs[0]?.lastError ?? '', /no installation fee for a "2" meter/);
    const accountId = stuck.variables['accountId'] as number;
    const invoices = await wf.call('finance', 'GET', `/invoices?account=${accountId}`);
    assert.equal(invoices.body.total, 0);
    assertProblem(await wf.sendMessage('cashier', 'payment-received', bk), 404);
  });
});
