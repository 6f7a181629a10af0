/**
 * What the studio asks that the run-time API does not: a form's versions with the process
 * versions that pinned each (the form designer's "used by"), and how many instances each
 * process version has (the instance viewer's overview).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, startTestServer, testDialect, type TestServer } from '../testing/harness.js';
import { assertProblem } from '../testing/problem.js';
import { WorkflowDriver } from '../testing/workflow-driver.js';

const FORM = 'new-connection-approval';
const PROCESS = 'new-connection';
const SHIPPED_XML = fs.readFileSync(path.join(REPO_ROOT, 'processes/new-connection.bpmn'), 'utf8');
const SHIPPED_FORM = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, `forms/${FORM}.json`), 'utf8'),
) as { title: string; components: unknown[] };

interface FormVersions {
  key: string;
  title: string | null;
  latest: number;
  versions: {
    version: number;
    deployedBy: string;
    usedBy: { processKey: string; processVersion: number }[];
  }[];
}
interface Count {
  processKey: string;
  version: number;
  status: string;
  count: number;
}

describe(`studio queries on ${testDialect()}`, () => {
  let srv: TestServer;
  let wf: WorkflowDriver;

  before(async () => {
    srv = await startTestServer();
    wf = await WorkflowDriver.signIn(srv, ['admin', 'clerk']);
  });
  after(() => srv?.stop());

  async function formVersions(): Promise<FormVersions> {
    const res = await wf.call('admin', 'GET', `/forms/${FORM}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as FormVersions;
  }

  async function counts(): Promise<Count[]> {
    const res = await wf.call('clerk', 'GET', '/instances/counts');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body as { items: Count[] }).items;
  }

  function running(items: Count[], version: number): number {
    return (
      items.find((c) => c.processKey === PROCESS && c.version === version && c.status === 'running')
        ?.count ?? 0
    );
  }

  describe('a form and the process versions that use it', () => {
    it('should show the shipped form used by the shipped process', async () => {
      // when
      const body = await formVersions();

      // then
      assert.equal(body.title, SHIPPED_FORM.title);
      assert.equal(body.latest, 1);
      assert.deepEqual(
        body.versions.map((v) => [v.version, v.deployedBy, v.usedBy.map((u) => u.processKey)]),
        [[1, 'system', [PROCESS]]],
      );
    });

    it('should show which process version pinned which form version after both change', async () => {
      // given a second form version, and a process version deployed after it
      const form = {
        ...SHIPPED_FORM,
        components: [
          ...SHIPPED_FORM.components,
          { type: 'textarea', key: 'mayorNote', label: 'หมายเหตุ', input: true },
        ],
      };
      const f = await wf.call('admin', 'POST', `/forms/${FORM}/versions`, form);
      assert.equal(f.status, 201, JSON.stringify(f.body));
      const p = await srv.api('POST', `/processes/${PROCESS}/versions`, {
        token: wf.token('admin'),
        body: SHIPPED_XML,
        headers: { 'content-type': 'application/xml' },
      });
      assert.equal(p.status, 201, JSON.stringify(p.body));

      // when
      const body = await formVersions();

      // then each form version names the process version that pinned it
      assert.equal(body.latest, 2);
      assert.deepEqual(
        body.versions.map((v) => [
          v.version,
          v.deployedBy,
          v.usedBy.map((u) => `${u.processKey}@${u.processVersion}`),
        ]),
        [
          [2, 'admin', [`${PROCESS}@${p.body.version}`]],
          [1, 'system', [`${PROCESS}@${p.body.version - 1}`]],
        ],
      );
    });

    it('should answer 404 for a form that was never deployed', async () => {
      // when / then
      assertProblem(await wf.call('admin', 'GET', '/forms/no-such-form'), 404);
    });
  });

  describe('instances per process version', () => {
    it('should count the running instances of each version', async () => {
      // given
      const before = await counts();
      const latest = (await wf.call('clerk', 'GET', '/processes')).body.items.find(
        (p: { key: string }) => p.key === PROCESS,
      ).latest as number;

      // when two applications start
      await wf.start('clerk', PROCESS, 'STUDIO-1', { applicantName: 'นายหนึ่ง' });
      await wf.start('clerk', PROCESS, 'STUDIO-2', { applicantName: 'นายสอง' });

      // then the newest version has two more running
      const now = await counts();
      assert.equal(running(now, latest), running(before, latest) + 2);
    });
  });
});
