// Replays a seat's history up to a moment: lots granted, spent, refunded, expired,
// forfeited, replaced and adjusted, exactly as CREDIT-RULES.md orders them (rule 16).
// Pure: time is a parameter, nothing is read from the environment. The events of each kind
// are applied in replay-*.ts; the lots are kept in lots.ts.

import { effectiveEvents, instantOf } from './effective-events';
import type { LedgerEvent, Seat } from './events';
import type { LedgerState, Replaying, Totals } from './ledger-state';
import { Lots } from './lots';
import { replyReceived } from './replay-answers';
import { adjustment, observedBalance, openingBalance } from './replay-balances';
import { nameSources } from './replay-before-setup';
import { inmailSent } from './replay-sends';
import { changedTerms, grantAtOrAfter, LOT_DAYS, seatTerms } from './terms';
import { addDays } from './zoned-time';

export type { LedgerState, Observation, SendRecord, Totals } from './ledger-state';
export type { Lot } from './lots';
export { REFUND_WINDOW_DAYS } from './replay-sends';
export { LOT_DAYS };

/** Replays `events` of `seat` up to and including the instant `at` (epoch ms). */
export function replay(seat: Seat, events: readonly LedgerEvent[], at: number): LedgerState {
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
  const r: Replaying = {
    since,
    terms: seatTerms(seat),
    lots: new Lots(totals),
    totals,
    sends: [],
    awaiting: new Map(),
    overdraft: 0,
    replied: 0,
    lateReplies: 0,
    observed: null,
    setupSends: null,
    openingLots: null,
  };
  const { lots } = r;

  let nextGrant = grantAtOrAfter(r.terms, since);
  let i = 0;
  for (;;) {
    const tEvent = i < times.length ? (times[i] as number) : Number.POSITIVE_INFINITY;
    const t = Math.min(tEvent, nextGrant);
    if (t > at) break;
    // Rule 17: the first instant after `since` (nothing happened at it): terms as at `since`.
    if (r.setupSends !== null && t > since) nameSources(r);
    // (1) expiries
    lots.expireUpTo(t);
    // (2) plan changes (rule 15)
    while (i < times.length && times[i] === t && (timed[i] as LedgerEvent).type === 'plan-changed') {
      const change = timed[i] as Extract<LedgerEvent, { type: 'plan-changed' }>;
      i++;
      if (change.forfeit ?? change.plan !== r.terms.plan) lots.endAll('forfeited');
      r.terms = changedTerms(r.terms, change);
      nextGrant = grantAtOrAfter(r.terms, t);
    }
    // (3) the grant at t, capped (rules 1–3)
    if (nextGrant === t) {
      const { terms } = r;
      const room = Math.max(0, terms.cap - lots.available);
      const amount = Math.min(terms.monthlyCredits, room);
      lots.add('grant', t, addDays(terms.timeZone, t, LOT_DAYS), amount);
      totals.granted += amount;
      nextGrant = grantAtOrAfter(terms, t + 1);
    }
    // (4)–(8) the events at t, already in kind order
    while (i < times.length && times[i] === t) {
      const e = timed[i] as LedgerEvent;
      i++;
      // Rule 17: at `since`, once the opening balance made its lots.
      if (r.setupSends !== null && t >= since && e.type !== 'opening-balance') nameSources(r);
      switch (e.type) {
        case 'opening-balance':
          openingBalance(r, e, t);
          break;
        case 'adjustment':
          adjustment(r, e, t);
          break;
        case 'inmail-sent':
          inmailSent(r, e, t);
          break;
        case 'reply-received':
          replyReceived(r, e, t);
          break;
        case 'observed-balance':
          observedBalance(r, e, t);
          break;
        case 'plan-changed':
        case 'voided':
          break; // handled above / already applied
      }
    }
    if (r.setupSends !== null && t >= since) nameSources(r);
  }
  if (r.setupSends !== null && at >= since) nameSources(r);
  lots.expireUpTo(at);

  return {
    seat,
    at,
    terms: r.terms,
    live: lots.live,
    available: lots.available,
    nextGrantAt: grantAtOrAfter(r.terms, at + 1),
    sends: r.sends,
    overdraft: r.overdraft,
    replied: r.replied,
    lateReplies: r.lateReplies,
    observed: r.observed,
    totals,
  };
}
