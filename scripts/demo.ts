// `npm run demo`: the built extension in Chromium with LinkedIn pages served from the test
// fixtures at their real URLs, so anyone can watch it work without a LinkedIn account.
// Headed when there is a display; otherwise headless, saving a screenshot of each step.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionOf, launch, serveInboxRepliedSince } from '../test/e2e/fixtures';

const ROOT = resolve(import.meta.dirname, '..');
/** What the lead page's composer shows ("Use 1 of 118 InMail credits"): the demo opens on it, so
 * the first popup a newcomer sees agrees with the page (test/e2e/overlays.spec.ts checks). */
const OPENING_BALANCE = 118;
const OUT = join(ROOT, '.output/demo');
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';
mkdirSync(OUT, { recursive: true });

let step = 0;
async function shot(page: Page, name: string, what: string) {
  step++;
  const file = join(OUT, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${step}. ${what}\n   ${file}`);
}

const context = await launch({ dir: join(ROOT, '.output/chrome-mv3'), headless: !headed });
const extension = await extensionOf(context);

const options = await extension.openOptions();
await options.setViewportSize({ width: 900, height: 900 });
await options.getByTestId('opening-balance').fill(String(OPENING_BALANCE));
await shot(
  options,
  'onboarding',
  `Set up: Sales Navigator, credits arrive on the 1st, LinkedIn shows ${OPENING_BALANCE}.`,
);
await options.getByTestId('setup-submit').click();
await options.getByTestId('seat-item').waitFor();

const lead = await context.newPage();
await lead.setViewportSize({ width: 1000, height: 800 });
await lead.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
await lead.locator('[data-inmail-ledger="cost-chip"]').getByRole('status').waitFor();
await shot(
  lead,
  'composer-chip',
  'A Sales Navigator lead page: beside LinkedIn’s own count, the chip says what the message costs.',
);
await lead.getByRole('button', { name: 'Send' }).click();
await lead.getByText('You InMailed Sam').waitFor();
const sentAt = Date.now();
await shot(lead, 'repeat-guard', 'After sending: the badge drops by one and the repeat guard appears.');

const popup = await extension.openPopup();
await popup.setViewportSize({ width: 360, height: 760 });
await popup.getByTestId('inmail-row').waitFor();
await shot(
  popup,
  'popup-awaiting',
  `The popup: ${OPENING_BALANCE - 1} left, the InMail awaiting a reply and until when its credit can come back.`,
);

const inbox = await context.newPage();
await inbox.setViewportSize({ width: 1000, height: 800 });
// Sam's reply came between the send and now: the inbox's count agrees with ours.
await serveInboxRepliedSince(inbox, sentAt);
await inbox.goto('https://www.linkedin.com/sales/inbox');
await popup.reload();
await popup.locator('[data-testid="inmail-row"][data-status="refunded"]').waitFor();
await shot(popup, 'popup-refunded', 'Sam replied (read from the inbox): the credit came back.');

await inbox.goto('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk');
await inbox.locator('[data-inmail-ledger="thread-status"]').getByRole('status').waitFor();
await shot(inbox, 'thread-status', 'Beside the thread itself: "Refunded", in the popup’s words.');

const search = await context.newPage();
await search.setViewportSize({ width: 1000, height: 700 });
await search.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Adaten)');
await search.locator('[data-inmail-ledger="person-chip"]').nth(2).waitFor();
await shot(
  search,
  'search-chips',
  'Search results (a German page): what messaging each person costs, nothing more.',
);

const profile = await context.newPage();
await profile.setViewportSize({ width: 1000, height: 800 });
await profile.goto('https://www.linkedin.com/in/FREEMSG-priya/');
await profile.locator('[data-inmail-ledger="cost-chip"]').waitFor();
await shot(
  profile,
  'messaging-free',
  'LinkedIn messaging: an Open Profile InMail is free; the chat beside it is not an InMail.',
);

console.log(`\nBadge: ${(await extension.badge()).text}. Screenshots in ${OUT}`);
if (headed) {
  console.log('Close the browser window to end the demo.');
  await new Promise((done) => context.on('close', done));
} else {
  await context.close();
}
