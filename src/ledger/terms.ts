// A seat's terms (plan, monthly credits, cap, grant day, time zone) and the grant
// instants they imply (CREDIT-RULES.md rules 1 and 15).

import type { PlanChanged, Seat } from './events';
import { PLANS, type PlanId } from './plans';
import { daysInMonth, localDate, startOfLocalDay } from './zoned-time';

export interface Terms {
  plan: PlanId;
  monthlyCredits: number;
  cap: number;
  grantDay: number;
  timeZone: string;
}

/** Each grant is a lot that expires 90 days after it was granted (rule 2). */
export const LOT_DAYS = 90;

/** A ledger file's defaults: grant day 1, UTC (rule 1). */
export const DEFAULT_GRANT_DAY = 1;
export const DEFAULT_TIME_ZONE = 'UTC';

function termsFor(
  plan: PlanId,
  overrides: { monthlyCredits?: number; cap?: number },
  grantDay: number,
  timeZone: string,
): Terms {
  const spec = PLANS[plan];
  // A cancelled seat grants nothing, whatever numbers came with it.
  const monthlyCredits = plan === 'none' ? 0 : (overrides.monthlyCredits ?? spec.monthlyCredits);
  const cap = overrides.cap ?? spec.cap(monthlyCredits);
  return { plan, monthlyCredits, cap, grantDay, timeZone };
}

/** The terms a seat started with at `since`. */
export function seatTerms(seat: Seat): Terms {
  return termsFor(seat.plan, seat, seat.grantDay ?? DEFAULT_GRANT_DAY, seat.timeZone ?? DEFAULT_TIME_ZONE);
}

/**
 * Terms after a plan change (rule 15): monthly credits and cap default to the new
 * plan's (earlier overrides do not carry over), grant day and zone to those in force.
 */
export function changedTerms(current: Terms, change: PlanChanged): Terms {
  return termsFor(
    change.plan,
    change,
    change.grantDay ?? current.grantDay,
    change.timeZone ?? current.timeZone,
  );
}

export function grantsNothing(terms: Terms): boolean {
  return terms.monthlyCredits === 0;
}

/** 00:00 local on the grant day of a month; short months use their last day (rule 1). */
export function grantInstantOfMonth(terms: Terms, year: number, month: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return startOfLocalDay(terms.timeZone, y, m, Math.min(terms.grantDay, daysInMonth(y, m)));
}

/** The first grant instant at or after `at`; Infinity when the terms grant nothing. */
export function grantAtOrAfter(terms: Terms, at: number): number {
  if (grantsNothing(terms)) return Number.POSITIVE_INFINITY;
  const { year, month } = localDate(terms.timeZone, at);
  for (let k = -1; k <= 2; k++) {
    const g = grantInstantOfMonth(terms, year, month + k);
    if (g >= at) return g;
  }
  throw new Error('unreachable: a grant falls in every month');
}

/** Grant instants at or before `at`, newest first, while `keep` holds. */
export function grantsAtOrBefore(terms: Terms, at: number, keep: (grant: number) => boolean): number[] {
  const out: number[] = [];
  if (grantsNothing(terms)) return out;
  const { year, month } = localDate(terms.timeZone, at);
  for (let k = 1; k >= -24; k--) {
    const g = grantInstantOfMonth(terms, year, month + k);
    if (g > at) continue;
    if (!keep(g)) break;
    out.push(g);
  }
  return out;
}
