// One LinkedIn answer the tap (or a HAR) saw, and the one way to read it: by endpoint, through
// the readers beside this file, into detections and problems. The extension's content script
// and `ledger har` both call `readAnswer`, so what a HAR shows is what the extension reads.

import type { SendCost, SendSurface } from '../../ledger/events';
import type { Detection } from '../../messages/detection';
import { accountOf } from '../accounts';
import type { EndpointKind } from '../endpoints';
import { type Memory, parseJson, type Reading } from './reading';
import { readRecruiterInmailCost } from './recruiter-inmail-cost';
import { readSalesCreateMessage } from './sales-create-message';
import { readSalesCredits } from './sales-credits';
import { readSalesThreads } from './sales-threads';
import { readVoyagerConversations } from './voyager-conversations';
import { readVoyagerCreateMessage } from './voyager-create-message';
import { readVoyagerMessages } from './voyager-messages';

export interface Answer {
  endpoint: EndpointKind;
  status: number;
  /** The request's body, when it had a text one. */
  request: string | null;
  response: string;
  /** When the page saw the answer (epoch ms). */
  seenAt: number;
}

/** What the composer showed when the rep sent (DESIGN.md, detection strategy 2). */
export interface SentFromComposer {
  /** False for an ordinary chat (a LinkedIn messaging composer with no InMail banner or subject). */
  inmail: boolean;
  cost: SendCost | null;
  recipient?: string;
}

/** The surfaces whose composer is read at the moment of Send (Recruiter's sends are confirmed on the page). */
export type ComposerSurface = Extract<SendSurface, 'sales-navigator' | 'messaging'>;

/** What the page adds to the network; absent when reading a HAR (no composer to see). */
export interface PageSide {
  /** The composer reading of the rep's last Send on this surface within 15 s of `at`, taken once. */
  takeSend(surface: ComposerSurface, at: number): SentFromComposer | null;
  /** Recruiter said what the open recipient costs. */
  recruiterCost?(cost: 0 | 1): void;
}

const NOTHING: Reading = { detections: [], elements: 0, problems: [] };

/** An endpoint's answer, parsed, to read: what the endpoint says, and what the page adds to it. */
interface Read {
  answer: Answer;
  /** The answer's JSON (its request's is `parseJson(answer.request)`). */
  response: unknown;
  memory: Memory;
  page: PageSide | undefined;
}

/** How an endpoint's answer is read, or why it is seen and not read (said in health, once per answer). */
type Reader = ((read: Read) => Reading) | { seenNotRead: string };

/**
 * How each endpoint's answer is read: one entry per endpoint of `ENDPOINT_KINDS`, so an
 * endpoint added there and not here does not compile.
 */
const READERS: Record<EndpointKind, Reader> = {
  'sales-credits': ({ response, answer }) => readSalesCredits(response, answer.seenAt),
  'sales-threads': ({ response, memory, answer }) => readSalesThreads(response, memory, answer.seenAt),
  'sales-inbox-conversations': { seenNotRead: 'seen, not read: the shape of this answer is not known yet' },
  'voyager-conversations': ({ response, memory, answer }) =>
    readVoyagerConversations(response, memory, answer.seenAt),
  'voyager-messages': ({ response, memory, answer }) => readVoyagerMessages(response, memory, answer.seenAt),
  'sales-create-message': ({ answer, response, memory, page }) => {
    const { seenAt } = answer;
    const reading = readSalesCreateMessage(parseJson(answer.request), response, memory, seenAt);
    const moment = page?.takeSend('sales-navigator', seenAt) ?? null;
    return { ...reading, detections: reading.detections.map((d) => withCost(d, moment)) };
  },
  'voyager-create-message': ({ answer, response, memory, page }) => {
    const { seenAt } = answer;
    const { send, reading } = readVoyagerCreateMessage(parseJson(answer.request), response, memory, seenAt);
    const moment = page?.takeSend('messaging', seenAt) ?? null;
    // The same endpoint sends chats: only a send from an InMail composer is an InMail. A HAR
    // shows no composer: a later answer that shows our InMail records it as a catch-up.
    if (send === null || moment === null || !moment.inmail) return reading;
    const recipient = moment.recipient ?? undefined;
    const detection: Detection = {
      kind: 'send',
      pool: 'premium',
      ...(send.mailbox && accountOf(send.mailbox) ? { account: accountOf(send.mailbox) } : {}),
      surface: 'messaging',
      id: send.id,
      threadId: send.threadId,
      cost: 'paid',
      at: new Date(send.at).toISOString(),
      ...(recipient ? { recipient: { name: recipient } } : {}),
    };
    memory.threads.set(send.threadId, { pool: 'premium', sentAt: send.at });
    return { ...reading, detections: [withCost(detection, moment)] };
  },
  'recruiter-inmail-cost': ({ response, page }) => {
    const { costs, reading } = readRecruiterInmailCost(response);
    const first = costs[0]?.cost;
    if (first !== undefined && costs.every((c) => c.cost === first)) page?.recruiterCost?.(first);
    return reading;
  },
  'recruiter-other': { seenNotRead: 'seen, not read: Recruiter sends and threads are counted from the page' },
};

export function readAnswer(answer: Answer, memory: Memory, page?: PageSide): Reading {
  if (answer.status < 200 || answer.status >= 300) return NOTHING;
  const reader = READERS[answer.endpoint];
  // An endpoint outside ENDPOINT_KINDS (a HAR of a newer version's names) is not ours.
  if (reader === undefined) return NOTHING;
  if (typeof reader !== 'function')
    return { detections: [], elements: 0, problems: [{ reason: reader.seenNotRead, count: 1 }] };
  const response = parseJson(answer.response);
  if (response === undefined)
    return { detections: [], elements: 0, problems: [{ reason: 'the answer is not JSON', count: 1 }] };
  return reader({ answer, response, memory, page });
}

/** The cost the composer showed, else paid with `costUnknown` (we never overstate the balance). */
function withCost(d: Detection, moment: SentFromComposer | null): Detection {
  if (d.kind !== 'send') return d;
  const { costUnknown: _, ...rest } = d;
  if (moment?.cost) {
    const named = !rest.recipient && moment.recipient ? { recipient: { name: moment.recipient } } : {};
    return { ...rest, cost: moment.cost, ...named };
  }
  return { ...rest, cost: 'paid' as const, costUnknown: true as const };
}
