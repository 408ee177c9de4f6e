// `npm test`: lint, typecheck, unit + integration, builds, end-to-end, in that order.
// Every step runs even when an earlier one failed, so one run shows every problem.
//
// The last two lines are the run's figures:
//
//   steps: 7 ok, 0 failed
//   1234 passed, 0 failed, 2 skipped
//
// - `steps:` counts the steps that are not test suites (lint, the HTML-sink check, typecheck,
//   the production, Firefox and test builds, web-ext lint), each ok or failed, and names the
//   failed ones.
// - `N passed` counts test cases only (Vitest's and Playwright's), never a step.
// - `N failed` counts failed test cases, plus one for each failed step and for each test suite
//   that could not report (it crashed, or its build failed so it never ran). A failed step is
//   thus never `0 failed` on the last line, the one CI reads; the `steps:` line says which.
// Exit code 1 when anything failed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'inmail-ledger-test-'));
/** Test cases. */
let passed = 0;
let failed = 0;
let skipped = 0;
/** Steps that are not test suites. */
const steps = { ok: 0, failed: [] };
/** Test suites that could not report their cases. */
const silent = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is not a test suite: counted among the steps, never among the tests. */
function step(name, command, args) {
  const ok = run(name, command, args);
  if (ok) steps.ok++;
  else steps.failed.push(name);
  return ok;
}

/** A suite exited non-zero without a failed case (a crash, an error outside any test). */
function suiteResult(name, ok, failedCases) {
  if (!ok && failedCases === 0) silent.push(`${name} (exited with an error outside any test)`);
}

function vitest() {
  const name = 'unit and integration tests';
  const report = join(tmp, 'vitest.json');
  const ok = run(name, 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) return void silent.push(`${name} (no report)`);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  suiteResult(name, ok, r.numFailedTests);
}

function playwright() {
  const name = 'end-to-end tests (Chromium)';
  const report = join(tmp, 'playwright.json');
  const ok = run(name, 'npx', ['playwright', 'test'], { PW_JSON_REPORT: report });
  if (!existsSync(report)) return void silent.push(`${name} (no report)`);
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  suiteResult(name, ok, stats.unexpected);
}

step('lint (Biome)', 'npx', ['biome', 'check', '.']);
step('no HTML injection sinks', 'node', ['scripts/no-html-injection.mjs']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
vitest();
step('production build', 'npx', ['wxt', 'build']);
step('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('web-ext lint (Firefox)', 'node', ['scripts/lint-firefox.mjs']);
if (step('test build (e2e hooks)', 'npx', ['wxt', 'build', '--mode', 'e2e'])) playwright();
else silent.push('end-to-end tests (Chromium) (not run: the test build failed)');

rmSync(tmp, { recursive: true, force: true });
const failedSteps = steps.failed.length;
failed += failedSteps + silent.length;
console.log('');
if (silent.length > 0) console.log(`Suites that did not report: ${silent.join('; ')}`);
console.log(
  `steps: ${steps.ok} ok, ${failedSteps} failed${failedSteps ? ` (${steps.failed.join(', ')})` : ''}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
