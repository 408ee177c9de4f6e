// Recruiter, read from the page alone (its send and inbox payloads are unknown): LinkedIn's
// count from the composer's credit line, the cost chip, and a send recorded only when two
// signals agree: the rep clicked Send, and Recruiter then said the message was sent. A click
// that nothing confirms records nothing and is reported in detection health.

import type { Detection } from '../../messages/detection';
import { reportAnchor } from '../anchor-health';
import {
  findRecruiterComposer,
  newSentConfirmation,
  recruiterCredits,
  recruiterRecipient,
  recruiterSendButton,
  sentConfirmations,
} from '../dom/recruiter-composer';
import { deliver } from '../outbox';
import { chipText, showChipBefore } from './cost-chip';
import type { Feature } from './page-watch';

/** How long Recruiter may take to confirm a send. */
const CONFIRM_MS = 15_000;

export interface RecruiterComposer {
  feature: Feature;
  /** What the page's cost payload said about the open recipient. */
  noteCost(cost: 0 | 1): void;
}

export function recruiterComposer(randomId: () => string, signal?: AbortSignal): RecruiterComposer {
  let cost: 0 | 1 | null = null;
  let lastCredits: number | null = null;
  let pending: {
    at: number;
    recipient: string | undefined;
    cost: 0 | 1 | null;
    /** The confirmations already on the page at the click: they confirm nothing. */
    before: Map<Element, string>;
  } | null = null;
  let watched: HTMLButtonElement | null = null;

  /** No confirmation came in time: nothing is recorded, and health says so. */
  const expire = (now: number) => {
    pending = null;
    void reportAnchor('recruiter-sent', 'Recruiter: "message sent" confirmation', false, now);
  };

  const feature: Feature = (snapshot, now, kind) => {
    if (kind !== 'recruiter') return;
    if (pending) {
      if (newSentConfirmation(document, pending.before)) {
        const send: Detection = {
          kind: 'send',
          pool: 'recruiter',
          surface: 'recruiter',
          id: `recruiter:${randomId()}`,
          threadId: `recruiter:${randomId()}`,
          cost: pending.cost === 0 ? 'free-open-profile' : 'paid',
          at: new Date(pending.at).toISOString(),
          ...(pending.recipient ? { recipient: { name: pending.recipient } } : {}),
        };
        pending = null;
        void reportAnchor('recruiter-sent', 'Recruiter: "message sent" confirmation', true, now);
        void deliver([send]);
      } else if (now - pending.at > CONFIRM_MS) expire(now);
    }
    const composer = findRecruiterComposer(document);
    if (!composer) return;
    const credits = recruiterCredits(composer);
    if (cost !== 0)
      void reportAnchor('recruiter-credit-line', 'Recruiter composer: credit line', credits !== null, now);
    if (credits !== null && credits !== lastCredits) {
      lastCredits = credits;
      void deliver([
        { kind: 'balance', pool: 'recruiter', id: `obs:${randomId()}`, balance: credits, where: 'compose' },
      ]);
    }
    const send = recruiterSendButton(composer);
    if (!send?.parentElement) return;
    if (send !== watched) {
      watched = send;
      // Read-only: we note the click, the page does what it always does.
      send.addEventListener(
        'click',
        () => {
          pending = {
            at: Date.now(),
            recipient: recruiterRecipient(composer),
            cost,
            before: sentConfirmations(document),
          };
          // The page may stay still after a failed send: the verdict must not wait for a change.
          const clicked = pending;
          const timer = setTimeout(() => {
            if (pending === clicked) expire(Date.now());
          }, CONFIRM_MS + 100);
          signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
        },
        { signal },
      );
    }
    const lines =
      cost === 0
        ? [{ text: 'Free · Recruiter says this InMail costs no credit', tone: 'free' as const }]
        : chipText('paid', recruiterRecipient(composer), snapshot, now, 'recruiter');
    showChipBefore(send, lines);
  };
  return { feature, noteCost: (c) => (cost = c) };
}
