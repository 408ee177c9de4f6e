// One LinkedIn messaging conversation's messages (LINKEDIN-SIGNALS.md "LinkedIn messaging"
// [revised, firm]): the GraphQL query `messengerMessages` (…BySyncToken, …ByAnchorTimestamp, any
// suffix to come), which the page asks for when a conversation is opened. Unlike a list it shows
// earlier messages, among them our InMail once the other side has answered. It has no
// participant list: we are the mailbox each message's URN names.

import type { Detection } from '../../messages/detection';
import { type Memory, Problems, type Reading } from './reading';
import { answerItems } from './voyager-graphql';
import { type Shown, shownOf, unreadable } from './voyager-shown';
import { isTheirs, readThread, type ThreadView } from './voyager-thread';

/** Why a message cannot be placed in a thread of ours, or undefined. */
function unplaced(m: Shown): string | undefined {
  if (m.thread === undefined) return 'messages without a thread id';
  // The `2-…` of a message URN is the message's own id, not the thread's: it never stands in.
  if (m.mailbox === undefined) return 'could not tell which participant is you';
  return undefined;
}

/** The readable messages by thread, oldest first. */
function byThread(items: unknown[], read: (item: unknown) => Shown | null, problems: Problems) {
  const threads = new Map<string, Shown[]>();
  for (const item of items) {
    const m = read(item);
    const why = unreadable(m) ?? unplaced(m as Shown);
    if (why) {
      problems.add(why);
      continue;
    }
    const shown = m as Shown;
    const list = threads.get(shown.thread as string) ?? [];
    list.push(shown);
    threads.set(shown.thread as string, list);
  }
  for (const list of threads.values()) list.sort((a, b) => (a.at as number) - (b.at as number));
  return threads;
}

/** `_seenAt` is unused: every event here has LinkedIn's own time (`deliveredAt`). */
export function readVoyagerMessages(response: unknown, memory: Memory, _seenAt: number): Reading {
  const problems = new Problems();
  const answer = answerItems(response, 'messengerMessages', problems);
  if (answer === null) return { detections: [], elements: 0, problems: problems.list() };
  const detections: Detection[] = [];
  const threads = byThread(answer.items, (item) => shownOf(answer.env, item), problems);
  for (const [threadId, messages] of threads) {
    // Sponsored messages also carry INMAIL: never ours, never a problem.
    if (messages.some((m) => m.ad || m.from?.org)) continue;
    const us = messages[0]?.mailbox as string;
    const names = messages.filter((m) => isTheirs(m, us)).map((m) => m.from?.name);
    const view: ThreadView = {
      threadId,
      us,
      messages,
      otherName: names.find(Boolean),
      // Without our InMail in this answer or in memory, the other side's words answer nothing of ours.
      repliesWithoutInmail: false,
    };
    const found = readThread(view, memory);
    if (typeof found === 'string') problems.add(found);
    else detections.push(...found);
  }
  return { detections, elements: answer.items.length, problems: problems.list() };
}
