// What to tell the rep today: at most one notification per seat per day, a digest of
// everything due, each lot and threshold announced once, nothing due dropped (a digest
// already shown today holds the rest for tomorrow's). Pure: the wiring lives elsewhere.

import { expiriesAfter } from '../ledger/glance';
import type { Summary } from '../ledger/summarize';
import { addDays, DAY_MS, fromWallClock, localDateString, wallClock } from '../ledger/zoned-time';
import { agree, count, deadlineWords } from '../ui/words';

export const REFUND_NOTICE_DAYS = 7;

export interface DigestInput {
  seat: { id: string; label: string; timeZone: string };
  summary: Summary;
  now: number;
  /** Days before an expiry to announce it, e.g. [7, 2]. */
  thresholds: readonly number[];
  notifyRefundWindows: boolean;
  /** Keys announced before (`lot:<expiresAt>:<days>`, `refund:<threadId>:<sentAt>`). */
  announced: ReadonlySet<string>;
  /** Local date of this seat's last digest, or null. */
  lastDigestDay: string | null;
  /**
   * Pending refunds and the last instant each credit can still come back: the earlier of
   * its window's close and its lot's expiry (a lot always expires first, rule 10).
   */
  refundDeadlines?: readonly { key: string; at: number }[];
}

export interface Digest {
  day: string;
  title: string;
  message: string;
  /** Keys to remember as announced once the notification is shown. */
  keys: string[];
}

interface Due {
  keys: string[];
  text: string;
}

/** Everything due now that has not been announced. */
export function dueItems(input: DigestInput): Due[] {
  const { seat, summary, now, announced } = input;
  const zone = seat.timeZone;
  const thresholds = [...new Set(input.thresholds)].sort((a, b) => a - b);
  const out: Due[] = [];
  for (const { at: expiresAt, credits } of expiriesAfter(summary, now)) {
    // The nearest threshold already reached; reaching it covers every larger one too.
    const reached = thresholds.find((d) => now >= addDays(zone, expiresAt, -d));
    if (reached === undefined) continue;
    const keys = thresholds
      .filter((d) => d >= reached)
      .map((d) => `lot:${new Date(expiresAt).toISOString()}:${d}`);
    if (keys.every((k) => announced.has(k))) continue;
    out.push({
      keys,
      text: `${count(credits, 'credit')} ${agree(credits, 'expires', 'expire')} ${deadlineWords(expiresAt, now)}`,
    });
  }
  if (input.notifyRefundWindows) {
    const horizon = addDays(zone, now, REFUND_NOTICE_DAYS);
    const due = (input.refundDeadlines ?? []).filter(
      (d) => d.at > now && d.at <= horizon && !announced.has(`refund:${d.key}`),
    );
    if (due.length > 0) {
      // The same words as the popup's rows and the thread overlay, for the deadline that binds first.
      const first = Math.min(...due.map((d) => d.at));
      out.push({
        keys: due.map((d) => `refund:${d.key}`),
        text: `${count(due.length, 'InMail')} awaiting a reply: credit back if they reply by ${deadlineWords(first, now)}${due.length > 1 ? ' (the first of them)' : ''}`,
      });
    }
  }
  return out;
}

/** The digest to show now, or null (nothing due, or this seat had its digest today). */
export function digestFor(input: DigestInput): Digest | null {
  const day = localDateString(input.seat.timeZone, input.now);
  if (input.lastDigestDay === day) return null;
  const due = dueItems(input);
  if (due.length === 0) return null;
  return {
    day,
    title: `InMail credits · ${input.seat.label}`,
    message: due.map((d) => d.text).join(' · '),
    keys: due.flatMap((d) => d.keys),
  };
}

/**
 * The next instant something may become due for this seat after `now`: a threshold
 * crossing, an expiry, a window closing, a grant, or tomorrow when a digest is held.
 */
export function nextWake(input: DigestInput): number {
  const { seat, summary, now } = input;
  const zone = seat.timeZone;
  const candidates: number[] = [];
  for (const lot of summary.lots) {
    const expiresAt = Date.parse(lot.expiresAt);
    candidates.push(expiresAt);
    for (const d of input.thresholds) candidates.push(addDays(zone, expiresAt, -d));
  }
  for (const item of summary.pendingRefunds.items) candidates.push(Date.parse(item.windowClosesAt));
  if (input.notifyRefundWindows) {
    for (const d of input.refundDeadlines ?? []) candidates.push(addDays(zone, d.at, -REFUND_NOTICE_DAYS));
  }
  if (summary.nextGrant) candidates.push(Date.parse(summary.nextGrant.at));
  const today = localDateString(zone, now);
  if (input.lastDigestDay === today && dueItems(input).length > 0) {
    // Tomorrow's first instant, when the held items can go out.
    candidates.push(fromWallClock(zone, (Math.floor(wallClock(zone, now) / DAY_MS) + 1) * DAY_MS));
  }
  return candidates.filter((t) => t > now).reduce((min, t) => Math.min(min, t), Infinity);
}
