// @vitest-environment happy-dom
// Recruiter's "message sent" confirms a send only when it appears after the click: one already
// on the page (an earlier send's toast) confirms no later click that failed (issue 12, item 15).

import { expect, test } from 'vitest';
import { newSentConfirmation, sentConfirmations } from '../../../src/linkedin/dom/recruiter-composer';

const page = (toast: string) =>
  new DOMParser().parseFromString(`<main><div role="status" data-toast>${toast}</div></main>`, 'text/html');

test('a confirmation already on the page at the click confirms nothing', () => {
  const doc = page('Message sent');
  const before = sentConfirmations(doc);
  expect(newSentConfirmation(doc, before)).toBe(false);
});

test('a confirmation that appears after the click confirms it', () => {
  const doc = page('');
  const before = sentConfirmations(doc);
  (doc.querySelector('[data-toast]') as HTMLElement).textContent = 'Message sent';
  expect(newSentConfirmation(doc, before)).toBe(true);
});

test('a new confirmation in another region, or new words in the same one, confirms it', () => {
  const doc = page('Message sent');
  const before = sentConfirmations(doc);
  const alert = doc.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.textContent = 'InMail sent';
  doc.body.append(alert);
  expect(newSentConfirmation(doc, before)).toBe(true);
  const same = page('Message sent');
  const earlier = sentConfirmations(same);
  (same.querySelector('[data-toast]') as HTMLElement).textContent = 'Message sent to Alex Kim';
  expect(newSentConfirmation(same, earlier)).toBe(true);
});
