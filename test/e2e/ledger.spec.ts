// The ledger in the browser, driven as a rep would: onboarding, logging, replies, the clock
// walking through grants, expiries and alerts, export and import, a worker that is stopped.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { BADGE_COLORS } from '../../src/background/badge';
import type { LedgerFile } from '../../src/ledger/ledger-file';
import { summarize } from '../../src/ledger/summarize';
import { type Extension, expect, extensionOf, launch, test } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '../../.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const hex = (color: number[]) =>
  `#${color
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;

async function setClock(extension: Extension, iso: string) {
  const reply = await extension.send<{ ok: boolean }>({ type: 'test:set-clock', at: Date.parse(iso) });
  expect(reply.ok).toBe(true);
}

async function exportedFile(extension: Extension): Promise<LedgerFile> {
  const reply = await extension.send<{ ok: boolean; file: LedgerFile }>({ type: 'export-ledger' });
  expect(reply.ok).toBe(true);
  return reply.file;
}

/** The popup's key figures, as a rep reads them. */
async function figures(popup: Page) {
  const number = async (id: string) => {
    const text = (await popup.getByTestId(id).textContent()) ?? '';
    return Number(/^[+-]?\d+/.exec(text.trim())?.[0]);
  };
  return {
    available: await number('available'),
    expiring: await number('expiring-credits'),
    pending: await number('pending-refunds'),
    nextGrant: await number('next-grant'),
  };
}

async function importThroughOptions(extension: Extension, file: object | string) {
  const options = await extension.openOptions();
  const text = typeof file === 'string' ? file : JSON.stringify(file);
  await options.getByTestId('import-ledger').setInputFiles({
    name: 'ledger.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  return options;
}

test('onboarding, logging sends and a reply: badge, popup figures and statuses', async ({ extension }) => {
  await setClock(extension, '2026-03-10T10:00:00Z');
  const empty = await extension.openPopup();
  await empty.setViewportSize({ width: 360, height: 260 });
  await expect(empty.getByTestId('popup-root')).toContainText('No seat set up yet');
  await empty.screenshot({ path: join(SCREENSHOTS, 'popup-empty.png') });

  const options = await extension.openOptions();
  await options.getByLabel('Plan').selectOption('sales-navigator-core');
  await options.getByTestId('opening-balance').fill('120');
  await options.getByTestId('setup-submit').click();
  await expect(options.getByTestId('options-status')).toContainText('is set up');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');

  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('120');
  for (const [name, cost] of [
    ['Sam Lee', 'paid'],
    ['Alex Kim', 'paid'],
    ['Olivia Open', 'free-open-profile'],
  ] as const) {
    await popup.getByTestId('log-recipient').fill(name);
    await popup.getByTestId('log-cost').selectOption(cost);
    await popup.getByTestId('log-send').click();
    await expect(popup.getByTestId('inmail-row').filter({ hasText: name })).toBeVisible();
  }
  await expect(popup.getByTestId('available')).toHaveText('118');
  expect((await extension.badge()).text).toBe('118');
  await expect(popup.getByTestId('inmail-row').filter({ hasText: 'Olivia Open' })).toHaveAttribute(
    'data-status',
    'free',
  );

  await popup.getByRole('button', { name: 'Sam Lee replied' }).click();
  const sam = popup.getByTestId('inmail-row').filter({ hasText: 'Sam Lee' });
  await expect(sam).toHaveAttribute('data-status', 'refunded');
  await expect(popup.getByTestId('inmail-row').filter({ hasText: 'Alex Kim' })).toHaveAttribute(
    'data-status',
    'awaiting',
  );
  await expect(popup.getByTestId('available')).toHaveText('119');
  expect((await extension.badge()).text).toBe('119');

  // Every figure is the one `ledger summary` gives for the same ledger at the same moment.
  const file = await exportedFile(extension);
  const expected = summarize(file.seats[0]!, file.events, file.exportedAt as string);
  const shown = await figures(popup);
  expect(shown).toEqual({
    available: expected.available,
    expiring: expected.expiring.credits,
    pending: expected.pendingRefunds.count,
    nextGrant: expected.nextGrant?.credits,
  });
  // By hand: opening 120 on Mar 10 → lots Mar 1 (50), Feb 1 (50), Jan 1 (20); two sends from
  // Jan 1's lot, one back; next grant Apr 1 after Jan 1's lot expires: room for all 50.
  expect(shown).toEqual({ available: 119, expiring: 0, pending: 1, nextGrant: 50 });

  await popup.setViewportSize({ width: 360, height: 720 });
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-light.png'), fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark.png'), fullPage: true });
});

const salesNavigatorFile = {
  format: 'inmail-ledger',
  version: 1,
  seats: [
    {
      id: 'urn:li:member:1/sales-navigator',
      label: 'Dana — Sales Navigator',
      plan: 'sales-navigator-core',
      since: '2026-01-15T09:00:00Z',
    },
  ],
  events: [
    {
      id: 'open',
      seat: 'urn:li:member:1/sales-navigator',
      type: 'opening-balance',
      at: '2026-01-15T09:00:00Z',
      balance: 150,
    },
  ],
};

test('the clock walks past a threshold, an expiry and a grant: badge colour, figures, one digest a day', async ({
  extension,
}) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  const imported = await importThroughOptions(extension, salesNavigatorFile);
  await expect(imported.getByTestId('options-status')).toContainText('Imported 1 seat');
  // Lots of Nov 1, Dec 1 and Jan 1; Nov 1's 50 expire Jan 30, ten days away.
  let badge = await extension.badge();
  expect(badge).toMatchObject({ text: '150' });
  expect(hex(badge.color)).toBe(BADGE_COLORS.neutral);

  await setClock(extension, '2026-01-24T12:00:00Z');
  badge = await extension.badge();
  expect(hex(badge.color)).toBe(BADGE_COLORS.amber);
  expect(badge.title).toContain('150 InMail credits · 50 expire Jan 30');
  await extension.send({ type: 'test:fire-alarm' });
  await extension.send({ type: 'test:fire-alarm' });

  await setClock(extension, '2026-01-29T00:00:00Z');
  expect(hex((await extension.badge()).color)).toBe(BADGE_COLORS.red);

  await setClock(extension, '2026-01-30T00:00:01Z');
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('100');
  expect((await extension.badge()).text).toBe('100');

  await setClock(extension, '2026-02-01T00:00:01Z');
  await expect(popup.getByTestId('available')).toHaveText('150');
  expect((await extension.badge()).text).toBe('150');

  const { notified } = await extension.send<{ notified: { message: string }[] }>({ type: 'test:notified' });
  expect(notified.map((n) => n.message)).toEqual([
    '50 credits expire Jan 30 · in 6 days',
    '50 credits expire Jan 30, 12:00 AM · tomorrow',
  ]);
});

/**
 * An extension page that only reads (alarms, storage) and never messages the worker, so reading
 * wakes nothing and runs no refresh: what it sees, the worker did by itself.
 */
async function quietReader(context: BrowserContext, extension: Extension): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/manifest.json`);
  return page;
}

/** The one-shot alarm's instant on the test clock, to the second (ISO), or null. */
const nextAlarm = (reader: Page) =>
  reader.evaluate(async () => {
    const alarm = await chrome.alarms.get('next');
    // Alarms run on the real clock; the test clock is the real one plus this offset.
    const offset = ((await chrome.storage.local.get('test:clock'))['test:clock'] as number | undefined) ?? 0;
    return alarm ? new Date(Math.round((alarm.scheduledTime + offset) / 1000) * 1000).toISOString() : null;
  });

const notifiedBy = (reader: Page) =>
  reader.evaluate(
    async () =>
      ((await chrome.storage.local.get('test:notified'))['test:notified'] as
        | { message: string; at: number }[]
        | undefined) ?? [],
  );

test('after each restart the alarm is armed at the next instant that matters; the real alarm wakes the worker to notify', async ({
  context,
  extension,
}) => {
  test.setTimeout(60_000);
  await setClock(extension, '2026-01-20T12:00:00Z');
  const imported = await importThroughOptions(extension, salesNavigatorFile);
  await expect(imported.getByTestId('options-status')).toContainText('Imported 1 seat');
  await imported.close();
  const reader = await quietReader(context, extension);
  // Lots of Nov 1, Dec 1 and Jan 1 (50 each): Nov 1's expire Jan 30 00:00; alerts 7 and 2 days
  // before (Jan 23, Jan 28); the next grant Feb 1. Worked out by hand: the next instants are
  // Jan 23 00:00, then Jan 28 00:00, then Jan 30 00:00.
  await expect.poll(() => nextAlarm(reader)).toBe('2026-01-23T00:00:00.000Z');
  const daily = await reader.evaluate(async () => (await chrome.alarms.get('daily'))?.periodInMinutes);
  expect(daily).toBe(24 * 60);

  // A restart with the alarm gone: only the new worker can arm it again, at the same instant.
  await reader.evaluate(() => chrome.alarms.clear('next'));
  await extension.stopWorker();
  expect(await nextAlarm(reader)).toBeNull();
  await extension.send({ type: 'get-snapshot' });
  await expect.poll(() => nextAlarm(reader)).toBe('2026-01-23T00:00:00.000Z');

  // Each alert from the real alarm: the clock set five seconds before its instant, no message
  // sent after that. The first finds the worker stopped (the alarm starts a new one); the second
  // finds it running (its alarm listener alone must act).
  const alerts = [
    [
      '2026-01-23T00:00:00.000Z',
      '50 credits expire Jan 30 · in 7 days',
      '2026-01-28T00:00:00.000Z',
      'stopped',
    ],
    [
      '2026-01-28T00:00:00.000Z',
      '50 credits expire Jan 30 · in 2 days',
      '2026-01-30T00:00:00.000Z',
      'running',
    ],
  ] as const;
  for (const [k, [instant, message, next, worker]] of alerts.entries()) {
    await setClock(extension, new Date(Date.parse(instant) - 5_000).toISOString());
    await expect.poll(() => nextAlarm(reader)).toBe(instant);
    if (worker === 'stopped') await extension.stopWorker();
    const before = await extension.workerState();
    expect(before.status).toBe(worker);
    // Nothing was due five seconds before: nothing new was said.
    expect((await notifiedBy(reader)).map((n) => n.message)).toEqual(alerts.slice(0, k).map((a) => a[1]));
    await expect
      .poll(async () => (await notifiedBy(reader)).map((n) => n.message), { timeout: 20_000 })
      .toEqual([...alerts.slice(0, k).map((a) => a[1]), message]);
    // Said at (not before) the instant on the test clock; by a worker the alarm started, or by
    // the one that was running, with no start in between.
    expect((await notifiedBy(reader)).at(-1)?.at).toBeGreaterThanOrEqual(Date.parse(instant));
    const after = await extension.workerState();
    if (worker === 'stopped') expect(after.starts).toBeGreaterThan(before.starts);
    else expect(after.starts).toBe(before.starts);
    // The worker armed the alarm at the next instant.
    await expect.poll(() => nextAlarm(reader)).toBe(next);
  }

  // Killed and woken again, twice, through the test hook: the same digest is not repeated, and
  // the alarm stays where it was.
  for (let k = 0; k < 2; k++) {
    await extension.stopWorker();
    await extension.send({ type: 'test:fire-alarm' });
    expect(await nextAlarm(reader)).toBe('2026-01-30T00:00:00.000Z');
  }
  expect((await notifiedBy(reader)).map((n) => n.message)).toEqual(alerts.map((a) => a[1]));
});

test('the popup shows each status: awaiting, refunded, replied-no-credit, late-reply, window-closed, free', async ({
  extension,
}) => {
  await setClock(extension, '2026-05-10T12:00:00Z');
  const seat = salesNavigatorFile.seats[0]!.id;
  const send = (id: string, at: string, cost = 'paid') => ({
    id,
    seat,
    type: 'inmail-sent',
    at,
    threadId: `2-${id}`,
    cost,
    recipient: { name: `Lead ${id}` },
  });
  const reply = (id: string, at: string) => ({
    id: `${id}-r`,
    seat,
    type: 'reply-received',
    at,
    threadId: `2-${id}`,
  });
  // Worked out by hand (test/unit/send-status.test.ts has the same file): sends from Nov 1's lot,
  // which expires Jan 30; windows close 90 days after each send; the clock is May 10.
  const file = {
    ...salesNavigatorFile,
    events: [
      ...salesNavigatorFile.events,
      send('closed', '2026-01-16T10:00:00Z'), // no response, window closed Apr 16
      send('late', '2026-01-17T10:00:00Z'),
      reply('late', '2026-04-20T10:00:00Z'), // after its window closed (Apr 17)
      send('nocredit', '2026-01-18T10:00:00Z'),
      reply('nocredit', '2026-02-05T10:00:00Z'), // in time, its lot gone since Jan 30
      send('refunded', '2026-01-19T10:00:00Z'),
      reply('refunded', '2026-01-25T10:00:00Z'), // in time, its lot live
      send('awaiting', '2026-05-05T10:00:00Z'), // from Mar 1's lot (expires May 30), window open
      send('free', '2026-05-06T10:00:00Z', 'free-open-profile'),
    ],
  };
  const options = await importThroughOptions(extension, file);
  await expect(options.getByTestId('options-status')).toContainText('Imported 1 seat');
  const popup = await extension.openPopup();
  const rows = popup.getByTestId('inmail-row');
  await expect(rows).toHaveCount(6);
  const shown = await rows.evaluateAll((els) =>
    els.map((e) => [
      e.getAttribute('data-id'),
      e.getAttribute('data-status'),
      e.getAttribute('data-refund-deadline'),
    ]),
  );
  // Newest first; a credit can come back only for the awaiting one, until its lot expires
  // (May 30, before its window closes Aug 3).
  expect(shown).toEqual([
    ['free', 'free', ''],
    ['awaiting', 'awaiting', '2026-05-30T00:00:00.000Z'],
    ['refunded', 'refunded', ''],
    ['nocredit', 'replied-no-credit', ''],
    ['late', 'late-reply', ''],
    ['closed', 'window-closed', ''],
  ]);
  await expect(popup.getByTestId('pending-refunds')).toHaveText(/^1\b/);
});

test('export, then import into a fresh profile: the same popup', async ({ extension }) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  const first = await importThroughOptions(extension, salesNavigatorFile);
  await expect(first.getByTestId('options-status')).toContainText('Imported 1 seat');
  const seat = salesNavigatorFile.seats[0]!.id;
  await extension.send({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
  await extension.send({ type: 'log-send', seat, recipientName: 'Kim Park', cost: 'paid' });
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('148');
  // Many InMails make the busy-seat screenshot.
  await popup.setViewportSize({ width: 360, height: 760 });
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-busy.png'), fullPage: true });

  const options = await extension.openOptions();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('export-ledger').click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  const before = await figures(popup);
  const rows = await popup
    .getByTestId('inmail-row')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));

  const fresh = await launch();
  try {
    const other = await extensionOf(fresh);
    // A minute on: the sends were logged on the first profile's running clock, a moment after
    // 12:00, and a ledger never counts a send dated after its now.
    await setClock(other, '2026-01-20T12:01:00Z');
    const imported = await importThroughOptions(other, text);
    await expect(imported.getByTestId('options-status')).toContainText('Imported 1 seat');
    const otherPopup = await other.openPopup();
    await expect(otherPopup.getByTestId('available')).toHaveText('148');
    expect(await figures(otherPopup)).toEqual(before);
    expect(
      await otherPopup
        .getByTestId('inmail-row')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
    ).toEqual(rows);
    expect((await other.badge()).text).toBe('148');
  } finally {
    await fresh.close();
  }
});

test('a malformed import says why and changes nothing', async ({ extension }) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  const first = await importThroughOptions(extension, salesNavigatorFile);
  await expect(first.getByTestId('options-status')).toContainText('Imported 1 seat');
  const before = await exportedFile(extension);
  const bad = structuredClone(salesNavigatorFile) as { events: Record<string, unknown>[] };
  bad.events.push({
    id: 'x',
    seat: salesNavigatorFile.seats[0]!.id,
    type: 'inmail-sent',
    at: '2026-13-01T00:00:00Z',
    threadId: 't',
    cost: 'paid',
  });
  const options = await importThroughOptions(extension, bad);
  await expect(options.getByTestId('options-status')).toContainText(
    "Nothing was imported: events[1].at: '2026-13-01T00:00:00Z' is not a date",
  );
  const after = await exportedFile(extension);
  expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
});

test('a worker stopped between two ingests loses nothing and counts nothing twice', async ({ extension }) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  const options = await importThroughOptions(extension, salesNavigatorFile);
  await expect(options.getByTestId('options-status')).toContainText('Imported 1 seat');
  const seat = salesNavigatorFile.seats[0]!.id;
  await extension.send({ type: 'log-send', seat, recipientName: 'Before Stop', cost: 'paid' });
  await extension.stopWorker();
  // The stopped worker wakes for the next command, with its clock restored.
  await extension.send({ type: 'log-send', seat, recipientName: 'After Stop', cost: 'paid' });
  await extension.stopWorker();
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('148');
  await expect(popup.getByTestId('inmail-row')).toHaveCount(2);
  const file = await exportedFile(extension);
  expect(file.events.filter((e) => e.type === 'inmail-sent')).toHaveLength(2);
  expect(summarize(file.seats[0]!, file.events, file.exportedAt as string).available).toBe(148);
});

test("drift from LinkedIn's number is shown, and one click adopts it", async ({ extension }) => {
  await setClock(extension, '2026-01-20T12:00:00Z');
  const seat = salesNavigatorFile.seats[0]!.id;
  const withReading = {
    ...salesNavigatorFile,
    events: [
      ...salesNavigatorFile.events,
      {
        id: 'read-1',
        seat,
        type: 'observed-balance',
        at: '2026-01-19T08:00:00Z',
        balance: 147,
        where: 'compose',
      },
    ],
  };
  const options = await importThroughOptions(extension, withReading);
  await expect(options.getByTestId('options-status')).toContainText('Imported 1 seat');
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('drift')).toHaveText('-3');
  await expect(popup.getByTestId('adopt-observed')).toHaveText('Set to 147');
  await popup.getByTestId('adopt-observed').click();
  await expect(popup.getByTestId('available')).toHaveText('147');
  await expect(popup.getByTestId('drift')).toHaveCount(0);
  expect((await extension.badge()).text).toBe('147');
});
