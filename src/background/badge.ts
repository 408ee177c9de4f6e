// The toolbar badge: the active seat's available credits, coloured by urgency.

import type { Summary } from '../ledger/summarize';
import { addDays } from '../ledger/zoned-time';
import type { Snapshot } from '../messages/snapshot';
import { shortDate } from '../ui/format';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  neutral: '#0a66c2',
  amber: '#b45309',
  red: '#cc1016',
} as const;

/** Red at 0 or within this many days of an expiry. */
export const RED_DAYS = 2;

export function badgeFor(
  summary: Summary | null,
  seatLabel: string,
  timeZone: string,
  thresholdDays: number,
): Badge {
  if (summary === null)
    return { text: '', color: BADGE_COLORS.neutral, title: 'InMail Ledger: set up your seat' };
  const at = Date.parse(summary.at);
  const soonest = summary.lots.reduce<number>((min, l) => Math.min(min, Date.parse(l.expiresAt)), Infinity);
  const within = (days: number) => Number.isFinite(soonest) && soonest <= addDays(timeZone, at, days);
  const color =
    summary.available === 0 || within(RED_DAYS)
      ? BADGE_COLORS.red
      : within(thresholdDays)
        ? BADGE_COLORS.amber
        : BADGE_COLORS.neutral;
  const parts = [`${summary.available} InMail credit${summary.available === 1 ? '' : 's'}`];
  if (Number.isFinite(soonest)) {
    const credits = summary.lots
      .filter((l) => Date.parse(l.expiresAt) === soonest)
      .reduce((sum, l) => sum + l.remaining, 0);
    parts.push(`${credits} expire ${shortDate(soonest, timeZone)}`);
  }
  const pending = summary.pendingRefunds.count;
  if (pending > 0) parts.push(`${pending} refund${pending === 1 ? '' : 's'} pending`);
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
