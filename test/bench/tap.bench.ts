// `npm run bench` (third part): what the content scripts cost a LinkedIn page. A Sales
// Navigator-like page with and without the extension, side by side, interleaved: main-thread
// script time under 10,000 DOM mutations and 1,000 API responses (10 of them 1 MB), and the
// tap's cost per response it ignores. Figures only.

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { launch } from '../e2e/fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
/** 12 by default; fewer for a quick look (BENCH_RUNS=4). */
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const BIG = JSON.stringify({
  elements: Array.from({ length: 9000 }, (_, k) => ({ id: `2-${k}`, body: 'x'.repeat(100) })),
});

async function plainContext(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  return context;
}

async function salesPage(context: BrowserContext): Promise<Page> {
  await context.route('https://www.linkedin.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/sales/home') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Sales Navigator</title><main id="feed"></main>',
      });
    }
    const big = url.searchParams.has('big');
    return route.fulfill({ contentType: 'application/json', body: big ? BIG : '{"elements":[]}' });
  });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/home');
  return page;
}

/** Script time (ms) the page's main thread spends on one workload. */
async function workload(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before =
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  await page.evaluate(async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    for (let k = 0; k < 10_000; k++) {
      const row = document.createElement('div');
      row.textContent = `lead ${k}`;
      feed.append(row);
      if (k % 10 === 9) await new Promise(requestAnimationFrame.bind(window));
    }
    const calls: Promise<unknown>[] = [];
    for (let k = 0; k < 1000; k++) {
      const path = k % 100 === 0 ? '/sales-api/salesApiSearch?big=1' : `/sales-api/salesApiProfiles/${k}`;
      calls.push(fetch(path).then((r) => r.text()));
    }
    await Promise.all(calls);
    feed.replaceChildren();
  });
  const after =
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  await cdp.detach();
  return (after - before) * 1000;
}

/** Median microseconds one fetch of a data: URL takes, from call to response, over many calls. */
async function fetchCost(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const times: number[] = [];
    for (let round = 0; round < 11; round++) {
      const t0 = performance.now();
      for (let k = 0; k < 200; k++) await fetch('data:application/json,{}');
      times.push(((performance.now() - t0) * 1000) / 200);
    }
    times.sort((a, b) => a - b);
    return times[5] as number;
  });
}

execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
const withExt = await launch();
const without = await plainContext();
try {
  const pages = [await salesPage(withExt), await salesPage(without)];
  const script: number[][] = [[], []];
  const fetches: number[][] = [[], []];
  for (let run = 0; run < RUNS; run++) {
    for (const [k, page] of pages.entries()) {
      script[k]?.push(await workload(page));
      fetches[k]?.push(await fetchCost(page));
    }
  }
  const [sWith, sWithout] = script.map((t) => median(t)) as [number, number];
  const [fWith, fWithout] = fetches.map((t) => median(t)) as [number, number];
  console.log(`\nContent scripts on a Sales-Navigator-like page (median of ${RUNS}, interleaved)`);
  console.log(
    `  main-thread script time, 10,000 mutations + 1,000 responses: ${sWith.toFixed(1)} ms with, ${sWithout.toFixed(1)} ms without (${(((sWith - sWithout) / sWithout) * 100).toFixed(1)} % added)`,
  );
  console.log(
    `  added per page event (mutation or response): ${(((sWith - sWithout) * 1000) / 11_000).toFixed(2)} µs`,
  );
  console.log(
    `  one ignored fetch, call to response: ${fWith.toFixed(1)} µs with, ${fWithout.toFixed(1)} µs without (tap: ${(fWith - fWithout).toFixed(1)} µs)`,
  );
} finally {
  await withExt.close();
  await without.close();
}
