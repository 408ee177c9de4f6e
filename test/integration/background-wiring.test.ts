import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/main';
import { SALES_NAVIGATOR_HOME } from '../../src/linkedin/urls';
import { SNAPSHOT_KEY, type Snapshot } from '../../src/messages/snapshot';
import { DB_NAME } from '../../src/store/db';

const fromPopup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

/** Delivers a message as Chrome would and waits for the listener's response. */
async function deliver(message: unknown, sender: object): Promise<unknown> {
  let respond: (value: unknown) => void = () => {};
  const response = new Promise((resolve) => {
    respond = resolve;
  });
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender, respond);
  return results.some((r) => (r as unknown) === true) ? response : undefined;
}

/** An event the fake browser does not implement: listeners kept, triggered by the test. */
function fakeEvent() {
  const listeners: ((...args: unknown[]) => unknown)[] = [];
  return {
    addListener: (l: (...args: unknown[]) => unknown) => void listeners.push(l),
    trigger: (...args: unknown[]) => listeners.map((l) => l(...args)),
  };
}
const external = { message: fakeEvent(), connect: fakeEvent() };
Object.assign(fakeBrowser.runtime, {
  onMessageExternal: external.message,
  onConnectExternal: external.connect,
});

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(external, { message: fakeEvent(), connect: fakeEvent() });
  Object.assign(fakeBrowser.runtime, {
    onMessageExternal: external.message,
    onConnectExternal: external.connect,
  });
  await Dexie.delete(DB_NAME);
});

describe('background wiring (fake browser)', () => {
  test('a command from the popup is written, published to storage and shown on the badge', async () => {
    startBackground();
    const reply = (await deliver(
      { type: 'setup-seat', label: 'SN', plan: 'sales-navigator-core', timeZone: 'UTC', openingBalance: 42 },
      fromPopup(),
    )) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('42');
    const stored = (await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as Snapshot;
    expect(stored.summary?.available).toBe(42);
    expect(await fakeBrowser.alarms.get('next')).toBeDefined();
  });

  test('a command from a LinkedIn page or another extension is refused and counted; nothing is written', async () => {
    startBackground();
    const setup = { type: 'setup-seat', label: 'SN', plan: 'sales-navigator-core', timeZone: 'UTC' };
    const linkedin = {
      id: fakeBrowser.runtime.id,
      url: 'https://www.linkedin.com/sales/home',
      tab: { id: 1 },
    };
    expect(await deliver(setup, linkedin)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^type: /),
    });
    expect(
      await deliver(setup, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }),
    ).toBeUndefined();
    const refused = await new Promise((respond) =>
      external.message.trigger(setup, { id: 'another-extension' }, respond),
    );
    expect(refused).toEqual({
      ok: false,
      error: 'InMail Ledger takes no messages from another extension (another-extension)',
    });
    const reply = (await deliver({ type: 'get-snapshot' }, fromPopup())) as { snapshot: Snapshot };
    expect(reply.snapshot.seats).toEqual([]);
    expect(reply.snapshot.droppedMessages).toBe(2);
  });

  test('a detection from a LinkedIn page goes to the one seat of its pool, once', async () => {
    startBackground();
    await deliver(
      { type: 'setup-seat', label: 'SN', plan: 'sales-navigator-core', timeZone: 'UTC', openingBalance: 30 },
      fromPopup(),
    );
    const linkedin = {
      id: fakeBrowser.runtime.id,
      url: 'https://www.linkedin.com/sales/lead/x',
      tab: { id: 1 },
    };
    const send = {
      kind: 'send',
      pool: 'sales-navigator',
      surface: 'sales-navigator',
      id: 'urn:li:msg:1',
      threadId: '2-a',
      cost: 'paid',
    };
    expect(await deliver({ type: 'detected', detections: [send] }, linkedin)).toEqual({
      ok: true,
      acked: ['urn:li:msg:1'],
    });
    // The same send again (another tab, a retry) changes nothing.
    expect(
      await deliver({ type: 'detected', detections: [{ ...send, cost: 'free-connection' }] }, linkedin),
    ).toMatchObject({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('29');
    const premium = { kind: 'balance', pool: 'premium', id: 'obs:1', balance: 4, where: 'compose' };
    await deliver({ type: 'detected', detections: [premium] }, linkedin);
    const reply = (await deliver({ type: 'get-snapshot' }, fromPopup())) as { snapshot: Snapshot };
    // A Premium reading with no Premium seat waits for the user; it is not this seat's.
    expect(reply.snapshot.summary?.observed?.balance).toBe(30);
  });

  test('install arms the daily safety alarm; an alarm recomputes; a notification click opens Sales Navigator', async () => {
    startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(await fakeBrowser.alarms.get('daily')).toMatchObject({ periodInMinutes: 1440 });
    await deliver(
      { type: 'setup-seat', label: 'SN', plan: 'sales-navigator-core', timeZone: 'UTC', openingBalance: 5 },
      fromPopup(),
    );
    await fakeBrowser.storage.local.remove(SNAPSHOT_KEY);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'next',
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    } as never);
    await expect
      .poll(async () => (await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY])
      .toMatchObject({ summary: { available: 5 } });
    await fakeBrowser.notifications.onClicked.trigger('digest:x');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(SALES_NAVIGATOR_HOME);
  });
});
