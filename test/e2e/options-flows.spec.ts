// What a new rep meets on the settings page (issue 13): setup that asks what matters first and
// says what to do next (13), the counting zone explained where it is set (5), a plan change
// that changes nothing until asked, is dated, confirmed with what it loses and can be undone
// (9), import and export messages beside their controls in plain words (12), and words that
// agree with their counts (8). Each state is photographed in light and dark and checked by axe.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SALES_NAVIGATOR_HOME } from '../../src/linkedin/urls';
import { STATUS_NAMES } from '../../src/ui/words';
import { EXTENSION_DIR, type Extension, expect, launch, test } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '../../.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

async function setClock(extension: Extension, iso: string) {
  await extension.send({ type: 'test:set-clock', at: Date.parse(iso) });
}

/**
 * The state on screen, in light and dark: a screenshot of `what` (the whole page when not
 * given) to options-<name>-<scheme>.png, and no axe violation on the page.
 */
async function record(page: Page, name: string, what?: Locator) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = join(SCREENSHOTS, `options-${name}-${colorScheme}.png`);
    await (what ? what.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `${name} (${colorScheme})`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page's text as a reader sees it: no "seat(s)" anywhere. */
async function noParenthesisPlurals(page: Page) {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text.match(/\w\(s\)|\w\(es\)/g) ?? []).toEqual([]);
}

test('13 setup: the count first, each plan its own hints, the credit day a required choice, a next step; delete only with data', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  const setup = options.getByTestId('seat-setup');

  // The count LinkedIn shows now is the first field.
  await expect(setup.locator('input, select').first()).toHaveAttribute('data-testid', 'opening-balance');
  await expect(setup.getByTestId('opening-balance')).toHaveAccessibleName('Credits LinkedIn shows now');
  // No data yet: nothing to delete.
  await expect(options.getByRole('button', { name: /Delete all data/ })).toHaveCount(0);

  // Sales Navigator's hints; then Premium's, with nothing of Sales Navigator left.
  await expect(setup.getByTestId('balance-hint')).toContainText('In Sales Navigator');
  await expect(setup.getByLabel('Monthly credit day')).toHaveValue('1');
  await setup.getByLabel('Plan').selectOption('premium-business');
  await expect(setup.getByTestId('balance-hint')).toContainText('InMail composer');
  await expect(setup.getByTestId('balance-hint')).not.toContainText('Sales Navigator');
  await expect(setup.getByTestId('day-hint')).toContainText('Premium subscription renews');
  await expect(setup.getByTestId('day-hint')).not.toContainText('Sales Navigator');
  await expect(setup.getByTestId('zone-hint')).not.toContainText('Sales Navigator');

  // Premium's credit day is the rep's to choose: no silent default, no seat without it.
  const day = setup.getByLabel('Monthly credit day');
  await expect(day).toHaveValue('');
  await setup.getByTestId('opening-balance').fill('12');
  await record(options, '13', setup);
  await setup.getByTestId('setup-submit').click();
  expect(await day.evaluate((el) => (el as HTMLSelectElement).validity.valueMissing)).toBe(true);
  const empty = await extension.send<{ snapshot: { seats: unknown[] } }>({ type: 'get-snapshot' });
  expect(empty.snapshot.seats).toEqual([]);
  await day.selectOption('9');
  await setup.getByTestId('setup-submit').click();

  // What to do next, for that pool.
  const next = options.getByTestId('next-step');
  await expect(next).toContainText('“Premium Business” is set up.');
  await expect(next).toContainText('Open LinkedIn Messaging: the badge follows your sends.');
  await expect(next.getByRole('link', { name: 'Open LinkedIn Messaging' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/messaging/',
  );
  const seats = await extension.send<{ snapshot: { seats: { grantDay?: number }[] } }>({
    type: 'get-snapshot',
  });
  expect(seats.snapshot.seats).toHaveLength(1);

  // A Sales Navigator seat added: the next step is Sales Navigator's.
  const add = options.getByTestId('seat-setup');
  await add.getByLabel('Plan').selectOption('sales-navigator-core');
  await add.getByTestId('opening-balance').fill('120');
  await add.getByTestId('setup-submit').click();
  await expect(next).toContainText('Open Sales Navigator: the badge follows your sends.');
  await expect(next.getByRole('link', { name: 'Open Sales Navigator' })).toHaveAttribute(
    'href',
    SALES_NAVIGATOR_HOME,
  );
  await record(options, '13-next', next);

  // Delete all data: now shown, as dangerous, and only after a confirmation.
  const remove = options.getByRole('button', { name: 'Delete all data…' });
  await expect(remove).toHaveClass(/\bdanger\b/);
  await remove.click();
  const confirm = options.getByTestId('delete-confirm');
  await expect(confirm).toContainText('This cannot be undone.');
  await record(options, '13-delete', confirm);
  await confirm.getByRole('button', { name: 'Keep my data' }).click();
  await expect(options.getByTestId('seat-item')).toHaveCount(2);
  await options.getByRole('button', { name: 'Delete all data…' }).click();
  await options.getByRole('button', { name: 'Delete all data', exact: true }).click();
  await expect(options.getByTestId('options-status')).toHaveText('All data deleted.');
  await expect(options.getByTestId('seat-setup')).toContainText('Set up your seat');
  await expect(options.getByRole('button', { name: /Delete all data/ })).toHaveCount(0);
});

test('13 setup: a new install of the production build opens the settings page', async () => {
  // The e2e build does not open it (src/background/main.ts): the harness opens its own pages.
  // The production build `npm test` made before this run (beside the e2e build) does.
  const dir = process.env.PRODUCTION_EXTENSION_DIR ?? join(dirname(EXTENSION_DIR), 'chrome-mv3');
  const context = await launch({ dir });
  try {
    await expect
      .poll(
        () =>
          context
            .pages()
            .map((p) => p.url())
            .filter((u) => u.endsWith('/options.html')),
        {
          timeout: 15_000,
        },
      )
      .toHaveLength(1);
    const options = context.pages().find((p) => p.url().endsWith('/options.html')) as Page;
    await expect(options.getByTestId('seat-setup')).toContainText('Set up your seat');
  } finally {
    await context.close();
  }
});

test('5 counting zone: explained where it is set, and named on each seat', async ({ extension }) => {
  test.setTimeout(90_000);
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  const setup = options.getByTestId('seat-setup');
  const zone = setup.getByLabel('Counting time zone');
  await expect(zone).toHaveValue('UTC');
  await expect(zone).toHaveAccessibleDescription(
    'Credits are counted by LinkedIn’s day in this zone; dates are shown in your own time. LinkedIn counts Sales Navigator’s days in UTC.',
  );
  await record(options, '5', setup);
  await zone.selectOption('Europe/Berlin');
  await setup.getByTestId('opening-balance').fill('1');
  await setup.getByTestId('setup-submit').click();
  const seat = options.getByTestId('seat-item');
  await expect(seat).toContainText('Sales Navigator Core · 1 credit · counted in Europe/Berlin');
});

test('9 plan change: the current plan first, a date, what it loses confirmed, then Undo; the name follows the plan', async ({
  extension,
}) => {
  test.setTimeout(150_000);
  await setClock(extension, '2026-11-20T10:00:00Z');
  const setUp = await extension.send<{ ok: boolean; seat: string }>({
    type: 'setup-seat',
    label: 'Sales Navigator Core',
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: 117,
  });
  expect(setUp.ok).toBe(true);
  await setClock(extension, '2026-12-03T15:00:00Z');
  // Sep 1's 17 expired Nov 30; Dec 1 brought 50: 150 now.
  expect((await extension.badge()).text).toBe('150');
  const options = await extension.openOptions();
  const seat = options.getByTestId('seat-item');
  await seat.getByRole('button', { name: 'Change plan…' }).click();
  const panel = seat.getByTestId('plan-change');

  // Nothing changes until the rep picks another plan: the current one is selected, today is the date.
  const plan = panel.getByLabel('Plan', { exact: true });
  const date = panel.getByLabel('Effective date');
  await expect(plan).toHaveValue('sales-navigator-core');
  await expect(date).toHaveValue('2026-12-03');
  await expect(panel).toContainText('Nothing changes until you pick another plan.');
  await expect(panel.getByRole('button', { name: 'Change plan', exact: true })).toHaveCount(0);

  // A date before the seat began, or in the future, is refused in words; the background refuses it too.
  await date.fill('2026-11-10');
  await expect(panel.getByTestId('plan-date-error')).toHaveText(
    '“Sales Navigator Core” was set up on Nov 20: pick that day or a later one.',
  );
  await date.fill('2026-12-04');
  await expect(panel.getByTestId('plan-date-error')).toHaveText(
    'Dec 4 is in the future: pick today or an earlier day.',
  );
  const early = await extension.send<{ ok: boolean; error: string }>({
    type: 'change-plan',
    seat: setUp.seat,
    plan: 'premium-career',
    at: '2026-11-10T00:00:00Z',
  });
  expect(early).toEqual({
    ok: false,
    error:
      'a plan change on 2026-11-10 would be before “Sales Navigator Core” was set up (2026-11-20): pick that day or a later one',
  });

  // The confirmation says what the change loses on that day, before anything is written.
  await date.fill('2026-11-29');
  await plan.selectOption('premium-career');
  const confirm = panel.getByTestId('plan-confirm');
  await expect(confirm).toContainText('Switching to Premium Career on Nov 29 loses 117 credits.');
  await expect(confirm.getByRole('button', { name: 'Change plan', exact: true })).toBeEnabled();
  await expect(confirm.getByRole('button', { name: 'Keep current plan' })).toBeVisible();
  await record(options, '9', seat);
  expect((await extension.badge()).text).toBe('150');

  // Keeping the current plan writes nothing; the panel opens again on the current plan.
  await confirm.getByRole('button', { name: 'Keep current plan' }).click();
  await expect(panel).toHaveCount(0);
  await seat.getByRole('button', { name: 'Change plan…' }).click();
  await expect(plan).toHaveValue('sales-navigator-core');
  const file = await extension.send<{ file: { events: { type: string }[] } }>({ type: 'export-ledger' });
  expect(file.file.events.filter((e) => e.type === 'plan-changed')).toEqual([]);

  // Applied: recorded on Nov 29, the name follows the plan, and Undo is offered.
  await date.fill('2026-11-29');
  await plan.selectOption('premium-career');
  await expect(confirm).toContainText('loses 117 credits');
  await confirm.getByRole('button', { name: 'Change plan', exact: true }).click();
  const status = seat.getByTestId('options-status');
  await expect(status).toContainText('Plan changed: Premium Career from Nov 29');
  await expect(seat.getByRole('textbox')).toHaveValue('Premium Career');
  await expect(seat).toContainText('Premium Career · 5 credits');
  // Premium Career grants 5 on Dec 1 (the grant day and zone carry over).
  await expect.poll(async () => (await extension.badge()).text).toBe('5');
  const changed = await extension.send<{ file: { events: { type: string; at: string }[] } }>({
    type: 'export-ledger',
  });
  expect(changed.file.events.filter((e) => e.type === 'plan-changed').map((e) => e.at)).toEqual([
    '2026-11-29T00:00:00.000Z',
  ]);
  await record(options, '9-applied', seat);

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(seat.getByTestId('options-status')).toHaveText('Plan change undone.');
  await expect.poll(async () => (await extension.badge()).text).toBe('150');
  await expect(seat.getByRole('textbox')).toHaveValue('Sales Navigator Core');
  await expect(seat).toContainText('Sales Navigator Core · 150 credits');

  // Nothing to lose: said so.
  await setClock(extension, '2026-12-03T16:00:00Z');
  const zero = await extension.send<{ ok: boolean; seat: string }>({
    type: 'setup-seat',
    label: 'Dana',
    plan: 'premium-business',
    timeZone: 'UTC',
    grantDay: 9,
    openingBalance: 0,
  });
  expect(zero.ok).toBe(true);
  const dana = options
    .getByTestId('seat-item')
    .filter({ has: options.getByRole('textbox', { name: /Dana/ }) });
  await dana.getByRole('button', { name: 'Change plan…' }).click();
  await dana.getByLabel('Plan', { exact: true }).selectOption('premium-career');
  await expect(dana.getByTestId('plan-confirm')).toContainText(
    'Switching to Premium Career today loses no credits.',
  );
  await record(options, '9-nothing-lost', dana);
  await dana.getByRole('button', { name: 'Change plan', exact: true }).click();
  await expect(dana.getByTestId('options-status')).toContainText('Plan changed: Premium Career from today');
  // A name of the rep's own stays.
  await expect(dana.getByRole('textbox')).toHaveValue('Dana');
});

const LEDGER_FILE = {
  format: 'inmail-ledger',
  version: 1,
  seats: [
    {
      id: 'sales:1/sales-navigator',
      label: 'Sales Navigator Core',
      plan: 'sales-navigator-core',
      since: '2026-05-01T00:00:00Z',
    },
    {
      id: 'member:1/premium',
      label: 'Premium Business',
      plan: 'premium-business',
      since: '2026-05-01T00:00:00Z',
      grantDay: 9,
    },
  ],
  events: [
    {
      id: 'o1',
      seat: 'sales:1/sales-navigator',
      type: 'opening-balance',
      at: '2026-05-01T00:00:00Z',
      balance: 100,
    },
    { id: 'o2', seat: 'member:1/premium', type: 'opening-balance', at: '2026-05-01T00:00:00Z', balance: 10 },
    {
      id: 's1',
      seat: 'sales:1/sales-navigator',
      type: 'inmail-sent',
      at: '2026-05-02T10:00:00Z',
      threadId: '2-abc',
      cost: 'paid',
    },
  ],
};

async function importFile(page: Page, name: string, mimeType: string, text: string) {
  await page.getByTestId('import-ledger').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

test('12 import and export: each message beside its control, in plain words, the detail kept apart', async ({
  extension,
}) => {
  test.setTimeout(150_000);
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  const importLine = options.locator('[data-place="import"]');
  const exportLine = options.locator('[data-place="export"]');

  // A CSV file: not an export, and it says what it looks like.
  await importFile(
    options,
    'contacts.csv',
    'text/csv',
    'name,company,email\nAna Ruiz,Acme,ana@example.com\n',
  );
  await expect(importLine).toHaveAttribute('data-testid', 'options-status');
  await expect(importLine.locator('span').first()).toHaveText(
    'This is not an InMail Ledger export. It looks like a CSV file.',
  );
  await expect(importLine.locator('.detail')).toContainText('Nothing was imported: (the file): is not JSON');
  // Beside the control that caused it: right after the import control, not at the top of the page.
  expect(
    await importLine.evaluate((line) => {
      const input = document.querySelector('[data-testid="import-ledger"]') as Element;
      return Boolean(input.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING);
    }),
  ).toBe(true);
  await expect(options.getByTestId('options-status')).toHaveCount(1);
  await record(options, '12', options.locator('section[aria-labelledby="data-title"]'));

  // JSON from something else.
  await importFile(options, 'settings.json', 'application/json', '{"theme":"dark","items":[1,2]}');
  await expect(importLine.locator('span').first()).toHaveText(
    'This is not an InMail Ledger export. It looks like a JSON file from another program.',
  );
  await expect(importLine.locator('.detail')).toContainText(
    'Nothing was imported: format: is required but missing',
  );

  // Our own CSV export is for spreadsheets.
  await importFile(
    options,
    'inmail-ledger.csv',
    'text/csv',
    'seat,sent_at,recipient,profile_url,cost,status,responded_at,refund_window_closes_at,thread_id,event_id\r\n',
  );
  await expect(importLine.locator('span').first()).toContainText('It is the InMails CSV export');

  // An export with a bad field: the JSON path stays as the detail.
  const bad = structuredClone(LEDGER_FILE);
  (bad.events[2] as { at: string }).at = '2026-13-01T00:00:00Z';
  await importFile(options, 'ledger.json', 'application/json', JSON.stringify(bad));
  await expect(importLine.locator('span').first()).toHaveText(
    'This InMail Ledger export has an entry that cannot be read.',
  );
  await expect(importLine.locator('.detail')).toContainText(
    "events[2].at: '2026-13-01T00:00:00Z' is not a date",
  );
  const nothing = await extension.send<{ snapshot: { seats: unknown[] } }>({ type: 'get-snapshot' });
  expect(nothing.snapshot.seats).toEqual([]);

  // A good one: what was imported, counted in words that agree.
  await importFile(options, 'ledger.json', 'application/json', JSON.stringify(LEDGER_FILE));
  await expect(importLine).toHaveText('Imported 2 seats and 3 entries from ledger.json.');
  await expect(options.getByTestId('seat-item')).toHaveCount(2);
  await record(options, '12-imported', options.locator('section[aria-labelledby="data-title"]'));
  await importFile(options, 'ledger.json', 'application/json', JSON.stringify(LEDGER_FILE));
  await expect(importLine).toHaveText('Nothing new in ledger.json: the ledger already holds all of it.');

  // Export: said beside the export buttons, with what went into the file.
  const download = options.waitForEvent('download');
  await options.getByTestId('export-ledger').click();
  await download;
  await expect(exportLine).toHaveAttribute('data-testid', 'options-status');
  await expect(exportLine).toHaveText(
    /^Exported 2 seats and 3 entries to inmail-ledger-\d{4}-\d\d-\d\d\.json\.$/,
  );
  await expect(importLine).toHaveText('');
  const csv = options.waitForEvent('download');
  await options.getByTestId('export-csv').click();
  await csv;
  await expect(exportLine).toHaveText(/^Exported 1 InMail to inmail-ledger-\d{4}-\d\d-\d\d\.csv\.$/);
});

test('8 words: counts agree with their nouns on the whole page; How we count names the states as the popup does', async ({
  extension,
}) => {
  test.setTimeout(90_000);
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  await noParenthesisPlurals(options);
  const one = structuredClone(LEDGER_FILE);
  one.seats = one.seats.slice(0, 1);
  one.events = [{ ...LEDGER_FILE.events[0], balance: 1 } as (typeof one.events)[number]];
  await importFile(options, 'one.json', 'application/json', JSON.stringify(one));
  await expect(options.getByTestId('options-status')).toHaveText(
    'Imported 1 seat and 1 entry from one.json.',
  );
  await expect(options.getByTestId('seat-item')).toContainText('Sales Navigator Core · 1 credit ·');
  await noParenthesisPlurals(options);
  const item = options.getByTestId('seat-item');
  await item.getByRole('button', { name: 'Change plan…' }).click();
  await item.getByLabel('Plan', { exact: true }).selectOption('none');
  await expect(item.getByTestId('plan-confirm')).toContainText('Cancelling today loses 1 credit.');
  await noParenthesisPlurals(options);

  // "How we count" names each state of an InMail as every other surface does.
  const states = options.locator('#how-we-count .states dt');
  await expect(states).toHaveText(Object.values(STATUS_NAMES));
  await record(options, '8', options.locator('#how-we-count .states'));
  // And the badge's colours, red meaning one thing (issue 13, point 6).
  await expect(options.getByTestId('badge-colours')).toContainText(
    'Red means one thing: credits you hold expire within 2 days',
  );
});
