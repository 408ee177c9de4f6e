// LinkedIn messaging's InMail composer (profiles, /messaging): LinkedIn's count from the
// credits banner (an observation of the Premium pool), the cost chip before Send, health.
// Also remembers which composer the rep last used, so a createMessage the tap sees can be
// told apart: from an InMail composer it is an InMail, from a chat it is nothing to us.

import { reportAnchor } from '../anchor-health';
import {
  composerOf,
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

let lastUsed: HTMLElement | null = null;

/** Follows clicks and keys (capture phase, read-only) to know which composer sent. */
export function trackComposerUse(doc: Document): void {
  const note = (event: Event) => {
    const target = event.target;
    if (target instanceof Element) {
      const composer = composerOf(target);
      if (composer?.querySelector('[contenteditable="true"]')) lastUsed = composer;
    }
  };
  doc.addEventListener('click', note, true);
  doc.addEventListener('keydown', note, true);
}

/** The composer the rep last used, while it is still on the page; else the only one there is. */
export function sendingComposer(doc: Document): HTMLElement | null {
  if (lastUsed?.isConnected) return lastUsed;
  const all = messagingComposers(doc);
  return all.length === 1 ? (all[0] as HTMLElement) : null;
}

export function messagingComposer(randomId: () => string): Feature {
  const lastCredits = new WeakMap<HTMLElement, number>();
  return (snapshot, now, kind) => {
    if (kind !== 'messaging' && kind !== 'profile') return;
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
