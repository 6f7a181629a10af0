/**
 * `npm run docs:config` — writes README's configuration table from the settings in
 * engine/src/config/config.ts (between the config:start and config:end markers).
 */
import fs from 'node:fs';
import path from 'node:path';
import { configTable } from '../config/config.js';
import { REPO_ROOT } from '../testing/harness.js';

const readme = path.join(REPO_ROOT, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const updated = text.replace(
  /<!-- config:start -->[\s\S]*?<!-- config:end -->/,
  `<!-- config:start -->\n${configTable()}\n<!-- config:end -->`,
);
if (updated === text) console.log('README.md configuration table is up to date');
else {
  fs.writeFileSync(readme, updated);
  console.log('README.md configuration table updated');
}
