// Reading LinkedIn messaging (profiles, /messaging): Premium InMails sent from a profile's
// composer, chats that are not InMails, quick responses and catch-up from the conversation
// list, and the thread's refund status on the page.

import type { Page } from '@playwright/test';
import { type Extension, expect, handledSoFar, serveAnswer, setUpSeat, test } from './fixtures';

const PROFILE = 'https://www.linkedin.com/in/priya-natarajan/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-UHJpeWE/';

const setUpPremium = (extension: Extension, balance: number) =>
  setUpSeat(extension, 'premium-business', balance);

/** A Premium seat set up three hours ago: the conversation answers' times are after it. */
async function setUpPremiumEarlier(extension: Extension, balance: number) {
  await extension.send({ type: 'test:set-clock', at: Date.now() - 3 * 3_600_000 });
  await setUpPremium(extension, balance);
  await extension.send({ type: 'test:set-clock', at: Date.now() });
}

/**
 * The conversation list with Priya's thread only: Omar's InMail in the same answer is from a
 * day before these seats began (a send before setup, rule 17: test/e2e/day-one.spec.ts).
 */
const priyaOnly = (page: Page) =>
  serveAnswer(
    page,
    (url) => url.searchParams.get('queryId')?.startsWith('messengerConversations.') === true,
    'voyager-conversations/accepted-declined.json',
    (text) => {
      const answer = JSON.parse(text) as { data: Record<string, { elements?: { backendUrn?: string }[] }> };
      for (const field of Object.values(answer.data))
        if (Array.isArray(field?.elements))
          field.elements = field.elements.filter((c) => c.backendUrn?.endsWith(':2-UHJpeWE'));
      return JSON.stringify(answer);
    },
  );

/** LinkedIn dates this page's send two hours ago, as in the conversation answers. */
const sentTwoHoursAgo = (page: Page) =>
  serveAnswer(
    page,
    '**/voyagerMessagingDashMessengerMessages**',
    'voyager-create-message/inmail-first.json',
    (text) => text.replace('"%NOW%"', '"%NOW-7200000%"'),
  );

type Stats = { paidSent: number; freeSent: number; replied: number; refunded: number };
const stats = async (extension: Extension) =>
  (await extension.send<{ snapshot: { summary: { stats: Stats } } }>({ type: 'get-snapshot' })).snapshot
    .summary.stats;

test('a Premium InMail from a profile costs a credit; the chat beside it costs nothing', async ({
  context,
  extension,
}) => {
  await setUpPremium(extension, 45);
  const page = await context.newPage();
  await page.goto(PROFILE);
  const priya = page.locator('[data-test-bubble="priya"]');
  const zoe = page.locator('[data-test-bubble="zoe"]');
  // LinkedIn's banner says "Use 1 of 45", as we count: the chip says the cost only.
  await expect(priya.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(
    'Costs 1 credit',
  );
  // An ordinary chat has no chip, and its send is not an InMail.
  await expect(zoe.locator('[data-inmail-ledger]')).toHaveCount(0);
  await zoe.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent-zoe', '200');
  // The chat's answer was handled (a sentinel the page asked for after it went through).
  await handledSoFar(page, extension);
  expect((await extension.badge()).text).toBe('45');
  expect(await stats(extension)).toMatchObject({ paidSent: 0, freeSent: 0 });

  await priya.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-test-sent-priya', '200');
  await handledSoFar(page, extension);
  expect(await stats(extension)).toMatchObject({ paidSent: 1, freeSent: 0 });
  expect((await extension.badge()).text).toBe('44');
  const popup = await extension.openPopup();
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'awaiting');
  await expect(row).toContainText('Priya Natarajan');
  // LinkedIn's banner said 45 before the send, as we counted: the reading is there, drift 0.
  const { snapshot } = await extension.send<{
    snapshot: { summary: { observed: { balance: number; drift: number } | null } };
  }>({ type: 'get-snapshot' });
  expect(snapshot.summary.observed).toMatchObject({ balance: 45, drift: 0 });
  await expect(popup.getByTestId('available')).toHaveText('44');
  await expect(popup.getByTestId('drift')).toHaveCount(0);
});

test('Priya accepts in the conversation list and replies in the thread: refunded once', async ({
  context,
  extension,
}) => {
  await setUpPremiumEarlier(extension, 45);
  const page = await context.newPage();
  await sentTwoHoursAgo(page);
  await page.goto(PROFILE);
  await page.locator('[data-test-bubble="priya"]').getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('44');

  const thread = await context.newPage();
  await priyaOnly(thread);
  await thread.goto(THREAD);
  await expect(thread.locator('body')).toHaveAttribute('data-test-conversations', 'loaded');
  await expect.poll(async () => (await extension.badge()).text).toBe('45');
  expect(await stats(extension)).toMatchObject({ paidSent: 1, replied: 1, refunded: 1 });
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  // The thread says so on the page itself.
  await expect(thread.locator('[data-inmail-ledger="thread-status"]').getByRole('status')).toHaveText(
    'Refunded',
  );
});

test('an InMail sent from the phone is caught up from the conversation list, at LinkedIn’s time', async ({
  context,
  extension,
}) => {
  // The seat began three hours ago; the phone's send (two hours ago) is after that.
  await setUpPremiumEarlier(extension, 45);
  const page = await context.newPage();
  await priyaOnly(page);
  await page.goto('https://www.linkedin.com/messaging/');
  await expect(page.locator('body')).toHaveAttribute('data-test-conversations', 'loaded');
  await expect.poll(async () => (await stats(extension)).paidSent).toBe(1);
  // Accepted after it: the credit came back.
  expect(await stats(extension)).toMatchObject({ paidSent: 1, refunded: 1 });
  const popup = await extension.openPopup();
  const row = popup.getByTestId('inmail-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Priya Natarajan');
  await expect(popup.getByTestId('available')).toHaveText('45');
});

test('an Open Profile InMail from a profile is free; a composer to a connection is a chat', async ({
  context,
  extension,
}) => {
  await setUpPremium(extension, 45);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/FREEMSG-priya/');
  const priya = page.locator('[data-test-bubble="priya"]');
  await expect(priya.locator('[data-inmail-ledger="cost-chip"]').getByRole('status')).toHaveText(
    'Free · Open Profile',
  );
  await priya.getByRole('button', { name: 'Send' }).click();
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'free');
  expect((await extension.badge()).text).toBe('45');

  const chat = await context.newPage();
  await chat.goto('https://www.linkedin.com/in/CONNECTION-priya/');
  await chat.locator('[data-test-bubble="priya"]').getByRole('button', { name: 'Send' }).click();
  await expect(chat.locator('body')).toHaveAttribute('data-test-sent-priya', '200');
  await handledSoFar(chat, extension);
  expect(await stats(extension)).toMatchObject({ paidSent: 0, freeSent: 1 });
});
