// On a lead page and on each search result row, beside the degree badge: what messaging this
// person costs, when the page shows enough to know (a degree, an Open Profile mark). The cost
// alone: the balance is the toolbar badge's, and the composer's chip where LinkedIn shows none
// (never repeated on every row, never beside LinkedIn's own count).

import { reportAnchor } from '../anchor-health';
import { personCards, personCost, readPerson } from '../dom/person';
import { costText } from '../overlay/cost-chip';
import { overlay, showLines } from '../overlay/overlay';
import { defineFeature } from '../page/feature';

export const personChip = defineFeature({
  id: 'person-chip',
  pages: ['sales-lead', 'sales-search'],
  selectors: [
    // A person's name (dom/person.ts): the lead's header, each search result row.
    'main [data-anonymize="person-name"]',
    // A degree mark with its label (dom/degree.ts), when it renders after the name.
    'main [aria-label*="degree connection" i]',
    'main [aria-label^="Kontakt" i][aria-label*="Grades" i]',
  ],
  run({ now, kind, signal }) {
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
        signal,
        'inline',
      );
      // The repeat guard belongs to the composer.
      showLines(host, [costText(cost)]);
    }
  },
});
