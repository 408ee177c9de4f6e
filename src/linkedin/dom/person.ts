// A person as Sales Navigator shows them (lead page header, search result row): name
// (`data-anonymize="person-name"`), degree mark (aria-label "3rd degree connection" /
// "Kontakt 3. Grades", or a visible "3rd" with a visually hidden "3rd degree connection": see
// degree.ts), an Open Profile mark, and the Message button. Seen 2026-11 (en, de).

import { degreeOf, findDegreeMark } from './degree';
import type { DetectedCost } from './send-cost';

const OPEN_PROFILE = /^\s*(Open Profile|Offenes Profil)\s*$/i;
const MESSAGE = /^(Message|Nachricht)\b/i;

export interface Person {
  name: string | undefined;
  degree: 1 | 2 | 3 | null;
  /** The element that shows the degree (where a chip can sit beside it). */
  degreeBadge: HTMLElement | null;
  openProfile: boolean;
  messageButton: HTMLButtonElement | null;
}

export function readPerson(card: ParentNode): Person {
  const name = card.querySelector('[data-anonymize="person-name"]')?.textContent?.trim() || undefined;
  const degreeBadge = findDegreeMark(card);
  const degree: Person['degree'] = degreeBadge ? degreeOf(degreeBadge) : null;
  let openProfile = false;
  for (const el of card.querySelectorAll('[aria-label], span, li')) {
    if (
      OPEN_PROFILE.test(el.getAttribute('aria-label') ?? '') ||
      (el.children.length === 0 && OPEN_PROFILE.test(el.textContent ?? ''))
    ) {
      openProfile = true;
      break;
    }
  }
  let messageButton: HTMLButtonElement | null = card.querySelector<HTMLButtonElement>(
    'button[data-anchor-send-inmail]',
  );
  if (!messageButton)
    for (const button of card.querySelectorAll('button')) {
      if (
        MESSAGE.test(button.getAttribute('aria-label') ?? '') ||
        MESSAGE.test(button.textContent?.trim() ?? '')
      ) {
        messageButton = button;
        break;
      }
    }
  return { name: name?.slice(0, 200), degree, degreeBadge, openProfile, messageButton };
}

/** What messaging this person costs, when the page shows enough to know. */
export function personCost(person: Person): DetectedCost | null {
  if (person.degree === 1) return 'free-connection';
  if (person.openProfile) return 'free-open-profile';
  return person.degree === null ? null : 'paid';
}

/** The people on a Sales Navigator page: the lead's header, or each search result row. */
export function personCards(doc: Document, kind: 'sales-lead' | 'sales-search'): HTMLElement[] {
  if (kind === 'sales-lead') {
    const name = doc.querySelector<HTMLElement>('main [data-anonymize="person-name"]');
    const header = name?.closest<HTMLElement>('section, header');
    return header ? [header] : [];
  }
  return [...doc.querySelectorAll<HTMLElement>('main li')].filter((li) =>
    li.querySelector(':scope [data-anonymize="person-name"]'),
  );
}
