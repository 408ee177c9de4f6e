// Day one (issue 15): a rep with no seat opens Sales Navigator; setup proposes what LinkedIn
// showed; the inbox's InMails of the last 90 days become "may still come back"; a reply to one
// refunds it; one answered before setup is not listed; one whose lot has expired by its answer
// refunds nothing and says so (CREDIT-RULES.md rule 17).

import { expect, serveAnswer, test } from './fixtures';

const DAY = 86_400_000;
const ME = 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)';

/** A Sales Navigator inbox answer (normalized) with one InMail of ours per thread. */
function inbox(threads: { id: string; name: string; sentAt: number; replyAt?: number }[]): string {
  const elements = threads.map((t) => {
    const them = `urn:li:fs_salesProfile:(ACwAA${t.id.slice(2)},NAME_SEARCH,x)`;
    const messages = [
      { id: `urn:li:fs_salesMessage:(${t.id},2-S)`, type: 'INMAIL', author: ME, deliveredAt: t.sentAt },
      ...(t.replyAt
        ? [
            {
              id: `urn:li:fs_salesMessage:(${t.id},2-R)`,
              type: 'MESSAGE',
              author: them,
              deliveredAt: t.replyAt,
            },
          ]
        : []),
    ];
    return {
      $type: 'com.linkedin.sales.messaging.message.Thread',
      id: t.id,
      participants: [them, ME],
      participantsResolutionResults: { [`*${them}`]: them, [`*${ME}`]: ME },
      messages,
    };
  });
  const included = [
    { $type: 'com.linkedin.sales.profile.Profile', entityUrn: ME, fullName: 'Dana R.', degree: 0 },
    ...threads.map((t) => ({
      $type: 'com.linkedin.sales.profile.Profile',
      entityUrn: `urn:li:fs_salesProfile:(ACwAA${t.id.slice(2)},NAME_SEARCH,x)`,
      fullName: t.name,
      degree: 3,
    })),
  ];
  return JSON.stringify({ data: { elements }, included });
}

/** The oldest 1st of a month whose 90-day lot is still live at `since` (UTC): its lot is the oldest the opening balance fills. */
function oldestLiveGrant(since: number): number {
  const d = new Date(since);
  let g = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  for (;;) {
    const earlier = new Date(g);
    const prev = Date.UTC(earlier.getUTCFullYear(), earlier.getUTCMonth() - 1, 1);
    if (prev + 90 * DAY <= since) return g;
    g = prev;
  }
}

test('day one: setup proposes LinkedIn’s count; InMails sent before setup may still come back', async ({
  context,
  extension,
}) => {
  test.setTimeout(60_000);
  const start = Date.now();
  const g0 = oldestLiveGrant(start);
  const threads = [
    { id: '2-QW5h', name: 'Ana Ruiz', sentAt: start - 30 * DAY },
    { id: '2-QmVu', name: 'Ben Ode', sentAt: start - 20 * DAY, replyAt: start - 19 * DAY },
    // Sent the day after g0: its credit came from g0's lot, which the opening balance filled.
    { id: '2-Q2Fy', name: 'Cara Lim', sentAt: g0 + DAY },
  ];
  // No seat yet: the rep opens a lead page (LinkedIn's count 118) and the inbox.
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
  await expect(page.locator('body')).toBeAttached();
  await serveAnswer(page, '**/sales-api/salesApiMessagingThreads**', inbox(threads));
  await page.goto('https://www.linkedin.com/sales/inbox');
  await expect(page.locator('body')).toHaveAttribute('data-test-inbox', 'loaded');

  // Setup proposes the count LinkedIn showed; the rep confirms.
  const options = await extension.openOptions();
  await expect(options.getByTestId('seen-balance')).toContainText('LinkedIn showed 118 on Sales Navigator');
  await expect(options.getByTestId('opening-balance')).toHaveValue('118');
  await options.getByTestId('setup-submit').click();
  await expect.poll(async () => (await extension.badge()).text).toBe('118');

  // The InMails of the last 90 days from the inbox: may still come back; Ben answered before setup.
  const popup = await extension.openPopup();
  const rows = popup.locator('[data-testid="inmail-row"][data-before-setup]');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Ana Ruiz' })).toHaveAttribute('data-status', 'awaiting');
  await expect(rows.filter({ hasText: 'Cara Lim' })).toHaveAttribute('data-status', 'awaiting');
  await expect(popup.getByTestId('inmail-row').filter({ hasText: 'Ben Ode' })).toHaveCount(0);
  await expect(popup.getByTestId('pending-refunds')).toHaveText(/^2\b/);

  // Ana answers: her credit comes back (+1).
  const later = Date.now() + 1_000;
  await extension.send({ type: 'test:set-clock', at: later + 1_000 });
  await serveAnswer(
    page,
    '**/sales-api/salesApiMessagingThreads**',
    inbox([{ ...(threads[0] as (typeof threads)[number]), replyAt: later }]),
  );
  await page.reload();
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  await expect(rows.filter({ hasText: 'Ana Ruiz' })).toHaveAttribute('data-status', 'refunded');

  // Cara answers a day after g0's lot expired (her window is still open): nothing comes back.
  const answered = g0 + 91 * DAY - 3_600_000;
  await extension.send({ type: 'test:set-clock', at: answered + 60_000 });
  await serveAnswer(
    page,
    '**/sales-api/salesApiMessagingThreads**',
    inbox([{ ...(threads[2] as (typeof threads)[number]), replyAt: answered }]),
  );
  await page.reload();
  const cara = rows.filter({ hasText: 'Cara Lim' });
  await expect(cara).toHaveAttribute('data-status', 'replied-no-credit');
  await expect(cara).toContainText('no credit back');
});

test('a second pool: after a Premium InMail composer was seen, "Add a seat" proposes a Premium seat with its count', async ({
  context,
  extension,
}) => {
  await extension.send({
    type: 'setup-seat',
    label: 'Dana — Sales Navigator',
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: 120,
  });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/priya-natarajan/');
  // The Premium composer's banner ("Use 1 of 45 InMail credits") is read as LinkedIn's count.
  await expect(page.locator('[data-test-bubble="priya"] [data-inmail-ledger="cost-chip"]')).toHaveCount(1);
  const options = await extension.openOptions();
  const add = options.getByTestId('seat-setup');
  await expect(add.getByTestId('seen-balance')).toContainText('LinkedIn showed 45 on LinkedIn Premium');
  await expect(add.locator('select[name="plan"]')).toHaveValue('premium-business');
  await expect(add.getByTestId('opening-balance')).toHaveValue('45');
  // Premium's credit day is the rep's to say (LinkedIn's rules leave it to the subscription).
  await add.getByLabel('Monthly credit day').selectOption('9');
  await add.getByTestId('setup-submit').click();
  await expect(options.getByTestId('seat-item')).toHaveCount(2);
});
