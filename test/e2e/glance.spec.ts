// The two-second glance (issue 13), in the built extension: the refund deadline that binds,
// LinkedIn's number explained, expiry beyond a week and the cap, dates in the rep's own zone,
// urgency, plurals, the forgiving flows (Replied toggles, removal confirmed and undone), the
// same-pool seat choice, and a popup that reads as one column from 320 to 400 px. Each state is
// photographed light and dark into .output/screenshots/glance-*.png.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BADGE_COLORS } from '../../src/background/badge';
import { type Extension, expect, setUpSeat, test } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '../../.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const SEAT = 'urn:li:member:1/sales-navigator';

async function setClock(extension: Extension, iso: string) {
  const reply = await extension.send<{ ok: boolean }>({ type: 'test:set-clock', at: Date.parse(iso) });
  expect(reply.ok).toBe(true);
}

async function importLedger(extension: Extension, events: object[], since = '2026-01-15T09:00:00Z') {
  const file = {
    format: 'inmail-ledger',
    version: 1,
    seats: [{ id: SEAT, label: 'Dana — Sales Navigator', plan: 'sales-navigator-core', since }],
    events: events.map((e) => ({ seat: SEAT, ...e })),
  };
  const reply = await extension.send<{ ok: boolean; error?: string }>({
    type: 'import-ledger',
    text: JSON.stringify(file),
  });
  expect(reply).toMatchObject({ ok: true });
}

/** Light and dark photographs of the popup as it is now. */
async function photograph(popup: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.screenshot({ path: join(SCREENSHOTS, `glance-${name}-${colorScheme}.png`), fullPage: true });
  }
  await popup.emulateMedia({ colorScheme: 'light' });
}

/**
 * The popup in the rep's own time zone (the browser's), then reloaded so its code runs there.
 * The override holds for the renderer until `done` (one zone at a time per process).
 */
async function popupIn(extension: Extension, page: Page, timezoneId: string) {
  await extension.openPopup(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId });
  await page.reload();
  return { done: () => cdp.detach() };
}

const hex = (color: number[]) =>
  `#${color
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;

const opening = { id: 'open', type: 'opening-balance', at: '2026-01-15T09:00:00Z', balance: 150 };

test('the deadline that binds, expiry beyond a week, local dates, urgency and one column', async ({
  context,
  extension,
}) => {
  // Lots of Nov 1, Dec 1, Jan 1 (50 each); Nov 1's expire Jan 30 00:00 UTC. The InMail of Jan 20
  // took a credit of Nov 1's lot: its window runs to Apr 20, but its credit can come back only
  // until Jan 30 00:00, tomorrow in UTC and this very afternoon in California.
  await setClock(extension, '2026-01-29T18:00:00Z');
  await importLedger(extension, [
    opening,
    {
      id: 'kim',
      type: 'inmail-sent',
      at: '2026-01-20T10:00:00Z',
      threadId: '2-kim',
      cost: 'paid',
      recipient: { name: 'Kim Park' },
    },
    {
      id: 'ann',
      type: 'inmail-sent',
      at: '2026-01-21T10:00:00Z',
      threadId: '2-ann',
      cost: 'paid',
      recipient: { name: 'Ann Lopez' },
    },
    { id: 'ann-reply', type: 'reply-received', at: '2026-01-22T10:00:00Z', threadId: '2-ann' },
  ]);
  const popup = await context.newPage();
  const utc = await popupIn(extension, popup, 'UTC');
  const kim = popup.getByTestId('inmail-row').filter({ hasText: 'Kim Park' });
  await expect(kim).toHaveAttribute('data-refund-deadline', '2026-01-30T00:00:00.000Z');
  await expect(kim.getByTestId('refund-words')).toHaveText(
    'Credit back if they reply by Jan 30, 12:00 AM · tomorrow',
  );
  // Red, because the deadline is within two days.
  await expect(kim.getByTestId('refund-words')).toHaveClass(/urgency-urgent/);
  // The next expiry is there whatever the horizon, with its amount; the ones after it follow.
  const next = popup.getByTestId('next-expiry');
  await expect(next).toHaveAttribute('data-at', '2026-01-30T00:00:00.000Z');
  await expect(next).toHaveText('49');
  await expect(popup.getByTestId('later-expiries')).toHaveText('Then 50 on Mar 1 · 50 on Apr 1');
  // Plurals and outcomes over what was decided: no "0 %" a week after the first send.
  await expect(popup.getByTestId('outcomes')).toHaveText('1 replied · 1 waiting');
  await expect(popup.getByTestId('pending-refunds')).toHaveText('1');
  await expect(popup.getByTestId('soonest-refund')).toContainText('by Jan 30, 12:00 AM · tomorrow');
  // Badge: red means credits expire within two days, and its title says so.
  const badge = await extension.badge();
  expect(hex(badge.color)).toBe(BADGE_COLORS.red);
  expect(badge.title).toContain('49 expire Jan 30, 12:00 AM: send them or lose them');
  // The list comes before the log form, which is folded away once InMails exist.
  const order = await popup.evaluate(() => {
    const list = document.querySelector('[aria-label="Recent InMails"]');
    const log = document.querySelector('[data-testid="log-by-hand"]');
    return {
      listFirst: !!list && !!log && !!(list.compareDocumentPosition(log) & Node.DOCUMENT_POSITION_FOLLOWING),
      logOpen: (log as HTMLDetailsElement | null)?.open,
    };
  });
  expect(order).toEqual({ listFirst: true, logOpen: false });
  // The forecast reads without a legend to decode: start and end labelled, each step dated.
  await expect(popup.getByTestId('forecast-steps').getByRole('listitem')).toHaveText([
    '−49 Jan 30',
    '+50 Feb 1',
  ]);
  await expect(popup.getByTestId('forecast').getByRole('img')).toHaveAttribute('aria-label', /149/);
  await photograph(popup, 'deadline-utc');

  // One column from 320 to 400 px: nothing wider than the window, one scroll area (the page's).
  for (const width of [320, 400]) {
    await popup.setViewportSize({ width, height: 600 });
    const layout = await popup.evaluate(() => ({
      overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      innerScrollers: [...document.querySelectorAll('body *')].filter((e) => {
        const style = getComputedStyle(e);
        return /(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight;
      }).length,
    }));
    expect(layout).toEqual({ overflowX: 0, innerScrollers: 0 });
  }
  await popup.screenshot({ path: join(SCREENSHOTS, 'glance-width-400.png'), fullPage: true });
  await popup.setViewportSize({ width: 320, height: 600 });
  await popup.screenshot({ path: join(SCREENSHOTS, 'glance-width-320.png'), fullPage: true });

  // In California the same deadline is this afternoon.
  await utc.done();
  await popup.close();
  const la = await context.newPage();
  await popupIn(extension, la, 'America/Los_Angeles');
  await expect(
    la.getByTestId('inmail-row').filter({ hasText: 'Kim Park' }).getByTestId('refund-words'),
  ).toHaveText('Credit back if they reply by Jan 29, 4:00 PM · today');
  await photograph(la, 'deadline-los-angeles');
});

test('LinkedIn’s number is explained and the button names what it sets', async ({ context, extension }) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  await importLedger(extension, [
    { ...opening, balance: 120 },
    { id: 'seen', type: 'observed-balance', at: '2026-01-20T01:49:00Z', balance: 118, where: 'compose' },
    {
      id: 'sam',
      type: 'inmail-sent',
      at: '2026-01-20T02:00:00Z',
      threadId: '2-sam',
      cost: 'paid',
      recipient: { name: 'Sam Lee' },
    },
  ]);
  const popup = await context.newPage();
  await popupIn(extension, popup, 'UTC');
  await expect(popup.getByTestId('available')).toHaveText('119');
  await expect(popup.getByTestId('drift')).toHaveText('-2');
  await expect(popup.getByTestId('drift-sentence')).toHaveText(
    'LinkedIn showed 118 at Jan 20, 1:49 AM, before your last send (we had 120): that is 117 now.',
  );
  await expect(popup.getByTestId('adopt-observed')).toHaveText('Set to 117');
  await photograph(popup, 'drift');
  await popup.getByTestId('adopt-observed').click();
  await expect(popup.getByTestId('available')).toHaveText('117');
  await expect(popup.getByTestId('drift')).toHaveCount(0);
});

test('at the cap: what the next grant loses; with no credit left: what to do, a grey badge', async ({
  context,
  extension,
}) => {
  // 200 opened; after Jan 30's 50 expire, 150 are held: Feb 1's 50 would be lost.
  await setClock(extension, '2026-01-31T09:00:00Z');
  await importLedger(extension, [{ ...opening, balance: 200 }]);
  const popup = await context.newPage();
  await popupIn(extension, popup, 'UTC');
  await expect(popup.getByTestId('cap-loss')).toHaveText(
    'At the cap: the 50 credits due Feb 1, 12:00 AM are lost; each InMail you send before then saves one.',
  );
  await expect(popup.getByTestId('next-grant')).toHaveText(/^0 new credits on Feb 1/);
  await photograph(popup, 'cap');

  // A seat with nothing left, and an InMail sent anyway (LinkedIn's count was ahead of ours):
  // nothing can come back from it.
  await extension.send({ type: 'delete-all' });
  await setClock(extension, '2026-01-20T12:00:00Z');
  await importLedger(extension, [
    { ...opening, balance: 0 },
    {
      id: 'over',
      type: 'inmail-sent',
      at: '2026-01-20T10:00:00Z',
      threadId: '2-over',
      cost: 'paid',
      recipient: { name: 'Lee Over' },
    },
  ]);
  await popup.reload();
  await expect(popup.getByTestId('available')).toHaveText('0');
  await expect(popup.getByTestId('no-credits')).toContainText('Messages to your 1st-degree connections');
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-refund-deadline', '');
  await expect(popup.getByTestId('refund-words')).toHaveText('Awaiting reply · no credit back possible');
  expect(hex((await extension.badge()).color)).toBe(BADGE_COLORS.empty);
  await photograph(popup, 'no-credits');
});

test('Replied toggles back; removing an entry asks first and can be undone', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  await extension.send({ type: 'test:set-clock', at: Date.now() });
  const popup = await context.newPage();
  await extension.openPopup(popup);
  // Nothing recorded yet: the log form is open, as the first thing to do.
  await popup.getByTestId('log-recipient').fill('Sam Lee');
  await popup.getByTestId('log-send').click();
  const sam = popup.getByTestId('inmail-row').filter({ hasText: 'Sam Lee' });
  await expect(sam).toHaveAttribute('data-status', 'awaiting');
  await expect(popup.getByTestId('available')).toHaveText('119');

  const toggle = sam.getByTestId('replied-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(sam).toHaveAttribute('data-status', 'refunded');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByTestId('available')).toHaveText('120');
  await photograph(popup, 'replied');
  // Taking back "Replied" keeps the InMail: it awaits again, its credit spent.
  await toggle.click();
  await expect(sam).toHaveAttribute('data-status', 'awaiting');
  await expect(popup.getByTestId('available')).toHaveText('119');

  // Removing asks first; "Keep" changes nothing.
  await sam.getByTestId('remove').click();
  await expect(sam).toContainText('Remove this InMail from the ledger?');
  await photograph(popup, 'remove-confirm');
  await sam.getByRole('button', { name: 'Keep' }).click();
  await expect(popup.getByTestId('inmail-row')).toHaveCount(1);
  await sam.getByTestId('remove').click();
  await sam.getByTestId('confirm-remove').click();
  await expect(popup.getByTestId('inmail-row')).toHaveCount(0);
  await expect(popup.getByTestId('available')).toHaveText('120');
  await expect(popup.getByTestId('removed-toast')).toContainText('Entry removed (Sam Lee)');
  await photograph(popup, 'removed-undo');
  await popup.getByTestId('undo-remove').click();
  await expect(popup.getByTestId('inmail-row').filter({ hasText: 'Sam Lee' })).toHaveAttribute(
    'data-status',
    'awaiting',
  );
  await expect(popup.getByTestId('available')).toHaveText('119');
});

test('a Premium InMail waits for a Premium seat: a Sales Navigator seat is never offered', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 100, 'Dana — Sales Navigator');
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/priya-natarajan/');
  const priya = page.locator('[data-test-bubble="priya"]');
  await priya.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent-priya', '200');
  const popup = await extension.openPopup();
  const row = popup.getByTestId('unassigned-row').filter({ hasText: 'Premium InMail' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('unassigned-why')).toHaveText('Waiting: no Premium seat is set up.');
  await expect(row.getByTestId('set-up-pool')).toHaveText('Set up a Premium seat');
  await expect(row.getByRole('button', { name: /^Add / })).toHaveCount(0);
  await expect(row.getByRole('option')).toHaveCount(0);
  await photograph(popup, 'which-seat-none');

  // Setting up a Premium seat takes it there (and only there).
  await setUpSeat(extension, 'premium-business', 15, 'Dana — Premium');
  await expect(popup.getByTestId('unassigned-row')).toHaveCount(0);
  expect((await extension.badge()).text).toBe('100');
});
