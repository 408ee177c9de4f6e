// One send, one event (DESIGN.md contract 1): the merge rules and times the background applies
// to what the pages detect, and the rep's one-click correction of a send whose cost was unknown.

// First: Dexie takes the IndexedDB it finds when it is first loaded.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { serviceEachTest } from './harness';

const h = serviceEachTest('merge');
const { ok } = h;

const seatOf = async (plan = 'sales-navigator-core', balance = 150) =>
  (await ok({ type: 'setup-seat', label: 'Dana', plan, timeZone: 'UTC', openingBalance: balance }))
    .seat as string;
const detected = (...detections: unknown[]) => h.service.handleDetected({ type: 'detected', detections });
const iso = (ms: number) => new Date(ms).toISOString();
const send = (id: string, threadId: string, at: number, extra: Record<string, unknown> = {}) => ({
  kind: 'send',
  pool: 'sales-navigator',
  surface: 'sales-navigator',
  id,
  threadId,
  cost: 'paid',
  at: iso(at),
  ...extra,
});
const reply = (id: string, threadId: string, at: number, pool?: string) => ({
  kind: 'response',
  ...(pool ? { pool } : {}),
  id,
  threadId,
  at: iso(at),
  responseKind: 'reply',
});
const sends = async () =>
  ((await ok({ type: 'export-ledger' })).file as { events: { type: string; id: string }[] }).events.filter(
    (e) => e.type === 'inmail-sent',
  );

test('a send held under its tracking id and its catch-up under the message URN are one send', async () => {
  await seatOf();
  h.platform.clock += 3_600_000;
  const sentAt = h.platform.clock - 60_000;
  await detected(send('tracking:12e9ff', '2-abc', sentAt, { costUnknown: true }));
  // The inbox shows the same InMail 40 s later under LinkedIn's id.
  await detected(
    send('urn:li:fs_salesMessage:(2-abc,2-m1)', '2-abc', sentAt + 40_000, { costUnknown: true }),
  );
  expect((await sends()).map((e) => e.id)).toEqual(['tracking:12e9ff']);
  expect(h.platform.badge?.text).toBe('149');
  // A follow-up in the same thread a day later is a send of its own.
  h.platform.clock += 86_400_000;
  await detected(send('urn:li:fs_salesMessage:(2-abc,2-m2)', '2-abc', sentAt + 86_400_000));
  expect(await sends()).toHaveLength(2);
});

test('a catch-up never turns a free send paid: the first record is kept whole', async () => {
  await seatOf();
  h.platform.clock += 600_000;
  const sentAt = h.platform.clock - 60_000;
  await detected(send('tracking:aa', '2-free', sentAt, { cost: 'free-connection' }));
  await detected(
    send('urn:li:fs_salesMessage:(2-free,2-x)', '2-free', sentAt + 5_000, { costUnknown: true }),
  );
  expect(await sends()).toMatchObject([{ id: 'tracking:aa', cost: 'free-connection' }]);
  expect(h.platform.badge?.text).toBe('150');
});

test('an event is dated when the page saw it, not when the background got it', async () => {
  await seatOf();
  const seenAt = h.platform.clock + 60_000;
  h.platform.clock += 3 * 86_400_000; // an outbox retry three days late
  await detected(send('urn:li:m:late', '2-late', seenAt));
  const row = h.platform.snapshot.inmails[0];
  expect(row?.sentAt).toBe(iso(seenAt));
});

test('a reading taken before a send is applied before it (no false drift)', async () => {
  await seatOf('sales-navigator-core', 120);
  h.platform.clock += 60_000;
  const t = h.platform.clock - 30_000;
  // The send reaches the background first, the earlier reading (120, before the send) after it.
  await detected(send('urn:li:m:1', '2-r', t + 1_000));
  await detected({
    kind: 'balance',
    pool: 'sales-navigator',
    id: 'obs:1',
    balance: 120,
    where: 'credits-api',
    at: iso(t),
  });
  await ok({ type: 'get-snapshot' });
  expect(h.platform.snapshot.summary?.observed?.drift).toBe(0);
  expect(h.platform.snapshot.summary?.available).toBe(119);
});

test('a reply with no known pool refunds the send of its thread', async () => {
  await seatOf('premium-business', 10);
  h.platform.clock += 7_200_000;
  const t = h.platform.clock - 3_600_000;
  await detected({ ...send('urn:li:msg_message:(x,2-p)', '2-p', t), pool: 'premium', surface: 'messaging' });
  expect(h.platform.badge?.text).toBe('9');
  await detected(reply('urn:li:msg_message:(x,2-q)', '2-p', t + 1_800_000));
  expect(h.platform.badge?.text).toBe('10');
});

test('a reply that came before its send waits for it, also when the rep assigns the send by hand', async () => {
  // Two Sales Navigator seats: a detected send waits for the rep to say which.
  const first = await seatOf();
  await seatOf();
  h.platform.clock += 3_600_000;
  const t = h.platform.clock - 600_000;
  await detected(send('urn:li:m:s', '2-w', t));
  await detected(reply('urn:li:m:r', '2-w', t + 60_000, 'sales-navigator'));
  const waiting = h.platform.snapshot.unassigned;
  expect(waiting.map((u) => u.key)).toEqual(['urn:li:m:s']);
  await ok({ type: 'assign-unassigned', key: 'urn:li:m:s', seat: first });
  await ok({ type: 'set-active-seat', seat: first });
  const row = h.platform.snapshot.inmails.find((r) => r.id === 'urn:li:m:s');
  expect(row?.status).toBe('refunded');
});

test('a reply held before its send is adopted when the send is assigned by hand', async () => {
  const first = await seatOf();
  await seatOf();
  h.platform.clock += 3_600_000;
  const t = h.platform.clock - 600_000;
  // The reply first: no send of that thread is known anywhere, so it is held out of sight.
  await detected(reply('urn:li:m:r2', '2-v', t + 60_000));
  await detected(send('urn:li:m:s2', '2-v', t));
  await ok({ type: 'assign-unassigned', key: 'urn:li:m:s2', seat: first });
  await ok({ type: 'set-active-seat', seat: first });
  expect(h.platform.snapshot.inmails.find((r) => r.id === 'urn:li:m:s2')?.status).toBe('refunded');
});

test('“it was free” voids the paid record and records the send free, once', async () => {
  const seat = await seatOf();
  h.platform.clock += 60_000;
  await detected(send('urn:li:m:u', '2-u', h.platform.clock, { costUnknown: true }));
  expect(h.platform.badge?.text).toBe('149');
  expect(h.platform.snapshot.inmails[0]).toMatchObject({ id: 'urn:li:m:u', costUnknown: true });
  await ok({ type: 'correct-cost', seat, target: 'urn:li:m:u', cost: 'free-connection' });
  expect(h.platform.badge?.text).toBe('150');
  expect(h.platform.snapshot.inmails.map((r) => [r.id, r.cost])).toEqual([
    ['corrected:urn:li:m:u', 'free-connection'],
  ]);
  const again = await h.service.handle({
    type: 'correct-cost',
    seat,
    target: 'urn:li:m:u',
    cost: 'free-connection',
  });
  expect(again.ok).toBe(false);
  // The inbox's catch-up of the same send afterwards adds nothing.
  await detected(
    send('urn:li:fs_salesMessage:(2-u,2-z)', '2-u', h.platform.clock + 30_000, { costUnknown: true }),
  );
  expect(h.platform.badge?.text).toBe('150');
});

test('a send whose answer named no thread moves to its thread when the inbox shows it: its reply refunds it', async () => {
  await seatOf();
  h.platform.clock += 3_600_000;
  const sentAt = h.platform.clock - 120_000;
  // The createMessage answer gave neither message id nor thread: the thread is the send's own id.
  await detected(
    send('tracking:1f80', 'tracking:1f80', sentAt, { cost: 'paid', recipient: { name: 'Zoe Zed' } }),
  );
  expect(h.platform.badge?.text).toBe('149');
  await detected(
    send('urn:li:fs_salesMessage:(2-zoe,2-m)', '2-zoe', sentAt + 30_000, {
      costUnknown: true,
      recipient: { name: 'Zoe Zed' },
    }),
    reply('urn:li:fs_salesMessage:(2-zoe,2-r)', '2-zoe', sentAt + 60_000, 'sales-navigator'),
  );
  expect(h.platform.badge?.text).toBe('150');
  const rows = h.platform.snapshot.inmails;
  expect(rows.map((r) => [r.id, r.threadId, r.sentAt, r.status, r.costUnknown ?? false])).toEqual([
    ['urn:li:fs_salesMessage:(2-zoe,2-m)', '2-zoe', iso(sentAt), 'refunded', false],
  ]);
  // Someone else, the same minute, is another send.
  await detected(
    send('urn:li:fs_salesMessage:(2-ana,2-m)', '2-ana', sentAt + 40_000, { recipient: { name: 'Ana Ruiz' } }),
  );
  expect(h.platform.snapshot.inmails).toHaveLength(2);
});
