// A new install opens the options page, where setup starts; an update does not, nor does a
// test build (the e2e harness opens the pages each test needs).

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { opensOptionsOnInstall, startBackground } from '../../../src/background/main';
import { DB_NAME } from '../../../src/store/db';

/** An event the fake browser does not implement (the background listens to it). */
function fakeEvent() {
  return { addListener: () => {} };
}

const openOptionsPage = vi.fn(async () => {});

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, {
    onMessageExternal: fakeEvent(),
    onConnectExternal: fakeEvent(),
    openOptionsPage,
  });
  openOptionsPage.mockClear();
  await Dexie.delete(DB_NAME);
});

test('installed: the options page opens once; updated: it does not', async () => {
  startBackground();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
  expect(openOptionsPage).not.toHaveBeenCalled();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  expect(openOptionsPage).toHaveBeenCalledTimes(1);
});

test('only a new install of a build that is not the e2e one', () => {
  expect(opensOptionsOnInstall('install', 'production')).toBe(true);
  expect(opensOptionsOnInstall('install', 'development')).toBe(true);
  expect(opensOptionsOnInstall('install', 'e2e')).toBe(false);
  expect(opensOptionsOnInstall('update', 'production')).toBe(false);
  expect(opensOptionsOnInstall('chrome_update', 'production')).toBe(false);
});
