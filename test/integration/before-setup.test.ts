// InMails sent before setup, found on LinkedIn's pages (issue 15, CREDIT-RULES.md rule 17), and
// setup that proposes what LinkedIn showed before any seat existed.

// First: Dexie takes the IndexedDB it finds when it is first loaded.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { serviceEachTest } from './harness';

const h = serviceEachTest('before-setup');
const { ok } = h;

const DAY = 86_400_000;

const detected = (...detections: unknown[]) => h.service.handleDetected({ type: 'detected', detections });
const iso = (ms: number) => new Date(ms).toISOString();
const catchUp = (thread: string, at: number, account = 'sales:ACwAAAME0') => ({
  kind: 'send',
  pool: 'sales-navigator',
  account,
  surface: 'sales-navigator',
  id: `urn:li:fs_salesMessage:(${thread},s)`,
  threadId: thread,
  cost: 'paid',
  costUnknown: true,
  at: iso(at),
  recipient: { name: `Lead ${thread}` },
});
const reply = (thread: string, at: number) => ({
  kind: 'response',
  pool: 'sales-navigator',
  id: `urn:li:fs_salesMessage:(${thread},r)`,
  threadId: thread,
  at: iso(at),
  responseKind: 'reply',
});
const setUp = async (extra: Record<string, unknown> = {}) =>
  (
    await ok({
      type: 'setup-seat',
      label: 'Dana',
      plan: 'sales-navigator-core',
      timeZone: 'UTC',
      openingBalance: 120,
      ...extra,
    })
  ).seat as string;

test('before any seat: LinkedIn’s latest count and the account are kept and proposed; setup remembers the account', async () => {
  const now = h.platform.clock;
  await detected(
    {
      kind: 'balance',
      pool: 'sales-navigator',
      id: 'obs:1',
      balance: 121,
      where: 'credits-api',
      at: iso(now - 600_000),
    },
    {
      kind: 'balance',
      pool: 'sales-navigator',
      id: 'obs:2',
      balance: 118,
      where: 'compose',
      at: iso(now - 180_000),
    },
    catchUp('2-a', now - 10 * DAY),
  );
  expect(h.platform.snapshot.seenBeforeSetup).toEqual([
    {
      pool: 'sales-navigator',
      balance: { value: 118, at: iso(now - 180_000), where: 'compose' },
      account: 'sales:ACwAAAME0',
    },
  ]);
  await setUp({ account: 'sales:ACwAAAME0', openingBalance: 118 });
  expect(h.platform.snapshot.seenBeforeSetup).toEqual([]);
  // LinkedIn's earlier counts gave way to the opening balance; they wait for nobody.
  expect(h.platform.snapshot.unassigned).toEqual([]);
});

test('InMails found before setup become sends before setup, unless answered before setup or out of their window', async () => {
  const now = h.platform.clock;
  await detected(
    catchUp('2-open', now - 10 * DAY),
    catchUp('2-answered', now - 20 * DAY),
    reply('2-answered', now - 19 * DAY),
    catchUp('2-old', now - 95 * DAY),
  );
  await setUp();
  const rows = h.platform.snapshot.inmails;
  expect(rows.map((r) => [r.threadId, r.beforeSetup, r.status])).toEqual([['2-open', true, 'awaiting']]);
  expect(h.platform.snapshot.summary?.pendingRefunds.count).toBe(1);
  // Spent nothing here: the opening balance already counts it.
  expect(h.platform.badge?.text).toBe('120');
});

test('after setup, the inbox shows InMails from before it: kept when they can still come back, and a reply refunds one', async () => {
  await setUp();
  h.platform.clock += DAY;
  const now = h.platform.clock;
  await detected(
    catchUp('2-b', now - 30 * DAY),
    catchUp('2-c', now - 40 * DAY),
    reply('2-c', now - 35 * DAY),
  );
  expect(h.platform.snapshot.inmails.map((r) => r.threadId)).toEqual(['2-b']);
  // A reply later: the credit comes back into the lot rule 17 names. Opening 120 on Jan 15 filled
  // Jan 1 (50), Dec 1 (50) and Nov 1 (20); the send of Dec 17 could have come from Oct 1, Nov 1
  // or Dec 1: the oldest whose opening lot received credits is Nov 1, still live: +1.
  expect(h.platform.badge?.text).toBe('120');
  await detected(reply('2-b', now - 3_600_000));
  expect(h.platform.snapshot.inmails.find((r) => r.threadId === '2-b')?.status).toBe('refunded');
  expect(h.platform.badge?.text).toBe('121');
});

test('a reply from before setup seen on a later page voids the send before setup it answered', async () => {
  await setUp();
  h.platform.clock += DAY;
  const now = h.platform.clock;
  await detected(catchUp('2-d', now - 30 * DAY));
  expect(h.platform.snapshot.inmails).toHaveLength(1);
  await detected(reply('2-d', now - 2 * DAY));
  expect(h.platform.snapshot.inmails).toHaveLength(0);
  expect(h.platform.snapshot.summary?.pendingRefunds.count).toBe(0);
});

test('another account’s InMails found before setup keep waiting for the rep', async () => {
  const now = h.platform.clock;
  await detected(catchUp('2-x', now - 5 * DAY, 'sales:ACwAAOTHER'));
  await setUp({ account: 'sales:ACwAAAME0' });
  expect(h.platform.snapshot.inmails).toEqual([]);
  expect(h.platform.snapshot.unassigned.map((u) => u.account)).toEqual(['sales:ACwAAOTHER']);
});
