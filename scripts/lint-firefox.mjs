// `web-ext lint` on the Firefox build: fails on any error, prints warnings and the summary.

import { execFileSync } from 'node:child_process';

const out = execFileSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'],
  {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  },
).trim();
const report = JSON.parse(out.slice(out.indexOf('{')));
for (const kind of ['errors', 'warnings'])
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors === 0 ? 0 : 1);
