// LinkedIn messaging's InMail composer, wherever it opens (/messaging, or the message overlay
// on a profile, a search page, the feed…): LinkedIn's count from the credits banner (an
// observation of the Premium pool), the cost chip before Send, health. Which composer sent a
// createMessage is read at the moment of Send (send-moments.ts).

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
import { chipText, showChipBefore } from './cost-chip';
import type { Feature } from './page-watch';

export function messagingComposer(randomId: () => string): Feature {
  const lastCredits = new WeakMap<HTMLElement, number>();
  return (snapshot, now, kind) => {
    // Messaging overlays open on almost any LinkedIn page, but not in Sales Navigator or Recruiter.
    if (kind?.startsWith('sales-') || kind === 'recruiter') return;
    for (const composer of messagingComposers(document)) {
      if (!isInmailComposer(composer)) continue;
      const cost = messagingCost(composer) ?? 'paid';
      const credits = messagingCredits(composer);
      void reportAnchor(
        'msg-composer-banner',
        'LinkedIn messaging InMail composer: credits banner',
        inmailBanner(composer) !== null,
        now,
      );
      if (cost === 'paid')
        void reportAnchor(
          'msg-composer-credit-line',
          'LinkedIn messaging InMail composer: credit count',
          credits !== null,
          now,
        );
      if (credits !== null && credits !== lastCredits.get(composer)) {
        lastCredits.set(composer, credits);
        void deliver([
          { kind: 'balance', pool: 'premium', id: `obs:${randomId()}`, balance: credits, where: 'compose' },
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
          chipText(cost, messagingRecipient(composer), snapshot, now, 'premium'),
          'inline',
        );
    }
  };
}
