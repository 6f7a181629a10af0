// `npm start`: build what is stale, then run the engine, which serves the API and the apps.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, buildAppsIfStale, buildEngineIfStale } from './build-if-stale.mjs';

buildEngineIfStale();
buildAppsIfStale();

const child = spawn(process.execPath, [path.join(ROOT, 'engine/dist/main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
