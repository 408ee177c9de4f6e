// Rule 17 (CREDIT-RULES.md, "Before setup") in a replay: the lot each InMail sent before setup
// gives its credit back to, should a reply come in its refund window.

import type { Replaying } from './ledger-state';
import type { Lot } from './lots';
import { setupSourceGrant } from './setup-source';
import { LOT_DAYS } from './terms';
import { addDays } from './zoned-time';

/**
 * Names the lot each send before setup (`r.setupSends`) returns its credit to, under the terms
 * in force at `since` and the lots its opening balance made. Called once, at `since` after the
 * opening balance, or at the first instant after `since` before anything happens at it.
 */
export function nameSources(r: Replaying): void {
  const sends = r.setupSends;
  if (sends === null) return;
  r.setupSends = null;
  const { terms, openingLots } = r;
  let granted: Map<number, number> | null = null;
  if (openingLots !== null) {
    granted = new Map();
    for (const [g, l] of openingLots) granted.set(g, l.granted);
  }
  const byGrant = new Map<number, Lot>();
  for (const s of sends) {
    const g = setupSourceGrant(terms, s.at, granted);
    if (g === null) continue; // terms that grant nothing return nothing
    if (openingLots !== null) {
      // The opening balance's lot for g, if it made one (g's lot may have expired by `since`).
      s.lot = openingLots.get(g) ?? null;
      continue;
    }
    // No opening balance: a lot for g, made by the first reply that returns a credit to it.
    let lot = byGrant.get(g);
    if (lot === undefined) {
      const expiresAt = addDays(terms.timeZone, g, LOT_DAYS);
      if (expiresAt <= r.since || r.lots.forfeitedAny) continue; // it would be gone already
      lot = {
        grantedAt: g,
        expiresAt,
        granted: 0,
        remaining: 0,
        seq: -1,
        source: 'before-setup',
        state: 'live',
      };
      byGrant.set(g, lot);
      r.lots.awaitReply(lot);
    }
    s.lot = lot;
  }
}
