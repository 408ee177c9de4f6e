// The snapshot the background published, kept current while the page is open.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY, type Snapshot } from '../messages/snapshot';
import { command } from './command';

const FRESH_MS = 60_000;

export function useSnapshot(): { snapshot: Snapshot | null; loaded: boolean } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SNAPSHOT_KEY];
      if (area === 'local' && change?.newValue) setSnapshot(change.newValue as Snapshot);
    };
    browser.storage.onChanged.addListener(onChanged);
    // Published figures first (fast); then ask the background to bring them up to the minute.
    void browser.storage.local.get(SNAPSHOT_KEY).then((stored) => {
      if (!live) return;
      const published = stored[SNAPSHOT_KEY] as Snapshot | undefined;
      if (published) setSnapshot(published);
      setLoaded(true);
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
  }, []);
  return { snapshot, loaded };
}
