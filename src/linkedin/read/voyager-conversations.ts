// LinkedIn messaging's conversation lists (LINKEDIN-SIGNALS.md "LinkedIn messaging" [revised,
// firm]): the GraphQL query `messengerConversations`, whose answer field under `data` depends on
// the variables (…BySyncToken, …ByCategoryQuery, …ByRecipients, …ByIds as a bare list, and any
// suffix to come). A list shows each conversation's LAST message only, so what we learn per
// thread (ours, which pool, when sent) goes to the page's memory: a later list that shows only
// the reply still refunds. Which pool paid is on the InMail message itself (`hostUrnData`).
// Answers, messages and threads are read by helpers shared with voyager-messages.ts:
// voyager-graphql.ts, voyager-shown.ts, voyager-thread.ts; who is us by voyager-participants.ts.

import type { Detection } from '../../messages/detection';
import { accountOf } from '../accounts';
import { type Envelope, isObject } from './envelope';
import { iso, type Memory, Problems, type Reading } from './reading';
import { answerItems, instant, listOf, type Obj, refOf, threadIdOf } from './voyager-graphql';
import { participantsOf, selfIn, usIn } from './voyager-participants';
import { hasAd, partyOf, type Shown, shownOf, unreadable } from './voyager-shown';
import { isOurs, isTheirs, readThread, type ThreadView } from './voyager-thread';

/** The accept/decline click: a response only when the list shows no message of the other side. */
function quickResponse(view: ThreadView, conversation: Obj, memory: Memory, seenAt: number): Detection[] {
  const state = conversation.state;
  if (state !== 'ACCEPTED' && state !== 'DECLINED') return [];
  if (view.messages.some((m) => isTheirs(m, view.us))) return [];
  const last = Math.max(-1, ...view.messages.map((m) => m.at as number));
  const activity = instant(conversation.lastActivityAt);
  // Lists often give `lastActivityAt` equal to the last message's time: then it says nothing of the click.
  const at = activity !== undefined && activity > last ? activity : seenAt;
  const pool = memory.threads.get(view.threadId)?.pool ?? undefined;
  const account = accountOf(`urn:li:fsd_profile:${view.us}`);
  return [
    {
      kind: 'response',
      ...(pool ? { pool } : {}),
      ...(account ? { account } : {}),
      id: `quick-response:${view.threadId}`,
      threadId: view.threadId,
      at: iso(at),
      responseKind: state === 'ACCEPTED' ? 'accepted' : 'declined',
    },
  ];
}

/** The detections of one conversation, or the problem that keeps it from giving any. */
function readConversation(env: Envelope, raw: unknown, memory: Memory, seenAt: number): Detection[] | string {
  if (!isObject(raw)) return 'conversation in a shape we do not know';
  const threadId = threadIdOf(raw.backendUrn) ?? threadIdOf(raw.entityUrn);
  if (threadId === undefined) return 'conversation without a thread id';
  if (!Array.isArray(raw.categories)) return 'conversation without categories';
  if (!raw.categories.includes('INMAIL')) return [];
  const parties = participantsOf(env, raw);
  const shown = (listOf(env, raw, 'messages') ?? []).map((m) => shownOf(env, m));
  // Sponsored messages also carry INMAIL: never ours, never a problem.
  if (hasAd(raw) || parties.some((p) => p.org) || shown.some((m) => m && (m.ad || m.from?.org))) return [];
  const bad = shown.map(unreadable).find(Boolean);
  if (bad) return bad;
  const messages = (shown as Shown[]).sort((a, b) => (a.at as number) - (b.at as number));
  const us = usIn(parties, messages, raw, memory);
  if (us === undefined) return 'could not tell which participant is you';
  const creator = partyOf(refOf(env, raw, 'creator'));
  // Opened by the other side: an InMail sent to us (also when we answered it), never ours.
  if (creator?.id !== undefined && creator.id !== us && !creator.self) return [];
  if (messages.some((m) => m.inmail !== undefined && !isOurs(m, us))) return [];
  const others = parties.filter((p) => p.id !== us);
  const view: ThreadView = {
    threadId,
    us,
    messages,
    otherName: others.length === 1 ? others[0]?.name : undefined,
    repliesWithoutInmail: true,
  };
  const found = readThread(view, memory);
  return typeof found === 'string' ? found : [...found, ...quickResponse(view, raw, memory, seenAt)];
}

export function readVoyagerConversations(response: unknown, memory: Memory, seenAt: number): Reading {
  const problems = new Problems();
  const answer = answerItems(response, 'messengerConversations', problems);
  if (answer === null) return { detections: [], elements: 0, problems: problems.list() };
  // First learn who we are from every conversation: a later one may be the one that tells.
  for (const raw of answer.items) {
    const self = isObject(raw) ? selfIn(participantsOf(answer.env, raw)) : undefined;
    if (self) memory.me.add(self);
  }
  const detections: Detection[] = [];
  for (const raw of answer.items) {
    const found = readConversation(answer.env, raw, memory, seenAt);
    if (typeof found === 'string') problems.add(found);
    else detections.push(...found);
  }
  return { detections, elements: answer.items.length, problems: problems.list() };
}
