// Recruiter, read from the page alone (its send and inbox payloads are unknown): LinkedIn's
// count from the composer's credit line, the cost chip, and a send recorded only when two
// signals agree: the rep clicked Send, and Recruiter then said the message was sent. A click
// that nothing confirms records nothing and is reported in detection health. What Recruiter's
// cost payload said of the recipient (free or not) comes from the tap (`heard`).

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
import { chipText, showChipBefore } from '../overlay/cost-chip';
import { defineFeature } from '../page/feature';

/** How long Recruiter may take to confirm a send. */
const CONFIRM_MS = 15_000;
/** Where Recruiter says a message went out (dom/recruiter-composer.ts reads the same). */
const LIVE_REGIONS = '[role="status"], [role="alert"], [aria-live]';

interface Pending {
  at: number;
  recipient: string | undefined;
  cost: 0 | 1 | null;
  /** The confirmations already on the page at the click: they confirm nothing. */
  before: Map<Element, string>;
}

export const recruiterComposer = defineFeature({
  id: 'recruiter-composer',
  pages: ['recruiter'],
  selectors: [
    // A dialog: Recruiter's composer is the one that says InMail and has a Send button.
    '[role="dialog"]',
    // Its buttons (Send among them), when they render after the dialog does.
    '[role="dialog"] button',
    // A status or alert region that gets words: where Recruiter says "Message sent".
    '[role="status"]:not(:empty)',
    '[role="alert"]:not(:empty)',
    '[aria-live]:not(:empty)',
  ],
  // Per page view: a send clicked on one URL may be confirmed after LinkedIn moved to the next.
  state: () => ({ lastCredits: null as number | null, pending: null as Pending | null }),
  run({ snapshot, now, signal, heard, state, once, watchText, lookIn }) {
    /** Until Recruiter says so or the time is up: its regions' words are watched, a look comes at the deadline. */
    const awaitConfirmation = (pending: Pending, at: number) => {
      for (const region of document.querySelectorAll(LIVE_REGIONS)) watchText(region);
      lookIn(pending.at + CONFIRM_MS + 100 - at);
    };
    const pending = state.pending;
    if (pending) {
      if (newSentConfirmation(document, pending.before)) {
        const send: Detection = {
          kind: 'send',
          pool: 'recruiter',
          surface: 'recruiter',
          id: `recruiter:${crypto.randomUUID()}`,
          threadId: `recruiter:${crypto.randomUUID()}`,
          cost: pending.cost === 0 ? 'free-open-profile' : 'paid',
          at: new Date(pending.at).toISOString(),
          ...(pending.recipient ? { recipient: { name: pending.recipient } } : {}),
        };
        state.pending = null;
        void reportAnchor('recruiter-sent', 'Recruiter: "message sent" confirmation', true, now);
        void deliver([send]);
      } else if (now - pending.at > CONFIRM_MS) {
        // No confirmation came in time: nothing is recorded, and health says so.
        state.pending = null;
        void reportAnchor('recruiter-sent', 'Recruiter: "message sent" confirmation', false, now);
      } else awaitConfirmation(pending, now);
    }
    const composer = findRecruiterComposer(document);
    if (!composer) return;
    // The credit line may render, or count down, after the dialog: its words are watched.
    watchText(composer);
    const cost = heard.recruiterCost;
    const credits = recruiterCredits(composer);
    if (cost !== 0)
      void reportAnchor('recruiter-credit-line', 'Recruiter composer: credit line', credits !== null, now);
    if (credits !== null && credits !== state.lastCredits) {
      state.lastCredits = credits;
      void deliver([
        {
          kind: 'balance',
          pool: 'recruiter',
          id: `obs:${crypto.randomUUID()}`,
          balance: credits,
          where: 'compose',
        },
      ]);
    }
    const send = recruiterSendButton(composer);
    if (!send?.parentElement) return;
    if (once(send))
      // Read-only: we note the click, the page does what it always does.
      send.addEventListener(
        'click',
        () => {
          const clicked: Pending = {
            at: Date.now(),
            recipient: recruiterRecipient(composer),
            cost: heard.recruiterCost,
            before: sentConfirmations(document),
          };
          state.pending = clicked;
          // The page may stay still after a failed send: the verdict must not wait for a change.
          awaitConfirmation(clicked, clicked.at);
        },
        { signal },
      );
    const lines =
      cost === 0
        ? [{ text: 'Free · Recruiter says this InMail costs no credit', tone: 'free' as const }]
        : // Beside LinkedIn's own count the chip says the cost only (overlay/cost-chip.ts).
          chipText('paid', recruiterRecipient(composer), snapshot, now, 'recruiter', credits);
    showChipBefore(send, lines, signal);
  },
});
