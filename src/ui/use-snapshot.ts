// The snapshot the background published, kept current while the page is open.

import { useEffect, useState } from 'preact/hooks';
import type { Snapshot } from '../messages/snapshot';
import { followSnapshot, snapshotItem } from '../messages/storage';
import { command } from './command';

const FRESH_MS = 60_000;

/** The snapshot as last published (null before the first). */
export function readPublished(): Promise<Snapshot | null> {
  return snapshotItem().getValue();
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
    // Published figures first (fast); then ask the background to bring them up to the minute.
    const unfollow = followSnapshot(
      (published, first) => {
        if (published) setSnapshot(published);
        if (!first) return;
        setLoaded(true);
        // The background republishes on every change and at every instant that matters;
        // an older snapshot (a worker asleep for a while) is brought up to the minute.
        if (published && Math.abs(Date.now() - Date.parse(published.computedAt)) < FRESH_MS) return;
        void command({ type: 'get-snapshot' }).then((reply) => {
          if (live && reply.ok) setSnapshot(reply.snapshot);
        });
      },
      { known: preloaded },
    );
    return () => {
      live = false;
      unfollow();
    };
  }, [preloaded]);
  return { snapshot, loaded };
}
