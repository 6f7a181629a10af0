// `npm test` and `npm run test:<area>`: every suite, on every dialect, with one summary.
//
//   node engine/scripts/test.mjs all          lint, typecheck, unit, integration (SQLite
//                                              and MariaDB), browser tests (Chromium)
//   node engine/scripts/test.mjs <area>        one area's unit, integration and browser tests
//   node engine/scripts/test.mjs unit|integration|e2e   one kind, every area
//
// Test files: engine/src/**/*.unit.test.ts (pure, no database), engine/src/**/*.int.test.ts
// (a real engine on a real database: run once per dialect), e2e/<area>/*.e2e.ts
// (Chromium through playwright-core against a real engine).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, buildAppsIfStale } from './build-if-stale.mjs';

/** Which folders hold each area's tests (the areas the issues name). */
const AREAS = {
  foundation: [
    'engine/src/config',
    'engine/src/db',
    'engine/src/http',
    'engine/src/log',
    'engine/src/cli',
    'engine/src/domain/thai-date',
    'engine/src/domain/tax-id',
    'engine/src/modules/auth',
    'engine/src/modules/tenancy',
    'engine/src/modules/audit',
    'engine/src/modules/demo',
    'e2e/foundation',
    'portal/',
    'mobile/',
    'handheld/',
  ],
  workflow: ['engine/src/workflow', 'e2e/workflow'],
  billing: [
    'engine/src/domain/money',
    'engine/src/domain/tariff',
    'engine/src/domain/reading',
    'engine/src/domain/baht-text',
    'engine/src/domain/thai-qr',
    'engine/src/domain/bank-barcode',
    'engine/src/domain/document-number',
    'engine/src/domain/one-off-fees',
    'handheld/src/app/domain-golden',
    'engine/src/modules/registry',
    'engine/src/modules/billing',
    'engine/src/modules/readings',
    'e2e/billing',
  ],
  payments: ['engine/src/modules/payments', 'e2e/payments'],
  studio: ['e2e/studio'],
  debt: ['engine/src/modules/debt', 'e2e/debt'],
  handheld: ['engine/src/modules/handheld-sync', 'e2e/handheld'],
  resident: ['engine/src/modules/community', 'engine/src/modules/resident', 'e2e/resident'],
  flows: ['engine/src/flows', 'flows/', 'e2e/flows'],
  reports: ['engine/src/modules/reports', 'e2e/reports'],
  story: ['e2e/story'],
};

const target = process.argv[2] ?? 'all';
const KINDS = ['unit', 'integration', 'e2e'];
if (target !== 'all' && !AREAS[target] && !KINDS.includes(target)) {
  console.error(
    `unknown test target "${target}": all, ${KINDS.join(', ')}, ${Object.keys(AREAS).join(', ')}`,
  );
  process.exit(2);
}

function walk(dir, test, out = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) walk(rel, test, out);
    else if (test(rel)) out.push(rel);
  }
  return out.sort();
}

function inTarget(file) {
  if (target === 'all' || KINDS.includes(target)) return true;
  return AREAS[target].some((prefix) => file.startsWith(prefix));
}

const unitFiles = walk('engine/src', (f) => f.endsWith('.unit.test.ts')).filter(inTarget);
const intFiles = walk('engine/src', (f) => f.endsWith('.int.test.ts')).filter(inTarget);
const e2eFiles = walk('e2e', (f) => f.endsWith('.e2e.ts')).filter(inTarget);
const appSpecs = walk('.', (f) => /^(portal|mobile|handheld)\/.*\.spec\.ts$/.test(f)).filter(
  inTarget,
);

const results = [];

function runCommand(label, cmd, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(
      `\n━━ ${label} ━━  ${cmd} ${args.join(' ').slice(0, 160)}${args.join(' ').length > 160 ? '…' : ''}`,
    );
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) =>
      resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

function count(out, key) {
  const m = [...out.matchAll(new RegExp(`^[ℹ#] ${key} (\\d+)`, 'gm'))];
  return m.length ? Number(m[m.length - 1][1]) : 0;
}

async function nodeTests(label, dialect, files, env = {}) {
  if (!files.length) {
    results.push({
      label,
      dialect,
      tests: 0,
      pass: 0,
      fail: 0,
      skipped: 0,
      seconds: 0,
      ok: true,
      note: 'no tests in this area yet',
    });
    return;
  }
  const r = await runCommand(
    `${label} (${dialect})`,
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    env,
  );
  const pass = count(r.out, 'pass');
  const fail = count(r.out, 'fail') + count(r.out, 'cancelled');
  results.push({
    label,
    dialect,
    tests: count(r.out, 'tests'),
    pass,
    fail,
    skipped: count(r.out, 'skipped'),
    seconds: r.seconds,
    ok: r.code === 0 && fail === 0,
  });
}

async function step(label, cmd, args) {
  const r = await runCommand(label, cmd, args);
  results.push({
    label,
    dialect: '-',
    tests: null,
    pass: null,
    fail: null,
    skipped: null,
    seconds: r.seconds,
    ok: r.code === 0,
  });
}

async function mysqlReachable() {
  const u = new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/prapa_test');
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 3306), u.hostname);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

if (target === 'all') {
  await step('lint', 'npm', ['run', '--silent', 'lint']);
  await step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
}
if (target !== 'integration' && target !== 'e2e') {
  await nodeTests('unit (engine)', '-', unitFiles);
  // the apps' specs run in Angular's unit-test builder (Vitest, jsdom), one app at a time
  for (const app of ['portal', 'mobile', 'handheld']) {
    if (!appSpecs.some((f) => f.startsWith(`${app}/`))) continue;
    const r = await runCommand(`unit (${app})`, 'npx', ['ng', 'test', app, '--watch=false']);
    const plain = r.out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    const m = /Tests\s+(?:(\d+) failed \| )?(\d+) passed(?: \| (\d+) skipped)?/.exec(plain);
    const fail = Number(m?.[1] ?? 0);
    const pass = Number(m?.[2] ?? 0);
    results.push({
      label: `unit (${app})`,
      dialect: '-',
      tests: pass + fail,
      pass,
      fail,
      skipped: Number(m?.[3] ?? 0),
      seconds: r.seconds,
      ok: r.code === 0 && !!m,
    });
  }
}
if (target !== 'unit' && target !== 'e2e') {
  await nodeTests('integration', 'sqlite', intFiles, { PRAPA_TEST_DIALECT: 'sqlite' });
  if (intFiles.length && !(await mysqlReachable())) {
    console.error(
      '\nMariaDB is not reachable at TEST_MYSQL_URL (default 127.0.0.1:3306): start it (see README) — .ci/run does.',
    );
    results.push({
      label: 'integration',
      dialect: 'mysql',
      tests: 0,
      pass: 0,
      fail: 1,
      skipped: 0,
      seconds: 0,
      ok: false,
      note: 'MariaDB not reachable',
    });
  } else {
    await nodeTests('integration', 'mysql', intFiles, { PRAPA_TEST_DIALECT: 'mysql' });
  }
}
if (target !== 'unit' && target !== 'integration' && e2eFiles.length) {
  if (!fs.existsSync('/usr/bin/chromium')) {
    console.error(
      '\nChromium is missing at /usr/bin/chromium: apt-get install -y chromium fonts-thai-tlwg (.ci/run does).',
    );
    results.push({
      label: 'browser (chromium)',
      dialect: 'sqlite',
      tests: 0,
      pass: 0,
      fail: 1,
      skipped: 0,
      seconds: 0,
      ok: false,
      note: 'Chromium missing',
    });
  } else {
    buildAppsIfStale();
    await nodeTests('browser (chromium)', 'sqlite', e2eFiles, { PRAPA_TEST_DIALECT: 'sqlite' });
  }
}

// ── summary ──
const pad = (s, n) => String(s ?? '').padEnd(n);
const lpad = (s, n) => String(s ?? '').padStart(n);
console.log(`\n━━ Prapa test summary (${target}) ━━`);
console.log(
  `${pad('suite', 22)}${pad('dialect', 9)}${lpad('tests', 6)}${lpad('pass', 6)}${lpad('fail', 6)}${lpad('skip', 6)}${lpad('sec', 8)}  result`,
);
for (const r of results) {
  console.log(
    `${pad(r.label, 22)}${pad(r.dialect, 9)}${lpad(r.tests ?? '', 6)}${lpad(r.pass ?? '', 6)}${lpad(r.fail ?? '', 6)}${lpad(r.skipped ?? '', 6)}${lpad(r.seconds.toFixed(1), 8)}  ${r.ok ? 'ok' : 'FAILED'}${r.note ? ` (${r.note})` : ''}`,
  );
}
const passed = results.reduce((a, r) => a + (r.pass ?? 0), 0);
const failed =
  results.reduce((a, r) => a + (r.fail ?? 0), 0) +
  results.filter((r) => r.tests === null && !r.ok).length;
const skipped = results.reduce((a, r) => a + (r.skipped ?? 0), 0);
const ok = results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
