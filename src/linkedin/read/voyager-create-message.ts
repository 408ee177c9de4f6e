// A send from LinkedIn messaging (LINKEDIN-SIGNALS.md "LinkedIn messaging", Send [firm]):
// `POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage`. The same
// endpoint sends ordinary chats, and nothing in the request or the answer tells an InMail
// from a chat: only the composer the rep used does. So this reader gives the send's FACTS
// (ids, time, who sent it) and never a detection; the caller pairs them with the composer.

import { actionValue, envelopeOf, isObject } from './envelope';
import { hexOfChars, type Memory, Problems, parseJson, profileIdOf, type Reading } from './reading';
import { threadIdOf } from './voyager-graphql';

type Obj = Record<string, unknown>;

export interface VoyagerSendFacts {
  /** The message's `entityUrn`, else `tracking:<hex of the request's trackingId>` (contract 1). */
  id: string;
  threadId: string;
  /** Epoch ms: LinkedIn's `deliveredAt`, else when the page saw the answer. */
  at: number;
  /** The request's `mailboxUrn`: our own profile URN. */
  mailbox?: string;
  /** `hostRecipientUrns` of a first message to someone new. */
  recipients?: string[];
}

const text = (value: unknown, max = 500) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
const json = (input: unknown) => (typeof input === 'string' ? parseJson(input) : input);

/** The answer's `value` (flat or under `data`), or an empty one: a send may be known from its request alone. */
function valueIn(response: unknown): Obj {
  const env = envelopeOf(json(response));
  return (env && actionValue(env)) ?? {};
}

function factsOf(request: Obj, message: Obj, value: Obj, seenAt: number): VoyagerSendFacts | string {
  const tracking = text(request.trackingId);
  const id = text(value.entityUrn) ?? (tracking ? `tracking:${hexOfChars(tracking)}` : undefined);
  if (id === undefined) return 'send without an id';
  const threadId = [value.backendConversationUrn, value.conversationUrn, message.conversationUrn]
    .map(threadIdOf)
    .find(Boolean);
  if (threadId === undefined) return 'send without a thread id';
  const delivered = value.deliveredAt;
  const mailbox = text(request.mailboxUrn);
  const recipients = Array.isArray(request.hostRecipientUrns)
    ? request.hostRecipientUrns.filter((r): r is string => text(r) !== undefined)
    : [];
  return {
    id,
    threadId,
    at:
      typeof delivered === 'number' && Number.isSafeInteger(delivered) && delivered > 0 ? delivered : seenAt,
    ...(mailbox ? { mailbox } : {}),
    ...(recipients.length > 0 ? { recipients } : {}),
  };
}

export function readVoyagerCreateMessage(
  request: unknown,
  response: unknown,
  memory: Memory,
  seenAt: number,
): { send: VoyagerSendFacts | null; reading: Reading } {
  const problems = new Problems();
  const req = json(request);
  const facts =
    isObject(req) && isObject(req.message)
      ? factsOf(req, req.message, valueIn(response), seenAt)
      : 'createMessage request in a shape we do not know';
  if (typeof facts === 'string') problems.add(facts);
  else {
    memory.liveSends.push({ id: facts.id, threadId: facts.threadId, at: facts.at });
    // The mailbox a send goes from is us: later answers without a SELF mark can then tell.
    const me = profileIdOf(facts.mailbox);
    if (me) memory.me.add(me);
  }
  return {
    send: typeof facts === 'string' ? null : facts,
    reading: { detections: [], elements: 1, problems: problems.list() },
  };
}
