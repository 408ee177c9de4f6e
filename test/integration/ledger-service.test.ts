// First: Dexie takes the IndexedDB it finds when it is first loaded.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { BADGE_COLORS } from '../../src/background/badge';
import { LedgerService } from '../../src/background/ledger-service';
import { parseLedgerFile } from '../../src/ledger/ledger-file';
import { summarize } from '../../src/ledger/summarize';
import { LedgerDb } from '../../src/store/db';
import { good, MALFORMED } from '../fixtures/ledger/malformed';
import { serviceEachTest } from './harness';

const h = serviceEachTest('test');
const { ok } = h;

async function setupSalesNavigator(balance = 150) {
  const reply = await ok({
    type: 'setup-seat',
    label: 'Dana — Sales Navigator',
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: balance,
  });
  return reply.seat as string;
}

describe('ingest', () => {
  test('onboarding with an opening balance publishes the summary and the badge', async () => {
    const seat = await setupSalesNavigator(150);
    expect(h.platform.snapshot.activeSeat).toBe(seat);
    expect(h.platform.snapshot.summary?.available).toBe(150);
    expect(h.platform.badge?.text).toBe('150');
    expect(h.platform.badge?.title).toMatch(/^150 InMail credits · 50 expire Jan 30/);
  });

  test('a logged send costs a credit, marking it replied brings it back', async () => {
    const seat = await setupSalesNavigator(150);
    const sent = await ok({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
    expect(h.platform.badge?.text).toBe('149');
    const row = h.platform.snapshot.inmails[0];
    expect(row).toMatchObject({ id: sent.event, status: 'awaiting', recipient: { name: 'Sam Lee' } });
    h.platform.clock += 3_600_000;
    await ok({ type: 'mark-replied', seat, threadId: row?.threadId });
    expect(h.platform.badge?.text).toBe('150');
    expect(h.platform.snapshot.inmails[0]?.status).toBe('refunded');
  });

  test('a free send changes nothing but the statistics', async () => {
    const seat = await setupSalesNavigator(150);
    await ok({ type: 'log-send', seat, recipientName: 'Open Olivia', cost: 'free-open-profile' });
    expect(h.platform.badge?.text).toBe('150');
    expect(h.platform.snapshot.summary?.stats.freeSent).toBe(1);
    expect(h.platform.snapshot.inmails[0]?.status).toBe('free');
  });

  test('undo of a wrong entry voids it', async () => {
    const seat = await setupSalesNavigator(10);
    const sent = await ok({ type: 'log-send', seat, recipientName: 'Oops', cost: 'paid' });
    expect(h.platform.badge?.text).toBe('9');
    await ok({ type: 'void-event', seat, target: sent.event });
    expect(h.platform.badge?.text).toBe('10');
    expect(h.platform.snapshot.inmails).toHaveLength(0);
  });

  test('a bad message gets an error naming the field and writes nothing', async () => {
    const seat = await setupSalesNavigator(10);
    const before = await h.db.events.count();
    const reply = await h.service.handle({ type: 'log-send', seat, recipientName: 'X', cost: 'cheap' });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^cost: /) });
    expect(await h.service.handle({ type: 'drop-tables' })).toMatchObject({ ok: false });
    expect(await h.service.handle(null)).toMatchObject({ ok: false });
    expect(await h.db.events.count()).toBe(before);
    // Each refusal is counted in detection health, with the last reason.
    expect((await h.service.refresh()).droppedMessages).toBe(3);
    expect(await h.db.meta.get('health:dropped')).toMatchObject({
      value: { count: 3, lastReason: 'message: Invalid type: Expected Object but received null' },
    });
  });

  test('the same event twice is recorded once; other content under its id is refused', async () => {
    const file = {
      format: 'inmail-ledger',
      version: 1,
      seats: [{ id: 's1', label: 'One', plan: 'premium-business', since: '2026-01-01T00:00:00Z' }],
      events: [
        {
          id: 'e1',
          seat: 's1',
          type: 'inmail-sent',
          at: '2026-01-02T00:00:00Z',
          threadId: 't',
          cost: 'paid',
        },
      ],
    };
    await ok({ type: 'import-ledger', text: JSON.stringify(file) });
    await ok({ type: 'import-ledger', text: JSON.stringify(file) });
    expect(await h.db.events.count()).toBe(1);
    const changed = structuredClone(file);
    (changed.events[0] as { cost: string }).cost = 'free-connection';
    const reply = await h.service.handle({ type: 'import-ledger', text: JSON.stringify(changed) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("'e1'") });
    expect(await h.db.events.count()).toBe(1);
  });

  test('a malformed import says where and changes nothing', async () => {
    await setupSalesNavigator(10);
    const before = JSON.stringify((await ok({ type: 'export-ledger' })).file);
    const reply = await h.service.handle({
      type: 'import-ledger',
      text: '{"format":"inmail-ledger","version":1,"seats":[],"events":[{"id":"x"}]}',
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^events\[0\]/) });
    expect(JSON.stringify((await ok({ type: 'export-ledger' })).file)).toBe(before);
  });

  test(`each of the ${MALFORMED.length} malformed files: refused with its JSON path, the export before and after identical`, async () => {
    const seat = await setupSalesNavigator(10);
    await ok({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
    const before = JSON.stringify((await ok({ type: 'export-ledger' })).file);
    for (const [what, breakIt, path] of MALFORMED) {
      const f = good();
      const text = JSON.stringify(breakIt(f) ?? f);
      const reply = await h.service.handle({ type: 'import-ledger', text });
      expect(reply, what).toMatchObject({ ok: false, error: expect.stringContaining(`${path}: `) });
      expect(JSON.stringify((await ok({ type: 'export-ledger' })).file), what).toBe(before);
    }
    // The good file itself goes in, so each refusal above was the one broken field.
    expect(await h.service.handle({ type: 'import-ledger', text: JSON.stringify(good()) })).toMatchObject({
      ok: true,
    });
  });

  test('export then import into a fresh database gives the same figures as summarize', async () => {
    const seat = await setupSalesNavigator(120);
    await ok({ type: 'log-send', seat, recipientName: 'A', cost: 'paid' });
    await ok({ type: 'log-send', seat, recipientName: 'B', cost: 'paid' });
    const exported = (await ok({ type: 'export-ledger' })).file;
    const text = JSON.stringify(exported);

    const other = new LedgerService(new LedgerDb(`${h.db.name}-fresh`), h.platform);
    const reply = await other.handle({ type: 'import-ledger', text });
    expect(reply.ok).toBe(true);
    const file = parseLedgerFile(text);
    const expected = summarize(file.seats[0]!, file.events, h.platform.clock);
    expect(h.platform.snapshot.summary?.available).toBe(expected.available);
    expect(h.platform.snapshot.summary?.lots).toEqual(expected.lots);
    expect(h.platform.badge?.text).toBe(String(expected.available));
  });

  test("adopting LinkedIn's number records an adjustment of the drift", async () => {
    const file = {
      format: 'inmail-ledger',
      version: 1,
      seats: [{ id: 's1', label: 'One', plan: 'sales-navigator-core', since: '2026-01-01T00:00:00Z' }],
      events: [{ id: 'o', seat: 's1', type: 'observed-balance', at: '2026-01-10T00:00:00Z', balance: 47 }],
    };
    await ok({ type: 'import-ledger', text: JSON.stringify(file) });
    expect(h.platform.snapshot.summary?.observed?.drift).toBe(-3);
    await ok({ type: 'adopt-observed', seat: 's1' });
    expect(h.platform.snapshot.summary?.available).toBe(47);
    expect(h.platform.snapshot.summary?.observed?.drift).toBe(0);
    expect(await h.service.handle({ type: 'adopt-observed', seat: 's1' })).toMatchObject({ ok: false });
  });

  test('a plan change previews and then forfeits the live credits', async () => {
    const seat = await setupSalesNavigator(80);
    h.platform.clock += 60_000;
    expect(await h.service.handle({ type: 'preview-plan-change', seat, plan: 'none' })).toMatchObject({
      ok: true,
      forfeits: 80,
    });
    await ok({ type: 'change-plan', seat, plan: 'none' });
    expect(h.platform.snapshot.summary?.available).toBe(0);
    expect(h.platform.snapshot.summary?.stats.forfeited).toBe(80);
    expect(h.platform.snapshot.summary?.nextGrant).toBeNull();
  });

  test('seats: add, rename, switch, remove; the first seat becomes active', async () => {
    const first = await setupSalesNavigator(10);
    const second = (
      await ok({
        type: 'setup-seat',
        label: 'Premium',
        plan: 'premium-business',
        timeZone: 'Europe/Berlin',
        grantDay: 9,
        openingBalance: 3,
      })
    ).seat as string;
    expect(h.platform.snapshot.activeSeat).toBe(first);
    await ok({ type: 'set-active-seat', seat: second });
    expect(h.platform.badge?.text).toBe('3');
    await ok({ type: 'rename-seat', seat: second, label: 'Premium Business' });
    expect(h.platform.snapshot.seats.map((s) => s.label)).toEqual([
      'Dana — Sales Navigator',
      'Premium Business',
    ]);
    await ok({ type: 'remove-seat', seat: second });
    expect(h.platform.snapshot.activeSeat).toBe(first);
    expect(await h.db.events.where('seat').equals(second).count()).toBe(0);
  });

  test('a service over the same database after a restart sees everything, counted once', async () => {
    const seat = await setupSalesNavigator(50);
    await ok({ type: 'log-send', seat, recipientName: 'A', cost: 'paid' });
    const restarted = new LedgerService(h.db, h.platform);
    const snapshot = await restarted.refresh();
    expect(snapshot.summary?.available).toBe(49);
    expect(snapshot.summary?.stats.paidSent).toBe(1);
  });
});

describe('badge, alarms and notifications', () => {
  test('badge turns amber within the threshold and red within two days of an expiry', async () => {
    await setupSalesNavigator(150);
    // Opening on Jan 15: lots of Nov 1, Dec 1, Jan 1; Nov 1's expires Jan 30.
    expect(h.platform.badge?.color).toBe(BADGE_COLORS.neutral);
    h.platform.clock = Date.parse('2026-01-24T12:00:00Z');
    await h.service.refresh();
    expect(h.platform.badge?.color).toBe(BADGE_COLORS.amber);
    h.platform.clock = Date.parse('2026-01-28T12:00:00Z');
    await h.service.refresh();
    expect(h.platform.badge?.color).toBe(BADGE_COLORS.red);
  });

  test('the alarm is armed at the next instant that matters', async () => {
    await setupSalesNavigator(150);
    // Next: the 7-day threshold of the lot expiring Jan 30 → Jan 23 00:00.
    expect(h.platform.alarm).toBe(Date.parse('2026-01-23T00:00:00Z'));
  });

  test('one digest per seat per day; each threshold once; held items come the next day', async () => {
    await setupSalesNavigator(150);
    h.platform.clock = Date.parse('2026-01-23T00:00:00Z');
    await h.service.refresh();
    expect(h.platform.notifications.map((n) => n.message)).toEqual(['50 credits expire Jan 30 · in 7 days']);
    await h.service.refresh();
    expect(h.platform.notifications).toHaveLength(1);
    // The 2-day threshold: Jan 28.
    h.platform.clock = Date.parse('2026-01-28T00:00:00Z');
    await h.service.refresh();
    expect(h.platform.notifications.at(-1)?.message).toBe('50 credits expire Jan 30 · in 2 days');
    expect(h.platform.notifications).toHaveLength(2);
    await h.service.refresh();
    expect(h.platform.notifications).toHaveLength(2);
  });
});

describe('detections', () => {
  const detected = (...detections: unknown[]) => h.service.handleDetected({ type: 'detected', detections });
  const send = (id: string, threadId: string, name: string, pool = 'sales-navigator') => ({
    kind: 'send',
    pool,
    surface: 'sales-navigator',
    id,
    threadId,
    cost: 'paid',
    recipient: { name },
  });

  test('a detected send merges with the manual log of it: one credit, the log voided once', async () => {
    const seat = await setupSalesNavigator(150);
    await ok({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
    expect(h.platform.badge?.text).toBe('149');
    h.platform.clock += 600_000;
    expect(await detected(send('urn:li:msg:1', '2-abc', 'Sam Lee'))).toEqual({
      ok: true,
      acked: ['urn:li:msg:1'],
    });
    expect(await detected(send('urn:li:msg:1', '2-abc', 'Sam Lee'))).toEqual({
      ok: true,
      acked: ['urn:li:msg:1'],
    });
    expect(h.platform.badge?.text).toBe('149');
    expect(h.platform.snapshot.inmails.map((r) => r.id)).toEqual(['urn:li:msg:1']);
    // Another person the same day is another send.
    await detected(send('urn:li:msg:2', '2-def', 'Ana Ruiz'));
    expect(h.platform.badge?.text).toBe('148');
    const exported = (await ok({ type: 'export-ledger' })).file as { events: { type: string }[] };
    expect(exported.events.filter((e) => e.type === 'voided')).toHaveLength(1);
  });

  test('a response goes to the seat that sent into its thread; in no thread of ours yet it waits, out of sight, for its send', async () => {
    const seat = await setupSalesNavigator(150);
    await detected(send('urn:li:msg:1', '2-abc', 'Sam Lee'));
    expect(h.platform.badge?.text).toBe('149');
    h.platform.clock += 3_600_000;
    const reply = (id: string, threadId: string, pool: string) => ({
      kind: 'response',
      pool,
      id,
      threadId,
      at: new Date(h.platform.clock).toISOString(),
      responseKind: 'reply',
    });
    // Seen in LinkedIn messaging, which files it as a Premium thread: still Sales Navigator's send.
    expect(await detected(reply('r-1', '2-abc', 'premium'), reply('r-2', '2-zzz', 'premium'))).toEqual({
      ok: true,
      acked: ['r-1', 'r-2'],
    });
    expect(h.platform.badge?.text).toBe('150');
    expect(h.platform.snapshot.unassigned).toEqual([]);
    const exported = (await ok({ type: 'export-ledger' })).file as { events: { id: string; seat: string }[] };
    expect(exported.events.map((e) => e.id)).not.toContain('r-2');
    expect(exported.events.find((e) => e.id === 'r-1')?.seat).toBe(seat);
    // The send of that thread arrives later (another tab, a later page): the held reply counts.
    await detected(send('urn:li:msg:9', '2-zzz', 'Ana Ruiz'));
    expect(h.platform.badge?.text).toBe('150');
    expect(h.platform.snapshot.inmails.find((r) => r.id === 'urn:li:msg:9')?.status).toBe('refunded');
  });

  test('the account first seen on the pool’s pages is remembered; another account’s sends wait for the rep', async () => {
    await setupSalesNavigator(150);
    const as = (account: string, id: string) => ({ ...send(id, `t-${id}`, 'Sam Lee'), account });
    await detected(as('sales:ACwAAAME0', 'urn:li:msg:1'));
    expect(h.platform.badge?.text).toBe('149');
    // Seen in LinkedIn messaging: another kind of account id, which cannot be compared.
    await detected(as('member:ACoAAME0001', 'urn:li:msg:2'));
    expect(h.platform.badge?.text).toBe('148');
    // A colleague signed in to Sales Navigator on this browser.
    await detected(as('sales:ACwAAOTHER', 'urn:li:msg:3'));
    expect(h.platform.badge?.text).toBe('148');
    expect(h.platform.snapshot.unassigned).toMatchObject([
      { key: 'urn:li:msg:3', account: 'sales:ACwAAOTHER', recipient: 'Sam Lee' },
    ]);
  });
});

describe('storage trouble', () => {
  test('a write the browser refuses (quota) is reported, writes nothing, and clears once a retry goes through', async () => {
    const seat = await setupSalesNavigator(150);
    const before = JSON.stringify((await ok({ type: 'export-ledger' })).file);
    const quota = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const add = h.db.events.add.bind(h.db.events);
    const bulkAdd = h.db.events.bulkAdd.bind(h.db.events);
    h.db.events.add = quota as unknown as typeof h.db.events.add;
    h.db.events.bulkAdd = quota as unknown as typeof h.db.events.bulkAdd;
    const message = {
      type: 'detected',
      detections: [
        {
          kind: 'send',
          pool: 'sales-navigator',
          surface: 'sales-navigator',
          id: 'u1',
          threadId: 't1',
          cost: 'paid',
        },
      ],
    };
    const refused = await h.service.handleDetected(message);
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('out of storage space') });
    expect(h.platform.snapshot.storageProblem).toMatch(/out of storage space.*retried/);
    const logged = await h.service.handle({ type: 'log-send', seat, recipientName: 'Sam', cost: 'paid' });
    expect(logged.ok).toBe(false);
    expect(JSON.stringify((await ok({ type: 'export-ledger' })).file)).toBe(before);
    expect(h.platform.badge?.text).toBe('150');
    // Space is back: the page's retry goes through, counted once, and the problem is gone.
    h.db.events.add = add;
    h.db.events.bulkAdd = bulkAdd;
    expect(await h.service.handleDetected(message)).toEqual({ ok: true, acked: ['u1'] });
    expect(h.platform.snapshot.storageProblem).toBeNull();
    expect(h.platform.badge?.text).toBe('149');
  });

  test('a database deleted outside the extension is said, across workers, until seats exist again', async () => {
    const seat = await setupSalesNavigator(150);
    const exported = JSON.stringify((await ok({ type: 'export-ledger' })).file);
    await new Promise<void>((done, fail) => {
      const request = indexedDB.deleteDatabase(h.db.name);
      request.onsuccess = () => done();
      request.onerror = () => fail(request.error);
    });
    await h.service.refresh();
    expect(h.platform.snapshot.seats).toEqual([]);
    expect(h.platform.snapshot.storageProblem).toMatch(
      /^The ledger's database was deleted outside InMail Ledger/,
    );
    const lostAt = h.platform.snapshot.ledgerLostAt;
    expect(lostAt).toBe('2026-01-15T10:00:00.000Z');
    // A new worker still says so, with the first moment it was noticed.
    h.platform.clock += 60_000;
    h.service = new LedgerService(h.db, h.platform);
    await h.service.refresh();
    expect(h.platform.snapshot.ledgerLostAt).toBe(lostAt);
    // Restoring the export brings the seat back and ends the warning.
    await ok({ type: 'import-ledger', text: exported });
    expect(h.platform.snapshot.activeSeat).toBe(seat);
    expect(h.platform.snapshot.storageProblem).toBeNull();
    expect(h.platform.snapshot.ledgerLostAt).toBeNull();
  });

  test('emptying the ledger on purpose is not mistaken for a deleted database', async () => {
    const seat = await setupSalesNavigator(150);
    await ok({ type: 'remove-seat', seat });
    expect(h.platform.snapshot.storageProblem).toBeNull();
    await setupSalesNavigator(10);
    await ok({ type: 'delete-all' });
    await h.service.refresh();
    expect(h.platform.snapshot.seats).toEqual([]);
    expect(h.platform.snapshot.storageProblem).toBeNull();
  });
});
