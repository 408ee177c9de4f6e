// Sales Navigator's composer: LinkedIn's own count from its credit line (an observation, once
// per value per page view), the cost chip before Send, and which anchors were found.

import { reportAnchor } from '../anchor-health';
import { composerCredits, composerRecipient, composerSendButton, findComposer } from '../dom/composer';
import { readSendMoment } from '../dom/send-moment';
import { deliver } from '../outbox';
import { chipText, showChipBefore } from '../overlay/cost-chip';
import { defineFeature } from '../page/feature';
import { PAGE_KINDS } from '../page-kinds';

/** The dialog dom/composer.ts reads: labelled "Conversation with <name>" ("Unterhaltung mit …"). */
const DIALOG = [
  'section[role="dialog"][aria-label^="Conversation with" i]',
  'section[role="dialog"][aria-label^="Unterhaltung mit" i]',
];

export const snComposer = defineFeature({
  id: 'sn-composer',
  // Every Sales Navigator page: the composer opens over a lead, a search row, the inbox, home.
  pages: PAGE_KINDS.filter((kind) => kind.startsWith('sales-')),
  selectors: [
    // The compose dialog itself, when it opens.
    ...DIALOG,
    // Its buttons (Send among them), when they render after the dialog does.
    ...DIALOG.map((dialog) => `${dialog} button`),
  ],
  state: () => ({ lastCredits: null as number | null }),
  run({ snapshot, now, signal, state, watchText }) {
    const composer = findComposer(document);
    if (!composer) return;
    // The credit line may render, or count down, after the dialog: its words are watched.
    watchText(composer);
    const credits = composerCredits(composer);
    // What the composer and its recipient show, never anyone else on the page.
    const cost = readSendMoment(composer, document).cost ?? 'paid';
    // A free-message composer shows no count; a paid one must.
    if (cost === 'paid')
      void reportAnchor(
        'sn-composer-credit-line',
        'Sales Navigator composer: credit line',
        credits !== null,
        now,
      );
    if (credits !== null && credits !== state.lastCredits) {
      state.lastCredits = credits;
      void deliver([
        {
          kind: 'balance',
          pool: 'sales-navigator',
          id: `obs:${crypto.randomUUID()}`,
          balance: credits,
          where: 'compose',
        },
      ]);
    }
    const send = composerSendButton(composer);
    void reportAnchor('sn-composer-send', 'Sales Navigator composer: Send button', send !== null, now);
    // Beside LinkedIn's own count the chip says the cost only (overlay/cost-chip.ts).
    if (send)
      showChipBefore(
        send,
        chipText(cost, composerRecipient(composer), snapshot, now, 'sales-navigator', credits),
        signal,
      );
  },
});
