// One watcher for every page feature: it wakes (debounced) when LinkedIn adds elements (soon
// after the rep clicks, types or navigates; at most once a second while the page changes by
// itself) or the published snapshot changes, and runs each feature with the snapshot. Features
// decide from the page kind whether they have anything to do; all stop with the content script.

import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY, type Snapshot } from '../../messages/snapshot';
import { type PageKind, pageKind } from '../page-kinds';

/** One thing the content script does on LinkedIn's pages, given what page this is. */
export type Feature = (snapshot: Snapshot | null, now: number, kind: PageKind | null) => void;

interface Context {
  onInvalidated(cb: () => void): void;
  setTimeout(handler: () => void, timeout?: number): number;
}

/** After a click, a key, a navigation or a new snapshot: a look soon. */
const SOON_MS = 200;
/** How long after one LinkedIn's rendering counts as its answer (a composer opening, a page). */
const ACTIVE_MS = 3000;
/**
 * LinkedIn changing the page by itself (a feed streaming rows, a badge ticking): a look at most
 * once a second. Each look scans the page for composers, so on a busy page its rate is our cost.
 */
const QUIET_MS = 1000;

export function watchPage(
  ctx: Context,
  features: Feature[],
  onSnapshot: (snapshot: Snapshot | null) => void = () => {},
): () => void {
  let snapshot: Snapshot | null = null;
  let timer: number | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let activeUntil = Date.now() + ACTIVE_MS; // the page's first rendering
  let stopped = false;

  const update = () => {
    timer = null;
    dueAt = Number.POSITIVE_INFINITY;
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
  const schedule = (delay: number) => {
    const at = Date.now() + delay;
    if (timer !== null) {
      if (at >= dueAt) return;
      clearTimeout(timer);
    }
    dueAt = at;
    timer = ctx.setTimeout(update, delay);
  };
  /** The rep did something (or the ledger changed): look soon, and keep up for a while. */
  const poke = () => {
    activeUntil = Date.now() + ACTIVE_MS;
    schedule(SOON_MS);
  };

  // The callback reads no records: touching each added node from this (isolated) world makes
  // a wrapper per node. And once a look is due, the observer lets go until it has run: the
  // look reads the page as it then is, so the mutations in between need no record each. Our
  // own overlays are added unobserved too.
  const observer = new MutationObserver(() => {
    observer.disconnect();
    schedule(Date.now() < activeUntil ? SOON_MS : QUIET_MS);
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });
  observe();

  const interactions = ['click', 'keydown', 'focusin'] as const;
  for (const type of interactions) document.addEventListener(type, poke, { capture: true, passive: true });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SNAPSHOT_KEY]) {
      snapshot = (changes[SNAPSHOT_KEY].newValue as Snapshot | undefined) ?? null;
      onSnapshot(snapshot);
      poke();
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(SNAPSHOT_KEY).then((stored) => {
    snapshot = (stored[SNAPSHOT_KEY] as Snapshot | undefined) ?? null;
    onSnapshot(snapshot);
    schedule(SOON_MS);
  });
  ctx.onInvalidated(() => {
    stopped = true;
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    for (const type of interactions) document.removeEventListener(type, poke, { capture: true });
    browser.storage.onChanged.removeListener(onChanged);
  });
  return poke;
}
