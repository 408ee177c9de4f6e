// Digest notifications and what they announced (DESIGN.md, "Notifications"): each seat's digest
// is shown when one is due, what it announced is remembered so it is announced once, and the
// next instant anything may become due arms the alarm.

import { refundDeadline } from '../ledger/summarize';
import type { Settings } from '../messages/settings';
import type { LedgerDb } from '../store/db';
import { metaRecord, readMeta } from '../store/meta';
import type { SeatNow } from './build-snapshot';
import { type DigestInput, digestFor, nextWake } from './digest';

type Notify = (id: string, title: string, message: string) => Promise<void>;

/**
 * Shows each seat's digest when one is due and remembers what it announced. A notification
 * that cannot be shown stays due: it is tried again at the next refresh. Returns when to wake
 * next (null: nothing will become due).
 */
export async function notifyDue(
  db: LedgerDb,
  notify: Notify,
  seats: readonly SeatNow[],
  settings: Settings,
  now: number,
): Promise<number | null> {
  const announced = new Set(await readMeta(db, 'announced'));
  const lastDigest = (await readMeta(db, 'lastDigest')) ?? {};
  let wake = Number.POSITIVE_INFINITY;
  let changed = false;
  for (const seat of seats) {
    const input = digestInput(seat, settings, announced, lastDigest[seat.seat.id] ?? null, now);
    const digest = digestFor(input);
    if (digest !== null && (await tryNotify(notify, `digest:${seat.seat.id}:${digest.day}`, digest))) {
      for (const k of digest.keys) announced.add(k);
      lastDigest[seat.seat.id] = digest.day;
      changed = true;
      input.lastDigestDay = digest.day;
    }
    wake = Math.min(wake, nextWake(input));
  }
  if (changed)
    await db.meta.bulkPut([metaRecord('announced', [...announced]), metaRecord('lastDigest', lastDigest)]);
  return Number.isFinite(wake) ? wake : null;
}

/** What the digest of one seat is made of, now. */
export function digestInput(
  { seat, state, summary }: SeatNow,
  settings: Settings,
  announced: ReadonlySet<string>,
  lastDigestDay: string | null,
  now: number,
): DigestInput {
  return {
    seat: { id: seat.id, label: seat.label, timeZone: state.terms.timeZone },
    summary,
    now,
    thresholds: settings.expiryThresholds,
    notifyRefundWindows: settings.notifyRefundWindows,
    announced,
    lastDigestDay,
    refundDeadlines: state.sends.flatMap((s) => {
      const at = refundDeadline(s, now);
      return at === null ? [] : [{ key: s.id, at }];
    }),
  };
}

async function tryNotify(notify: Notify, id: string, digest: { title: string; message: string }) {
  try {
    await notify(id, digest.title, digest.message);
    return true;
  } catch (error) {
    console.warn('notification not shown', error);
    return false;
  }
}
