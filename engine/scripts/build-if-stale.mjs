// Builds the engine and the three apps when their outputs are missing or older than
// their sources, so `npm start` and the browser tests never run stale code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', 'dist', '.angular', 'screenshots']);

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (SKIP.has(name)) continue;
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

const r = (...p) => path.join(ROOT, ...p);
const shared = [
  'angular.json',
  'tsconfig.json',
  'package-lock.json',
  'engine/src/domain',
  'portal/shared',
].map((p) => r(p));

export function buildEngineIfStale() {
  const out = r('engine/dist/main.js');
  if (
    mtime(out) >=
    Math.max(
      newest(r('engine/src')),
      mtime(r('engine/tsconfig.json')),
      mtime(r('engine/tsconfig.build.json')),
    )
  )
    return;
  fs.rmSync(r('engine/dist'), { recursive: true, force: true });
  run('npx', ['tsc', '-p', 'engine/tsconfig.build.json']);
}

export function buildAppsIfStale(apps = ['portal', 'mobile', 'handheld']) {
  for (const app of apps) {
    const out = r('dist', app, 'browser', 'index.html');
    const sources = Math.max(newest(r(app)), ...shared.map(newest));
    if (mtime(out) >= sources) continue;
    run('npx', ['ng', 'build', app]);
  }
}
