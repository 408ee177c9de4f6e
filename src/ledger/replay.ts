// Replays a seat's history up to a moment: lots granted, spent, refunded, expired,
// forfeited, replaced and adjusted, exactly as CREDIT-RULES.md orders them (rule 16).
// Pure: time is a parameter, nothing is read from the environment.

import type { LedgerEvent, ResponseKind, Seat, SendCost } from './events';
import { parseInstant } from './instant';
import { setupSourceGrant } from './setup-source';
import { SpendingOrder } from './spending-order';
import { changedTerms, grantAtOrAfter, grantsAtOrBefore, LOT_DAYS, seatTerms, type Terms } from './terms';
import { addDays } from './zoned-time';

export { LOT_DAYS };
export const REFUND_WINDOW_DAYS = 90;

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

/** Order of kinds at one instant (rule 16); expiries come first, grants after plan changes. */
function kindRank(type: LedgerEvent['type']): number {
  switch (type) {
    case 'plan-changed':
      return 0;
    case 'opening-balance':
      return 1;
    case 'adjustment':
      return 2;
    case 'inmail-sent':
      return 3;
    case 'reply-received':
      return 4;
    case 'observed-balance':
      return 5;
    default:
      return 6;
  }
}

/** Events in rule 16's order, with their instants alongside (no wrapper per event). */
interface Ordered {
  events: LedgerEvent[];
  times: Float64Array;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function instantOf(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new RangeError(`not an ISO 8601 instant with an offset: ${text}`);
  return t;
}

/**
 * The events that count: this seat's, voided targets removed (whenever the void was
 * recorded, rule 14), up to `at`, in rule 16's order, an event given twice counted once.
 * Ids are unique within a seat (the store and the file validator enforce it), so a
 * repeat is the same event and, once sorted, sits next to itself.
 */
function effectiveEvents(seat: Seat, input: readonly LedgerEvent[], at: number): Ordered {
  let voids: Map<string, string> | null = null;
  for (const e of input) {
    if (e.type === 'voided' && (e.seat === undefined || e.seat === seat.id)) {
      voids ??= new Map();
      voids.set(e.id, e.target);
    }
  }
  let voided: Set<string> | null = null;
  if (voids !== null) {
    voided = new Set();
    // A void aimed at another void is not a valid correction: it does nothing.
    for (const target of voids.values()) if (!voids.has(target)) voided.add(target);
  }
  let events: LedgerEvent[] = [];
  let times = new Float64Array(input.length);
  const ranks = new Uint8Array(input.length);
  let sorted = true;
  for (const e of input) {
    if (e.type === 'voided' || (e.seat !== undefined && e.seat !== seat.id)) continue;
    if (voided?.has(e.id)) continue;
    const t = instantOf(e.at);
    if (t > at) continue;
    const rank = kindRank(e.type);
    const n = events.length;
    if (sorted && n > 0) {
      const order =
        (times[n - 1] as number) - t ||
        (ranks[n - 1] as number) - rank ||
        compareIds((events[n - 1] as LedgerEvent).id, e.id);
      if (order > 0) sorted = false;
    }
    times[n] = t;
    ranks[n] = rank;
    events.push(e);
  }
  if (!sorted) {
    const index = events.map((_, k) => k);
    index.sort(
      (a, b) =>
        (times[a] as number) - (times[b] as number) ||
        (ranks[a] as number) - (ranks[b] as number) ||
        compareIds((events[a] as LedgerEvent).id, (events[b] as LedgerEvent).id),
    );
    const sortedTimes = new Float64Array(index.length);
    index.forEach((k, j) => {
      sortedTimes[j] = times[k] as number;
    });
    events = index.map((k) => events[k] as LedgerEvent);
    times = sortedTimes;
  }
  let kept = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as LedgerEvent;
    const t = times[k] as number;
    if (kept > 0 && times[kept - 1] === t && (events[kept - 1] as LedgerEvent).id === e.id) continue;
    events[kept] = e;
    times[kept] = t;
    kept++;
  }
  events.length = kept;
  return { events, times: times.subarray(0, kept) };
}

/** The latest reading, kept in one object: ledgers hold thousands of readings. */
function observe(o: Observation | null, at: number, balance: number, drift: number): Observation {
  if (o === null) return { at, balance, drift };
  o.at = at;
  o.balance = balance;
  o.drift = drift;
  return o;
}

/** Replays `events` of `seat` up to and including the instant `at` (epoch ms). */
export function replay(seat: Seat, events: readonly LedgerEvent[], at: number): LedgerState {
  let terms = seatTerms(seat);
  const since = instantOf(seat.since);
  const { events: timed, times } = effectiveEvents(seat, events, at);
  const totals: Totals = {
    granted: 0,
    positiveAdjustments: 0,
    spent: 0,
    refunded: 0,
    expired: 0,
    forfeited: 0,
    removedByAdjustments: 0,
    replaced: 0,
  };
  let live: Lot[] = [];
  let available = 0;
  let seq = 0;
  let overdraft = 0;
  let replied = 0;
  let lateReplies = 0;
  let observed: Observation | null = null;
  const sends: SendRecord[] = [];
  /** Per thread, the latest paid send awaiting a response; earlier ones chain behind it. */
  const awaiting = new Map<string, SendRecord>();
  /** Rule 17: sends before setup whose source lot is named once the replay reaches `since`. */
  let setupSends: SendRecord[] | null = null;
  /** The lots the opening balance made, by grant instant; null: no opening balance (yet). */
  let openingLots: Map<number, Lot> | null = null;
  /** A plan change forfeited credits at or after `since`, before the sources were named. */
  let forfeitedBeforeSources = false;
  /** Rule 17's lots a reply would make (no opening balance), while they could still be made. */
  let unmade: Lot[] = [];

  // Kept as lots come and go, so no step scans every live lot.
  const spending = new SpendingOrder();
  let nextExpiry = Number.POSITIVE_INFINITY;
  let lastExpiry = Number.NEGATIVE_INFINITY;
  const newLot = (source: Lot['source'], grantedAt: number, expiresAt: number, granted: number) => {
    const lot: Lot = { grantedAt, expiresAt, granted, remaining: granted, seq: seq++, source, state: 'live' };
    live.push(lot);
    available += granted;
    nextExpiry = Math.min(nextExpiry, expiresAt);
    lastExpiry = Math.max(lastExpiry, expiresAt);
    if (granted > 0) spending.add(lot);
    return lot;
  };
  const expireUpTo = (t: number) => {
    if (unmade.length > 0) {
      unmade = unmade.filter((l) => {
        if (l.expiresAt > t) return true;
        l.state = 'expired';
        return false;
      });
    }
    if (nextExpiry > t) return;
    nextExpiry = Number.POSITIVE_INFINITY;
    lastExpiry = Number.NEGATIVE_INFINITY;
    live = live.filter((l) => {
      if (l.expiresAt > t) {
        nextExpiry = Math.min(nextExpiry, l.expiresAt);
        lastExpiry = Math.max(lastExpiry, l.expiresAt);
        return true;
      }
      l.state = 'expired';
      totals.expired += l.remaining;
      available -= l.remaining;
      return false;
    });
  };
  const endAll = (state: 'forfeited' | 'replaced') => {
    for (const l of live) {
      l.state = state;
      totals[state] += l.remaining;
    }
    live = [];
    available = 0;
    nextExpiry = Number.POSITIVE_INFINITY;
    lastExpiry = Number.NEGATIVE_INFINITY;
    spending.clear();
    for (const l of unmade) l.state = state;
    unmade = [];
    if (state === 'forfeited') forfeitedBeforeSources = true;
  };
  /**
   * Rule 17: names the lot each send before setup returns its credit to, under the terms in
   * force at `since` and the lots its opening balance made. Called once, at `since` after the
   * opening balance, or at the first instant after `since` before anything happens at it.
   */
  const nameSources = (sends: SendRecord[]) => {
    setupSends = null;
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
        if (expiresAt <= since || forfeitedBeforeSources) continue; // it would be gone already
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
        unmade.push(lot);
      }
      s.lot = lot;
    }
  };
  /** Makes a lot of rule 17 at the reply that returns a credit to it. */
  const make = (lot: Lot) => {
    unmade = unmade.filter((l) => l !== lot);
    lot.seq = seq++;
    live.push(lot);
    nextExpiry = Math.min(nextExpiry, lot.expiresAt);
    lastExpiry = Math.max(lastExpiry, lot.expiresAt);
  };
  /** The live lot with credits left that is spent first (rule 5's order). */
  const firstToSpend = (): Lot | null => spending.first();

  let nextGrant = grantAtOrAfter(terms, since);
  let i = 0;
  for (;;) {
    const tEvent = i < times.length ? (times[i] as number) : Number.POSITIVE_INFINITY;
    const t = Math.min(tEvent, nextGrant);
    if (t > at) break;
    // Rule 17: the first instant after `since` (nothing happened at it): terms as at `since`.
    if (setupSends !== null && t > since) nameSources(setupSends);
    // (1) expiries
    expireUpTo(t);
    // (2) plan changes (rule 15)
    while (i < times.length && times[i] === t && (timed[i] as LedgerEvent).type === 'plan-changed') {
      const change = timed[i] as Extract<LedgerEvent, { type: 'plan-changed' }>;
      i++;
      if (change.forfeit ?? change.plan !== terms.plan) endAll('forfeited');
      terms = changedTerms(terms, change);
      nextGrant = grantAtOrAfter(terms, t);
    }
    // (3) the grant at t, capped (rules 1–3)
    if (nextGrant === t) {
      const room = Math.max(0, terms.cap - available);
      const amount = Math.min(terms.monthlyCredits, room);
      newLot('grant', t, addDays(terms.timeZone, t, LOT_DAYS), amount);
      totals.granted += amount;
      nextGrant = grantAtOrAfter(terms, t + 1);
    }
    // (4)–(8) the events at t, already in kind order
    while (i < times.length && times[i] === t) {
      const e = timed[i] as LedgerEvent;
      i++;
      // Rule 17: at `since`, once the opening balance made its lots.
      if (setupSends !== null && t >= since && e.type !== 'opening-balance') nameSources(setupSends);
      switch (e.type) {
        case 'opening-balance': {
          // Rule 13: LinkedIn's count replaces our lots by the lots it most likely holds.
          endAll('replaced');
          const zone = terms.timeZone;
          const grants = grantsAtOrBefore(terms, t, (g) => addDays(zone, g, LOT_DAYS) > t);
          openingLots = new Map();
          if (grants.length === 0) {
            // A plan that grants nothing: one lot, 90 days from now.
            newLot('opening-balance', t, addDays(zone, t, LOT_DAYS), e.balance);
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
              openingLots.set(
                g,
                newLot('opening-balance', g, addDays(zone, g, LOT_DAYS), fills[k] as number),
              );
            }
          }
          totals.granted += e.balance;
          observed = observe(observed, t, e.balance, 0);
          break;
        }
        case 'adjustment': {
          if (e.delta < 0) {
            // Rule 12: a negative adjustment consumes the lots that expire first, never below zero.
            let need = -e.delta;
            for (let lot = firstToSpend(); lot !== null && need > 0; lot = firstToSpend()) {
              const take = Math.min(need, lot.remaining);
              lot.remaining -= take;
              available -= take;
              need -= take;
              totals.removedByAdjustments += take;
            }
          } else {
            // A positive one is a new lot expiring with the live lot that expires last.
            const expiresAt = live.length > 0 ? lastExpiry : addDays(terms.timeZone, t, LOT_DAYS);
            newLot('adjustment', t, expiresAt, e.delta);
            totals.positiveAdjustments += e.delta;
          }
          if (observed !== null) observed.drift -= e.delta;
          break;
        }
        case 'inmail-sent': {
          // Rule 17: a paid send before `since` spends nothing and is never an overdraft.
          const beforeSetup = e.beforeSetup === true && e.cost === 'paid' && t < since;
          const record: SendRecord = {
            id: e.id,
            at: t,
            threadId: e.threadId,
            cost: e.cost,
            recipient: e.recipient,
            surface: e.surface,
            ...(e.costUnknown ? { costUnknown: true as const } : {}),
            ...(beforeSetup ? { beforeSetup: true as const } : {}),
            lot: null,
            overdraft: false,
            windowClosesAt: addDays(terms.timeZone, t, REFUND_WINDOW_DAYS),
            answer: null,
            prevAwaiting: null,
          };
          sends.push(record);
          if (e.cost !== 'paid') break; // rule 6: free sends touch no lot
          const lot = beforeSetup ? null : firstToSpend();
          if (beforeSetup) {
            setupSends ??= [];
            setupSends.push(record);
          } else if (lot === null) {
            record.overdraft = true; // rule 7
            overdraft++;
          } else {
            lot.remaining--;
            available--;
            totals.spent++;
            record.lot = lot;
          }
          record.prevAwaiting = awaiting.get(e.threadId) ?? null;
          awaiting.set(e.threadId, record);
          break;
        }
        case 'reply-received': {
          // Rule 9: the first response at or after a paid send decides its fate.
          const latest = awaiting.get(e.threadId);
          if (latest === undefined) break;
          awaiting.delete(e.threadId);
          for (let s: SendRecord | null = latest; s !== null; s = s.prevAwaiting) {
            const inWindow = t <= s.windowClosesAt;
            // Rule 10: back to its own lot, only while that lot is live.
            const refunded = inWindow && s.lot !== null && s.lot.state === 'live';
            s.answer = { at: t, kind: e.kind, inWindow, refunded };
            if (!inWindow) {
              lateReplies++;
              continue;
            }
            replied++;
            if (refunded && s.lot) {
              if (s.lot.source === 'before-setup' && s.lot.seq < 0) make(s.lot);
              if (s.lot.remaining++ === 0) spending.add(s.lot);
              available++;
              totals.refunded++;
            }
          }
          break;
        }
        case 'observed-balance':
          observed = observe(observed, t, e.balance, e.balance - available);
          break;
        case 'plan-changed':
        case 'voided':
          break; // handled above / already applied
      }
    }
    if (setupSends !== null && t >= since) nameSources(setupSends);
  }
  if (setupSends !== null && at >= since) nameSources(setupSends);
  expireUpTo(at);

  return {
    seat,
    at,
    terms,
    live,
    available,
    nextGrantAt: grantAtOrAfter(terms, at + 1),
    sends,
    overdraft,
    replied,
    lateReplies,
    observed,
    totals,
  };
}
