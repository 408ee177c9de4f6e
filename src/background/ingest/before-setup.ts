// What LinkedIn's pages showed before a seat was set up (CREDIT-RULES.md rule 17, issue 15):
// sends whose credit may still come back, responses that say it already did, and what a pool
// with no seat showed (its count, its account), which setup proposes.

import type { InmailSent, LedgerEvent, ReplyReceived } from '../../ledger/events';
import { formatInstant } from '../../ledger/instant';
import { PLANS } from '../../ledger/plans';
import { REFUND_WINDOW_DAYS } from '../../ledger/replay';
import { addDays } from '../../ledger/zoned-time';
import type { Detection } from '../../messages/detection';
import type { SeenPool } from '../../messages/snapshot';
import type { LedgerDb, SeatRecord } from '../../store/db';
import type { LedgerAccess } from '../ledger-access';
import { isHomeAccount } from './accounts';

/**
 * A send before the seat began as rule 17 keeps it: paid (a free one is nothing to us), its
 * refund window still open at `since`; null otherwise.
 */
export function beforeSetupSend(event: InmailSent, seat: SeatRecord): InmailSent | null {
  const at = Date.parse(event.at);
  const since = Date.parse(seat.since);
  if (event.cost !== 'paid' || at >= since) return null;
  if (addDays(seat.timeZone ?? 'UTC', at, REFUND_WINDOW_DAYS) < since) return null;
  return { ...event, beforeSetup: true };
}

/** Whether the same batch shows a response in its thread after it and before the seat began. */
export function answeredBeforeSetup(
  send: InmailSent,
  since: number,
  detections: readonly Detection[],
): boolean {
  const at = Date.parse(send.at);
  return detections.some((d) => {
    if (d.kind !== 'response' || d.threadId !== send.threadId || d.at === undefined) return false;
    const t = Date.parse(d.at);
    return t >= at && t < since;
  });
}

/**
 * What LinkedIn's pages showed of this pool before it had a seat, now that it has one (in the
 * setup's transaction): InMails found whose refund window is still open become sends before
 * setup (rule 17), unless a response before setup is known in their thread; LinkedIn's earlier
 * counts give way to the opening balance. Another account's detections keep waiting.
 */
export async function adoptFoundBeforeSetup(db: LedgerDb, seat: SeatRecord): Promise<void> {
  const pool = PLANS[seat.plan].pool;
  const waiting = await db.unassigned.filter((u) => u.pool === pool || u.orphan === true).toArray();
  const mine = waiting.filter(
    (u) => u.orphan !== true && (!seat.account || !u.account || u.account === seat.account),
  );
  const since = Date.parse(seat.since);
  const earlyResponses = waiting.filter(
    (u) => u.event.type === 'reply-received' && Date.parse(u.event.at) < since,
  );
  const adopted: LedgerEvent[] = [];
  for (const u of mine) {
    if (u.event.type !== 'inmail-sent') continue;
    const send = beforeSetupSend({ ...u.event, seat: seat.id }, seat);
    const sentAt = Date.parse(u.event.at);
    const answered = earlyResponses.some(
      (r) => 'threadId' in r.event && r.event.threadId === send?.threadId && Date.parse(r.event.at) >= sentAt,
    );
    if (send && !answered) adopted.push(send);
  }
  if (adopted.length > 0) await db.events.bulkAdd(adopted);
  await db.unassigned.bulkDelete([
    ...mine.filter((u) => u.event.type !== 'reply-received').map((u) => u.key),
    ...earlyResponses.map((u) => u.key),
  ]);
}

/**
 * A response from before the seat began, in the thread of a send before setup sent before it:
 * that InMail was answered before setup (its credit was back before the opening balance was
 * read), so it is not one that may still come back. Voided, once. Whether anything was written.
 */
export async function voidAnsweredBeforeSetup(
  ledger: LedgerAccess,
  response: ReplyReceived,
  now: number,
): Promise<boolean> {
  const at = Date.parse(response.at);
  const sends = (await ledger.eventsOf(response.seat)).filter(
    (e) =>
      e.type === 'inmail-sent' && e.beforeSetup && e.threadId === response.threadId && Date.parse(e.at) <= at,
  );
  let wrote = false;
  for (const send of sends) {
    const id = `answered-before-setup:${send.id}`;
    if (await ledger.db.events.get([response.seat, id])) continue;
    await ledger.append({
      id,
      seat: response.seat,
      type: 'voided',
      at: formatInstant(now),
      target: send.id,
      reason: 'answered before the seat was set up: its credit was already back',
    });
    wrote = true;
  }
  return wrote;
}

/** The latest reading of LinkedIn's count and the account, of a pool that has no seat yet. */
export function seenPool(old: SeenPool | undefined, d: Detection, at: string): SeenPool {
  const next: SeenPool = { ...old };
  if (d.kind === 'balance' && (!old?.balance || Date.parse(old.balance.at) <= Date.parse(at)))
    next.balance = { value: d.balance, at, where: d.where };
  if (d.kind !== 'balance' && d.account && isHomeAccount(d.pool, d.account)) next.account = d.account;
  return next;
}
