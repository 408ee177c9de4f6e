// `npm test`: lint, typecheck, unit + integration, build, end-to-end, in that order.
// Every step runs even when an earlier one failed, so one run shows every problem; the
// last line sums every test: `N passed, N failed` (a failed lint, typecheck or build
// counts as one failed test). Exit code 1 when anything failed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'inmail-ledger-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

/** A step that is not a test suite counts as one test. */
function step(name, command, args) {
  if (run(name, command, args)) passed++;
  else failed++;
}

function vitest() {
  const report = join(tmp, 'vitest.json');
  const ok = run('unit and integration tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) return void failed++;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1);
  skipped += r.numPendingTests + r.numTodoTests;
}

function playwright() {
  const report = join(tmp, 'playwright.json');
  const ok = run('end-to-end tests (Chromium)', 'npx', ['playwright', 'test'], { PW_JSON_REPORT: report });
  if (!existsSync(report)) return void failed++;
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1);
  skipped += stats.skipped;
}

step('lint (Biome)', 'npx', ['biome', 'check', '.']);
step('no HTML injection sinks', 'node', ['scripts/no-html-injection.mjs']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
vitest();
step('production build', 'npx', ['wxt', 'build']);
step('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('web-ext lint (Firefox)', 'node', ['scripts/lint-firefox.mjs']);
const testBuild = run('test build (e2e hooks)', 'npx', ['wxt', 'build', '--mode', 'e2e']);
if (testBuild) {
  passed++;
  playwright();
} else {
  failed++;
}

rmSync(tmp, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
