// The snapshot the background published, kept current while the page is open.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY, type Snapshot } from '../messages/snapshot';
import { command } from './command';

const FRESH_MS = 60_000;

/** The snapshot as last published (null before the first). */
export async function readPublished(): Promise<Snapshot | null> {
  return ((await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as Snapshot | undefined) ?? null;
}

/**
 * The published snapshot, then every new one. A page that read it before its first render
 * (the popup, so its figures come with its first paint) passes it as `preloaded`.
 */
export function useSnapshot(preloaded?: Snapshot | null): { snapshot: Snapshot | null; loaded: boolean } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(preloaded ?? null);
  const [loaded, setLoaded] = useState(preloaded !== undefined);
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SNAPSHOT_KEY];
      if (area === 'local' && change?.newValue) setSnapshot(change.newValue as Snapshot);
    };
    browser.storage.onChanged.addListener(onChanged);
    // Published figures first (fast); then ask the background to bring them up to the minute.
    const published = preloaded !== undefined ? Promise.resolve(preloaded) : readPublished();
    void published.then((published) => {
      if (!live) return;
      if (preloaded === undefined) {
        if (published) setSnapshot(published);
        setLoaded(true);
      }
      // The background republishes on every change and at every instant that matters;
      // an older snapshot (a worker asleep for a while) is brought up to the minute.
      if (published && Math.abs(Date.now() - Date.parse(published.computedAt)) < FRESH_MS) return;
      void command({ type: 'get-snapshot' }).then((reply) => {
        if (live && reply.ok && reply.snapshot) setSnapshot(reply.snapshot);
      });
    });
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [preloaded]);
  return { snapshot, loaded };
}
