// The merge rules of DESIGN.md contract 1, applied across a whole HAR as the background applies
// them at ingest, so `ledger har` lists what the ledger would record:
// - one send, one event: a send whose pool (its seat) already holds a send in the same thread
//   within 2 minutes, or one with the same id, is that send: dropped, the first kept whole; a
//   send recorded before LinkedIn named its thread takes the thread (and id) of its catch-up;
// - a response with an id already listed is dropped;
// - a response whose thread holds no send anywhere in the HAR is listed as `waiting` (the
//   background keeps it out of sight until its send arrives).

import { type SendRef, sameSend } from '../ledger/same-send';
import type { Detection } from '../messages/detection';

type Send = Extract<Detection, { kind: 'send' }>;
type Response = Extract<Detection, { kind: 'response' }>;
type Balance = Extract<Detection, { kind: 'balance' }>;

/** A detection in contract 5's words: only its listed fields, `at` as ISO UTC with milliseconds. */
export type HarDetection =
  | (Pick<Send, 'kind' | 'pool' | 'id' | 'threadId' | 'cost' | 'costUnknown'> & { at: string })
  | (Pick<Response, 'kind' | 'pool' | 'id' | 'threadId' | 'responseKind'> & { at: string; waiting?: true })
  | (Pick<Balance, 'kind' | 'pool' | 'balance' | 'where'> & { at: string });

/** Detections in the order the page saw them, each with its `at`. */
export function mergeDetections(found: readonly (Detection & { at: string })[]): HarDetection[] {
  const sends: (SendRef & { pool: string; index: number })[] = [];
  const responseIds = new Set<string>();
  const kept: (Detection & { at: string })[] = [];
  for (const d of found) {
    if (d.kind === 'send') {
      const send: SendRef = {
        id: d.id,
        threadId: d.threadId,
        at: Date.parse(d.at),
        ...(d.recipient?.name ? { recipientName: d.recipient.name } : {}),
      };
      const earlier = sends.filter((s) => s.id === send.id || s.pool === d.pool);
      const same = earlier.find((s) => s.id === send.id || sameSend(s, send) === 'same');
      if (same) continue;
      const learned = earlier.find((s) => sameSend(s, send) === 'thread-learned');
      if (learned) {
        // Kept whole but for its thread, now known, and LinkedIn's id for it (as the background does).
        kept[learned.index] = {
          ...(kept[learned.index] as Send & { at: string }),
          id: d.id,
          threadId: d.threadId,
        };
        Object.assign(learned, { id: d.id, threadId: d.threadId });
        continue;
      }
      sends.push({ ...send, pool: d.pool, index: kept.length });
    } else if (d.kind === 'response') {
      if (responseIds.has(d.id)) continue;
      responseIds.add(d.id);
    }
    kept.push(d);
  }
  const threadsWithSend = new Set(sends.map((s) => s.threadId));
  return kept.map((d) => shaped(d, d.kind === 'response' && !threadsWithSend.has(d.threadId)));
}

function shaped(d: Detection & { at: string }, waiting: boolean): HarDetection {
  const at = new Date(Date.parse(d.at)).toISOString();
  switch (d.kind) {
    case 'send':
      return {
        kind: d.kind,
        pool: d.pool,
        id: d.id,
        threadId: d.threadId,
        at,
        cost: d.cost,
        ...(d.costUnknown ? { costUnknown: true as const } : {}),
      };
    case 'response':
      return {
        kind: d.kind,
        ...(d.pool ? { pool: d.pool } : {}),
        id: d.id,
        threadId: d.threadId,
        at,
        responseKind: d.responseKind,
        ...(waiting ? { waiting: true as const } : {}),
      };
    case 'balance':
      return { kind: d.kind, pool: d.pool, balance: d.balance, at, where: d.where };
  }
}
