// Every key of storage.local, declared once with the type of its value. The background
// publishes the snapshot; content scripts keep their outbox and their detection health; the
// popup and the overlays read them. (The ledger itself is in the database: src/store.)

import { storage } from 'wxt/utils/storage';
import type { AnchorHealthRecord } from '../linkedin/anchor-health';
import type { EndpointHealthRecord } from '../linkedin/endpoint-health';
import type { Detection } from './detection';
import { type FollowOptions, follow, itemSource } from './follow';
import { keyFamily } from './key-family';
import { SNAPSHOT_KEY, type Snapshot } from './snapshot';

/**
 * Declared on first use: WXT reads an item's key as soon as it is declared, and files that
 * import this one also run where there is no extension (the e2e runner, Node).
 */
function declaredOnUse<Item>(declare: () => Item): () => Item {
  let item: Item | undefined;
  return () => {
    item ??= declare();
    return item;
  };
}

/**
 * The snapshot the background published last (null before the first). Version 1: a new
 * shape bumps it, with a migration from the one before (WXT runs it when the extension updates;
 * the background republishes at every start in any case).
 */
export const snapshotItem = declaredOnUse(() =>
  storage.defineItem<Snapshot | null>(`local:${SNAPSHOT_KEY}`, { fallback: null, version: 1 }),
);

/** The published snapshot, then every new one (null before the first). */
export function followSnapshot(
  onSnapshot: (snapshot: Snapshot | null, first: boolean) => void,
  options?: FollowOptions<Snapshot | null>,
) {
  return follow(itemSource(snapshotItem()), onSnapshot, options);
}

/** Detections waiting for the background to acknowledge them: `outbox:<detection id>`. */
export const outboxKeys = keyFamily<Detection>('outbox:');

/** Each page's health of LinkedIn's answers: `health:endpoints:<page id>`. */
export const endpointHealthKeys = keyFamily<EndpointHealthRecord>('health:endpoints:');

/** Each page's health of its anchors on LinkedIn's pages: `health:anchors:<page id>`. */
export const anchorHealthKeys = keyFamily<AnchorHealthRecord>('health:anchors:');
