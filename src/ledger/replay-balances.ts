// LinkedIn's own counts and the rep's corrections in a replay: the opening balance (rule 13),
// adjustments (rule 12) and observed balances, which only measure drift.

import type { Adjustment, ObservedBalance, OpeningBalance } from './events';
import type { Observation, Replaying } from './ledger-state';
import type { Lot } from './lots';
import { grantsAtOrBefore, LOT_DAYS } from './terms';
import { addDays } from './zoned-time';

/** The latest reading, kept in one object: ledgers hold thousands of readings. */
function observe(o: Observation | null, at: number, balance: number, drift: number): Observation {
  if (o === null) return { at, balance, drift };
  o.at = at;
  o.balance = balance;
  o.drift = drift;
  return o;
}

/** Rule 13: LinkedIn's count replaces our lots by the lots it most likely holds. */
export function openingBalance(r: Replaying, e: OpeningBalance, t: number): void {
  const { lots, terms } = r;
  lots.endAll('replaced');
  const zone = terms.timeZone;
  const grants = grantsAtOrBefore(terms, t, (g) => addDays(zone, g, LOT_DAYS) > t);
  const openingLots = new Map<number, Lot>();
  r.openingLots = openingLots;
  if (grants.length === 0) {
    // A plan that grants nothing: one lot, 90 days from now.
    lots.add('opening-balance', t, addDays(zone, t, LOT_DAYS), e.balance);
  } else {
    // Newest grant first, at most the monthly amount each; the overflow into the newest.
    let left = e.balance;
    const fills = grants.map(() => {
      const fill = Math.min(terms.monthlyCredits, left);
      left -= fill;
      return fill;
    });
    fills[0] = (fills[0] ?? 0) + left;
    for (let k = grants.length - 1; k >= 0; k--) {
      const g = grants[k] as number;
      openingLots.set(g, lots.add('opening-balance', g, addDays(zone, g, LOT_DAYS), fills[k] as number));
    }
  }
  r.totals.granted += e.balance;
  r.observed = observe(r.observed, t, e.balance, 0);
}

export function adjustment(r: Replaying, e: Adjustment, t: number): void {
  const { lots, totals } = r;
  if (e.delta < 0) {
    // Rule 12: a negative adjustment consumes the lots that expire first, never below zero.
    let need = -e.delta;
    for (let lot = lots.firstToSpend(); lot !== null && need > 0; lot = lots.firstToSpend()) {
      const take = Math.min(need, lot.remaining);
      lots.take(lot, take);
      need -= take;
      totals.removedByAdjustments += take;
    }
  } else {
    // A positive one is a new lot expiring with the live lot that expires last.
    const expiresAt = lots.live.length > 0 ? lots.lastExpiry : addDays(r.terms.timeZone, t, LOT_DAYS);
    lots.add('adjustment', t, expiresAt, e.delta);
    totals.positiveAdjustments += e.delta;
  }
  if (r.observed !== null) r.observed.drift -= e.delta;
}

/** A reading of LinkedIn's count changes no lot: it says how far ours is from it. */
export function observedBalance(r: Replaying, e: ObservedBalance, t: number): void {
  r.observed = observe(r.observed, t, e.balance, e.balance - r.lots.available);
}
