// A send logged by hand that a detection later sees (DESIGN.md contract 1: "a manual log
// carries the recipient, so a later detection of the same send merges with it"). Pure.

import type { LedgerEvent } from '../ledger/events';

/** How far apart a hand log and LinkedIn's time of the same send may be. */
export const TWIN_WINDOW_MS = 24 * 3_600_000;

type Sent = Extract<LedgerEvent, { type: 'inmail-sent' }>;

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';

/**
 * The manual log this detected send merges with: same recipient (name or profile URL), within
 * a day, not voided, not merged already; the nearest in time when several qualify.
 */
export function manualTwin(events: readonly LedgerEvent[], detected: Sent): Sent | null {
  const voided = new Set<string>();
  for (const e of events) if (e.type === 'voided') voided.add(e.target);
  const at = Date.parse(detected.at);
  let best: Sent | null = null;
  for (const e of events) {
    if (e.type !== 'inmail-sent' || e.surface !== 'manual' || voided.has(e.id)) continue;
    const r = e.recipient;
    const d = detected.recipient;
    if (!same(r?.name, d?.name) && !same(r?.profileUrl, d?.profileUrl)) continue;
    const gap = Math.abs(Date.parse(e.at) - at);
    if (gap > TWIN_WINDOW_MS) continue;
    if (best === null || gap < Math.abs(Date.parse(best.at) - at)) best = e;
  }
  return best;
}
