// Detection health for page anchors: which ones were found, and since when one is missing.
// Never page content. Each page keeps its own record under its own key
// (`health:anchors:<page>`), written whole, so two tabs never overwrite each other; the popup
// merges them (`mergedAnchors`).

import { browser } from 'wxt/browser';

export const ANCHOR_HEALTH_PREFIX = 'health:anchors';
/** This page's key: one content script per page. */
const KEY = `${ANCHOR_HEALTH_PREFIX}:${crypto.randomUUID()}`;

export interface AnchorHealth {
  /** e.g. "Sales Navigator composer: credit line". */
  label: string;
  lastFound: number | null;
  missingSince: number | null;
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
  const record = { writtenAt: Date.now(), anchors: { ...mine } };
  queue = queue.then(() => browser.storage.local.set({ [KEY]: record })).catch(() => undefined);
  return queue;
}

/**
 * Every page's records together: an anchor is found when any page found it after the last time
 * one missed it; missing since the first miss after the last find.
 */
export function mergedAnchors(stored: Record<string, unknown>): Record<string, AnchorHealth> {
  const merged: Record<string, AnchorHealth> = {};
  const records = Object.entries(stored)
    .filter(([key, value]) => key.startsWith(ANCHOR_HEALTH_PREFIX) && typeof value === 'object' && value)
    .map(([, value]) => (value as { anchors?: Record<string, AnchorHealth> }).anchors ?? {});
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
