// One send, one event (DESIGN.md contract 1, merge rules): a detected send the ledger already
// holds under another id is not recorded again; a manual log of it is voided; responses that
// arrived before it are adopted with it.

import type { InmailSent, LedgerEvent } from '../../ledger/events';
import { formatInstant } from '../../ledger/instant';
import { isSameSend, type SendRef, sameSend } from '../../ledger/same-send';
import type { LedgerDb } from '../../store/db';
import type { LedgerAccess } from '../ledger-access';
import { manualTwin } from '../manual-twin';

/**
 * Appends a detected event unless it is already recorded: the same id, or for a send, any
 * send of the seat in the same thread within 2 minutes (a catch-up of a send held under its
 * tracking id, the DOM's and the network's view of one click); the first record is kept whole.
 * A detected send that a manual log already counted replaces it: the log is voided in the same
 * transaction, with an id made from the log's, so a retry cannot void twice. Responses that
 * waited for this send are adopted. Returns how many events were written.
 */
export async function appendDetected(ledger: LedgerAccess, event: LedgerEvent, now: number): Promise<number> {
  const { db } = ledger;
  const twin = event.type === 'inmail-sent' ? manualTwin(await ledger.eventsOf(event.seat), event) : null;
  const match = event.type === 'inmail-sent' ? await sameSendIn(ledger, event) : null;
  if (match?.relation === 'same') return 0;
  const added = await db.transaction('rw', db.events, db.unassigned, async () => {
    if (await db.events.get([event.seat, event.id])) return [];
    const batch: LedgerEvent[] = [];
    if (event.type === 'inmail-sent') {
      if (match?.relation === 'thread-learned') {
        // Recorded before LinkedIn named its thread: the record moves to its thread, kept
        // whole otherwise (time, cost, recipient), so the thread's replies find it.
        const { id: _id, threadId: _thread, ...kept } = match.send;
        batch.push(
          {
            id: `merged:${match.send.id}`,
            seat: event.seat,
            type: 'voided',
            at: formatInstant(now),
            target: match.send.id,
            reason: `the same send as ${event.id}, in thread ${event.threadId}`,
          },
          { ...kept, id: event.id, threadId: event.threadId },
        );
      } else batch.push(event);
      batch.push(...(await adoptWaitingResponses(db, event)));
    } else batch.push(event);
    if (twin && !(await db.events.get([event.seat, `merged:${twin.id}`])))
      batch.push({
        id: `merged:${twin.id}`,
        seat: event.seat,
        type: 'voided',
        at: formatInstant(now),
        target: twin.id,
        reason: `the same send as detected ${event.id}`,
      });
    await db.events.bulkAdd(batch);
    return batch;
  });
  ledger.appended(event.seat, added);
  return added.length;
}

/**
 * The seat's record of this send under another id, if any: the same thread within 2 minutes,
 * or a send recorded without its thread that this one names (see same-send.ts). Read from
 * the seat's events as cached.
 */
export async function sameSendIn(
  ledger: LedgerAccess,
  send: InmailSent,
): Promise<{ send: InmailSent; relation: 'same' | 'thread-learned' } | null> {
  const events = await ledger.eventsOf(send.seat);
  const detected = sendRef(send);
  const voided = new Set(events.flatMap((e) => (e.type === 'voided' ? [e.target] : [])));
  let learned: InmailSent | null = null;
  for (const e of events) {
    if (e.type !== 'inmail-sent') continue;
    const relation = sameSend(sendRef(e), detected);
    if (relation === 'same') return { send: e, relation };
    if (relation === 'thread-learned' && !voided.has(e.id)) learned = e;
  }
  return learned ? { send: learned, relation: 'thread-learned' } : null;
}

/** Whether a send already waits in `unassigned` (same id, or the same send under another id). */
export async function waitsAlready(db: LedgerDb, event: LedgerEvent): Promise<boolean> {
  if (await db.unassigned.get(event.id)) return true;
  if (event.type !== 'inmail-sent') return false;
  const detected = sendRef(event);
  return (
    (await db.unassigned
      .filter((u) => u.event.type === 'inmail-sent' && isSameSend(sendRef(u.event), detected))
      .count()) > 0
  );
}

/**
 * Responses that arrived before the send of their thread (held out of sight), now part of
 * the send's seat: to be written in the caller's transaction, with the send.
 */
export async function adoptWaitingResponses(db: LedgerDb, send: InmailSent): Promise<LedgerEvent[]> {
  const held = await db.unassigned
    .filter((u) => u.orphan === true && 'threadId' in u.event && u.event.threadId === send.threadId)
    .toArray();
  const adopted: LedgerEvent[] = [];
  for (const u of held)
    if (!(await db.events.get([send.seat, u.event.id]))) adopted.push({ ...u.event, seat: send.seat });
  await db.unassigned.bulkDelete(held.map((u) => u.key));
  return adopted;
}

function sendRef(e: LedgerEvent): SendRef {
  return {
    id: e.id,
    threadId: 'threadId' in e ? e.threadId : '',
    at: Date.parse(e.at),
    ...(e.type === 'inmail-sent' && e.recipient?.name ? { recipientName: e.recipient.name } : {}),
  };
}
