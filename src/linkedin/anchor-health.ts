// Detection health for page anchors: which ones were found on which page kind, and since
// when one is missing. Never page content. The popup says exactly what stopped working.

import { browser } from 'wxt/browser';

export const ANCHOR_HEALTH_KEY = 'health:anchors';

export interface AnchorHealth {
  /** e.g. "Sales Navigator composer: credit line". */
  label: string;
  lastFound: number | null;
  missingSince: number | null;
}

/** Reports are written one after another: each reads what the last one wrote. */
let queue: Promise<void> = Promise.resolve();

export function reportAnchor(key: string, label: string, found: boolean, at: number): Promise<void> {
  queue = queue.then(() => write(key, label, found, at)).catch(() => undefined);
  return queue;
}

async function write(key: string, label: string, found: boolean, at: number): Promise<void> {
  const stored = ((await browser.storage.local.get(ANCHOR_HEALTH_KEY))[ANCHOR_HEALTH_KEY] ?? {}) as Record<
    string,
    AnchorHealth
  >;
  const old = stored[key];
  const next: AnchorHealth = found
    ? { label, lastFound: at, missingSince: null }
    : { label, lastFound: old?.lastFound ?? null, missingSince: old?.missingSince ?? at };
  if (!found && old?.missingSince) return; // still missing: nothing new to say
  await browser.storage.local.set({ [ANCHOR_HEALTH_KEY]: { ...stored, [key]: next } });
}
