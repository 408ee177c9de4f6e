// The store's screenshots, made from the built extension on the LinkedIn-like fixture pages at
// 1280×800 (the Chrome Web Store's size; Firefox takes the same). Written to
// .output/store-screenshots/; `npm run screenshots` copies them into store/screenshots/ on
// purpose (a test run never rewrites tracked files). Each image is a scene on our own stage: a
// headline drawn in our colours (a dark slate band with the ledger's gold, never a LinkedIn-blue
// banner that could read as LinkedIn's own), the page, the popup where it speaks, and a zoomed
// crop where our overlay is small. English throughout.

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, fixtureFor, serveInboxRepliedSince, test } from './fixtures';

const OUT = resolve(import.meta.dirname, '../../.output/store-screenshots');
const SIZE = { width: 1280, height: 800 };
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';
/** What the lead page shows ("Use 1 of 118 InMail credits"): the seat opens on it, so no drift. */
const OPENING = 118;
/** The stage's colours: our slate and the ledger's gold (the toolbar icon's coin). */
const SLATE = '#16212c';
const GOLD = '#f5b524';
/** LinkedIn's own blue: never the headline's. */
const LINKEDIN_BLUE = 'rgb(10, 102, 194)';

/** A PNG's width and height, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Elements' screenshot (the box around them all) rendered at twice the pixels, sharp. */
async function zoomed(page: Page, targets: Locator[], margin = 12): Promise<Buffer> {
  const viewport = page.viewportSize() ?? SIZE;
  const boxes = await Promise.all(targets.map((t) => t.boundingBox()));
  if (boxes.some((b) => b === null)) throw new Error('nothing to zoom into');
  const all = boxes as { x: number; y: number; width: number; height: number }[];
  const x = Math.max(0, Math.min(...all.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...all.map((b) => b.y)) - margin);
  const right = Math.min(viewport.width, Math.max(...all.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(viewport.height, Math.max(...all.map((b) => b.y + b.height)) + margin);
  // The DevTools protocol renders a clip at a scale (Playwright's own screenshot keeps 1×).
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x, y, width: right - x, height: bottom - y, scale: 2 },
    });
    return Buffer.from(data, 'base64');
  } finally {
    await cdp.detach();
  }
}

interface Scene {
  headline: string;
  sub: string;
  site: Buffer;
  popup?: Buffer;
  /** A crop of the site, zoomed, with what it shows. */
  zoom?: { png: Buffer; caption: string };
}

/** One store image: our headline band, the page, and the popup and a zoomed crop when given. */
async function stage(stagePage: Page, scene: Scene, file: string) {
  await stagePage.setViewportSize(SIZE);
  const siteWidth = scene.popup ? 820 : 1224;
  await stagePage.setContent(`<!doctype html>
    <html lang="en"><body style="margin:0;width:1280px;height:800px;overflow:hidden;background:linear-gradient(160deg,#eef1f4,#dfe5ea);font-family:-apple-system,system-ui,'Segoe UI',Roboto,sans-serif;position:relative">
      <header data-headline style="box-sizing:border-box;height:104px;padding:20px 28px 0;background:${SLATE};color:#fff;border-bottom:4px solid ${GOLD}">
        <h1 style="margin:0;font-size:30px;font-weight:700;letter-spacing:-0.2px">${scene.headline}</h1>
        <p style="margin:6px 0 0;font-size:17px;color:#c9d3dc">${scene.sub}</p>
        <span style="position:absolute;right:28px;top:22px;display:flex;align-items:center;gap:8px;font-size:15px;font-weight:600;color:#fff">
          <svg width="22" height="22" viewBox="0 0 16 16" aria-hidden="true"><rect width="16" height="16" rx="4" fill="#e8eaed"/><rect x="3.5" y="3" width="7" height="10" rx="1" fill="${SLATE}"/><path d="M5 6h4M5 8h4M5 10h2.5" stroke="#e8eaed"/><circle cx="11.5" cy="11" r="2.6" fill="${GOLD}" stroke="${SLATE}" stroke-width=".8"/></svg>
          InMail Ledger
        </span>
      </header>
      <img alt="" src="${src(scene.site)}" style="position:absolute;left:28px;top:128px;width:${siteWidth}px;border-radius:8px;box-shadow:0 2px 14px #0003">
      ${scene.popup ? `<img alt="" src="${src(scene.popup)}" style="position:absolute;right:28px;top:128px;width:360px;max-height:644px;object-fit:cover;object-position:top;border-radius:8px;box-shadow:0 6px 24px #0005">` : ''}
      ${
        scene.zoom
          ? `<figure style="position:absolute;${scene.popup ? 'left:300px' : 'right:28px'};bottom:28px;margin:0;padding:10px 12px 8px;background:#fff;border-radius:10px;box-shadow:0 8px 28px #0006;border:2px solid ${GOLD}">
              <img alt="" src="${src(scene.zoom.png)}" style="display:block;max-width:560px;max-height:250px">
              <figcaption style="margin-top:6px;font-size:14px;font-weight:600;color:${SLATE}">${scene.zoom.caption}</figcaption>
            </figure>`
          : ''
      }
    </body></html>`);
  await stagePage.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  // The headline is ours: not LinkedIn's blue.
  const band = await stagePage
    .locator('[data-headline]')
    .evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(band).not.toBe(LINKEDIN_BLUE);
  await stagePage.screenshot({ path: join(OUT, file) });
}

/** Sales Navigator's lead search as an English-speaking rep sees it (the fixture page is German). */
function inEnglish(html: string): string {
  const words: [string | RegExp, string][] = [
    ['lang="de"', 'lang="en"'],
    ['Lead-Suche', 'Lead search'],
    [/Suchergebnisse/g, 'Search results'],
    ['aria-label="Filter"', 'aria-label="Filters"'],
    ['Filter zurücksetzen', 'Clear all filters'],
    [/aria-label="Kontakt 1\. Grades">1\./g, 'aria-label="1st degree connection">1st'],
    [/aria-label="Kontakt 2\. Grades">2\./g, 'aria-label="2nd degree connection">2nd'],
    [/aria-label="Kontakt 3\. Grades">3\./g, 'aria-label="3rd degree connection">3rd'],
    [/ bei /g, ' at '],
    ['Leiterin Einkauf', 'Head of Procurement'],
    ['Vertriebsleiter', 'Head of Sales'],
    [/Offenes Profil/g, 'Open Profile'],
    [/aria-label="Nachricht an ([^"]+) senden">Nachricht/g, 'aria-label="Message $1">Message'],
    ['Sales Navigator – Startseite', 'Sales Navigator home'],
    ['>Startseite<', '>Home<'],
    ['Posteingang', 'Inbox'],
    ['Primär', 'Primary'],
  ];
  return words.reduce((text, [from, to]) => text.replace(from, to), html);
}

test('store screenshots: composer chip, popup awaiting and refunded, search costs, settings', async ({
  context,
  extension,
}) => {
  mkdirSync(OUT, { recursive: true });
  const files: string[] = [];
  const stagePage = await context.newPage();
  const scene = async (s: Scene, file: string) => {
    await stage(stagePage, s, file);
    files.push(file);
  };

  const options = await extension.openOptions();
  await options.setViewportSize({ width: 1224, height: 660 });
  await options.getByTestId('opening-balance').fill(String(OPENING));
  const settings = await options.screenshot();
  await options.getByTestId('setup-submit').click();
  await options.getByTestId('seat-item').waitFor();

  const lead = await context.newPage();
  await lead.setViewportSize({ width: 1280, height: 800 });
  await lead.goto(LEAD);
  const composer = lead.getByRole('dialog', { name: 'Conversation with Sam Lee' });
  const chip = composer.locator('[data-inmail-ledger="cost-chip"]');
  // Beside LinkedIn's own count, the cost alone (our count agrees: no hint).
  await expect(chip.getByRole('status')).toHaveText('Costs 1 credit');
  await scene(
    {
      headline: 'Know what a message costs before you press Send',
      sub: 'A small chip beside LinkedIn’s own count: “Costs 1 credit”, or free and why.',
      site: await lead.screenshot(),
      zoom: {
        png: await zoomed(lead, [chip, composer.getByRole('button', { name: 'Send' })]),
        caption: 'Before Send: the cost, where LinkedIn shows its count',
      },
    },
    '1-composer-cost.png',
  );

  await lead.getByRole('button', { name: 'Send' }).click();
  await lead.getByText('You InMailed Sam').waitFor();
  const sentAt = Date.now();
  const popup = await extension.openPopup();
  await popup.setViewportSize({ width: 360, height: 640 });
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'awaiting');
  await expect(popup.getByTestId('available')).toHaveText(String(OPENING - 1));
  await scene(
    {
      headline: 'Every credit spent, counted, and when it can come back',
      sub: 'The popup keeps the count and each InMail that may still earn its credit back.',
      site: await lead.screenshot(),
      popup: await popup.screenshot(),
      zoom: {
        png: await zoomed(lead, [chip]),
        caption: 'It warns before a second InMail to the same person',
      },
    },
    '2-popup-awaiting.png',
  );

  const inbox = await context.newPage();
  await inbox.setViewportSize({ width: 1280, height: 800 });
  // Sam's reply came between the send and now: the inbox's count agrees with ours.
  await serveInboxRepliedSince(inbox, sentAt);
  await inbox.goto('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk');
  const status = inbox.locator('[data-sn-view-name="thread"] [data-inmail-ledger="thread-status"]');
  await expect(status.getByRole('status')).toHaveText('Refunded');
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await expect(popup.getByTestId('available')).toHaveText(String(OPENING));
  await scene(
    {
      headline: 'Sam replied: the credit is back',
      sub: 'Replies within the window are read from the inbox; the thread and the popup say so.',
      site: await inbox.screenshot(),
      popup: await popup.screenshot(),
      zoom: {
        png: await zoomed(inbox, [
          inbox.locator('[data-sn-view-name="thread"] ._threadName_1k2'),
          inbox.locator('[data-sn-view-name="thread"] ._threadHeadline_3k1'),
          status.locator('.chip'),
        ]),
        caption: 'Beside the thread',
      },
    },
    '3-refunded.png',
  );

  const search = await context.newPage();
  await search.setViewportSize({ width: 1280, height: 800 });
  await search.route('https://www.linkedin.com/sales/search/people**', async (route) => {
    const text = fixtureFor(new URL(route.request().url()))?.text() ?? '';
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: inEnglish(text) });
  });
  await search.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Adata)');
  await expect(search.locator('html')).toHaveAttribute('lang', 'en');
  const costs = search.locator('[data-inmail-ledger="person-chip"]').getByRole('status');
  await expect(costs).toHaveText(['Free · 1st-degree', 'Free · Open Profile', 'Costs 1 credit']);
  await scene(
    {
      headline: 'Who is free to message, and who costs a credit',
      sub: '1st-degree connections and Open Profiles cost nothing; the chip says so on every result.',
      site: await search.screenshot(),
      zoom: {
        png: await zoomed(
          search,
          [
            search.locator('main [data-anonymize="person-name"]').nth(1),
            search.locator('[data-inmail-ledger="person-chip"]').nth(1),
            search.locator('[data-inmail-ledger="person-chip"]').nth(2),
          ],
          8,
        ),
        caption: 'On each search result: the cost alone',
      },
    },
    '4-search-costs.png',
  );

  await scene(
    {
      headline: 'Set up in a minute, with the count LinkedIn shows',
      sub: 'Your ledger stays in your browser: nothing leaves it unless you export it.',
      site: settings,
    },
    '5-settings.png',
  );

  expect(files.sort()).toEqual([
    '1-composer-cost.png',
    '2-popup-awaiting.png',
    '3-refunded.png',
    '4-search-costs.png',
    '5-settings.png',
  ]);
  for (const file of files) expect(pngSize(join(OUT, file)), file).toEqual(SIZE);
});
