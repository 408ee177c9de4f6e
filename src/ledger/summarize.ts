// The summary of a seat at a moment: what the popup, the badge, the overlays and the
// CLI show (CREDIT-RULES.md, "Questions the product answers"; DESIGN.md contract 2).

import type { LedgerEvent, Seat } from './events';
import { formatInstant, parseInstant } from './instant';
import { type LedgerState, LOT_DAYS, type Lot, replay, type SendRecord } from './replay';
import { bySpendingOrder } from './spending-order';
import { grantAtOrAfter } from './terms';
import { addDays, DAY_MS, fromWallClock, wallClock } from './zoned-time';

export const DEFAULT_HORIZON_DAYS = 7;
export const FORECAST_DAYS = 90;

export interface SummaryOptions {
  /** The horizon N of `expiring` and `closingSoon`, in days (default 7). */
  days?: number;
}

export interface Summary {
  seat: string;
  at: string;
  available: number;
  lots: { grantedAt: string; expiresAt: string; granted: number; remaining: number }[];
  expiring: { withinDays: number; credits: number; byDate: { at: string; credits: number }[] };
  nextGrant: { at: string; credits: number } | null;
  pendingRefunds: {
    count: number;
    closingSoon: number;
    items: { threadId: string; sentAt: string; windowClosesAt: string }[];
  };
  stats: {
    paidSent: number;
    freeSent: number;
    replied: number;
    refunded: number;
    lateReplies: number;
    expired: number;
    forfeited: number;
    responseRate: number | null;
  };
  overdraft: number;
  observed: { at: string; balance: number; drift: number } | null;
  forecast: { date: string; available: number; bestCase: number }[];
}

/**
 * A paid send whose credit can still come back: unanswered, window open, and the lot its
 * credit returns to live at `at` (the lot that paid; for a send before setup, rule 17's lot,
 * which a reply may have yet to make). An overdraft took no credit: never pending.
 */
export function isPendingRefund(send: SendRecord, at: number): boolean {
  return (
    send.cost === 'paid' &&
    send.answer === null &&
    send.lot !== null &&
    send.lot.state === 'live' &&
    at < send.lot.expiresAt &&
    at <= send.windowClosesAt
  );
}

/**
 * Until when a response still brings a pending send's credit back: the earlier of its
 * window's close and the expiry of the lot the credit returns to (for a send before setup
 * whose lot a reply has yet to make, 90 days after its grant). Null when nothing can come back.
 */
export function refundDeadline(send: SendRecord, at: number): number | null {
  if (!isPendingRefund(send, at)) return null;
  return Math.min(send.windowClosesAt, (send.lot as Lot).expiresAt);
}

/** Sends before setup (rule 17) as the report lists them apart. */
export interface BeforeSetupCounts {
  sent: number;
  replied: number;
  refunded: number;
  lateReplies: number;
  /** Still awaiting a response whose credit can come back. */
  pending: number;
}

export function beforeSetupCounts(state: LedgerState): BeforeSetupCounts {
  const counts: BeforeSetupCounts = { sent: 0, replied: 0, refunded: 0, lateReplies: 0, pending: 0 };
  for (const s of state.sends) {
    if (!s.beforeSetup) continue;
    counts.sent++;
    if (s.answer !== null) {
      if (!s.answer.inWindow) counts.lateReplies++;
      else {
        counts.replied++;
        if (s.answer.refunded) counts.refunded++;
      }
    } else if (isPendingRefund(s, state.at)) counts.pending++;
  }
  return counts;
}

/** Pending refunds, soonest window first. */
export function pendingRefunds(state: LedgerState): SendRecord[] {
  return state.sends
    .filter((s) => isPendingRefund(s, state.at))
    .sort((a, b) => a.windowClosesAt - b.windowClosesAt || a.at - b.at || (a.id < b.id ? -1 : 1));
}

interface SimLot {
  expiresAt: number;
  remaining: number;
}

/**
 * Available at the end of each local day from the day of `at`, if nothing is sent or
 * answered: lots expire, grants arrive under the cap (rules 2–4).
 */
function simulate(state: LedgerState, lots: SimLot[], ends: number[]): number[] {
  const { terms } = state;
  let live = lots.map((l) => ({ ...l }));
  let available = live.reduce((sum, l) => sum + l.remaining, 0);
  let nextGrant = state.nextGrantAt;
  const out: number[] = [];
  for (const end of ends) {
    for (;;) {
      let nextExpiry = Number.POSITIVE_INFINITY;
      for (const l of live) nextExpiry = Math.min(nextExpiry, l.expiresAt);
      const t = Math.min(nextExpiry, nextGrant);
      if (t > end) break;
      if (nextExpiry <= t) {
        live = live.filter((l) => {
          if (l.expiresAt > t) return true;
          available -= l.remaining;
          return false;
        });
      }
      if (nextGrant === t) {
        const amount = Math.min(terms.monthlyCredits, Math.max(0, terms.cap - available));
        live.push({ expiresAt: addDays(terms.timeZone, t, LOT_DAYS), remaining: amount });
        available += amount;
        // Terms stay as at `at`: events after the moment asked about are ignored.
        nextGrant = grantAtOrAfter(terms, t + 1);
      }
    }
    out.push(available);
  }
  return out;
}

/** The summary of a replayed state. */
export function summaryOf(state: LedgerState, options: SummaryOptions = {}): Summary {
  const { at, terms } = state;
  const zone = terms.timeZone;
  const days = options.days ?? DEFAULT_HORIZON_DAYS;
  const horizon = addDays(zone, at, days);

  const withCredits = state.live.filter((l) => l.remaining > 0).sort(bySpendingOrder);
  const expiringByDate = new Map<number, number>();
  for (const l of withCredits) {
    if (l.expiresAt <= horizon)
      expiringByDate.set(l.expiresAt, (expiringByDate.get(l.expiresAt) ?? 0) + l.remaining);
  }
  const byDate = [...expiringByDate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, credits]) => ({ at: formatInstant(t), credits }));

  let nextGrant: Summary['nextGrant'] = null;
  if (Number.isFinite(state.nextGrantAt)) {
    const g = state.nextGrantAt;
    const left = state.live.reduce((sum, l) => sum + (l.expiresAt <= g ? 0 : l.remaining), 0);
    nextGrant = {
      at: formatInstant(g),
      credits: Math.min(terms.monthlyCredits, Math.max(0, terms.cap - left)),
    };
  }

  const pending = pendingRefunds(state);

  let paidSent = 0;
  let freeSent = 0;
  for (const s of state.sends) {
    if (s.cost === 'paid') paidSent++;
    else freeSent++;
  }

  // Forecast: end of each local day = one millisecond before the next local midnight.
  const today = Math.floor(wallClock(zone, at) / DAY_MS) * DAY_MS;
  const ends: number[] = [];
  const dates: string[] = [];
  for (let k = 0; k < FORECAST_DAYS; k++) {
    ends.push(fromWallClock(zone, today + (k + 1) * DAY_MS) - 1);
    dates.push(new Date(today + k * DAY_MS).toISOString().slice(0, 10));
  }
  const lots = state.live.map((l) => ({ expiresAt: l.expiresAt, remaining: l.remaining }));
  const refundsByLot = new Map<Lot, number>();
  for (const s of pending) if (s.lot) refundsByLot.set(s.lot, (refundsByLot.get(s.lot) ?? 0) + 1);
  const bestLots = state.live.map((l) => {
    const back = refundsByLot.get(l) ?? 0;
    refundsByLot.delete(l);
    return { expiresAt: l.expiresAt, remaining: l.remaining + back };
  });
  // Rule 17's lots a reply would make (sends before setup, no opening balance).
  for (const [l, back] of refundsByLot) bestLots.push({ expiresAt: l.expiresAt, remaining: back });
  const expected = simulate(state, lots, ends);
  const best = simulate(state, bestLots, ends);

  return {
    seat: state.seat.id,
    at: formatInstant(at),
    available: state.available,
    lots: withCredits.map((l) => ({
      grantedAt: formatInstant(l.grantedAt),
      expiresAt: formatInstant(l.expiresAt),
      granted: l.granted,
      remaining: l.remaining,
    })),
    expiring: {
      withinDays: days,
      credits: byDate.reduce((sum, d) => sum + d.credits, 0),
      byDate,
    },
    nextGrant,
    pendingRefunds: {
      count: pending.length,
      closingSoon: pending.filter((s) => s.windowClosesAt <= horizon).length,
      items: pending.map((s) => ({
        threadId: s.threadId,
        sentAt: formatInstant(s.at),
        windowClosesAt: formatInstant(s.windowClosesAt),
      })),
    },
    stats: {
      paidSent,
      freeSent,
      replied: state.replied,
      refunded: state.totals.refunded,
      lateReplies: state.lateReplies,
      expired: state.totals.expired,
      forfeited: state.totals.forfeited,
      responseRate: paidSent === 0 ? null : state.replied / paidSent,
    },
    overdraft: state.overdraft,
    observed:
      state.observed === null
        ? null
        : {
            at: formatInstant(state.observed.at),
            balance: state.observed.balance,
            drift: state.observed.drift,
          },
    forecast: dates.map((date, k) => ({
      date,
      available: expected[k] as number,
      bestCase: best[k] as number,
    })),
  };
}

/**
 * The summary of a seat at `at` (an ISO instant with offset, or epoch ms).
 * The one function every part of the product asks for figures.
 */
export function summarize(
  seat: Seat,
  events: readonly LedgerEvent[],
  at: string | number,
  options: SummaryOptions = {},
): Summary {
  const t = typeof at === 'number' ? at : parseInstant(at);
  if (t === null || !Number.isFinite(t)) throw new RangeError(`not an instant: ${String(at)}`);
  return summaryOf(replay(seat, events, t), options);
}
