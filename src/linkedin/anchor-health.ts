// Detection health for page anchors: which ones were found, and since when one is missing.
// Never page content. Each page keeps its own record under its own key
// (`health:anchors:<page>`, see src/messages/storage.ts), written whole, so two tabs never
// overwrite each other; the popup merges them (`mergedAnchors`).

import { anchorHealthKeys } from '../messages/storage';

/** This page's id: one content script per page. */
const PAGE = crypto.randomUUID();

export interface AnchorHealth {
  /** e.g. "Sales Navigator composer: credit line". */
  label: string;
  lastFound: number | null;
  missingSince: number | null;
}

/** One page's record, as stored. */
export interface AnchorHealthRecord {
  writtenAt: number;
  anchors: Record<string, AnchorHealth>;
}

const mine: Record<string, AnchorHealth> = {};
/** Writes go one after another, each with the whole record of this page. */
let queue: Promise<void> = Promise.resolve();

export function reportAnchor(key: string, label: string, found: boolean, at: number): Promise<void> {
  const old = mine[key];
  if (!found && old?.missingSince) return queue; // still missing: nothing new to say
  if (found && old?.missingSince === null && old.lastFound !== null && at - old.lastFound < 60_000)
    return queue;
  mine[key] = found
    ? { label, lastFound: at, missingSince: null }
    : { label, lastFound: old?.lastFound ?? null, missingSince: at };
  const record: AnchorHealthRecord = { writtenAt: Date.now(), anchors: { ...mine } };
  queue = queue.then(() => anchorHealthKeys.set([[PAGE, record]])).catch(() => undefined);
  return queue;
}

/**
 * Every page's records together: an anchor is found when any page found it after the last time
 * one missed it; missing since the first miss after the last find.
 */
export function mergedAnchors(stored: Record<string, unknown>): Record<string, AnchorHealth> {
  const merged: Record<string, AnchorHealth> = {};
  // Written by this version or an earlier one: a record without anchors counts as none.
  const records = Object.values(anchorHealthKeys.of(stored))
    .filter((value) => typeof value === 'object' && value)
    .map((value) => value.anchors ?? {});
  for (const record of records)
    for (const [key, a] of Object.entries(record)) {
      const m = merged[key] ?? { label: a.label, lastFound: null, missingSince: null };
      m.lastFound = Math.max(m.lastFound ?? 0, a.lastFound ?? 0) || null;
      merged[key] = m;
    }
  for (const record of records)
    for (const [key, a] of Object.entries(record)) {
      const m = merged[key] as AnchorHealth;
      if (a.missingSince !== null && a.missingSince > (m.lastFound ?? 0))
        m.missingSince = Math.min(m.missingSince ?? a.missingSince, a.missingSince);
    }
  return merged;
}
