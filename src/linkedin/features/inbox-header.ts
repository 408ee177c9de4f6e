// Sales Navigator's inbox header, "InMail credits: 149 left" [firm]: an observation read once
// when the inbox loads. LinkedIn does not refresh it after a send in the same page view, so
// it is never read again until the page reloads (rule 11: no stale re-reads).

import { reportAnchor } from '../anchor-health';
import { creditCountIn } from '../dom/credit-count';
import { deliver } from '../outbox';
import type { Feature } from './page-watch';

export function inboxHeader(randomId: () => string): Feature {
  let read = false;
  let missingChecks = 0;
  return (_snapshot, now, kind) => {
    if (read || kind !== 'sales-inbox') return;
    const main = document.querySelector('main');
    if (!main) return;
    const credits = creditCountIn(main.querySelector('[data-sn-view-name="inbox"]') ?? main);
    if (credits === null) {
      // The header renders with the thread list: give it a few updates before calling it missing.
      if (++missingChecks === 5)
        void reportAnchor('sn-inbox-credits', 'Sales Navigator inbox: credits header', false, now);
      return;
    }
    read = true;
    void reportAnchor('sn-inbox-credits', 'Sales Navigator inbox: credits header', true, now);
    void deliver([
      {
        kind: 'balance',
        pool: 'sales-navigator',
        id: `obs:${randomId()}`,
        balance: credits,
        where: 'inbox-header',
      },
    ]);
  };
}
