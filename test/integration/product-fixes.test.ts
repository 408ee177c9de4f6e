// Small paths where data was lost or refused (issue 12, items 12–14): the storage-problem
// message stays until a write went through, a renamed seat re-imports, and a time before the
// seat began is refused with a clear error.

// First: Dexie takes the IndexedDB it finds when it is first loaded.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { serviceEachTest } from './harness';

const h = serviceEachTest('fixes');
const { ok } = h;

const setUp = async () =>
  (
    await ok({
      type: 'setup-seat',
      label: 'Dana — Sales Navigator',
      plan: 'sales-navigator-core',
      timeZone: 'UTC',
      openingBalance: 150,
    })
  ).seat as string;

test('the storage problem stays until a write goes through: a refused command or a detection that wrote nothing does not clear it', async () => {
  const seat = await setUp();
  const send = {
    kind: 'send',
    pool: 'sales-navigator',
    surface: 'sales-navigator',
    id: 'u1',
    threadId: 't1',
    cost: 'paid',
    at: '2026-01-15T10:00:00.000Z',
  };
  await h.service.handleDetected({ type: 'detected', detections: [send] });
  const bulkAdd = h.db.events.bulkAdd.bind(h.db.events);
  const add = h.db.events.add.bind(h.db.events);
  const quota = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
  h.db.events.add = quota as unknown as typeof h.db.events.add;
  h.db.events.bulkAdd = quota as unknown as typeof h.db.events.bulkAdd;
  const refused = await h.service.handle({ type: 'log-send', seat, recipientName: 'Sam', cost: 'paid' });
  expect(refused.ok).toBe(false);
  expect(h.platform.snapshot.storageProblem).toMatch(/out of storage space/);
  // A command the rep got wrong writes nothing: the problem is still there.
  expect((await h.service.handle({ type: 'rename-seat', seat: 'nope', label: 'x' })).ok).toBe(false);
  expect(h.platform.snapshot.storageProblem).toMatch(/out of storage space/);
  // A read proves nothing either.
  await ok({ type: 'get-snapshot' });
  expect(h.platform.snapshot.storageProblem).toMatch(/out of storage space/);
  // A detection already recorded writes nothing: still there.
  expect(await h.service.handleDetected({ type: 'detected', detections: [send] })).toEqual({
    ok: true,
    acked: ['u1'],
  });
  expect(h.platform.snapshot.storageProblem).toMatch(/out of storage space/);
  // Space is back and a write goes through: now it clears.
  h.db.events.add = add;
  h.db.events.bulkAdd = bulkAdd;
  await ok({ type: 'log-send', seat, recipientName: 'Sam', cost: 'paid' });
  expect(h.platform.snapshot.storageProblem).toBeNull();
});

test('an export re-imports after the seat was renamed: a label is not part of a seat’s identity', async () => {
  const seat = await setUp();
  await ok({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
  const exported = (await ok({ type: 'export-ledger' })).file;
  await ok({ type: 'rename-seat', seat, label: 'Dana (EMEA)' });
  const reply = await ok({ type: 'import-ledger', text: JSON.stringify(exported) });
  expect(reply.imported).toEqual({ seats: 0, events: 0 });
  expect(h.platform.snapshot.seats[0]?.label).toBe('Dana (EMEA)');
  // Other terms are still a conflict.
  const other = {
    ...(exported as { seats: object[] }),
    seats: [{ ...(exported as { seats: object[] }).seats[0], plan: 'premium-career' }],
  };
  const conflict = await h.service.handle({ type: 'import-ledger', text: JSON.stringify(other) });
  expect(conflict).toMatchObject({ ok: false, error: expect.stringContaining('other terms') });
});

test('a logged send or reply dated before the seat began: only a paid InMail that can still come back is kept (as sent before setup); the rest is refused with a clear error', async () => {
  const seat = await setUp();
  const before = JSON.stringify(((await ok({ type: 'export-ledger' })).file as { events: unknown }).events);
  for (const [message, why] of [
    [
      { type: 'mark-replied', seat, threadId: 't', at: '2026-01-14T09:00:00.000Z' },
      /a reply before it was set up/,
    ],
    [
      {
        type: 'log-send',
        seat,
        recipientName: 'Sam',
        cost: 'free-connection',
        at: '2026-01-14T09:00:00.000Z',
      },
      /a free InMail before setup/,
    ],
    [
      { type: 'log-send', seat, recipientName: 'Sam', cost: 'paid', at: '2025-10-01T09:00:00.000Z' },
      /its refund window had closed/,
    ],
  ] as const) {
    const reply = await h.service.handle(message);
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^at: .* is before “Dana — Sales Navigator” was set up/),
    });
    expect(reply).toMatchObject({ error: expect.stringMatching(why) });
  }
  expect(JSON.stringify(((await ok({ type: 'export-ledger' })).file as { events: unknown }).events)).toBe(
    before,
  );
  // A paid InMail from last week is a send before setup: it spends nothing and may come back.
  await ok({ type: 'log-send', seat, recipientName: 'Sam', cost: 'paid', at: '2026-01-08T09:00:00.000Z' });
  expect(h.platform.snapshot.inmails[0]).toMatchObject({ beforeSetup: true, status: 'awaiting' });
  expect(h.platform.badge?.text).toBe('150');
});
