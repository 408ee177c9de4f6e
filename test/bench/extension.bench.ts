// `npm run bench` (second part): the built extension in Chromium. Popup time-to-content
// with a 20,000-event seat, and bundle sizes (gzip). Figures only, never assertions.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { extensionOf, launch } from '../e2e/fixtures';
import { BENCH_AT, generateFile } from './generate-ledger';

const ROOT = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function bundleSizes(): void {
  const out = join(ROOT, '.output/chrome-mv3');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const all = files(out).filter((f) => /\.(js|css|html)$/.test(f));
  const gz = (f: string) => gzipSync(readFileSync(f)).length;
  const group = (test: (rel: string) => boolean) =>
    all.filter((f) => test(relative(out, f))).reduce((sum, f) => sum + gz(f), 0);
  // The popup loads popup.html, its chunk, the shared chunk (Preact) and their CSS.
  const popupHtml = readFileSync(join(out, 'popup.html'), 'utf8');
  const popupFiles = [...popupHtml.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const popup = gz(join(out, 'popup.html')) + popupFiles.reduce((sum, f) => sum + gz(join(out, f)), 0);
  console.log('\nBundle sizes, gzip (production build)');
  console.log(`  popup (html + ${popupFiles.length} files it loads): ${(popup / 1024).toFixed(1)} KB`);
  console.log(`  background.js: ${(group((r) => r === 'background.js') / 1024).toFixed(1)} KB`);
  console.log(`  content scripts: ${(group((r) => r.startsWith('content-scripts/')) / 1024).toFixed(1)} KB`);
  console.log(`  options (all of its own chunk): ${(group((r) => /options/.test(r)) / 1024).toFixed(1)} KB`);
}

const FIGURES_MARK = 'inmail-ledger:figures';
const START_MARK = 'inmail-ledger:start';

/**
 * Opens an extension page; returns when its first figures were on screen, in ms from the start
 * of navigation, and from its own code starting (its modules loaded): what the browser does
 * before our code can run, against what our code does once it can.
 */
async function timeToFigures(page: Page, url: string): Promise<[number, number]> {
  await page.goto(url);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate(`new Promise((done) => {
    const read = () => {
      const entry = performance.getEntriesByName(${JSON.stringify(FIGURES_MARK)})[0];
      const start = performance.getEntriesByName(${JSON.stringify(START_MARK)})[0];
      if (entry && start) done([entry.startTime, entry.startTime - start.startTime]);
      else requestAnimationFrame(read);
    };
    read();
  })`);
}

/**
 * The test build plus a blank extension page: one figure, one tiny script that marks it in the
 * frame it is painted, the floor any extension page pays here (process, navigation, first paint).
 */
function withBlankPage(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'inmail-bench-')), 'extension');
  cpSync(join(ROOT, '.output/chrome-mv3-e2e'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title>' +
      '<script type="module" src="/blank.js"></script></head><body><p>0</p></body></html>',
  );
  writeFileSync(
    join(dir, 'blank.js'),
    `performance.mark(${JSON.stringify(START_MARK)});\n` +
      `requestAnimationFrame(() => performance.mark(${JSON.stringify(FIGURES_MARK)}));`,
  );
  return dir;
}

async function popupTimeToContent(): Promise<void> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
  const dir = withBlankPage();
  const busy = await launch({ dir });
  const small = await launch({ dir });
  try {
    const pages: [Page, string][] = [];
    for (const [context, events] of [
      [busy, 20_000],
      [small, 2],
    ] as const) {
      const extension = await extensionOf(context);
      await extension.send({ type: 'test:set-clock', at: BENCH_AT });
      const reply = await extension.send<{ ok: boolean; error?: string }>({
        type: 'import-ledger',
        text: JSON.stringify(generateFile(events)),
      });
      if (!reply.ok) throw new Error(reply.error);
      pages.push([await context.newPage(), `chrome-extension://${extension.id}/popup.html`]);
      if (events === 20_000)
        pages.push([await context.newPage(), `chrome-extension://${extension.id}/blank.html`]);
    }
    const runs = 15;
    const times: [number, number][][] = [[], [], []];
    for (let r = 0; r < runs; r++) {
      // Interleaved, so a slow moment of the machine hits all alike.
      for (const [k, [page, url]] of pages.entries()) times[k]?.push(await timeToFigures(page, url));
    }
    const [withBusy, blank, withSmall] = times.map((t) => median(t.map(([total]) => total))) as number[] as [
      number,
      number,
      number,
    ];
    const [ownBusy, ownBlank] = times.map((t) => median(t.map(([, own]) => own))) as [number, number];
    console.log(`\nPopup time-to-content (median of ${runs}, interleaved, Chromium headless)`);
    console.log(`  navigation start → first figures on screen, 20,000-event seat: ${withBusy.toFixed(1)} ms`);
    console.log(
      `  a blank extension page (one figure, one script) in the same browser: ${blank.toFixed(1)} ms ` +
        `→ popup ${(withBusy / blank).toFixed(2)} × blank, ${withBusy >= blank ? '+' : ''}${(withBusy - blank).toFixed(1)} ms`,
    );
    console.log(
      `  from the page's own code starting to figures: popup ${ownBusy.toFixed(1)} ms, blank ${ownBlank.toFixed(1)} ms`,
    );
    console.log(
      `  the popup with a 2-event seat: ${withSmall.toFixed(1)} ms (20,000 / 2 events: ${(withBusy / withSmall).toFixed(2)})`,
    );
  } finally {
    await busy.close();
    await small.close();
  }
}

/** Detections per second from a LinkedIn page into Dexie: posted, validated, written, acknowledged. */
async function ingestThroughput(): Promise<void> {
  const context = await launch();
  try {
    const extension = await extensionOf(context);
    const since = Date.now() - 60_000;
    await extension.send({ type: 'test:set-clock', at: since });
    await extension.send({
      type: 'setup-seat',
      label: 'Bench',
      plan: 'sales-navigator-core',
      timeZone: 'UTC',
      openingBalance: 150,
    });
    await extension.send({ type: 'test:set-clock', at: Date.now() });
    const page = await context.newPage();
    await page.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
    const me = 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)';
    const total = 2_000;
    const lead = 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)';
    const payloads = Array.from({ length: total / 100 }, (_, p) =>
      JSON.stringify({
        elements: Array.from({ length: 100 }, (_, k) => {
          const t = p * 100 + k;
          return {
            id: `2-B${t}`,
            participants: [me, lead],
            participantsResolutionResults: { [me]: { degree: 0 }, [lead]: { degree: 3 } },
            messages: [{ id: `b-${t}`, type: 'INMAIL', author: me, deliveredAt: since + 1_000 + t }],
          };
        }),
      }),
    );
    // The page asks for each payload as Sales Navigator would; the route answers with it.
    await page.route('https://www.linkedin.com/sales-api/salesApiMessagingThreads**', (route) => {
      const n = Number(new URL(route.request().url()).searchParams.get('bench'));
      return route.fulfill({ status: 200, contentType: 'application/json', body: payloads[n] as string });
    });
    const started = Date.now();
    await page.evaluate(
      (count) =>
        Promise.all(
          Array.from({ length: count }, (_, n) =>
            fetch(`/sales-api/salesApiMessagingThreads?q=filter&count=100&bench=${n}`).then((r) => r.text()),
          ),
        ),
      payloads.length,
    );
    for (;;) {
      const { snapshot } = await extension.send<{ snapshot: { summary: { stats: { paidSent: number } } } }>({
        type: 'get-snapshot',
      });
      if (snapshot.summary.stats.paidSent >= total) break;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log('\nIngest (a LinkedIn page → outbox → worker → Dexie, acknowledged)');
    console.log(
      `  ${total.toLocaleString('en')} detected sends in ${seconds.toFixed(2)} s: ${Math.round(total / seconds).toLocaleString('en')} events/s`,
    );
  } finally {
    await context.close();
  }
}

const only = process.argv[2];
if (!only || only === 'sizes') bundleSizes();
if (!only || only === 'popup') await popupTimeToContent();
if (!only || only === 'ingest') await ingestThroughput();
