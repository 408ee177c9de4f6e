// The words every surface uses for the same thing (popup rows, thread overlay, notifications,
// "How we count"): one name per state, plurals by the language's rules, and instants in the
// rep's own time zone. Counting stays in the seat's zone (rule 1); only display is local.

import type { SendStatus } from '../ledger/send-status';

const plurals = new Intl.PluralRules('en-US');

/** "1 credit", "2 credits", "0 credits": the count and the noun that agrees with it. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plurals.select(n) === 'one' ? one : many}`;
}

/** The verb that agrees with a count: "1 credit expires", "3 credits expire". */
export function agree(n: number, one: string, many: string): string {
  return plurals.select(n) === 'one' ? one : many;
}

/** The name of each state of a send, the same on every surface. */
export const STATUS_NAMES: Record<SendStatus, string> = {
  awaiting: 'Awaiting reply',
  refunded: 'Refunded',
  'replied-no-credit': 'Replied · no credit back',
  'late-reply': 'Late reply · no credit back',
  'window-closed': 'No reply · no credit back',
  free: 'Free · no credit spent',
};

const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'day' | 'clock' | 'iso', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone })
        : kind === 'clock'
          ? new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone })
          : new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    formats.set(key, f);
  }
  return f;
}

/** Whole calendar days from `now` to `at` where the rep is (0 = today, 1 = tomorrow). */
export function calendarDays(now: number, at: number, timeZone?: string): number {
  const day = (t: number) => {
    const [y, m, d] = format('iso', timeZone).format(t).split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return day(at) - day(now);
}

/** "today", "tomorrow", "in 5 days", "yesterday", "3 days ago". */
export function relativeDay(now: number, at: number, timeZone?: string): string {
  const days = calendarDays(now, at, timeZone);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 1 ? `in ${days} days` : `${-days} days ago`;
}

/**
 * "Nov 30" farther away, "Nov 30, 3:00 PM" yesterday, today or tomorrow (within about 48 hours,
 * by the calendar, so a figure never flips with the milliseconds), in the rep's zone.
 */
export function localWhen(at: number, now: number, timeZone?: string): string {
  const day = format('day', timeZone).format(at);
  return Math.abs(calendarDays(now, at, timeZone)) <= 1
    ? `${day}, ${format('clock', timeZone).format(at)}`
    : day;
}

/** "Nov 30, 3:00 PM · tomorrow": the instant and how far it is. */
export function deadlineWords(at: number, now: number, timeZone?: string): string {
  return `${localWhen(at, now, timeZone)} · ${relativeDay(now, at, timeZone)}`;
}

/** How pressing a deadline is: red within 2 days, amber within 7. */
export type Urgency = 'urgent' | 'soon' | 'calm';
export const URGENT_DAYS = 2;
export const SOON_DAYS = 7;
export function urgencyOf(at: number, now: number): Urgency {
  const days = (at - now) / 86_400_000;
  return days <= URGENT_DAYS ? 'urgent' : days <= SOON_DAYS ? 'soon' : 'calm';
}

export interface RefundWords {
  text: string;
  /** Calm for a state that asks nothing of the rep; urgent or soon for a deadline that binds. */
  urgency: Urgency;
  /** Whether the credit came back or the send cost nothing. */
  good: boolean;
}

/**
 * Where a send stands, in the same words on every surface. While it awaits a reply, the
 * deadline that binds (the earlier of the refund window's close and its credit's expiry), or
 * that no credit can come back (its credit expired, a plan change forfeited it, an overdraft).
 */
export function refundWords(
  row: { status: SendStatus; refundDeadline?: string },
  now: number,
  timeZone?: string,
): RefundWords {
  if (row.status === 'awaiting') {
    if (!row.refundDeadline)
      return { text: 'Awaiting reply · no credit back possible', urgency: 'calm', good: false };
    const at = Date.parse(row.refundDeadline);
    return {
      text: `Credit back if they reply by ${deadlineWords(at, now, timeZone)}`,
      urgency: urgencyOf(at, now),
      good: false,
    };
  }
  return {
    text: STATUS_NAMES[row.status],
    urgency: 'calm',
    good: row.status === 'refunded' || row.status === 'free',
  };
}

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
export function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${count(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${count(hours, 'hour')} ago`;
  return `${count(Math.round(hours / 24), 'day')} ago`;
}
