// `npm run bench -- <name> [args]`: runs bench/<name>.bench.ts; each prints one JSON line last.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${names.join(', ')})`);
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(dir, `${name}.bench.ts`), ...args],
  {
    stdio: 'inherit',
    cwd: path.resolve(dir, '..'),
  },
);
process.exit(r.status ?? 1);
