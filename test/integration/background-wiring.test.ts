import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SALES_NAVIGATOR_HOME, startBackground } from '../../src/background/main';
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

beforeEach(async () => {
  fakeBrowser.reset();
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

  test('a message from a web page or another extension is ignored and writes nothing', async () => {
    startBackground();
    const setup = { type: 'setup-seat', label: 'SN', plan: 'sales-navigator-core', timeZone: 'UTC' };
    expect(
      await deliver(setup, {
        id: fakeBrowser.runtime.id,
        url: 'https://www.linkedin.com/sales/home',
        tab: { id: 1 },
      }),
    ).toBeUndefined();
    expect(
      await deliver(setup, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }),
    ).toBeUndefined();
    const reply = (await deliver({ type: 'get-snapshot' }, fromPopup())) as { snapshot: Snapshot };
    expect(reply.snapshot.seats).toEqual([]);
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
