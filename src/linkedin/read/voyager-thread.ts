// One LinkedIn messaging thread of ours, read from the messages an answer shows of it (a list's
// last message, or an opened conversation's): our InMail and the other side's replies. Shared
// by voyager-conversations.ts and voyager-messages.ts.

import type { Pool } from '../../ledger/plans';
import type { Detection } from '../../messages/detection';
import { accountOf } from '../accounts';
import { iso, type Memory } from './reading';
import type { Shown } from './voyager-shown';

/** Which pool paid, by the InMail message's `hostUrnData.type`. */
const INMAIL_POOLS: Record<string, Pool> = { SALES_INMAIL: 'sales-navigator', PREMIUM_INMAIL: 'premium' };

/** One thread as an answer shows it, once we know who we are. */
export interface ThreadView {
  threadId: string;
  /** Our profile id. */
  us: string;
  /** Readable, oldest first. */
  messages: Shown[];
  otherName: string | undefined;
  /**
   * A list's conversation not opened by the other side: its last message, theirs, is a reply
   * though our InMail is not shown (it sits earlier in the thread).
   */
  repliesWithoutInmail: boolean;
}

export const isOurs = (m: Shown, us: string) => m.from?.id === us || m.from?.self === true || m.ownToken;
/** The other side's own words: not ours, no origin token, not an InMail. */
export const isTheirs = (m: Shown, us: string) =>
  m.from !== undefined && !isOurs(m, us) && m.inmail === undefined;

/**
 * Our InMail in the thread (remembered; a Premium one is a catch-up send) and every later
 * message of the other side (a reply). An InMail sent to us gives nothing; a follow-up chat of
 * ours (no `hostUrnData`) is never a new InMail.
 */
export function readThread(view: ThreadView, memory: Memory): Detection[] | string {
  const { threadId, us, messages } = view;
  const inmail = messages.find((m) => m.inmail !== undefined);
  if (inmail && !isOurs(inmail, us)) return [];
  const account = accountOf(`urn:li:fsd_profile:${us}`);
  const out: Detection[] = [];
  let pool: Pool | undefined;
  let since: number | undefined;
  if (inmail) {
    pool = INMAIL_POOLS[inmail.inmail as string];
    if (pool === undefined) return 'InMail of a kind we do not know';
    since = inmail.at as number;
    const known = memory.threads.get(threadId);
    memory.threads.set(threadId, { pool, sentAt: Math.min(since, known?.sentAt ?? since) });
    // A Sales Navigator InMail is recorded by Sales Navigator's own answers, under their ids.
    if (pool === 'premium')
      out.push({
        kind: 'send',
        pool,
        ...(account ? { account } : {}),
        surface: 'messaging',
        id: inmail.id as string,
        threadId,
        cost: 'paid',
        costUnknown: true,
        at: iso(since),
        ...(view.otherName ? { recipient: { name: view.otherName } } : {}),
      });
  } else {
    const known = memory.threads.get(threadId);
    if (known === undefined && !view.repliesWithoutInmail) return [];
    pool = known?.pool ?? undefined;
    since = known?.sentAt;
  }
  for (const m of messages)
    if (isTheirs(m, us) && (since === undefined || (m.at as number) > since))
      out.push({
        kind: 'response',
        ...(pool ? { pool } : {}),
        ...(account ? { account } : {}),
        id: m.id as string,
        threadId,
        at: iso(m.at as number),
        responseKind: 'reply',
      });
  return out;
}
