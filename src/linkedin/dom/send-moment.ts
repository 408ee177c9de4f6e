// What a send costs, read at the moment the rep sends (DESIGN.md, detection strategy 2): the
// click on Send or Enter in a composer names the composer, and only that composer and the
// person it writes to are read. After the send LinkedIn may close the composer or turn it into
// the conversation view, and other people on the page (an aside, other search rows, feed
// authors) say nothing about this send. Roles, ARIA and words first; seen 2026-11 (en, de).

import type { DETECTED_SURFACES } from '../../ledger/events';
import { composerRecipient, composerSendButton, salesComposerOf } from './composer';
import { creditCount } from './credit-count';
import { degreeOf, findDegreeMark, isTypedField } from './degree';
import {
  composerOf,
  inmailBanner,
  isInmailComposer,
  messagingRecipient,
  messagingSendButton,
} from './messaging-composer';
import { readPerson } from './person';
import { recruiterRecipient, recruiterSendButton } from './recruiter-composer';
import type { DetectedCost } from './send-cost';

/** The surfaces a send is detected on (the ledger's `DETECTED_SURFACES`). */
export type SendSurface = (typeof DETECTED_SURFACES)[number];

export interface SendMoment {
  surface: SendSurface;
  /**
   * False only for a LinkedIn messaging chat (a composer with neither the InMail banner nor a
   * subject): its send is nothing to the ledger. Sales Navigator and Recruiter sends are true.
   */
  inmail: boolean;
  /** Null: the composer (and its recipient) did not show what the send costs. */
  cost: DetectedCost | null;
  recipient?: string;
  /** The credit count the composer showed ("Use 1 of 118 InMail credits" → 118), if any. */
  credits?: number;
}

/** The composer's free line: "Free message", "Open Profile", "Kostenlose Nachricht", "Offenes Profil". */
const FREE =
  /\bfree (?:message|inmail)\b|\bopen profile\b|\bkostenlose (?:nachricht|inmail)\b|\boffenes profil\b/i;
/** A line, not a paragraph: a free line is short; longer text is someone's words. */
const LINE_MAX = 120;
/** Recruiter says a send is free in its own words (its markup is not known well). */
const RECRUITER_FREE = /\bfree\b|\bkostenlos/i;
/** Message lists inside a thread's region: other people's words, never the composer's own. */
const MESSAGE_LIST = 'ul, ol, [role="list"], [role="log"]';
const LEAD_PAGE = /^\/sales\/(?:lead|people)\//;
const MESSAGING_BODY =
  '.msg-form__contenteditable, [contenteditable="true"][aria-label^="Write a message"], [contenteditable="true"][aria-label^="Nachricht verfassen"]';
const ELEMENT = 1;
const TEXT = 3;

/** The element an event happened on (its composed path's first element). */
function eventElement(event: Event): Element | null {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  for (const target of [...path, event.target]) {
    const node = target as Node | null;
    if (node && typeof node === 'object' && node.nodeType === ELEMENT) return node as Element;
  }
  return null;
}

function isRecruiterComposer(el: Element): boolean {
  if (el.getAttribute('role') !== 'dialog') return false;
  return recruiterSendButton(el as HTMLElement) !== null && /InMail/i.test(el.textContent ?? '');
}

/** The composer an element belongs to, and which surface it is; null when it is in none. */
function composerFor(el: Element): { composer: HTMLElement; surface: SendSurface } | null {
  // LinkedIn messaging's own containers first: a thread there may be labelled "Conversation with …" too.
  const bubble = el.closest<HTMLElement>('.msg-overlay-conversation-bubble, .msg-convo-wrapper');
  if (bubble) return { composer: bubble, surface: 'messaging' };
  const sales = salesComposerOf(el);
  if (sales) return { composer: sales, surface: 'sales-navigator' };
  const form = el.closest('form');
  if (form?.querySelector(MESSAGING_BODY)) {
    const composer = composerOf(form);
    if (composer) return { composer, surface: 'messaging' };
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isRecruiterComposer(node)) return { composer: node as HTMLElement, surface: 'recruiter' };
  }
  return null;
}

function surfaceOf(composer: HTMLElement, doc: Document): SendSurface {
  const found = composerFor(composer);
  if (found?.composer === composer) return found.surface;
  if (salesComposerOf(composer) === composer) return 'sales-navigator';
  if (composer.querySelector(MESSAGING_BODY) || inmailBanner(composer)) return 'messaging';
  if (isRecruiterComposer(composer)) return 'recruiter';
  const path = pathOf(doc);
  if (path.startsWith('/sales/')) return 'sales-navigator';
  if (path.startsWith('/talent/')) return 'recruiter';
  return 'messaging';
}

function isDisabled(button: Element): boolean {
  return button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';
}

function isSendOf(button: Element, composer: HTMLElement, surface: SendSurface): boolean {
  if (surface === 'sales-navigator') return composerSendButton(composer) === button;
  if (surface === 'recruiter') return recruiterSendButton(composer) === button;
  return (
    messagingSendButton(composer) === button ||
    (button.matches('button[type="submit"], input[type="submit"]') && button.closest('form') !== null)
  );
}

/** Where the rep types: a message body or a subject. */
function isComposerField(el: Element): boolean {
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return /^(text|search|)$/i.test(el.getAttribute('type') ?? '');
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * The composer a click or key is sending from: a click on (or inside) the composer's Send
 * button (Sales Navigator's "Send"/"Senden", messaging's `button.msg-form__send-btn`, a form's
 * submit button, Recruiter's Send), Enter without Shift in its body or subject, or its form's
 * submit. Null for anything else (a disabled Send, Shift+Enter, a click elsewhere).
 */
export function sendTrigger(event: Event): HTMLElement | null {
  const target = eventElement(event);
  if (target === null) return null;
  if (event.type === 'keydown') {
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter' || key.shiftKey || key.altKey || key.isComposing) return null;
    const field = target.closest('textarea, input, [contenteditable]');
    if (field === null || !isComposerField(field)) return null;
    return composerFor(field)?.composer ?? null;
  }
  if (event.type === 'click') {
    const button = target.closest('button, input[type="submit"], [role="button"]');
    if (button === null || isDisabled(button)) return null;
    const found = composerFor(button);
    return found && isSendOf(button, found.composer, found.surface) ? found.composer : null;
  }
  if (event.type === 'submit') {
    const form = target.closest('form');
    return form ? (composerFor(form)?.composer ?? null) : null;
  }
  return null;
}

function pathOf(doc: Document): string {
  try {
    return new URL(doc.URL).pathname;
  } catch {
    return '';
  }
}

/** Each text node under `root` on its own, skipping typed fields and (optionally) message lists. */
function textNodes(root: Element, skipLists: boolean): string[] {
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT) {
      const text = (node.nodeValue ?? '').trim();
      if (text) out.push(text);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    if (isTypedField(el) || (skipLists && el !== root && el.matches(MESSAGE_LIST))) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return out;
}

/** Whether a short line of `root`'s own words says the message is free. */
function saysFree(root: Element, words: RegExp = FREE): boolean {
  return textNodes(root, true).some((text) => text.length <= LINE_MAX && words.test(text));
}

/** The first credit count among `root`'s own lines. */
function countIn(root: Element): number | null {
  for (const text of textNodes(root, true)) {
    const n = creditCount(text);
    if (n !== null) return n;
  }
  return null;
}

/** The degree of the recipient as the composer shows it: in its header first, then its own lines. */
function composerDegree(composer: HTMLElement): 1 | 2 | 3 | null {
  for (const header of composer.querySelectorAll('header')) {
    const mark = findDegreeMark(header);
    if (mark) return degreeOf(mark);
  }
  // Not its message list: a thread's messages are other people's words.
  const mark = findDegreeMark(composer, MESSAGE_LIST);
  return mark ? degreeOf(mark) : null;
}

const normal = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * On a lead page, the lead header of the person the composer writes to: the main person name
 * (`data-anonymize="person-name"`, outside asides) whose text is the composer's recipient.
 */
function leadHeaderOf(doc: Document, recipient: string | undefined): HTMLElement | null {
  if (!recipient || !LEAD_PAGE.test(pathOf(doc))) return null;
  for (const name of doc.querySelectorAll<HTMLElement>('main [data-anonymize="person-name"]')) {
    if (name.closest('aside, [role="complementary"], [role="dialog"]')) continue;
    if (normal(name.textContent ?? '') !== normal(recipient)) continue;
    const header = name.closest<HTMLElement>('header, section');
    if (header && !header.closest('aside, [role="complementary"]')) return header;
  }
  return null;
}

function salesMoment(composer: HTMLElement, doc: Document): SendMoment {
  const recipient = composerRecipient(composer);
  const credits = countIn(composer);
  const base = {
    surface: 'sales-navigator' as const,
    inmail: true,
    ...(recipient ? { recipient } : {}),
    ...(credits !== null ? { credits } : {}),
  };
  if (saysFree(composer)) return { ...base, cost: 'free-open-profile' };
  const shown = composerDegree(composer);
  if (shown === 1) return { ...base, cost: 'free-connection' };
  // The composer's own words first: a credit line says the send takes a credit.
  if (credits !== null || shown !== null) return { ...base, cost: 'paid' };
  const header = leadHeaderOf(doc, recipient);
  if (header) {
    const lead = readPerson(header);
    if (lead.openProfile) return { ...base, cost: 'free-open-profile' };
    if (lead.degree === 1) return { ...base, cost: 'free-connection' };
    if (lead.degree !== null) return { ...base, cost: 'paid' };
  }
  return { ...base, cost: null };
}

function messagingMoment(composer: HTMLElement): SendMoment {
  const recipient = messagingRecipient(composer);
  const named = recipient ? { recipient } : {};
  if (!isInmailComposer(composer)) return { surface: 'messaging', inmail: false, cost: null, ...named };
  // The banner's words only: the body and the thread may say "free message" about anything.
  const banner = inmailBanner(composer);
  if (banner === null) return { surface: 'messaging', inmail: true, cost: null, ...named };
  if (saysFree(banner)) return { surface: 'messaging', inmail: true, cost: 'free-open-profile', ...named };
  const credits = countIn(banner);
  if (credits !== null) return { surface: 'messaging', inmail: true, cost: 'paid', credits, ...named };
  return { surface: 'messaging', inmail: true, cost: null, ...named };
}

function recruiterMoment(composer: HTMLElement): SendMoment {
  const recipient = recruiterRecipient(composer);
  const credits = countIn(composer);
  return {
    surface: 'recruiter',
    inmail: true,
    cost: saysFree(composer, RECRUITER_FREE) ? 'free-open-profile' : 'paid',
    ...(recipient ? { recipient } : {}),
    ...(credits !== null ? { credits } : {}),
  };
}

/**
 * What sending from `composer` costs, from the composer and the person it writes to only.
 * Sales Navigator: the composer's free line (Open Profile), a 1st-degree mark on its recipient,
 * its credit line or a 2nd/3rd-degree mark (paid); else, on a lead page, the header of the
 * lead it names. LinkedIn messaging: a chat is `inmail: false`; an InMail composer's banner
 * says free or shows a count (paid). Recruiter: paid unless the composer says free. Nothing
 * shown: cost null (the caller records such a send as paid, cost unknown).
 */
export function readSendMoment(composer: HTMLElement, doc: Document): SendMoment {
  const surface = surfaceOf(composer, doc);
  if (surface === 'sales-navigator') return salesMoment(composer, doc);
  if (surface === 'messaging') return messagingMoment(composer);
  return recruiterMoment(composer);
}
