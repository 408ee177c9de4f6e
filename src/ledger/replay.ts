// Replays a seat's history up to a moment: lots granted, spent, refunded, expired,
// forfeited, replaced and adjusted, exactly as CREDIT-RULES.md orders them (rule 16).
// Pure: time is a parameter, nothing is read from the environment.

import type { LedgerEvent, ResponseKind, Seat, SendCost } from './events';
import { parseInstant } from './instant';
import { changedTerms, grantAtOrAfter, grantsAtOrBefore, seatTerms, type Terms } from './terms';
import { addDays } from './zoned-time';

export const LOT_DAYS = 90;
export const REFUND_WINDOW_DAYS = 90;

export interface Lot {
  grantedAt: number;
  expiresAt: number;
  granted: number;
  remaining: number;
  /** Creation order, the last tie-break of "expires first". */
  seq: number;
  source: 'grant' | 'opening-balance' | 'adjustment';
  state: 'live' | 'expired' | 'forfeited' | 'replaced';
}

export interface SendRecord {
  id: string;
  at: number;
  threadId: string;
  cost: SendCost;
  recipient?: { name?: string; profileUrl?: string };
  surface?: string;
  /** The lot that paid; null for free sends and overdrafts. */
  lot: Lot | null;
  overdraft: boolean;
  windowClosesAt: number;
  /** Fate decided by the first response at or after the send (rule 9). */
  answer: null | { at: number; kind?: ResponseKind; inWindow: boolean; refunded: boolean };
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

/** Order of kinds at one instant (rule 16); plan changes and grants come before all of these. */
const KIND_RANK: Record<LedgerEvent['type'], number> = {
  'plan-changed': 0,
  'opening-balance': 1,
  adjustment: 2,
  'inmail-sent': 3,
  'reply-received': 4,
  'observed-balance': 5,
  voided: 6,
};

interface Timed {
  t: number;
  rank: number;
  event: LedgerEvent;
}

function compareTimed(a: Timed, b: Timed): number {
  return a.t - b.t || a.rank - b.rank || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);
}

function instantOf(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new RangeError(`not an ISO 8601 instant with an offset: ${text}`);
  return t;
}

/**
 * The events that count: this seat's, each id once, voided targets removed
 * (whenever the void was recorded, rule 14), ordered by rule 16, up to `at`.
 */
function effectiveEvents(seat: Seat, events: readonly LedgerEvent[], at: number): Timed[] {
  const byId = new Map<string, LedgerEvent>();
  for (const e of events) {
    if (e.seat !== undefined && e.seat !== seat.id) continue;
    const seen = byId.get(e.id);
    // Same id twice: one event. Should the contents differ, keep one by a rule
    // that does not depend on the order the events came in.
    if (seen === undefined || (seen !== e && JSON.stringify(e) < JSON.stringify(seen))) {
      byId.set(e.id, e);
    }
  }
  const voided = new Set<string>();
  for (const e of byId.values()) {
    if (e.type === 'voided' && byId.get(e.target)?.type !== 'voided') voided.add(e.target);
  }
  const out: Timed[] = [];
  for (const e of byId.values()) {
    if (e.type === 'voided' || voided.has(e.id)) continue;
    const t = instantOf(e.at);
    if (t <= at) out.push({ t, rank: KIND_RANK[e.type], event: e });
  }
  return out.sort(compareTimed);
}

/** Replays `events` of `seat` up to and including the instant `at` (epoch ms). */
export function replay(seat: Seat, events: readonly LedgerEvent[], at: number): LedgerState {
  let terms = seatTerms(seat);
  const since = instantOf(seat.since);
  const timed = effectiveEvents(seat, events, at);
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
  const awaiting = new Map<string, SendRecord[]>();

  const newLot = (source: Lot['source'], grantedAt: number, expiresAt: number, granted: number) => {
    const lot: Lot = { grantedAt, expiresAt, granted, remaining: granted, seq: seq++, source, state: 'live' };
    live.push(lot);
    available += granted;
    return lot;
  };
  const expireUpTo = (t: number) => {
    if (!live.some((l) => l.expiresAt <= t)) return;
    live = live.filter((l) => {
      if (l.expiresAt > t) return true;
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
  };
  /** The live lot with credits left that expires first (rule 5's order). */
  const firstToSpend = (): Lot | null => {
    let best: Lot | null = null;
    for (const l of live) {
      if (l.remaining === 0) continue;
      if (
        best === null ||
        l.expiresAt < best.expiresAt ||
        (l.expiresAt === best.expiresAt &&
          (l.grantedAt < best.grantedAt || (l.grantedAt === best.grantedAt && l.seq < best.seq)))
      ) {
        best = l;
      }
    }
    return best;
  };

  let nextGrant = grantAtOrAfter(terms, since);
  let i = 0;
  for (;;) {
    const tEvent = i < timed.length ? (timed[i] as Timed).t : Number.POSITIVE_INFINITY;
    const t = Math.min(tEvent, nextGrant);
    if (t > at) break;
    // (1) expiries
    expireUpTo(t);
    // (2) plan changes (rule 15)
    while (i < timed.length && (timed[i] as Timed).t === t && (timed[i] as Timed).event.type === 'plan-changed') {
      const change = (timed[i] as Timed).event as Extract<LedgerEvent, { type: 'plan-changed' }>;
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
    while (i < timed.length && (timed[i] as Timed).t === t) {
      const e = (timed[i] as Timed).event;
      i++;
      switch (e.type) {
        case 'opening-balance': {
          // Rule 13: LinkedIn's count replaces our lots by the lots it most likely holds.
          endAll('replaced');
          const zone = terms.timeZone;
          const grants = grantsAtOrBefore(terms, t, (g) => addDays(zone, g, LOT_DAYS) > t);
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
              newLot('opening-balance', g, addDays(zone, g, LOT_DAYS), fills[k] as number);
            }
          }
          totals.granted += e.balance;
          observed = { at: t, balance: e.balance, drift: 0 };
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
            let expiresAt = Number.NEGATIVE_INFINITY;
            for (const l of live) expiresAt = Math.max(expiresAt, l.expiresAt);
            if (live.length === 0) expiresAt = addDays(terms.timeZone, t, LOT_DAYS);
            newLot('adjustment', t, expiresAt, e.delta);
            totals.positiveAdjustments += e.delta;
          }
          if (observed !== null) observed.drift -= e.delta;
          break;
        }
        case 'inmail-sent': {
          const record: SendRecord = {
            id: e.id,
            at: t,
            threadId: e.threadId,
            cost: e.cost,
            recipient: e.recipient,
            surface: e.surface,
            lot: null,
            overdraft: false,
            windowClosesAt: addDays(terms.timeZone, t, REFUND_WINDOW_DAYS),
            answer: null,
          };
          sends.push(record);
          if (e.cost !== 'paid') break; // rule 6: free sends touch no lot
          const lot = firstToSpend();
          if (lot === null) {
            record.overdraft = true; // rule 7
            overdraft++;
          } else {
            lot.remaining--;
            available--;
            totals.spent++;
            record.lot = lot;
          }
          const list = awaiting.get(e.threadId);
          if (list) list.push(record);
          else awaiting.set(e.threadId, [record]);
          break;
        }
        case 'reply-received': {
          // Rule 9: the first response at or after a paid send decides its fate.
          const list = awaiting.get(e.threadId);
          if (!list) break;
          awaiting.delete(e.threadId);
          for (const s of list) {
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
              s.lot.remaining++;
              available++;
              totals.refunded++;
            }
          }
          break;
        }
        case 'observed-balance':
          observed = { at: t, balance: e.balance, drift: e.balance - available };
          break;
        case 'plan-changed':
        case 'voided':
          break; // handled above / already applied
      }
    }
  }
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
