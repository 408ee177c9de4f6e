// One LinkedIn answer the tap (or a HAR) saw, and the one way to read it: by endpoint, through
// the readers beside this file, into detections and problems. The extension's content script
// and `ledger har` both call `readAnswer`, so what a HAR shows is what the extension reads.

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
  cost: 'paid' | 'free-connection' | 'free-open-profile' | null;
  recipient?: string;
}

/** What the page adds to the network; absent when reading a HAR (no composer to see). */
export interface PageSide {
  /** The composer reading of the rep's last Send on this surface within 15 s of `at`, taken once. */
  takeSend(surface: 'sales-navigator' | 'messaging', at: number): SentFromComposer | null;
  /** Recruiter said what the open recipient costs. */
  recruiterCost?(cost: 0 | 1): void;
}

const NOTHING: Reading = { detections: [], elements: 0, problems: [] };

const SEEN_NOT_READ: Partial<Record<EndpointKind, string>> = {
  'sales-inbox-conversations': 'seen, not read: the shape of this answer is not known yet',
  'recruiter-other': 'seen, not read: Recruiter sends and threads are counted from the page',
};

export function readAnswer(answer: Answer, memory: Memory, page?: PageSide): Reading {
  if (answer.status < 200 || answer.status >= 300) return NOTHING;
  const seenNotRead = SEEN_NOT_READ[answer.endpoint];
  if (seenNotRead) return { detections: [], elements: 0, problems: [{ reason: seenNotRead, count: 1 }] };
  const response = parseJson(answer.response);
  if (response === undefined)
    return { detections: [], elements: 0, problems: [{ reason: 'the answer is not JSON', count: 1 }] };
  const { seenAt } = answer;
  switch (answer.endpoint) {
    case 'sales-credits':
      return readSalesCredits(response, seenAt);
    case 'sales-threads':
      return readSalesThreads(response, memory, seenAt);
    case 'voyager-conversations':
      return readVoyagerConversations(response, memory, seenAt);
    case 'voyager-messages':
      return readVoyagerMessages(response, memory, seenAt);
    case 'sales-create-message': {
      const reading = readSalesCreateMessage(parseJson(answer.request), response, memory, seenAt);
      const moment = page?.takeSend('sales-navigator', seenAt) ?? null;
      return { ...reading, detections: reading.detections.map((d) => withCost(d, moment)) };
    }
    case 'voyager-create-message': {
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
    }
    case 'recruiter-inmail-cost': {
      const { costs, reading } = readRecruiterInmailCost(response);
      const first = costs[0]?.cost;
      if (first !== undefined && costs.every((c) => c.cost === first)) page?.recruiterCost?.(first);
      return reading;
    }
    default:
      return NOTHING;
  }
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
