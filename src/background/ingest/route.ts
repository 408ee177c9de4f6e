// Detections from LinkedIn pages, routed to the ledger (DESIGN.md, "Seat assignment"): each to
// the one seat of its pool, a response to the seat that sent into its thread; what has no seat
// (yet) waits in `unassigned`; what happened before its seat began follows rule 17.

import type { LedgerEvent } from '../../ledger/events';
import { formatInstant } from '../../ledger/instant';
import { PLANS, type Pool } from '../../ledger/plans';
import type { Detection } from '../../messages/detection';
import type { SeenPool } from '../../messages/snapshot';
import type { SeatRecord } from '../../store/db';
import { listSeats } from '../../store/ledger-store';
import { readMeta, writeMeta } from '../../store/meta';
import type { LedgerAccess } from '../ledger-access';
import { accountVerdict } from './accounts';
import { answeredBeforeSetup, beforeSetupSend, seenPool, voidAnsweredBeforeSetup } from './before-setup';
import { appendDetected, waitsAlready } from './merge';

/**
 * Records a batch of validated detections. The first record of an id wins, so retries and
 * other tabs are no-ops. Returns the ids kept (the content script's outbox lets them go) and
 * whether anything was written.
 */
export async function ingestDetections(
  ledger: LedgerAccess,
  batch: readonly Detection[],
): Promise<{ acked: string[]; wrote: boolean }> {
  const { db } = ledger;
  const now = ledger.now();
  const seats = await listSeats(db);
  const acked: string[] = [];
  let wrote = false;
  const seenBefore = (await readMeta(db, 'seen-before-setup')) ?? {};
  const seenNow: Partial<Record<Pool, SeenPool>> = {};
  // Sends first: a response in the same batch then finds the send of its thread.
  const detections = [...batch].sort((a, b) => rank(a) - rank(b));
  for (const d of detections) {
    let seat = d.kind === 'response' ? await seatOfResponse(ledger, d, seats) : seatOfPool(d.pool, seats);
    const account = d.kind === 'balance' ? undefined : d.account;
    if (seat && account) {
      const verdict = accountVerdict(seat, account);
      // Another LinkedIn account signed in on this browser: the rep says whose it is.
      if (verdict === 'other') seat = null;
      else if (verdict === 'remember') {
        await db.seats.update(seat.id, { account });
        seat.account = account;
        wrote = true;
      }
    }
    const event = detectedEvent(d, seat?.id ?? '', now);
    if (d.pool && !seats.some((s) => PLANS[s.plan].pool === d.pool)) {
      seenNow[d.pool] = seenPool(seenNow[d.pool] ?? seenBefore[d.pool], d, event.at);
      wrote = true;
    }
    if (seat === undefined || (d.kind === 'response' && seat === null)) {
      // No send of ours in its thread (yet), or its send waits for the rep: held out of
      // sight, and counted the moment the send is recorded (another tab, a later page, the
      // rep assigning it); alone it refunds nothing (rule 9).
      await db.unassigned.put({ key: d.id, pool: d.pool ?? 'unknown', event, receivedAt: now, orphan: true });
      wrote = true;
      acked.push(d.id);
      continue;
    }
    // Before the seat began: its opening balance already counts what this spent. A paid
    // InMail whose refund window is still open is kept as a send before setup (rule 17);
    // a response before setup means its InMail's credit was already back.
    if (seat && Date.parse(event.at) < Date.parse(seat.since)) {
      if (event.type === 'inmail-sent') {
        const early = beforeSetupSend(event, seat);
        if (early && !answeredBeforeSetup(early, Date.parse(seat.since), detections))
          wrote = (await appendDetected(ledger, early, now)) > 0 || wrote;
      } else if (event.type === 'reply-received')
        wrote = (await voidAnsweredBeforeSetup(ledger, event, now)) || wrote;
      acked.push(d.id);
      continue;
    }
    if (seat) wrote = (await appendDetected(ledger, event, now)) > 0 || wrote;
    else if (!(await waitsAlready(db, event))) {
      await db.unassigned.put({
        key: d.id,
        pool: d.pool ?? 'unknown',
        ...(account ? { account } : {}),
        event,
        receivedAt: now,
      });
      wrote = true;
    }
    acked.push(d.id);
  }
  if (Object.keys(seenNow).length > 0)
    await writeMeta(db, 'seen-before-setup', { ...seenBefore, ...seenNow });
  return { acked, wrote };
}

/** Sends, then LinkedIn's counts, then responses. */
function rank(d: Detection): number {
  return d.kind === 'send' ? 0 : d.kind === 'balance' ? 1 : 2;
}

/** The one seat of a pool; null when there is none or several (the rep chooses). */
function seatOfPool(pool: Pool | undefined, seats: SeatRecord[]): SeatRecord | null {
  const candidates = seats.filter((seat) => PLANS[seat.plan].pool === pool);
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * The seat a response belongs to: the one that sent into its thread, whatever page it was
 * seen on (a Sales Navigator InMail answered in LinkedIn messaging). Null while the send
 * waits in `unassigned`; undefined when no send of ours is in that thread.
 */
async function seatOfResponse(
  { db }: LedgerAccess,
  d: Extract<Detection, { kind: 'response' }>,
  seats: SeatRecord[],
): Promise<SeatRecord | null | undefined> {
  const owners: SeatRecord[] = [];
  for (const seat of seats) {
    const sends = await db.events
      .where('[seat+threadId]')
      .equals([seat.id, d.threadId])
      .filter((e) => e.type === 'inmail-sent')
      .count();
    if (sends > 0) owners.push(seat);
  }
  if (owners.length > 0) return owners.find((s) => PLANS[s.plan].pool === d.pool) ?? owners[0];
  const waiting = await db.unassigned
    .filter((u) => u.event.type === 'inmail-sent' && u.event.threadId === d.threadId)
    .count();
  return waiting > 0 ? null : undefined;
}

/** The ledger event of a detection, for `seat` ('' while it waits for one). */
function detectedEvent(d: Detection, seat: string, now: number): LedgerEvent {
  // When it happened, as the page stamped it (or LinkedIn's own time); never when we got it.
  const at = d.at ?? formatInstant(now);
  if (d.kind === 'balance') {
    return { id: d.id, seat, type: 'observed-balance', at, balance: d.balance, where: d.where };
  }
  if (d.kind === 'response') {
    return { id: d.id, seat, type: 'reply-received', at, threadId: d.threadId, kind: d.responseKind };
  }
  return {
    id: d.id,
    seat,
    type: 'inmail-sent',
    at,
    threadId: d.threadId,
    cost: d.cost,
    surface: d.surface,
    ...(d.recipient ? { recipient: d.recipient } : {}),
    ...(d.costUnknown ? { costUnknown: true } : {}),
  };
}
