// InMails sent, in a replay: each recorded with its refund window, a paid one spending the
// credit that leaves first (rule 5), an overdraft when none is left (rule 7).

import type { InmailSent } from './events';
import type { Replaying, SendRecord } from './ledger-state';
import { addDays } from './zoned-time';

export const REFUND_WINDOW_DAYS = 90;

export function inmailSent(r: Replaying, e: InmailSent, t: number): void {
  // Rule 17: a paid send before `since` spends nothing and is never an overdraft.
  const beforeSetup = e.beforeSetup === true && e.cost === 'paid' && t < r.since;
  const record: SendRecord = {
    id: e.id,
    at: t,
    threadId: e.threadId,
    cost: e.cost,
    recipient: e.recipient,
    surface: e.surface,
    ...(e.costUnknown ? { costUnknown: true as const } : {}),
    ...(beforeSetup ? { beforeSetup: true as const } : {}),
    lot: null,
    overdraft: false,
    windowClosesAt: addDays(r.terms.timeZone, t, REFUND_WINDOW_DAYS),
    answer: null,
    prevAwaiting: null,
  };
  r.sends.push(record);
  if (e.cost !== 'paid') return; // rule 6: free sends touch no lot
  const lot = beforeSetup ? null : r.lots.firstToSpend();
  if (beforeSetup) {
    r.setupSends ??= [];
    r.setupSends.push(record);
  } else if (lot === null) {
    record.overdraft = true; // rule 7
    r.overdraft++;
  } else {
    r.lots.take(lot, 1);
    r.totals.spent++;
    record.lot = lot;
  }
  record.prevAwaiting = r.awaiting.get(e.threadId) ?? null;
  r.awaiting.set(e.threadId, record);
}
