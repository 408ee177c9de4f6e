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

bundleSizes();
await popupTimeToContent();
