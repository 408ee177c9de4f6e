// Turns what the tap saw into detections: sends (network-proven; the page says what they
// cost), responses and catch-up sends from thread payloads, and LinkedIn's own counts.

import type { Detection } from '../messages/detection';
import { accountOf } from './accounts';
import { parseRecruiterInmailCost } from './api/recruiter-inmail-cost';
import { parseSalesCreateMessage } from './api/sales-create-message';
import { parseSalesCredits } from './api/sales-credits';
import { parseSalesThreads } from './api/sales-threads';
import { parseVoyagerConversations } from './api/voyager-conversations';
import { parseVoyagerCreateMessage } from './api/voyager-create-message';
import { messagingCost, messagingRecipient } from './dom/messaging-composer';
import { leadName, sendCostFromPage } from './dom/send-cost';
import { TAP_SOURCE, type TapMessage } from './tap';

function json(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTapMessage(data: unknown): data is TapMessage {
  const m = data as TapMessage | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.source === TAP_SOURCE &&
    typeof m.kind === 'string' &&
    typeof m.status === 'number' &&
    (m.request === null || typeof m.request === 'string') &&
    typeof m.response === 'string'
  );
}

/** What the page shows beside the network: the document, and the composer the rep last used. */
export interface PageContext {
  doc: Document;
  randomId: () => string;
  /** The LinkedIn messaging composer the rep last clicked or typed in, if any. */
  sendingComposer: () => HTMLElement | null;
  /** Recruiter said what messaging the open recipient costs (0 or 1 credit). */
  recruiterCost?: (cost: 0 | 1) => void;
}

/** The detections in one message from the tap; none for anything unexpected. */
export function detectionsFrom(data: unknown, page: PageContext): Detection[] {
  const { doc, randomId } = page;
  if (!isTapMessage(data) || data.status < 200 || data.status >= 300) return [];
  if (data.kind === 'sales-credits') {
    const balance = parseSalesCredits(json(data.response));
    return balance === null
      ? []
      : [
          {
            kind: 'balance',
            pool: 'sales-navigator',
            id: `obs:${randomId()}`,
            balance,
            where: 'credits-api',
          },
        ];
  }
  if (data.kind === 'sales-create-message') {
    const send = parseSalesCreateMessage(json(data.request), json(data.response));
    if (send === null) return [];
    const name = leadName(doc);
    return [
      {
        kind: 'send',
        pool: 'sales-navigator',
        surface: 'sales-navigator',
        id: send.id,
        threadId: send.threadId,
        cost: sendCostFromPage(doc),
        ...(name ? { recipient: { name } } : {}),
      },
    ];
  }
  if (data.kind === 'sales-threads') return threadDetections(json(data.response));
  if (data.kind === 'recruiter-inmail-cost') {
    const cost = parseRecruiterInmailCost(json(data.response));
    if (cost !== null) page.recruiterCost?.(cost);
    return [];
  }
  if (data.kind === 'voyager-conversations') return conversationDetections(json(data.response));
  if (data.kind === 'voyager-create-message') {
    // The same endpoint sends chats: only a send from an InMail composer is an InMail.
    const composer = page.sendingComposer();
    const cost = composer ? messagingCost(composer) : null;
    if (composer === null || cost === null) return [];
    const send = parseVoyagerCreateMessage(json(data.request), json(data.response));
    if (send === null) return [];
    const name = messagingRecipient(composer);
    return [
      {
        kind: 'send',
        pool: 'premium',
        ...(accountOf(send.mailbox) ? { account: accountOf(send.mailbox) } : {}),
        surface: 'messaging',
        id: send.id,
        threadId: send.threadId,
        cost,
        ...(send.deliveredAt !== undefined ? { at: new Date(send.deliveredAt).toISOString() } : {}),
        ...(name ? { recipient: { name } } : {}),
      },
    ];
  }
  return [];
}

/**
 * From thread payloads: our own InMails (sent here or from the phone: catch-up) with
 * LinkedIn's send time, and every message from someone else after one of our InMails in the
 * same thread (a response, at LinkedIn's delivery time). Threads where we cannot tell which
 * participant is us give nothing.
 */
export function threadDetections(payload: unknown): Detection[] {
  const out: Detection[] = [];
  for (const thread of parseSalesThreads(payload)) {
    if (thread.me === undefined) continue;
    const account = accountOf(thread.me);
    let inmailSeen = false;
    for (const m of thread.messages) {
      const at = new Date(m.deliveredAt).toISOString();
      if (m.author === thread.me) {
        if (!m.inmail) continue;
        inmailSeen = true;
        out.push({
          kind: 'send',
          pool: 'sales-navigator',
          ...(account ? { account } : {}),
          surface: 'sales-navigator',
          id: m.id,
          threadId: thread.id,
          cost: 'paid',
          at,
          ...(thread.otherName ? { recipient: { name: thread.otherName } } : {}),
        });
      } else if (inmailSeen && m.author !== undefined) {
        out.push({
          kind: 'response',
          pool: 'sales-navigator',
          ...(account ? { account } : {}),
          id: m.id,
          threadId: thread.id,
          at,
          responseKind: 'reply',
        });
      }
    }
  }
  return out;
}

/**
 * From LinkedIn messaging's conversation lists: in an InMail thread opened by our own InMail
 * (sponsored messages and InMails sent to us are opened by someone else), every later message
 * from the other side is a reply, and an ACCEPTED or DECLINED state is a quick response at the
 * last activity time (rule 8). A Premium InMail found here is also a catch-up send; a Sales
 * Navigator one is left to Sales Navigator's payloads, whose message ids the ledger uses.
 */
export function conversationDetections(payload: unknown): Detection[] {
  const out: Detection[] = [];
  for (const c of parseVoyagerConversations(payload)) {
    const first = c.messages[0];
    if (c.pool === null || c.me === undefined || first === undefined || first.author !== c.me) continue;
    const pool = c.pool;
    const account = accountOf(c.me);
    const mine = account ? { account } : {};
    if (pool === 'premium')
      out.push({
        kind: 'send',
        pool,
        ...mine,
        surface: 'messaging',
        id: first.id,
        threadId: c.threadId,
        cost: 'paid',
        at: new Date(first.deliveredAt).toISOString(),
        ...(c.otherName ? { recipient: { name: c.otherName } } : {}),
      });
    for (const m of c.messages) {
      if (m.author === c.me) continue;
      out.push({
        kind: 'response',
        pool,
        ...mine,
        id: m.id,
        threadId: c.threadId,
        at: new Date(m.deliveredAt).toISOString(),
        responseKind: 'reply',
      });
    }
    if ((c.state === 'ACCEPTED' || c.state === 'DECLINED') && c.lastActivityAt !== undefined)
      out.push({
        kind: 'response',
        pool,
        ...mine,
        id: `quick-response:${c.threadId}`,
        threadId: c.threadId,
        at: new Date(c.lastActivityAt).toISOString(),
        responseKind: c.state === 'ACCEPTED' ? 'accepted' : 'declined',
      });
  }
  return out;
}
