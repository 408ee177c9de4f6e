// Sales Navigator's inbox header, "InMail credits: 149 left" [firm]: an observation read once
// when the inbox loads. LinkedIn does not refresh it after a send in the same page view, so
// it is never read again until the page reloads (rule 11: no stale re-reads).

import { reportAnchor } from '../anchor-health';
import { creditCountIn } from '../dom/credit-count';
import { deliver } from '../outbox';
import { defineFeature } from '../page/feature';

/** The header renders with the thread list: it is looked for this long before it counts as missing. */
const MISSING_AFTER_MS = 5000;
/** While it is looked for: a look this often (besides the inbox view appearing). */
const RETRY_MS = 1000;

export const inboxHeader = defineFeature({
  id: 'inbox-header',
  pages: ['sales-inbox'],
  selectors: [
    // Sales Navigator's inbox view, whose header shows the count.
    '[data-sn-view-name="inbox"]',
    // The page's main region: the count is looked for there when the view is not named.
    'main',
  ],
  // Per page view, not per page: moving between threads never reads it again.
  state: () => ({ read: false }),
  run({ now, since, state, lookIn }) {
    if (state.read) return;
    const main = document.querySelector('main');
    const credits = main ? creditCountIn(main.querySelector('[data-sn-view-name="inbox"]') ?? main) : null;
    if (credits === null) {
      if (now - since >= MISSING_AFTER_MS)
        void reportAnchor('sn-inbox-credits', 'Sales Navigator inbox: credits header', false, now);
      else lookIn(Math.min(RETRY_MS, MISSING_AFTER_MS - (now - since)));
      return;
    }
    state.read = true;
    void reportAnchor('sn-inbox-credits', 'Sales Navigator inbox: credits header', true, now);
    void deliver([
      {
        kind: 'balance',
        pool: 'sales-navigator',
        id: `obs:${crypto.randomUUID()}`,
        balance: credits,
        where: 'inbox-header',
      },
    ]);
  },
});
