// Our overlays on LinkedIn's pages (issue 13, points 1, 3, 15, 17; point 16, the store images,
// is asserted in store-screenshots.spec.ts): a thread's status in the popup's words beside the
// thread, the chip deferring to LinkedIn's count where it is on screen, LinkedIn's theme class
// first, our mark on each chip, the cost alone on search rows, and fixture pages that look like
// LinkedIn. Each test saves .output/screenshots/overlay-<point>-light.png and -dark.png.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { COUNT_DIFFERS } from '../../src/linkedin/overlay/cost-chip';
import { MARK_LABEL, MARK_TITLE } from '../../src/linkedin/overlay/overlay';
import { refundWords } from '../../src/ui/words';
import { type Extension, expect, fixtureFor, serveAnswer, setUpSeat, test } from './fixtures';

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, '.output/screenshots');
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';
const DAY = 86_400_000;

/** LinkedIn switches its theme by a class on <html>: our overlays follow it. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    document.documentElement.className = `theme theme--${t}`;
  }, theme);
  await expect(page.locator('[data-inmail-ledger]').first()).toHaveAttribute('data-theme', theme);
}

/** overlay-<point>-light.png and -dark.png: `target` (the page, or a part of it) in each theme. */
async function shoot(page: Page, point: string, target: Page | Locator = page) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await target.screenshot({ path: join(SCREENSHOTS, `overlay-${point}-${theme}.png`) });
  }
}

/** The class of the chip inside an overlay (its tone): `chip urgent`, `chip free`… */
const chipClass = (overlay: Locator) =>
  overlay.evaluate((host) => host.shadowRoot?.querySelector('.chip')?.className ?? '');

type Row = { threadId: string; status: 'awaiting'; refundDeadline?: string; recipient?: { name?: string } };
const rows = async (extension: Extension) =>
  (await extension.send<{ snapshot: { inmails: Row[] } }>({ type: 'get-snapshot' })).snapshot.inmails;

/**
 * A Sales Navigator ledger, dated from now: credits granted 90 days before tomorrow's midnight
 * (so that lot expires then), the seat set up an hour after that grant with 100 credits (that
 * lot and the month before's). Ana's InMail, a day later, took the older lot, long expired: no
 * credit can come back though her window is open. Sam's, an hour ago, took the lot that expires
 * tomorrow: his window closes in 90 days, but his credit can only come back until tomorrow.
 */
function expiringTomorrow(now: number) {
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  const granted = midnight.getTime() - 90 * DAY;
  const seat = 'urn:li:member:1/sales-navigator';
  const since = new Date(granted + 3_600_000).toISOString();
  const sent = (id: string, at: number, threadId: string, name: string) => ({
    id,
    seat,
    type: 'inmail-sent',
    at: new Date(at).toISOString(),
    threadId,
    cost: 'paid',
    recipient: { name },
  });
  return {
    deadline: midnight.getTime(),
    file: {
      format: 'inmail-ledger',
      version: 1,
      seats: [
        {
          id: seat,
          label: 'Dana — Sales Navigator',
          plan: 'sales-navigator-core',
          since,
          grantDay: new Date(granted).getUTCDate(),
          timeZone: 'UTC',
        },
      ],
      events: [
        { id: 'open', seat, type: 'opening-balance', at: since, balance: 100 },
        sent('ana', granted + DAY, '2-QW5hRXhwaXJlZA', 'Ana Ruiz'),
        sent('sam', now - 3_600_000, '2-RGVhZGxpbmU', 'Sam Lee'),
      ],
    },
  };
}

async function importLedger(extension: Extension, file: object) {
  const reply = await extension.send<{ ok: boolean }>({ type: 'import-ledger', text: JSON.stringify(file) });
  expect(reply.ok).toBe(true);
}

/** Sales Navigator's inbox answer with no conversation: nothing of it adds to the imported ledger. */
const quietInbox = (page: Page) =>
  page.route('https://www.linkedin.com/sales-api/salesApiMessagingThreads**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"elements":[]}' }),
  );

test.describe('point 1: a thread says the deadline that binds, beside the thread', () => {
  test('a credit that expires tomorrow: "… by <tomorrow> · tomorrow" in red, in the thread pane, not "90 days"', async ({
    context,
    extension,
  }) => {
    const now = Date.now();
    const { file, deadline } = expiringTomorrow(now);
    await importLedger(extension, file);
    const sam = (await rows(extension)).find((r) => r.threadId === '2-RGVhZGxpbmU') as Row;
    expect(Date.parse(sam.refundDeadline as string)).toBe(deadline);

    const page = await context.newPage();
    await quietInbox(page);
    await page.goto('https://www.linkedin.com/sales/inbox/2-RGVhZGxpbmU');
    const pane = page.locator('[data-sn-view-name="thread"]');
    const overlay = pane.locator('[data-inmail-ledger="thread-status"]');
    const status = overlay.getByRole('status');
    // The popup's words for the same row, and what they say here: tomorrow, with its clock time.
    await expect(status).toHaveText(refundWords(sam, Date.now()).text);
    await expect(status).toHaveText(
      /^Credit back if they reply by \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M · tomorrow$/,
    );
    await expect(status).not.toContainText('90 days');
    expect(await chipClass(overlay)).toBe('chip urgent');
    // Beside the thread, under its header: not floating in the corner where the messaging dock sits.
    await expect(overlay).not.toHaveAttribute('data-floating', '');
    await expect(page.locator('body > [data-inmail-ledger]')).toHaveCount(0);
    const header = await pane.locator('header').boundingBox();
    const box = await overlay.boundingBox();
    expect(box && header && box.y >= header.y + header.height - 1).toBe(true);
    await shoot(page, '1', page);

    // Ana's credit expired long ago: her thread says no credit can come back.
    const ana = await context.newPage();
    await quietInbox(ana);
    await ana.goto('https://www.linkedin.com/sales/inbox/2-QW5hRXhwaXJlZA');
    await expect(ana.locator('[data-inmail-ledger="thread-status"]').getByRole('status')).toHaveText(
      'Awaiting reply · no credit back possible',
    );
  });

  test('LinkedIn messaging: beside the thread’s title bar, following LinkedIn’s dark theme', async ({
    context,
    extension,
  }) => {
    const now = Date.now();
    const seat = 'urn:li:member:1/premium';
    const since = new Date(now - 2 * DAY).toISOString();
    await importLedger(extension, {
      format: 'inmail-ledger',
      version: 1,
      seats: [{ id: seat, label: 'Dana — Premium', plan: 'premium-business', since, timeZone: 'UTC' }],
      events: [
        { id: 'open', seat, type: 'opening-balance', at: since, balance: 15 },
        {
          id: 'priya',
          seat,
          type: 'inmail-sent',
          at: new Date(now - 3_600_000).toISOString(),
          threadId: '2-UHJpeWE',
          cost: 'paid',
          recipient: { name: 'Priya Natarajan' },
        },
      ],
    });
    const logged = (await rows(extension))[0] as Row;
    const page = await context.newPage();
    // LinkedIn's conversation answers say nothing here: the logged InMail is the thread's.
    await serveAnswer(page, '**/voyagerMessagingGraphQL/**', '{"data":{}}');
    await page.goto('https://www.linkedin.com/messaging/thread/2-UHJpeWE/');
    const overlay = page.locator('.msg-thread [data-inmail-ledger="thread-status"]');
    await expect(overlay.getByRole('status')).toHaveText(refundWords(logged, Date.now()).text);
    // The page is dark (theme--dark on <html>), whatever the system says.
    await expect(overlay).toHaveAttribute('data-theme', 'dark');
    const bar = await page.locator('.msg-title-bar').boundingBox();
    const box = await overlay.boundingBox();
    expect(box && bar && box.y >= bar.y + bar.height - 1).toBe(true);
  });

  test('no thread pane on the page: it floats in the corner as before, and detection health says so', async ({
    context,
    extension,
  }) => {
    await importLedger(extension, expiringTomorrow(Date.now()).file);
    const page = await context.newPage();
    await quietInbox(page);
    // A redesign took the thread view's name away.
    await page.route('https://www.linkedin.com/sales/inbox/**', async (route) => {
      const text = fixtureFor(new URL(route.request().url()))?.text() ?? '';
      const html = text.replace('data-sn-view-name="thread"', 'data-sn-view-name="t2"');
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    });
    await page.goto('https://www.linkedin.com/sales/inbox/2-RGVhZGxpbmU');
    const floating = page.locator('body > [data-inmail-ledger="thread-status"]');
    await expect(floating.getByRole('status')).toContainText('Credit back if they reply by');
    await expect(floating).toHaveAttribute('data-floating', '');
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('detection-health')).toContainText('InMail thread: conversation pane');
  });
});

test.describe('point 3: beside LinkedIn’s own count, the chip says the cost only', () => {
  test('our count differs from LinkedIn’s "Use 1 of 118": the cost and a short hint, never a second balance', async ({
    context,
    extension,
  }) => {
    await setUpSeat(extension, 'sales-navigator-core', 120);
    const page = await context.newPage();
    await page.goto(LEAD);
    const composer = page.getByRole('dialog', { name: 'Conversation with Sam Lee' });
    await expect(composer).toContainText('Use 1 of 118 InMail credits');
    const chip = composer.locator('[data-inmail-ledger="cost-chip"]').getByRole('status');
    await expect(chip).toHaveText(`Costs 1 credit${COUNT_DIFFERS}`);
    // No balance of ours anywhere on the page: not in the composer, not beside the person.
    for (const text of await page.locator('[data-inmail-ledger]').getByRole('status').allTextContents())
      expect(text).not.toMatch(/\d+ left|120/);
    await shoot(page, '3', composer);
  });

  test('our count agrees: the cost alone', async ({ context, extension }) => {
    await setUpSeat(extension, 'sales-navigator-core', 118);
    const page = await context.newPage();
    await page.goto(LEAD);
    await expect(page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(
      'Costs 1 credit',
    );
  });

  test('where LinkedIn shows no count, the chip keeps our balance', async ({ context, extension }) => {
    await setUpSeat(extension, 'sales-navigator-core', 120);
    const page = await context.newPage();
    await page.goto('https://www.linkedin.com/sales/lead/REDESIGNED,NAME_SEARCH,abcd');
    await expect(page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(
      /^Costs 1 credit · 120 left/,
    );
  });
});

test.describe('point 15: LinkedIn’s theme first, our mark on each chip, the cost alone on search rows', () => {
  test('the theme class on <html> or <body> wins over the system’s setting, and is followed', async ({
    context,
    extension,
  }) => {
    await setUpSeat(extension, 'sales-navigator-core', 118);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(LEAD);
    const chip = page.locator('[data-inmail-ledger="cost-chip"]');
    // LinkedIn says light on <html>; the system says dark: light.
    await expect(chip).toHaveAttribute('data-theme', 'light');
    // A page whose theme class is on <body> (none on <html>), the system light: LinkedIn's dark.
    const body = await context.newPage();
    await body.emulateMedia({ colorScheme: 'light' });
    await body.route(LEAD, async (route) => {
      const text = fixtureFor(new URL(route.request().url()))?.text() ?? '';
      const html = text
        .replace('<html lang="en" class="theme theme--light">', '<html lang="en">')
        .replace('<body class="', '<body class="theme theme--dark ');
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    });
    await body.goto(LEAD);
    const bodyChip = body.locator('[data-inmail-ledger="cost-chip"]');
    await expect(bodyChip).toHaveAttribute('data-theme', 'dark');
    // Its colours are the dark ones (no :host-context: an attribute Firefox reads as well).
    const colour = () =>
      bodyChip.evaluate((host) => getComputedStyle(host.shadowRoot?.querySelector('.chip') as Element).color);
    expect(await colour()).toBe('rgb(232, 234, 237)');
    await body.evaluate(() => document.body.classList.replace('theme--dark', 'theme--light'));
    await expect(bodyChip).toHaveAttribute('data-theme', 'light');
    expect(await colour()).toBe('rgb(29, 34, 38)');
    // No theme class left: the system's setting decides, and is followed.
    await body.evaluate(() => document.body.classList.remove('theme', 'theme--light'));
    await body.emulateMedia({ colorScheme: 'dark' });
    await expect(bodyChip).toHaveAttribute('data-theme', 'dark');
  });

  test('each chip carries our mark, and search rows say the cost alone', async ({ context, extension }) => {
    await setUpSeat(extension, 'sales-navigator-core', 120);
    const page = await context.newPage();
    await page.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Adaten)');
    const overlays = page.locator('[data-inmail-ledger="person-chip"]');
    await expect(overlays).toHaveCount(3);
    const chips = overlays.getByRole('status');
    await expect(chips).toHaveText(['Free · 1st-degree', 'Free · Open Profile', 'Costs 1 credit']);
    const marks = overlays.getByRole('button', { name: MARK_LABEL, exact: true });
    await expect(marks).toHaveCount(3);
    for (const title of await marks.evaluateAll((els) => els.map((e) => (e as HTMLElement).title)))
      expect(title).toBe(MARK_TITLE);
    expect(MARK_TITLE).toBe('InMail Ledger — click for the details');
    await shoot(page, '15', page.locator('ol[aria-label="Suchergebnisse"]'));

    // The composer's chip carries it too, and a click on it opens the toolbar popup.
    await page.goto(LEAD);
    const mark = page
      .locator('[data-inmail-ledger="cost-chip"]')
      .getByRole('button', { name: MARK_LABEL, exact: true });
    await expect(mark).toHaveCount(1);
    // The browser's toolbar popup is a target of its own (Playwright does not attach to it as a page).
    const cdp = await context.newCDPSession(page);
    const popups = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.url.endsWith('/popup.html')).length;
    // (The harness's own extension page may be a popup.html in a tab: count one more.)
    const before = await popups();
    await mark.click();
    await expect.poll(popups).toBe(before + 1);
    // Opened by the browser as the toolbar popup: the mark's tooltip still says what it does.
    expect(await mark.getAttribute('title')).toBe(MARK_TITLE);
  });
});

test.describe('point 17: the fixture pages look like LinkedIn', () => {
  const PAGES = [
    LEAD,
    'https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk',
    'https://www.linkedin.com/sales/search/people?query=x',
    'https://www.linkedin.com/in/priya-natarajan/',
    'https://www.linkedin.com/messaging/thread/2-UHJpeWE/',
  ];

  test('LinkedIn’s font stack, its cards, light and dark by theme--dark (not bare HTML in Times)', async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const url of PAGES) {
      await page.goto(url);
      const look = () =>
        page.evaluate(() => {
          const body = getComputedStyle(document.body);
          const card = document.querySelector(
            '._header_sqh8tm, ._inbox_3k2s9, ._results_3j2k1, .artdeco-card, .msg__list-detail',
          );
          const cardStyle = card ? getComputedStyle(card) : null;
          return {
            font: body.fontFamily,
            background: body.backgroundColor,
            radius: cardStyle?.borderTopLeftRadius,
            card: cardStyle?.backgroundColor,
          };
        });
      await page.evaluate(() => {
        document.documentElement.className = 'theme theme--light';
      });
      const light = await look();
      expect(light.font, url).toMatch(/^-apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", Roboto/);
      expect(light.radius, url).toBe('8px');
      expect([light.background, light.card], url).toEqual(['rgb(244, 242, 238)', 'rgb(255, 255, 255)']);
      await page.evaluate(() => {
        document.documentElement.className = 'theme theme--dark';
      });
      expect(await look(), url).toMatchObject({ background: 'rgb(0, 0, 0)', card: 'rgb(27, 31, 35)' });
    }
  });

  test('the demo opens on the count its page shows: no drift on the first popup', async ({
    context,
    extension,
  }) => {
    const demo = readFileSync(join(ROOT, 'scripts/demo.ts'), 'utf8');
    const opening = Number(/const OPENING_BALANCE = (\d+);/.exec(demo)?.[1]);
    const lead = readFileSync(join(ROOT, 'test/fixtures/linkedin/sales/lead.html'), 'utf8');
    expect(opening).toBe(Number(/Use 1 of (\d+) InMail credits/.exec(lead)?.[1]));
    // As the demo does: set up with that count, open the lead page, then the popup.
    const options = await extension.openOptions();
    await options.getByTestId('opening-balance').fill(String(opening));
    await options.getByTestId('setup-submit').click();
    await options.getByTestId('seat-item').waitFor();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(LEAD);
    await expect(page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(
      'Costs 1 credit',
    );
    await expect
      .poll(
        async () =>
          (
            await extension.send<{
              snapshot: { summary: { observed: { balance: number; drift: number } | null } };
            }>({
              type: 'get-snapshot',
            })
          ).snapshot.summary.observed,
      )
      .toEqual(expect.objectContaining({ balance: opening, drift: 0 }));
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('available')).toHaveText(String(opening));
    await expect(popup.getByTestId('drift')).toHaveCount(0);
    await shoot(page, '17');
  });
});
