// `npm run bench`: prints how fast the ledger core and the CLI are. Figures, not assertions:
// runs are interleaved (parse, summarize, parse, …) and reported as medians.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarize } from '../../src/ledger/summarize';
import { BENCH_AT, BENCH_SEAT, generateEvents, generateFile } from './generate-ledger';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function benchSummarize(): void {
  console.log('summarize vs JSON.parse of the same events (median, interleaved)');
  console.log('events      runs  summarize     JSON.parse    ratio  µs/event');
  const sizes: [number, number, string][] = [
    [1_000, 50, ''],
    [20_000, 30, '  target ≤ 10 ms'],
    [200_000, 10, ''],
    [1_000_000, 5, '  (for information)'],
  ];
  for (const [count, runs, note] of sizes) {
    const events = generateEvents(count);
    const text = JSON.stringify(events);
    const parseTimes: number[] = [];
    const summarizeTimes: number[] = [];
    // Warm up the JIT and the time-zone tables once, as a running worker would be.
    summarize(BENCH_SEAT, JSON.parse(text), BENCH_AT);
    for (let r = 0; r < runs; r++) {
      let parsed: typeof events = [];
      parseTimes.push(
        timeIt(() => {
          parsed = JSON.parse(text);
        }),
      );
      summarizeTimes.push(timeIt(() => summarize(BENCH_SEAT, parsed, BENCH_AT)));
    }
    const s = median(summarizeTimes);
    const p = median(parseTimes);
    console.log(
      `${String(count).padEnd(10)}  ${String(runs).padStart(4)}  ${ms(s).padEnd(12)}  ${ms(p).padEnd(12)}  ${(s / p).toFixed(2).padStart(5)}  ${((s * 1000) / count).toFixed(3)}${note}`,
    );
  }
}

function benchCli(): void {
  const count = 400_000;
  const runs = 10;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const file = join(dir, 'ledger.json');
  try {
    writeFileSync(file, JSON.stringify(generateFile(count)));
    const root = resolve(import.meta.dirname, '../..');
    const at = new Date(BENCH_AT).toISOString();
    const cli = () =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'summary', file, '--at', at], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    const parseOnly = () =>
      execFileSync(
        process.execPath,
        ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`],
        {
          stdio: 'ignore',
        },
      );
    cli();
    const cliTimes: number[] = [];
    const parseTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      parseTimes.push(timeIt(parseOnly));
      cliTimes.push(timeIt(cli));
    }
    const c = median(cliTimes);
    const p = median(parseTimes);
    console.log('');
    console.log(
      `CLI 'ledger summary' on ${count} events vs node merely parsing the file (median of ${runs}, whole processes)`,
    );
    console.log(
      `  ledger summary: ${ms(c)}   node parse: ${ms(p)}   ratio ${(c / p).toFixed(2)}  (target ≤ 3)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchSummarize();
benchCli();
