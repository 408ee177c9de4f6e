// @vitest-environment happy-dom
// The DOM readers against the fixture pages, in English and German, and what they say when
// LinkedIn's anchors move (nothing, rather than a guess).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  composerCredits,
  composerRecipient,
  composerSendButton,
  findComposer,
} from '../../../src/linkedin/dom/composer';
import { creditCount, creditCountIn } from '../../../src/linkedin/dom/credit-count';
import {
  isInmailComposer,
  messagingComposers,
  messagingCost,
  messagingCredits,
  messagingRecipient,
  messagingSendButton,
} from '../../../src/linkedin/dom/messaging-composer';
import { personCards, personCost, readPerson } from '../../../src/linkedin/dom/person';
import {
  findRecruiterComposer,
  recruiterCredits,
  recruiterRecipient,
  recruiterSaysSent,
  recruiterSendButton,
} from '../../../src/linkedin/dom/recruiter-composer';

const html = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', name), 'utf8');
const page = (text: string) => new DOMParser().parseFromString(text, 'text/html');

/** The Sales Navigator lead page as a German-speaking rep sees it. */
const germanLead = () =>
  html('sales/lead.html')
    .replace('aria-label="Conversation with Sam Lee"', 'aria-label="Unterhaltung mit Sam Lee"')
    .replace('Use 1 of 118 InMail credits', '1 von 1.118 InMail-Guthaben verwenden')
    .replace('aria-label="3rd degree connection">3rd', 'aria-label="Kontakt 3. Grades">3.')
    .replace('aria-label="Message Sam Lee">Message', 'aria-label="Nachricht an Sam Lee">Nachricht')
    .replace('data-x--compose-send>Send', 'data-x--compose-send>Senden');

describe('credit counts in LinkedIn’s words', () => {
  test.each([
    ['Use 1 of 150 InMail credits', 150],
    ['InMail credits: 149 left', 149],
    ['Use 1 of 1,150 InMail credits', 1150],
    ['1 von 150 InMail-Guthaben verwenden', 150],
    ['1 von 1.150 InMail-Guthaben verwenden', 1150],
    ['InMail-Guthaben: 149 übrig', 149],
    ['You have no InMail credits left', 0],
    ['Keine InMail-Guthaben mehr verfügbar', 0],
    ['Use 1 of 45 InMail credits', 45],
  ])('%s → %i', (text, n) => expect(creditCount(text)).toBe(n));

  test.each([['Free message'], ['Messaging'], ['3 new messages'], ['InMail'], ['']])('%s → nothing', (text) =>
    expect(creditCount(text)).toBeNull(),
  );
});

describe('Sales Navigator lead page', () => {
  for (const [language, doc] of [
    ['English', () => page(html('sales/lead.html'))],
    ['German', () => page(germanLead())],
  ] as const) {
    test(`${language}: composer, its count, recipient, Send, cost and the person`, () => {
      const d = doc();
      const composer = findComposer(d) as HTMLElement;
      expect(composer).not.toBeNull();
      expect(composerCredits(composer)).toBe(language === 'English' ? 118 : 1118);
      expect(composerRecipient(composer)).toBe('Sam Lee');
      expect(composerSendButton(composer)?.textContent).toMatch(/^Sen/);
      const [card] = personCards(d, 'sales-lead');
      const person = readPerson(card as HTMLElement);
      expect(person).toMatchObject({ name: 'Sam Lee', degree: 3, openProfile: false });
      expect(person.messageButton?.textContent).toMatch(/^(Message|Nachricht)$/);
      expect(personCost(person)).toBe('paid');
    });
  }

  // What a send costs is read at the moment of Send: test/unit/linkedin/send-moment.test.ts.

  test('when the anchors move, the readers find nothing instead of guessing', () => {
    const moved = page(
      html('sales/lead.html')
        .replace('role="dialog" aria-label="Conversation with Sam Lee"', 'class="composer"')
        // A visible "3rd" alone still counts (LinkedIn hides the words from the eye, not the
        // number): the anchor is gone when neither the label nor the mark's words are there.
        .replace('aria-label="3rd degree connection">3rd', 'title="3rd">•'),
    );
    expect(findComposer(moved)).toBeNull();
    const [card] = personCards(moved, 'sales-lead');
    const person = readPerson(card as HTMLElement);
    expect(person.degree).toBeNull();
    expect(personCost(person)).toBeNull();
    const noLine = page(
      html('sales/lead.html').replace('Use 1 of 118 InMail credits', 'Nachrichten an Sam Lee'),
    );
    expect(composerCredits(findComposer(noLine) as HTMLElement)).toBeNull();
  });
});

describe('Sales Navigator inbox and search', () => {
  test('the inbox header count, in English and German', () => {
    expect(creditCountIn(page(html('sales/inbox.html')).querySelector('main') as HTMLElement)).toBe(118);
    const de = page(
      html('sales/inbox.html').replace('InMail credits: 118 left', 'InMail-Guthaben: 118 übrig'),
    );
    expect(creditCountIn(de.querySelector('main') as HTMLElement)).toBe(118);
  });

  test('search rows (German): each person’s degree, Open Profile and cost', () => {
    const rows = personCards(page(html('sales/search.html')), 'sales-search').map(readPerson);
    expect(rows.map((p) => [p.name, p.degree, p.openProfile, personCost(p)])).toEqual([
      ['Jonas Becker', 1, false, 'free-connection'],
      ['Mara Wolf', 3, true, 'free-open-profile'],
      ['Lukas Hahn', 2, false, 'paid'],
    ]);
    expect(rows.every((p) => p.messageButton !== null)).toBe(true);
  });
});

describe('LinkedIn messaging composer', () => {
  test('the InMail composer and the chat beside it', () => {
    const d = page(html('messaging/profile.html'));
    const [priya, zoe] = messagingComposers(d) as [HTMLElement, HTMLElement];
    expect(messagingComposers(d)).toHaveLength(2);
    expect(isInmailComposer(priya)).toBe(true);
    expect(messagingCost(priya)).toBe('paid');
    expect(messagingCredits(priya)).toBe(45);
    expect(messagingRecipient(priya)).toBe('Priya Natarajan');
    expect(messagingSendButton(priya)?.textContent).toBe('Send');
    expect(isInmailComposer(zoe)).toBe(false);
    expect(messagingCost(zoe)).toBeNull();
    expect(messagingCredits(zoe)).toBeNull();
  });

  test('free, German, out of credits, and a banner gone in a redesign', () => {
    const free = page(html('messaging/profile.html').replace('Use 1 of 45 InMail credits', 'Free message'));
    const [f] = messagingComposers(free) as [HTMLElement];
    expect(messagingCost(f)).toBe('free-open-profile');
    expect(messagingCredits(f)).toBeNull();
    const de = page(
      html('messaging/profile.html')
        .replace('Use 1 of 45 InMail credits', '1 von 45 InMail-Guthaben verwenden')
        .replaceAll('aria-label="Write a message…"', 'aria-label="Nachricht verfassen…"'),
    );
    expect(messagingCredits(messagingComposers(de)[0] as HTMLElement)).toBe(45);
    const none = page(
      html('messaging/profile.html').replace('Use 1 of 45 InMail credits', 'You have no InMail credits left'),
    );
    expect(messagingCredits(messagingComposers(none)[0] as HTMLElement)).toBe(0);
    // The banner's class changed: the subject field still says InMail, its cost counts as paid.
    const redesigned = page(
      html('messaging/profile.html').replace('msg-inmail-credits-display pv2', 'msg-credits-v2 pv2'),
    );
    const [r] = messagingComposers(redesigned) as [HTMLElement];
    expect(isInmailComposer(r)).toBe(true);
    expect(messagingCost(r)).toBe('paid');
    expect(messagingCredits(r)).toBeNull();
  });
});

describe('Recruiter', () => {
  test('the composer, its count, recipient and Send; the confirmation', () => {
    const d = page(html('recruiter/profile.html'));
    const composer = findRecruiterComposer(d) as HTMLElement;
    expect(composer).not.toBeNull();
    expect(recruiterCredits(composer)).toBe(87);
    expect(recruiterRecipient(composer)).toBe('Alex Kim');
    expect(recruiterSendButton(composer)?.textContent).toBe('Send');
    expect(recruiterSaysSent(d)).toBe(false);
    (d.querySelector('[data-test-toast]') as HTMLElement).textContent = 'Nachricht gesendet';
    expect(recruiterSaysSent(d)).toBe(true);
  });

  test('a dialog that is not about InMail is not the composer', () => {
    const d = page(html('recruiter/profile.html').replace('Use 1 of 87 InMail credits', 'Add to project'));
    expect(findRecruiterComposer(d)).toBeNull();
  });
});
