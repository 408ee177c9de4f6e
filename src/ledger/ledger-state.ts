// What a replay gives (a seat's ledger at a moment), and what it keeps on the way there.

import type { ResponseKind, Seat, SendCost } from './events';
import type { Lot, Lots } from './lots';
import type { Terms } from './terms';

export interface SendRecord {
  id: string;
  at: number;
  threadId: string;
  cost: SendCost;
  recipient?: { name?: string; profileUrl?: string };
  surface?: string;
  costUnknown?: true;
  /** Sent before the seat's `since` (rule 17): it spent nothing, its credit may come back. */
  beforeSetup?: true;
  /**
   * The lot a refund goes back to: the lot that paid; for a send before setup, the lot rule
   * 17 names (once the replay reaches `since`), possibly one a reply has yet to make.
   * Null for free sends, overdrafts, and sends before setup whose credit cannot come back.
   */
  lot: Lot | null;
  overdraft: boolean;
  windowClosesAt: number;
  /** Fate decided by the first response at or after the send (rule 9). */
  answer: null | { at: number; kind?: ResponseKind; inWindow: boolean; refunded: boolean };
  /** The thread's previous paid send still awaiting its first response. */
  prevAwaiting: SendRecord | null;
}

export interface Observation {
  at: number;
  balance: number;
  drift: number;
}

export interface Totals {
  granted: number;
  positiveAdjustments: number;
  spent: number;
  refunded: number;
  expired: number;
  forfeited: number;
  removedByAdjustments: number;
  replaced: number;
}

export interface LedgerState {
  seat: Seat;
  at: number;
  terms: Terms;
  /** Live lots (credits left or not), in creation order. */
  live: Lot[];
  available: number;
  /** First grant instant strictly after `at` (Infinity: none). */
  nextGrantAt: number;
  sends: SendRecord[];
  overdraft: number;
  replied: number;
  lateReplies: number;
  observed: Observation | null;
  totals: Totals;
}

/** A replay under way: the events of each kind (replay-*.ts) change it, in rule 16's order. */
export interface Replaying {
  readonly since: number;
  /** The terms in force at the instant replayed. */
  terms: Terms;
  readonly lots: Lots;
  readonly totals: Totals;
  readonly sends: SendRecord[];
  /** Per thread, the latest paid send awaiting a response; earlier ones chain behind it. */
  readonly awaiting: Map<string, SendRecord>;
  overdraft: number;
  replied: number;
  lateReplies: number;
  observed: Observation | null;
  /** Rule 17: sends before setup whose source lot is named once the replay reaches `since`. */
  setupSends: SendRecord[] | null;
  /** The lots the opening balance made, by grant instant; null: no opening balance (yet). */
  openingLots: Map<number, Lot> | null;
}
