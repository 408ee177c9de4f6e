// The store's screenshots, made from the built extension on the fixture pages at 1280×800
// (the Chrome Web Store's size; Firefox takes the same). Written to .output/store-screenshots/;
// `npm run screenshots` copies them into store/screenshots/ on purpose (a test run never
// rewrites tracked files).

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const OUT = resolve(import.meta.dirname, '../../.output/store-screenshots');
const SIZE = { width: 1280, height: 800 };
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';

/** A PNG's width and height, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A page of the site beside the popup as it opens under the toolbar, with a caption. */
async function composite(stage: Page, caption: string, site: Buffer, popup: Buffer, file: string) {
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await stage.setViewportSize(SIZE);
  await stage.setContent(`<!doctype html>
    <body style="margin:0;width:1280px;height:800px;overflow:hidden;background:#eef3f8;font:600 22px system-ui,sans-serif">
      <p style="margin:0;padding:18px 28px;background:#0a66c2;color:#fff">${caption}</p>
      <img alt="" src="${src(site)}" style="position:absolute;left:28px;top:82px;width:840px;border-radius:8px;box-shadow:0 2px 12px #0003">
      <img alt="" src="${src(popup)}" style="position:absolute;right:28px;top:82px;width:360px;border-radius:8px;box-shadow:0 4px 20px #0005">
    </body>`);
  await stage.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await stage.screenshot({ path: join(OUT, file) });
}

test('store screenshots: composer chip, popup awaiting and refunded, search chips, settings', async ({
  context,
  extension,
}) => {
  mkdirSync(OUT, { recursive: true });
  const files: string[] = [];
  const shoot = async (page: Page, file: string) => {
    await page.screenshot({ path: join(OUT, file) });
    files.push(file);
  };

  const options = await extension.openOptions();
  await options.setViewportSize(SIZE);
  await options.getByTestId('opening-balance').fill('120');
  await shoot(options, '5-settings.png');
  await options.getByTestId('setup-submit').click();
  await options.getByTestId('seat-item').waitFor();

  const lead = await context.newPage();
  await lead.setViewportSize(SIZE);
  await lead.goto(LEAD);
  await expect(lead.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toContainText(
    '1 credit',
  );
  await shoot(lead, '1-composer-cost.png');

  await lead.getByRole('button', { name: 'Send' }).click();
  await lead.getByText('You InMailed Sam').waitFor();
  const popup = await extension.openPopup();
  await popup.setViewportSize({ width: 360, height: 640 });
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'awaiting');
  const stage = await context.newPage();
  await composite(
    stage,
    'One credit spent: the popup counts it, and knows the InMail may still come back',
    await lead.screenshot(),
    await popup.screenshot(),
    '2-popup-awaiting.png',
  );
  files.push('2-popup-awaiting.png');

  const inbox = await context.newPage();
  await inbox.setViewportSize(SIZE);
  await inbox.goto('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk');
  await inbox.locator('[data-inmail-ledger="thread-status"]').getByRole('status').waitFor();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await composite(
    stage,
    'Sam replied within 90 days: the credit is back, in the thread and in the popup',
    await inbox.screenshot(),
    await popup.screenshot(),
    '3-refunded.png',
  );
  files.push('3-refunded.png');

  const search = await context.newPage();
  await search.setViewportSize(SIZE);
  await search.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Adaten)');
  await search.locator('[data-inmail-ledger="person-chip"]').nth(2).waitFor();
  await shoot(search, '4-search-costs.png');

  expect(files.sort()).toEqual([
    '1-composer-cost.png',
    '2-popup-awaiting.png',
    '3-refunded.png',
    '4-search-costs.png',
    '5-settings.png',
  ]);
  for (const file of files) expect(pngSize(join(OUT, file)), file).toEqual(SIZE);
});
