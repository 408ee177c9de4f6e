// Reading LinkedIn (first slice): a Sales Navigator send and Sales Navigator's own count,
// seen through the page's own network responses, reach the ledger without typing anything.

import type { BrowserContext } from '@playwright/test';
import { COUNT_DIFFERS } from '../../src/linkedin/overlay/cost-chip';
import { refundWords } from '../../src/ui/words';
import { type Extension, expect, handledSoFar, setUpSeat, test } from './fixtures';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';

/** A Sales Navigator seat of 120 and one InMail sent from the lead page: the badge says 119. */
async function sentFromLead(context: BrowserContext, extension: Extension) {
  await setUpSalesNavigator(extension, 120);
  const lead = await context.newPage();
  await lead.goto(LEAD);
  await lead.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
}

const setUpSalesNavigator = (extension: Extension, balance: number) =>
  setUpSeat(extension, 'sales-navigator-core', balance);

test('a send on a Sales Navigator lead page costs a credit; LinkedIn’s count shows as drift', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const page = await context.newPage();
  await page.goto(LEAD);
  // The page's own credits request said 118: the popup shows the difference.
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('drift')).toHaveText('-2');

  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'awaiting');
  await expect(row).toContainText('Sam Lee');

  // The same send seen again (a second tab, a retry) is one event.
  const second = await context.newPage();
  await second.goto(LEAD);
  await second.getByRole('button', { name: 'Send' }).click();
  await expect(second.locator('body')).toHaveAttribute('data-test-sent', '200');
  // The second tab's answer was handled (a sentinel after it went through), not merely not yet seen.
  await handledSoFar(second, extension);
  expect((await extension.badge()).text).toBe('119');
  await expect(popup.getByTestId('inmail-row')).toHaveCount(1);
  const events = await extension.send<{ file: { events: { type: string }[] } }>({ type: 'export-ledger' });
  expect(events.file.events.filter((e) => e.type === 'inmail-sent')).toHaveLength(1);
});

test('on a saved lead list the composer shows its cost and LinkedIn’s count, and a send is recorded with its cost', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const page = await context.newPage();
  await page.goto(
    'https://www.linkedin.com/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME',
  );
  // The chip is there (Sales Navigator's composer feature runs on the list's page kind)…
  const chip = page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status');
  await expect(chip).toHaveText(/^Costs 1 credit/);
  // …and the composer's "Use 1 of 118" reached the ledger as LinkedIn's count.
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('drift')).toHaveText('-2');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveAttribute('data-status', 'awaiting');
  // The cost was read at the moment of Send: not a send of unknown cost.
  await expect(row).not.toHaveAttribute('data-cost-unknown', /.*/);
});

test('the reply in the inbox payload refunds the send; our own InMail there is not counted twice', async ({
  context,
  extension,
}) => {
  await sentFromLead(context, extension);

  const inbox = await context.newPage();
  await inbox.goto('https://www.linkedin.com/sales/inbox');
  await expect(inbox.locator('body')).toHaveAttribute('data-test-inbox', 'loaded');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');
  const popup = await extension.openPopup();
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'refunded');
  const snapshot = await extension.send<{ snapshot: { summary: { stats: Record<string, number> } } }>({
    type: 'get-snapshot',
  });
  // A message from a 1st-degree contact in a thread with no InMail of ours is not a response.
  expect(snapshot.snapshot.summary.stats).toMatchObject({ paidSent: 1, replied: 1, refunded: 1 });
});

test('a look-alike message posted by a script in the page cannot create a send', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 50);
  const page = await context.newPage();
  await page.goto(LEAD);
  await expect.poll(async () => (await extension.badge()).text).toBe('50');
  await page.evaluate(() => {
    // Not a createMessage request/response pair LinkedIn could produce: nothing to record.
    window.postMessage(
      {
        source: 'inmail-ledger-tap',
        kind: 'sales-create-message',
        status: 200,
        request: '{}',
        response: '{}',
      },
      location.origin,
    );
    window.postMessage(
      {
        source: 'inmail-ledger-tap',
        kind: 'sales-credits',
        status: 200,
        request: null,
        response: '{"elements":[{"type":"LSS_INMAIL","value":-5}]}',
      },
      location.origin,
    );
    window.postMessage(
      { source: 'inmail-ledger-tap', kind: 'drop-tables', status: 200, request: null, response: '' },
      location.origin,
    );
  });
  // Handled, not merely not yet seen: a sentinel answer the page asks for after the look-alikes
  // went through, so anything they could have caused is in the ledger by now.
  const sentinel = await handledSoFar(page, extension);
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('50');
  // LinkedIn's counts read: the page's own answer (118) and the sentinel; never the look-alike -5.
  const { file } = await extension.send<{
    file: { events: { type: string; balance?: number; where?: string }[] };
  }>({ type: 'export-ledger' });
  expect(file.events.filter((e) => e.type === 'inmail-sent')).toEqual([]);
  const readings = file.events.filter((e) => e.type === 'observed-balance');
  const counts = readings.filter((e) => e.where === 'credits-api').map((e) => e.balance as number);
  expect(counts.sort((a, b) => a - b)).toEqual([118, sentinel]);
  // (The composer's own line, "Use 1 of 118", is read too, at the page's pace.)
  expect(readings.every((e) => e.balance === 118 || e.balance === sentinel)).toBe(true);
  const snapshot = await extension.send<{ snapshot: { summary: { stats: { paidSent: number } } } }>({
    type: 'get-snapshot',
  });
  expect(snapshot.snapshot.summary.stats.paidSent).toBe(0);
});

test('the composer shows the cost before Send, and the repeat guard after a send', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const page = await context.newPage();
  await page.goto(LEAD);
  const chip = page.locator('[data-inmail-ledger="cost-chip"]');
  await expect(chip).toHaveCount(1);
  // Playwright's locators pierce open shadow roots. LinkedIn's "Use 1 of 118" is right there:
  // the chip says the cost only, and that our count (120) differs.
  await expect(chip.getByRole('status')).toHaveText(`Costs 1 credit${COUNT_DIFFERS}`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(chip.getByRole('status')).not.toContainText('left');
  await expect(chip.getByRole('status')).toContainText(COUNT_DIFFERS);
  await expect(chip.getByRole('status')).toContainText(
    'You InMailed Sam today, no reply yet: this one costs another credit',
  );
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('detection-health')).toHaveAttribute('data-state', 'ok');
  await expect(popup.getByTestId('detection-health')).toContainText('Tracking works');
});

test('a composer whose credit line disappeared in a redesign: the popup says what broke', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/REDESIGNED,NAME_SEARCH,abcd');
  await expect(page.locator('[data-inmail-ledger="cost-chip"]')).toHaveCount(1);
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('detection-health')).toContainText(
    'Sales Navigator composer: credit line not found since',
  );
});

for (const [variant, chipText, cost] of [
  ['FIRSTDEGREE', 'Free · 1st-degree', 'free-connection'],
  ['OPENPROFILE', 'Free · Open Profile', 'free-open-profile'],
] as const) {
  test(`a send to ${cost === 'free-connection' ? 'a 1st-degree connection' : 'an Open Profile'} is free: badge unchanged`, async ({
    context,
    extension,
  }) => {
    await setUpSalesNavigator(extension, 120);
    const page = await context.newPage();
    await page.goto(`https://www.linkedin.com/sales/lead/${variant},NAME_SEARCH,abcd`);
    await expect(page.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(chipText);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'free');
    expect((await extension.badge()).text).toBe('120');
  });
}

test('with two Sales Navigator seats a send waits for the rep to choose; nothing is dropped', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 100);
  await extension.send({
    type: 'setup-seat',
    label: 'Second SN',
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: 50,
  });
  const page = await context.newPage();
  await page.goto(LEAD);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
  const popup = await extension.openPopup();
  const send = popup.getByTestId('unassigned-row').filter({ hasText: 'Sales Navigator InMail to Sam Lee' });
  await expect(send).toHaveCount(1);
  expect((await extension.badge()).text).toBe('100');
  await send.getByRole('button', { name: /^Add / }).click();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'awaiting');
  await expect(popup.getByTestId('available')).toHaveText('99');
  // LinkedIn's count read on that page waits too, until it is added or let go.
  const count = popup.getByTestId('unassigned-row').filter({ hasText: 'credit count' }).first();
  await count.getByRole('button', { name: /^Discard / }).click();
  await expect(popup.getByTestId('unassigned-row').filter({ hasText: 'Sam Lee' })).toHaveCount(0);
});

test('a lead page and each search result show what messaging that person costs', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const page = await context.newPage();
  await page.goto(LEAD);
  // The cost alone: the balance is not repeated beside the person.
  await expect(page.locator('[data-inmail-ledger="person-chip"]').getByRole('status')).toHaveText(
    'Costs 1 credit',
  );
  // A German search page: a 1st-degree contact, an Open Profile and a 2nd-degree lead.
  await page.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Adaten)');
  const chips = page.locator('[data-inmail-ledger="person-chip"]').getByRole('status');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toHaveText('Free · 1st-degree');
  await expect(chips.nth(1)).toHaveText('Free · Open Profile');
  await expect(chips.nth(2)).toHaveText('Costs 1 credit');
  await expect(page.getByRole('status', { name: 'InMail Ledger: cost of messaging Mara Wolf' })).toHaveCount(
    1,
  );
});

test('an InMail thread shows the deadline that binds, then "Refunded"; the inbox header is read as LinkedIn’s count', async ({
  context,
  extension,
}) => {
  await sentFromLead(context, extension);

  // The thread before Sam answers: LinkedIn's payload has nothing new.
  const before = await context.newPage();
  await before.route('https://www.linkedin.com/sales-api/salesApiMessagingThreads**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"elements":[]}' }),
  );
  await before.goto('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk');
  const status = before.locator('[data-inmail-ledger="thread-status"]').getByRole('status');
  // In the popup's words: the earlier of the window's close and the credit's expiry.
  const { snapshot } = await extension.send<{
    snapshot: { inmails: { status: 'awaiting'; refundDeadline?: string }[] };
  }>({
    type: 'get-snapshot',
  });
  await expect(status).toHaveText(
    refundWords(snapshot.inmails[0] as { status: 'awaiting' }, Date.now()).text,
  );
  await expect(status).toHaveText(/^Credit back if they reply by /);
  const exported = async () =>
    (
      await extension.send<{ file: { events: { type: string; where?: string }[] } }>({
        type: 'export-ledger',
      })
    ).file.events;
  await expect.poll(async () => (await exported()).filter((e) => e.where === 'inbox-header').length).toBe(1);

  // Once the reply is in the payload, the same thread says so.
  const after = await context.newPage();
  await after.goto('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk');
  await expect(after.locator('[data-inmail-ledger="thread-status"]').getByRole('status')).toHaveText(
    'Refunded',
  );
  await expect(status).toHaveText('Refunded');
  // A thread of no InMail of ours shows nothing: moving to one within the page (as LinkedIn's
  // single-page app does) takes the status away, which only the feature run for that thread
  // can do; moving back brings it again.
  const afterStatus = after.locator('[data-inmail-ledger="thread-status"]');
  await after.evaluate(() => history.pushState({}, '', '/sales/inbox/2-T3RoZXI'));
  await expect(afterStatus).toHaveCount(0);
  await after.evaluate(() => history.pushState({}, '', '/sales/inbox/2-TmV3VGhyZWFk'));
  await expect(afterStatus.getByRole('status')).toHaveText('Refunded');
});
