// The popup's forgiving flows at the background: "Replied" taken back voids only the responses
// that answered that InMail; a removed entry comes back with "Undo", once.
// First: Dexie takes the IndexedDB it finds when it is first loaded.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { LedgerService } from '../../src/background/ledger-service';
import type { LedgerEvent } from '../../src/ledger/events';
import { serviceEachTest } from './harness';

const h = serviceEachTest('popup-undo');
const { ok } = h;

/** A Sales Navigator seat of 10 credits. */
async function openSeat() {
  return (
    await ok({
      type: 'setup-seat',
      label: 'SN',
      plan: 'sales-navigator-core',
      timeZone: 'UTC',
      openingBalance: 10,
    })
  ).seat as string;
}

async function seatWithSend() {
  const seat = await openSeat();
  const sent = await ok({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
  return { seat, send: sent.event as string };
}

test('taking back "Replied" keeps the InMail and makes it await again', async () => {
  const { seat, send } = await seatWithSend();
  const threadId = h.platform.snapshot.inmails[0]?.threadId;
  await ok({ type: 'mark-replied', seat, threadId });
  expect(h.platform.snapshot.inmails[0]?.status).toBe('refunded');
  expect(h.platform.badge?.text).toBe('10');
  await ok({ type: 'unmark-replied', seat, send });
  expect(h.platform.snapshot.inmails).toHaveLength(1);
  expect(h.platform.snapshot.inmails[0]?.status).toBe('awaiting');
  expect(h.platform.badge?.text).toBe('9');
  // Nothing left to take back: a clear error, nothing written.
  const before = await h.db.events.count();
  expect(await h.service.handle({ type: 'unmark-replied', seat, send })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/no reply/),
  });
  expect(await h.db.events.count()).toBe(before);
});

test('in a thread with a follow-up, taking back the first InMail’s reply leaves the follow-up’s', async () => {
  const seat = await openSeat();
  const thread = '2-abc';
  const at = (h: number) => new Date(Date.parse('2026-01-15T10:00:00Z') + h * 3_600_000).toISOString();
  // As detection would record them (written here directly; a new service reads them afresh).
  await h.db.events.bulkAdd(
    [
      { id: 'first', type: 'inmail-sent', at: at(1), threadId: thread, cost: 'paid' },
      { id: 'first-reply', type: 'reply-received', at: at(2), threadId: thread, kind: 'reply' },
      { id: 'follow-up', type: 'inmail-sent', at: at(3), threadId: thread, cost: 'paid' },
      { id: 'second-reply', type: 'reply-received', at: at(4), threadId: thread, kind: 'reply' },
    ].map((e) => ({ ...e, seat }) as LedgerEvent),
  );
  h.platform.clock = Date.parse(at(5));
  h.service = new LedgerService(h.db, h.platform);
  await h.service.refresh();
  const status = (id: string) => h.platform.snapshot.inmails.find((r) => r.id === id)?.status;
  expect([status('first'), status('follow-up')]).toEqual(['refunded', 'refunded']);
  await ok({ type: 'unmark-replied', seat, send: 'first' });
  // Only the reply that came before the follow-up is taken back; the follow-up's own stays (it
  // still answers the first InMail too: a response answers every earlier InMail awaiting one,
  // rule 9).
  const file = (await h.service.handle({ type: 'export-ledger' })) as { file?: { events: LedgerEvent[] } };
  const voided = file.file?.events.flatMap((e) => (e.type === 'voided' ? [e.target] : []));
  expect(voided).toEqual(['first-reply']);
  expect(status('follow-up')).toBe('refunded');
});

test('a removed InMail comes back with Undo, once', async () => {
  const { seat, send } = await seatWithSend();
  const removed = await ok({ type: 'void-event', seat, target: send });
  expect(h.platform.snapshot.inmails).toHaveLength(0);
  expect(h.platform.badge?.text).toBe('10');
  await ok({ type: 'restore-event', seat, void: removed.event });
  await ok({ type: 'restore-event', seat, void: removed.event });
  expect(h.platform.snapshot.inmails).toHaveLength(1);
  expect(h.platform.snapshot.inmails[0]).toMatchObject({
    status: 'awaiting',
    recipient: { name: 'Sam Lee' },
  });
  expect(h.platform.badge?.text).toBe('9');
  // Only a removal can be restored.
  expect(await h.service.handle({ type: 'restore-event', seat, void: send })).toMatchObject({ ok: false });
});
