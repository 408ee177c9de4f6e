// The toolbar badge: the active seat's available credits, coloured by urgency.

import { expiriesAfter } from '../ledger/glance';
import type { Summary } from '../ledger/summarize';
import { addDays } from '../ledger/zoned-time';
import type { Snapshot } from '../messages/snapshot';
import { agree, count, localWhen, URGENT_DAYS } from '../ui/words';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  neutral: '#0a66c2',
  amber: '#b45309',
  red: '#cc1016',
  /** No credit left: nothing to lose, nothing to send with; not an alarm. */
  empty: '#5e5e5e',
} as const;

/**
 * Red means one thing: credits you hold expire within this many days (send them or lose
 * them). Amber: within the farthest expiry threshold. Grey: no credit left.
 */
export const RED_DAYS = URGENT_DAYS;

export function badgeFor(
  summary: Summary | null,
  seatLabel: string,
  timeZone: string,
  thresholdDays: number,
): Badge {
  if (summary === null)
    return { text: '', color: BADGE_COLORS.neutral, title: 'InMail Ledger: set up your seat' };
  const at = Date.parse(summary.at);
  const next = expiriesAfter(summary, at)[0];
  const within = (days: number) => next !== undefined && next.at <= addDays(timeZone, at, days);
  const parts = [count(summary.available, 'InMail credit')];
  let color: string = BADGE_COLORS.neutral;
  if (next) {
    const { credits } = next;
    const expire = `${credits} ${agree(credits, 'expires', 'expire')} ${localWhen(next.at, at)}`;
    if (within(RED_DAYS)) {
      color = BADGE_COLORS.red;
      parts.push(`${expire}: send ${credits === 1 ? 'it' : 'them'} or lose ${credits === 1 ? 'it' : 'them'}`);
    } else if (within(thresholdDays)) {
      color = BADGE_COLORS.amber;
      parts.push(expire);
    } else parts.push(expire);
  }
  if (summary.available === 0) {
    color = BADGE_COLORS.empty;
    if (summary.nextGrant && summary.nextGrant.credits > 0)
      parts.push(`next ${summary.nextGrant.credits} on ${localWhen(Date.parse(summary.nextGrant.at), at)}`);
  }
  const pending = summary.pendingRefunds.count;
  if (pending > 0) parts.push(`${count(pending, 'refund')} pending`);
  return { text: String(summary.available), color, title: `${parts.join(' · ')} (${seatLabel})` };
}

/** The badge of a snapshot: its active seat's, amber within the user's farthest expiry threshold. */
export function snapshotBadge(snapshot: Snapshot): Badge {
  const active = snapshot.seats.find((s) => s.id === snapshot.activeSeat);
  return badgeFor(
    snapshot.summary,
    active?.label ?? '',
    active?.timeZone ?? 'UTC',
    Math.max(0, ...snapshot.settings.expiryThresholds),
  );
}
