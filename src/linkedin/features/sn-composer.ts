// Sales Navigator's composer: LinkedIn's own count from its credit line (an observation, once
// per value per page view), the cost chip before Send, and which anchors were found.

import { reportAnchor } from '../anchor-health';
import { composerCredits, composerRecipient, composerSendButton, findComposer } from '../dom/composer';
import { readSendMoment } from '../dom/send-moment';
import { deliver } from '../outbox';
import { chipText, showChipBefore } from './cost-chip';
import type { Feature } from './page-watch';

export function salesComposer(randomId: () => string): Feature {
  let lastCredits: number | null = null;
  return (snapshot, now, kind) => {
    if (!kind?.startsWith('sales-')) return;
    const composer = findComposer(document);
    if (!composer) return;
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
    if (credits !== null && credits !== lastCredits) {
      lastCredits = credits;
      void deliver([
        {
          kind: 'balance',
          pool: 'sales-navigator',
          id: `obs:${randomId()}`,
          balance: credits,
          where: 'compose',
        },
      ]);
    }
    const send = composerSendButton(composer);
    void reportAnchor('sn-composer-send', 'Sales Navigator composer: Send button', send !== null, now);
    if (send) showChipBefore(send, chipText(cost, composerRecipient(composer), snapshot, now));
  };
}
