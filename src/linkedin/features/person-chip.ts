// On a lead page and on each search result row, beside the degree badge: what messaging this
// person costs, when the page shows enough to know (a degree, an Open Profile mark).

import { reportAnchor } from '../anchor-health';
import { personCards, personCost, readPerson } from '../dom/person';
import { chipText } from './cost-chip';
import { overlay, showLines } from './overlay';
import type { Feature } from './page-watch';

export const personChip: Feature = (snapshot, now, kind) => {
  if (kind !== 'sales-lead' && kind !== 'sales-search') return;
  const cards = personCards(document, kind);
  if (kind === 'sales-lead' && cards.length > 0) {
    const person = readPerson(cards[0] as HTMLElement);
    void reportAnchor('sn-lead-degree', 'Sales Navigator lead: degree badge', person.degree !== null, now);
  }
  for (const card of cards) {
    const person = readPerson(card);
    const cost = personCost(person);
    const badge = person.degreeBadge;
    if (cost === null || !badge?.parentElement) continue;
    const parent = badge.parentElement;
    const host = overlay(
      'person-chip',
      parent,
      (h) => badge.after(h),
      `InMail Ledger: cost of messaging ${person.name ?? 'this person'}`,
      'inline',
    );
    // Only the first line: the repeat guard belongs to the composer.
    showLines(host, chipText(cost, undefined, snapshot, now).slice(0, 1));
  }
};
