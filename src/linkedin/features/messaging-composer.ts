// LinkedIn messaging's InMail composer, wherever it opens (/messaging, or the message overlay
// on a profile, a search page, the feed…): LinkedIn's count from the credits banner (an
// observation of the Premium pool), the cost chip before Send, health. Which composer sent a
// createMessage is read at the moment of Send (page/send-moments.ts).

import { reportAnchor } from '../anchor-health';
import {
  inmailBanner,
  isInmailComposer,
  messagingComposers,
  messagingCost,
  messagingCredits,
  messagingRecipient,
  messagingSendButton,
} from '../dom/messaging-composer';
import { deliver } from '../outbox';
import { chipText, showChipBefore } from '../overlay/cost-chip';
import { defineFeature } from '../page/feature';
import { PAGE_KINDS } from '../page-kinds';

export const messagingComposer = defineFeature({
  id: 'messaging-composer',
  // Messaging overlays open on almost any LinkedIn page, but not in Sales Navigator or Recruiter.
  pages: 'all',
  except: PAGE_KINDS.filter((kind) => kind.startsWith('sales-') || kind === 'recruiter'),
  selectors: [
    // The message body a composer is found by (dom/messaging-composer.ts), by class or label.
    '.msg-form__contenteditable',
    '[contenteditable="true"][aria-label^="Write a message"]',
    '[contenteditable="true"][aria-label^="Nachricht verfassen"]',
    // The InMail credits banner: it makes a composer an InMail one, and holds LinkedIn's count.
    '.msg-inmail-credits-display',
    // Send, when it renders after the body.
    'button.msg-form__send-btn',
  ],
  state: () => ({ lastCredits: new WeakMap<HTMLElement, number>() }),
  run({ snapshot, now, signal, state, watchText }) {
    for (const composer of messagingComposers(document)) {
      if (!isInmailComposer(composer)) continue;
      const banner = inmailBanner(composer);
      // The banner's count changes after a send without a new element: its words are watched.
      if (banner) watchText(banner);
      const cost = messagingCost(composer) ?? 'paid';
      const credits = messagingCredits(composer);
      void reportAnchor(
        'msg-composer-banner',
        'LinkedIn messaging InMail composer: credits banner',
        banner !== null,
        now,
      );
      if (cost === 'paid')
        void reportAnchor(
          'msg-composer-credit-line',
          'LinkedIn messaging InMail composer: credit count',
          credits !== null,
          now,
        );
      if (credits !== null && credits !== state.lastCredits.get(composer)) {
        state.lastCredits.set(composer, credits);
        void deliver([
          {
            kind: 'balance',
            pool: 'premium',
            id: `obs:${crypto.randomUUID()}`,
            balance: credits,
            where: 'compose',
          },
        ]);
      }
      const send = messagingSendButton(composer);
      void reportAnchor(
        'msg-composer-send',
        'LinkedIn messaging InMail composer: Send button',
        send !== null,
        now,
      );
      if (send)
        showChipBefore(
          send,
          // Beside LinkedIn's own count the chip says the cost only (overlay/cost-chip.ts).
          chipText(cost, messagingRecipient(composer), snapshot, now, 'premium', credits),
          signal,
          'inline',
        );
    }
  },
});
