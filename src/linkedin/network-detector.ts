// Turns what the tap saw into detections: a Sales Navigator send (network-proven), and
// Sales Navigator's own count of credits left.

import type { Detection } from '../messages/detection';
import { parseSalesCreateMessage } from './api/sales-create-message';
import { parseSalesCredits } from './api/sales-credits';
import { parseSalesThreads } from './api/sales-threads';
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

/** The detections in one message from the tap; none for anything unexpected. */
export function detectionsFrom(data: unknown, doc: Document, randomId: () => string): Detection[] {
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
    let inmailSeen = false;
    for (const m of thread.messages) {
      const at = new Date(m.deliveredAt).toISOString();
      if (m.author === thread.me) {
        if (!m.inmail) continue;
        inmailSeen = true;
        out.push({
          kind: 'send',
          pool: 'sales-navigator',
          surface: 'sales-navigator',
          id: m.id,
          threadId: thread.id,
          cost: 'paid',
          at,
        });
      } else if (inmailSeen && m.author !== undefined) {
        out.push({
          kind: 'response',
          pool: 'sales-navigator',
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
