// A Sales Navigator send (LINKEDIN-SIGNALS.md "Send" [firm for the request, weak for the
// response]): a 2xx answer to createMessage is the proof it happened. From a lead page the
// request names its recipients; a follow-up from an open thread names only the thread. The
// event's id is the created message's URN when the answer gives one, else the request's
// tracking id in hex (it is raw bytes as a Latin-1 string: never usable as it is).

import { actionValue, envelopeOf, isObject } from './envelope';
import { hexOfChars, iso, type Memory, type Reading } from './reading';
import { bareThreadId } from './sales-threads';

type Obj = Record<string, unknown>;

const MESSAGE_URN = /^urn:li:[A-Za-z_]*[Mm]essage:\S+$/;
/** The thread part of a message URN "urn:li:fs_salesMessage:(2-thread,2-message)" [weak]. */
const THREAD_OF_MESSAGE = /^urn:li:[A-Za-z_]*[Mm]essage:\((2-[^,()]+),[^()]+\)$/;

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** The createMessageRequest of a request we know: recipients (from a lead) or a thread (a follow-up). */
function requestOf(request: unknown): Obj | null {
  const r = isObject(request) ? request.createMessageRequest : undefined;
  if (!isObject(r)) return null;
  const recipients = Array.isArray(r.recipients) && r.recipients.length > 0;
  return recipients || text(r.threadId, 300) ? r : null;
}

/** The created message's URN and its thread, from whatever part of the [weak] answer has them. */
function createdOf(response: unknown): { messageId?: string; threadId?: string } {
  const env = envelopeOf(response);
  const value = env && actionValue(env);
  if (!value) return {};
  const urn = (v: unknown) => {
    const s = text(v, 300);
    return s && MESSAGE_URN.test(s) ? s : undefined;
  };
  return {
    messageId: text(value.messageId, 300) ?? urn(value.entityUrn) ?? urn(value.id),
    threadId: text(value.threadId, 300),
  };
}

export function readSalesCreateMessage(
  request: unknown,
  response: unknown,
  memory: Memory,
  seenAt: number,
): Reading {
  const r = requestOf(request);
  if (r === null)
    return {
      detections: [],
      elements: 1,
      problems: [{ reason: 'request in a shape we do not know', count: 1 }],
    };
  const created = createdOf(response);
  // 16 bytes give 32 to 64 hex digits; a longer one is not a tracking id we know.
  const tracking = text(r.trackingId, 64);
  const id = created.messageId ?? (tracking !== undefined ? `tracking:${hexOfChars(tracking)}` : undefined);
  if (id === undefined)
    return { detections: [], elements: 1, problems: [{ reason: 'send without a message id', count: 1 }] };
  const thread = created.threadId ?? text(r.threadId, 300) ?? THREAD_OF_MESSAGE.exec(id)?.[1];
  // A first send whose answer names no thread: its own id keeps it apart from every other send.
  const threadId = thread !== undefined ? bareThreadId(thread) : id;
  memory.liveSends.push({ id, threadId, at: seenAt });
  return {
    detections: [
      {
        kind: 'send',
        pool: 'sales-navigator',
        surface: 'sales-navigator',
        id,
        threadId,
        cost: 'paid',
        costUnknown: true,
        at: iso(seenAt),
      },
    ],
    elements: 1,
    problems: [],
  };
}
