// A seat's lots of credits as a replay keeps them (CREDIT-RULES.md): granted, spent and given
// back, expired, forfeited or replaced. What each rule does with them is in the replay-*.ts.

import type { Totals } from './ledger-state';
import { SpendingOrder } from './spending-order';

export interface Lot {
  grantedAt: number;
  expiresAt: number;
  granted: number;
  remaining: number;
  /** Creation order, the last tie-break of "expires first". */
  seq: number;
  /**
   * 'before-setup': the lot of a grant before `since` that a reply to a send before setup
   * brings a credit back to, when the seat has no opening balance (rule 17). Until that
   * reply makes it, it is no part of the ledger's lots: it only says whether the credit can
   * still come back (its state is 'live' while it could be made) and until when.
   */
  source: 'grant' | 'opening-balance' | 'adjustment' | 'before-setup';
  state: 'live' | 'expired' | 'forfeited' | 'replaced';
}

/**
 * The live lots and their credits. The spending order and the first and last expiry are kept
 * as lots come and go, so no step scans every live lot.
 */
export class Lots {
  /** Live lots (credits left or not), in creation order. */
  live: Lot[] = [];
  /** Credits left in the live lots. */
  available = 0;
  /** A plan change forfeited credits (rule 15): a lot rule 17 names after that is gone already. */
  forfeitedAny = false;
  private readonly totals: Totals;
  private seq = 0;
  private readonly spending = new SpendingOrder();
  private nextExpiry = Number.POSITIVE_INFINITY;
  private latestExpiry = Number.NEGATIVE_INFINITY;
  /** Rule 17's lots a reply would make (no opening balance), while they could still be made. */
  private unmade: Lot[] = [];

  /** `totals` counts what expires, is forfeited or is replaced. */
  constructor(totals: Totals) {
    this.totals = totals;
  }

  /** The expiry of the live lot that expires last (-Infinity: none). */
  get lastExpiry(): number {
    return this.latestExpiry;
  }

  /** A new live lot of `granted` credits. */
  add(source: Lot['source'], grantedAt: number, expiresAt: number, granted: number): Lot {
    const lot: Lot = {
      grantedAt,
      expiresAt,
      granted,
      remaining: granted,
      seq: this.seq++,
      source,
      state: 'live',
    };
    this.live.push(lot);
    this.available += granted;
    this.nextExpiry = Math.min(this.nextExpiry, expiresAt);
    this.latestExpiry = Math.max(this.latestExpiry, expiresAt);
    if (granted > 0) this.spending.add(lot);
    return lot;
  }

  /** The live lot with credits left that is spent first (rule 5's order). */
  firstToSpend(): Lot | null {
    return this.spending.first();
  }

  /** Takes `count` credits out of a live lot that has them. */
  take(lot: Lot, count: number): void {
    lot.remaining -= count;
    this.available -= count;
  }

  /** Gives one credit back to a live lot (rule 10). */
  giveBack(lot: Lot): void {
    if (lot.remaining++ === 0) this.spending.add(lot);
    this.available++;
  }

  /** Every lot that expires at or before `t` expires, its credits with it. */
  expireUpTo(t: number): void {
    if (this.unmade.length > 0) {
      this.unmade = this.unmade.filter((l) => {
        if (l.expiresAt > t) return true;
        l.state = 'expired';
        return false;
      });
    }
    if (this.nextExpiry > t) return;
    let next = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    this.live = this.live.filter((l) => {
      if (l.expiresAt > t) {
        next = Math.min(next, l.expiresAt);
        last = Math.max(last, l.expiresAt);
        return true;
      }
      l.state = 'expired';
      this.totals.expired += l.remaining;
      this.available -= l.remaining;
      return false;
    });
    this.nextExpiry = next;
    this.latestExpiry = last;
  }

  /** Every lot ends: forfeited by a plan change (rule 15), or replaced by an opening balance (rule 13). */
  endAll(state: 'forfeited' | 'replaced'): void {
    for (const l of this.live) {
      l.state = state;
      this.totals[state] += l.remaining;
    }
    this.live = [];
    this.available = 0;
    this.nextExpiry = Number.POSITIVE_INFINITY;
    this.latestExpiry = Number.NEGATIVE_INFINITY;
    this.spending.clear();
    for (const l of this.unmade) l.state = state;
    this.unmade = [];
    if (state === 'forfeited') this.forfeitedAny = true;
  }

  /** A lot of rule 17 that a reply may make later; until then it only expires or ends. */
  awaitReply(lot: Lot): void {
    this.unmade.push(lot);
  }

  /** Makes a lot of rule 17 at the reply that returns a credit to it. */
  make(lot: Lot): void {
    this.unmade = this.unmade.filter((l) => l !== lot);
    lot.seq = this.seq++;
    this.live.push(lot);
    this.nextExpiry = Math.min(this.nextExpiry, lot.expiresAt);
    this.latestExpiry = Math.max(this.latestExpiry, lot.expiresAt);
  }
}
