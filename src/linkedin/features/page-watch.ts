// One watcher for every page feature: it wakes (debounced) when LinkedIn adds elements or
// the published snapshot changes, and runs each feature with the snapshot. Features decide
// from the page kind whether they have anything to do; all stop with the content script.

import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY, type Snapshot } from '../../messages/snapshot';
import { type PageKind, pageKind } from '../page-kinds';

/** One thing the content script does on LinkedIn's pages, given what page this is. */
export type Feature = (snapshot: Snapshot | null, now: number, kind: PageKind | null) => void;

interface Context {
  onInvalidated(cb: () => void): void;
  setTimeout(handler: () => void, timeout?: number): number;
}

export function watchPage(ctx: Context, features: Feature[]): () => void {
  let snapshot: Snapshot | null = null;
  let timer: number | null = null;
  let stopped = false;

  // The callback reads no records: touching each added node from this (isolated) world makes
  // a wrapper per node. And once a look is due, the observer lets go until it has run: the
  // look reads the page as it then is, so the mutations in between need no record each (on a
  // busy page, the records were most of our cost). Our own overlays are added unobserved too.
  const observer = new MutationObserver(() => {
    observer.disconnect();
    schedule();
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });

  const update = () => {
    timer = null;
    const now = Date.now();
    const kind = pageKind(location.href);
    for (const feature of features) {
      try {
        feature(snapshot, now, kind);
      } catch (error) {
        console.debug('InMail Ledger: a page feature failed', error);
      }
    }
    if (!stopped) observe();
  };
  const schedule = () => {
    if (timer === null) timer = ctx.setTimeout(update, 200);
  };

  observe();
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SNAPSHOT_KEY]) {
      snapshot = (changes[SNAPSHOT_KEY].newValue as Snapshot | undefined) ?? null;
      schedule();
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(SNAPSHOT_KEY).then((stored) => {
    snapshot = (stored[SNAPSHOT_KEY] as Snapshot | undefined) ?? null;
    schedule();
  });
  ctx.onInvalidated(() => {
    stopped = true;
    observer.disconnect();
    browser.storage.onChanged.removeListener(onChanged);
  });
  return schedule;
}
