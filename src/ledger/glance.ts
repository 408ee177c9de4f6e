// Figures the popup, the badge and the digests read off a summary: what expires when (beyond
// the summary's horizon), what the cap takes of the next grant, and LinkedIn's last reading
// carried forward to now (rule 11). Pure, like the rest of the ledger: the UI only words them.

import type { Summary } from './summarize';

/** Credits by expiry instant after `at`, soonest first, only instants that still hold credits. */
export function expiriesAfter(summary: Summary, at: number): { at: number; credits: number }[] {
  const byAt = new Map<number, number>();
  for (const lot of summary.lots) {
    const expiresAt = Date.parse(lot.expiresAt);
    if (lot.remaining > 0 && expiresAt > at) byAt.set(expiresAt, (byAt.get(expiresAt) ?? 0) + lot.remaining);
  }
  return [...byAt].sort((a, b) => a[0] - b[0]).map(([expiresAt, credits]) => ({ at: expiresAt, credits }));
}

/** How many of the next grant's `monthlyCredits` the cap takes (rule 3), and when; null: none. */
export function capLoss(summary: Summary, monthlyCredits: number): { lost: number; at: number } | null {
  const grant = summary.nextGrant;
  if (grant === null || grant.credits >= monthlyCredits) return null;
  return { lost: monthlyCredits - grant.credits, at: Date.parse(grant.at) };
}

/** LinkedIn's last reading beside ours: what it showed, what we had then, and what it means now. */
export interface ReadingNow {
  shown: number;
  at: number;
  /** Our count at the moment of the reading. */
  weHad: number;
  /** Our count now. */
  ours: number;
  /** The reading carried forward through what we recorded since: what adopting it sets. */
  now: number;
}

/** Null when LinkedIn's count was never read, or agreed with ours. */
export function readingNow(summary: Summary): ReadingNow | null {
  const observed = summary.observed;
  if (observed === null || observed.drift === 0) return null;
  return {
    shown: observed.balance,
    at: Date.parse(observed.at),
    weHad: observed.balance - observed.drift,
    ours: summary.available,
    now: summary.available + observed.drift,
  };
}
