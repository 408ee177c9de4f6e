// Wires the ledger service to the browser's events. Listeners are registered
// synchronously, so a worker woken by any of them hears it.

import { browser } from 'wxt/browser';
import { isOpenPopup } from '../linkedin/open-popup';
import { LINKEDIN_ORIGIN, SALES_NAVIGATOR_HOME } from '../linkedin/urls';
import { LedgerDb } from '../store/db';
import { browserPlatform, DAILY_ALARM } from './browser-platform';
import { LedgerService } from './ledger-service';

export interface Hooks {
  /** Resolves before the first refresh (test builds restore their clock here). */
  ready?: Promise<void>;
  /** Handles test-only messages; returns undefined for any other message. */
  testMessage?: (message: unknown, service: LedgerService) => Promise<unknown> | undefined;
  onNotify?: (id: string, message: string) => Promise<void>;
}

export function startBackground(hooks: Hooks = {}): LedgerService {
  const db = new LedgerDb();
  const service = new LedgerService(db, browserPlatform(hooks.onNotify));
  const ready = hooks.ready ?? Promise.resolve();
  const refresh = () =>
    ready.then(() => service.refresh()).catch((error) => console.error('refresh failed', error));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only the extension's own pages command the ledger; content scripts only report.
    if (sender.id !== browser.runtime.id) return undefined;
    let reply: Promise<unknown>;
    if (sender.url?.startsWith(browser.runtime.getURL('/'))) {
      reply = hooks.testMessage?.(message, service) ?? ready.then(() => service.handle(message));
    } else if (sender.tab && sender.url?.startsWith(LINKEDIN_ORIGIN) && isOpenPopup(message)) {
      // Our mark on a chip was clicked: the popup is the detail behind it.
      reply = openPopup();
    } else if (sender.tab && sender.url?.startsWith(LINKEDIN_ORIGIN)) {
      // Our content script on a LinkedIn page: detections only, validated like any page input.
      reply = ready.then(() => service.handleDetected(message));
    } else {
      reply = ready.then(() => service.refuse(`a script at ${sender.url ?? 'an unknown address'}`));
    }
    // sendResponse + true: the form every browser (and the polyfill) understands.
    void reply.then(sendResponse);
    return true;
  });
  // Other extensions can message any extension by id: each is refused and counted in health.
  browser.runtime.onMessageExternal.addListener((_message, sender, sendResponse) => {
    void ready.then(() => service.refuse(`another extension (${sender.id ?? 'unknown'})`)).then(sendResponse);
    return true;
  });
  browser.runtime.onConnectExternal.addListener((port) => port.disconnect());
  browser.alarms.onAlarm.addListener(() => {
    void refresh();
  });
  browser.runtime.onInstalled.addListener((details) => {
    void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
    // Ask the browser not to evict the ledger under storage pressure.
    void globalThis.navigator?.storage?.persist?.();
    if (opensOptionsOnInstall(details.reason, import.meta.env.MODE)) openOptionsPage();
  });
  browser.runtime.onStartup.addListener(() => {
    void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.notifications.onClicked.addListener((id) => {
    void browser.tabs.create({ url: SALES_NAVIGATOR_HOME });
    void browser.notifications.clear(id);
  });
  // A woken worker brings the badge and snapshot up to date with the clock.
  void refresh();
  return service;
}

/** Opening the page is a courtesy: when the browser cannot (no window to open it in), nothing else depends on it. */
function openOptionsPage(): void {
  try {
    browser.runtime.openOptionsPage().catch((error) => console.warn('options page not opened', error));
  } catch (error) {
    console.warn('options page not opened', error);
  }
}

/**
 * A new install opens the options page, where setup starts (an update does not). Test builds
 * (`--mode e2e`) do not: the harness opens the pages each test needs, and an extra tab at every
 * launch would load the browser of every e2e test for nothing.
 */
export function opensOptionsOnInstall(reason: string, mode: string): boolean {
  return reason === 'install' && mode !== 'e2e';
}

/** Opens the toolbar popup where the browser lets an extension do so (Chrome 127+, Firefox). */
async function openPopup(): Promise<{ ok: boolean }> {
  const action =
    (browser as { action?: { openPopup?: () => Promise<void> } }).action ??
    (browser as { browserAction?: { openPopup?: () => Promise<void> } }).browserAction;
  try {
    if (!action?.openPopup) return { ok: false };
    await action.openPopup();
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
