import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, startTestServer, testDialect, type TestServer } from '../testing/harness.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run audit:verify` as an operator would: a child process with DATABASE_URL set. */
function auditVerify(server: TestServer): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join('engine', 'src', 'cli', 'audit-verify.ts')],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: server.database.url,
          PRAPA_DATA_DIR: server.database.dataDir,
          LOG_LEVEL: 'silent',
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`npm run audit:verify on ${testDialect()}`, () => {
  let server: TestServer;
  let ww1: { id: number; name: string };

  before(async () => {
    server = await startTestServer();
    const admin = await server.login('admin');
    ww1 = (await server.api('GET', '/waterworks', { token: admin })).body.items.find(
      (w: { code: string }) => w.code === 'WW1',
    );
  });
  after(() => server?.stop());

  it('should exit 0 and say ok when every chain holds', async () => {
    // when
    const run = await auditVerify(server);

    // then
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\bok\b/);
    assert.match(run.stdout, /2 chain\(s\)/);
  });

  it('should exit 1 and name the broken link after a row is edited behind the API’s back', async () => {
    // given
    await server.engine.db.sequelize.query('UPDATE waterworks SET name = ? WHERE id = ?', {
      replacements: ['x', ww1.id],
    });

    // when
    const run = await auditVerify(server);

    // then
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /\bok\b/);
    assert.match(run.stderr, /BROKEN/);
    assert.match(run.stderr, new RegExp(`waterworks:${ww1.id}\\b`));
    assert.match(run.stderr, /row_differs/);
  });

  it('should exit 2 when it cannot reach the database', async () => {
    // given
    const nowhere = {
      ...server,
      database: { ...server.database, url: 'mysql://root@127.0.0.1:1/prapa_nowhere' },
    };

    // when
    const run = await auditVerify(nowhere);

    // then
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /could not run/);
  });
});
