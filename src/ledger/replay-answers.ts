// Responses in a replay: the first response at or after a paid send decides its fate (rule 9),
// and one in its refund window gives its credit back to its own lot (rule 10).

import type { ReplyReceived } from './events';
import type { Replaying, SendRecord } from './ledger-state';

export function replyReceived(r: Replaying, e: ReplyReceived, t: number): void {
  // Rule 9: the first response at or after a paid send decides its fate.
  const latest = r.awaiting.get(e.threadId);
  if (latest === undefined) return;
  r.awaiting.delete(e.threadId);
  for (let s: SendRecord | null = latest; s !== null; s = s.prevAwaiting) {
    const inWindow = t <= s.windowClosesAt;
    // Rule 10: back to its own lot, only while that lot is live.
    const refunded = inWindow && s.lot !== null && s.lot.state === 'live';
    s.answer = { at: t, kind: e.kind, inWindow, refunded };
    if (!inWindow) {
      r.lateReplies++;
      continue;
    }
    r.replied++;
    if (refunded && s.lot) {
      // Rule 17: the reply that gives a credit back to a lot before setup makes that lot.
      if (s.lot.source === 'before-setup' && s.lot.seq < 0) r.lots.make(s.lot);
      r.lots.giveBack(s.lot);
      r.totals.refunded++;
    }
  }
}
