// `npm run bench` (second part): the built extension in Chromium. Popup time-to-content
// with a 20,000-event seat, and bundle sizes (gzip). Figures only, never assertions.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Opens the popup and returns when its first figures were painted (ms from navigation). */
async function timeToFigures(page: Page, id: string): Promise<number> {
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.getByTestId('available').waitFor();
  return page.evaluate(
    () => performance.getEntriesByName('inmail-ledger:figures')[0]?.startTime ?? Number.NaN,
  );
}

async function popupTimeToContent(): Promise<void> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
  const busy = await launch();
  const small = await launch();
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
      pages.push([await context.newPage(), extension.id]);
    }
    const runs = 15;
    const times: number[][] = [[], []];
    for (let r = 0; r < runs; r++) {
      // Interleaved, so a slow moment of the machine hits both alike.
      for (const [k, [page, id]] of pages.entries()) times[k]?.push(await timeToFigures(page, id));
    }
    const [withBusy, withSmall] = times.map((t) => median(t)) as [number, number];
    console.log(`\nPopup time-to-content (median of ${runs}, interleaved, Chromium headless)`);
    console.log(`  navigation start → first figures painted, 20,000-event seat: ${withBusy.toFixed(1)} ms`);
    console.log(
      `  the same with a 2-event seat: ${withSmall.toFixed(1)} ms (ratio ${(withBusy / withSmall).toFixed(2)})`,
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
    const payloads = Array.from({ length: total / 100 }, (_, p) =>
      JSON.stringify({
        elements: Array.from({ length: 100 }, (_, k) => {
          const t = p * 100 + k;
          return {
            id: `2-B${t}`,
            participants: [me],
            messages: [{ id: `b-${t}`, type: 'INMAIL', author: me, deliveredAt: since + 1_000 + t }],
          };
        }),
        participantsResolutionResults: { [me]: { degree: 0 } },
      }),
    );
    const started = Date.now();
    await page.evaluate((payloads) => {
      for (const response of payloads)
        window.postMessage(
          { source: 'inmail-ledger-tap', kind: 'sales-threads', status: 200, request: null, response },
          location.origin,
        );
    }, payloads);
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

bundleSizes();
await popupTimeToContent();
await ingestThroughput();
