// Rule 17 (CREDIT-RULES.md, "Before setup"): the grant whose lot an InMail sent before setup
// most likely took its credit from, so that a reply brings the credit back there.

import { grantsAtOrBefore, LOT_DAYS, type Terms } from './terms';
import { addDays } from './zoned-time';

/**
 * The grant instant g of the source lot of a send before setup made at `sentAt`, under the
 * terms in force at `since`: among the grant instants whose lot was live when it was sent
 * (g ≤ sentAt < 90 days after g), the oldest whose opening-balance lot received credits, else
 * (none did, or no opening balance) the newest. Null when the terms grant nothing.
 *
 * @param openingGranted what the opening balance put in the lot of each grant instant it made
 *   a lot for (rule 13), or null when the seat has no opening balance.
 */
export function setupSourceGrant(
  terms: Terms,
  sentAt: number,
  openingGranted: ReadonlyMap<number, number> | null,
): number | null {
  const zone = terms.timeZone;
  // Newest first.
  const candidates = grantsAtOrBefore(terms, sentAt, (g) => addDays(zone, g, LOT_DAYS) > sentAt);
  if (candidates.length === 0) return null;
  if (openingGranted !== null) {
    for (let k = candidates.length - 1; k >= 0; k--) {
      const g = candidates[k] as number;
      if ((openingGranted.get(g) ?? 0) > 0) return g;
    }
  }
  return candidates[0] as number;
}
