// Detection on LinkedIn's real answer shapes and page variants (issue 11): the cost read at the
// moment of Send, normalized inbox answers, follow-ups from an open thread, a Premium InMail
// from the message overlay on a search page answered in a list that shows only the reply, a
// catch-up of a send held under its tracking id, forged tap messages, and answers we cannot
// read named in the popup.

import type { Page } from '@playwright/test';
import { type Extension, expect, serveAnswer, setUpSeat, test } from './fixtures';

/** The Sales Navigator lead pages (test/fixtures/linkedin/sales/README.md). */
const LEAD = {
  aside: 'https://www.linkedin.com/sales/lead/ACwAAA789,NAME_SEARCH,ijkl',
  hiddenFirstDegree: 'https://www.linkedin.com/sales/lead/ACwAAA456,NAME_SEARCH,efgh',
  openProfile: 'https://www.linkedin.com/sales/lead/ACwAAA654,NAME_SEARCH,mnop',
  plain: 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd',
};
const THREADS = '**/sales-api/salesApiMessagingThreads**';
const CONVERSATIONS = (url: URL) =>
  url.searchParams.get('queryId')?.startsWith('messengerConversations.') === true;

interface Row {
  id: string;
  status: string;
  cost: string;
  costUnknown?: true;
}
interface Snapshot {
  inmails: Row[];
  summary: { available: number; stats: Record<string, number> };
}
const snapshot = async (extension: Extension) =>
  (await extension.send<{ snapshot: Snapshot }>({ type: 'get-snapshot' })).snapshot;
const events = async (extension: Extension) =>
  (await extension.send<{ file: { events: { type: string; id: string }[] } }>({ type: 'export-ledger' })).file
    .events;

/** A seat set up some hours ago (LinkedIn's times in the answers below are after it). */
async function seatAnHourAgo(extension: Extension, plan: string, balance: number, hours = 1) {
  await extension.send({ type: 'test:set-clock', at: Date.now() - hours * 3_600_000 });
  await setUpSeat(extension, plan, balance);
  await extension.send({ type: 'test:set-clock', at: Date.now() });
}

async function sendFrom(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
}

test('a paid send from a lead page whose composer turns into the thread is charged once, beside a 1st-degree aside; the normalized inbox refunds it', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const page = await context.newPage();
  await sendFrom(page, LEAD.aside);
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const [row] = (await snapshot(extension)).inmails;
  expect(row).toMatchObject({ cost: 'paid', status: 'awaiting' });
  expect(row?.costUnknown).toBeUndefined();

  // The inbox page gets the normalized answer: the same InMail again (one send) and the reply.
  await page.goto('https://www.linkedin.com/sales/inbox');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');
  const after = await snapshot(extension);
  expect(after.inmails).toHaveLength(1);
  expect(after.inmails[0]?.status).toBe('refunded');
  expect(after.summary.stats).toMatchObject({ paidSent: 1, replied: 1, refunded: 1 });
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await expect(popup.getByTestId('inmail-row')).not.toHaveAttribute('data-cost-unknown', /.*/);
});

for (const [name, url, cost] of [
  [
    'a 1st-degree lead (degree in visually hidden text), composer closed at once',
    LEAD.hiddenFirstDegree,
    'free-connection',
  ],
  ['an Open Profile lead', LEAD.openProfile, 'free-open-profile'],
] as const)
  test(`a send to ${name} costs nothing`, async ({ context, extension }) => {
    await setUpSeat(extension, 'sales-navigator-core', 120);
    const page = await context.newPage();
    await sendFrom(page, url);
    await expect.poll(async () => (await snapshot(extension)).inmails.map((r) => r.cost)).toEqual([cost]);
    expect((await extension.badge()).text).toBe('120');
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'free');
  });

test('a follow-up sent from an open Sales Navigator thread (no recipients in the request) is counted', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const page = await context.newPage();
  await serveAnswer(page, THREADS, '{"elements":[]}');
  await serveAnswer(page, '**/sales-api/salesApiMessageActions**', 'sales-create-message/follow-up.json');
  await sendFrom(page, 'https://www.linkedin.com/sales/inbox/2-Rm9sbG93VXA');
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const [row] = (await snapshot(extension)).inmails;
  expect(row).toMatchObject({ id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-Rm9sbG93VXA)', cost: 'paid' });
});

test('a Premium InMail from the message overlay on a search page is refunded when the list later shows only the reply', async ({
  context,
  extension,
}) => {
  await seatAnHourAgo(extension, 'premium-business', 45, 2);
  const search = await context.newPage();
  // LinkedIn dates the send (an hour ago, so that the reply below, ten minutes ago, is after it).
  await serveAnswer(
    search,
    '**/voyagerMessagingDashMessengerMessages**',
    'voyager-create-message/inmail-first.json',
    (text) => text.replace('"%NOW%"', '"%NOW-3600000%"'),
  );
  await search.goto('https://www.linkedin.com/search/results/people/?keywords=data%20platform');
  const overlay = search.locator('.msg-overlay-conversation-bubble');
  await expect(overlay.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toContainText(
    '1 credit',
  );
  await overlay.getByRole('button', { name: 'Send' }).click();
  await expect(search.locator('body')).toHaveAttribute('data-test-sent', '200');
  await expect.poll(async () => (await extension.badge()).text).toBe('44');

  // Later, LinkedIn messaging's list shows Priya's reply as the conversation's only message.
  const messaging = await context.newPage();
  await serveAnswer(messaging, CONVERSATIONS, 'voyager-conversations/reply-only.json');
  await messaging.goto('https://www.linkedin.com/messaging/');
  await expect(messaging.locator('body')).toHaveAttribute('data-test-conversations', 'loaded');
  await expect.poll(async () => (await extension.badge()).text).toBe('45');
  const after = await snapshot(extension);
  expect(after.inmails.map((r) => [r.status, r.cost])).toEqual([['refunded', 'paid']]);
  expect(after.summary.stats).toMatchObject({ paidSent: 1, replied: 1 });
});

test('the inbox catch-up of a send held under its tracking id adds nothing', async ({
  context,
  extension,
}) => {
  await seatAnHourAgo(extension, 'sales-navigator-core', 120);
  const page = await context.newPage();
  // The createMessage answer names the thread but not the message: the send is held as tracking:<hex>.
  await serveAnswer(page, '**/sales-api/salesApiMessageActions**', '{"value":{"threadId":"2-TmV3VGhyZWFk"}}');
  await sendFrom(page, LEAD.plain);
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const held = (await snapshot(extension)).inmails[0]?.id;
  expect(held).toMatch(/^tracking:[0-9a-f]+$/);

  // The inbox then shows that InMail under its URN, sent half a minute ago, and Sam's reply.
  await serveAnswer(page, THREADS, 'sales-threads/inbox-normalized.json', (text) =>
    text.replace('"%NOW-3600000%"', '"%NOW-30000%"'),
  );
  await page.goto('https://www.linkedin.com/sales/inbox');
  await expect(page.locator('body')).toHaveAttribute('data-test-inbox', 'loaded');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  const sends = (await events(extension)).filter((e) => e.type === 'inmail-sent');
  expect(sends.map((e) => e.id)).toEqual([held]);
  expect((await snapshot(extension)).inmails.map((r) => r.status)).toEqual(['refunded']);
});

test('a page script that forges the tap’s messages and handshake creates nothing', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 50);
  const page = await context.newPage();
  // A credits answer the page asks for after the forgeries: proof that its messages were handled.
  await page.route('**/sales-api/salesApiCredits?*sentinel*', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: '{"elements":[{"type":"LSS_INMAIL","value":47}]}',
    }),
  );
  await page.goto(LEAD.plain);
  await page.evaluate(() => {
    const send = {
      kind: 'sales-create-message',
      status: 200,
      request: JSON.stringify({
        createMessageRequest: {
          recipients: ['urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)'],
          trackingId: 'x',
        },
      }),
      response: JSON.stringify({ value: { messageId: 'urn:li:fs_salesMessage:(2-Zm9yZ2Vk,2-Zm9yZ2Vk)' } }),
    };
    // Perfect copies of what the tap sends, posted the way the old tap did…
    window.postMessage(send, location.origin);
    window.postMessage({ source: 'inmail-ledger-tap', ...send }, location.origin);
    // …and a replay of the handshake, offering our own port to whichever script takes it.
    const channel = new MessageChannel();
    window.dispatchEvent(new CustomEvent('inmail-ledger:tap-ready'));
    window.dispatchEvent(
      new MessageEvent('inmail-ledger:tap-port', { ports: [channel.port2], cancelable: true }),
    );
    channel.port1.postMessage(send);
    window.dispatchEvent(
      new MessageEvent('message', { data: send, source: window, origin: location.origin }),
    );
  });
  await page.evaluate(() =>
    fetch('/sales-api/salesApiCredits?q=findCreditGrant&sentinel=1').then((r) => r.text()),
  );
  await expect
    .poll(async () => (await events(extension)).some((e) => (e as { balance?: number }).balance === 47))
    .toBe(true);
  const recorded = await events(extension);
  expect(recorded.filter((e) => e.type === 'inmail-sent')).toEqual([]);
  expect((await extension.badge()).text).toBe('50');
});

test('an answer we cannot read is named in the popup, with its surface and reason', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const popup = await extension.openPopup();
  const page = await context.newPage();
  // Every profile at the same degree and no seat account yet: nobody can tell which one is us.
  await serveAnswer(page, THREADS, 'sales-threads/inbox-same-degree.json');
  await page.goto('https://www.linkedin.com/sales/inbox');
  await expect(page.locator('body')).toHaveAttribute('data-test-inbox', 'loaded');
  const health = popup.getByTestId('detection-health');
  await expect(health).toHaveAttribute('data-state', 'problem');
  await expect(health).toContainText('Sales Navigator inbox: could not tell which participant is you');
  // An envelope nobody knows says so too.
  await serveAnswer(page, THREADS, '{"results":{"threads":[]}}');
  await page.reload();
  await expect(health).toContainText('Sales Navigator inbox: answer in a shape we do not know');
  expect((await snapshot(extension)).inmails).toEqual([]);
});

test('a send whose cost the page did not show is counted paid, flagged, and one click makes it free', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const page = await context.newPage();
  // A redesign removed the composer's credit line and the lead's degree: the page shows no cost.
  await page.goto(LEAD.plain);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[aria-label="3rd degree connection"], ._creditLine_8d3f'))
      el.remove();
  });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent', '200');
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const popup = await extension.openPopup();
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveAttribute('data-cost-unknown', '');
  await expect(popup.getByTestId('detection-health')).toContainText(
    '1 send counted as paid because LinkedIn did not show the cost',
  );
  await row.getByTestId('it-was-free').click();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'free');
  await expect(popup.getByTestId('inmail-row')).not.toHaveAttribute('data-cost-unknown', /.*/);
  expect((await extension.badge()).text).toBe('120');
});
