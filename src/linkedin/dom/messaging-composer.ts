// LinkedIn messaging's composer (profiles, /messaging) [firm]: an InMail composer carries the
// `section.msg-inmail-credits-display` banner ("Use 1 of 45 InMail credits", "Free message",
// no credits left) and a subject field `input[name="subject"]`; a chat with a 1st-degree
// connection has neither. The body is `.msg-form__contenteditable`, Send is
// `button.msg-form__send-btn[type="submit"]` (no aria-label). Class names come paired with a
// second anchor (a field name, a role, the button's type, the banner's words). Seen 2026-11.

import { creditCountIn } from './credit-count';
import type { DetectedCost } from './send-cost';

const FREE = /\bfree message\b|\bkostenlose nachricht\b|\bopen profile\b/i;

/** Every composer on the page: a form holding LinkedIn messaging's message body. */
export function messagingComposers(root: ParentNode): HTMLElement[] {
  const out = new Set<HTMLElement>();
  for (const body of root.querySelectorAll<HTMLElement>(
    '.msg-form__contenteditable, [contenteditable="true"][aria-label^="Write a message"], [contenteditable="true"][aria-label^="Nachricht verfassen"]',
  )) {
    const composer = composerOf(body);
    if (composer) out.add(composer);
  }
  return [...out];
}

/** The composer an element belongs to: its conversation bubble or window, else its form. */
export function composerOf(el: Element): HTMLElement | null {
  return (
    el.closest<HTMLElement>('.msg-overlay-conversation-bubble, .msg-convo-wrapper, [role="dialog"]') ??
    el.closest<HTMLElement>('form')
  );
}

export function inmailBanner(composer: HTMLElement): HTMLElement | null {
  return composer.querySelector<HTMLElement>(
    'section.msg-inmail-credits-display, .msg-inmail-credits-display',
  );
}

/** An InMail composer has the credits banner or a subject field; a chat has neither. */
export function isInmailComposer(composer: HTMLElement): boolean {
  return inmailBanner(composer) !== null || composer.querySelector('input[name="subject"]') !== null;
}

/** What sending from this composer costs, or null when it is an ordinary chat. */
export function messagingCost(composer: HTMLElement): DetectedCost | null {
  if (!isInmailComposer(composer)) return null;
  return FREE.test(inmailBanner(composer)?.textContent ?? '') ? 'free-open-profile' : 'paid';
}

/** LinkedIn's count in the banner, or null when the banner shows none (free, or missing). */
export function messagingCredits(composer: HTMLElement): number | null {
  const banner = inmailBanner(composer);
  return banner ? creditCountIn(banner) : null;
}

export function messagingSendButton(composer: HTMLElement): HTMLButtonElement | null {
  return (
    composer.querySelector<HTMLButtonElement>('button.msg-form__send-btn[type="submit"]') ??
    composer.querySelector<HTMLButtonElement>('form button[type="submit"]')
  );
}

/** The recipient's name from the bubble's header or label ("Priya Natarajan"). */
export function messagingRecipient(composer: HTMLElement): string | undefined {
  const header = composer.querySelector('h2, .msg-overlay-bubble-header__title')?.textContent?.trim();
  const name =
    header ||
    composer
      .getAttribute('aria-label')
      ?.replace(/^(Messaging|Nachrichten an)\s+/i, '')
      .trim();
  return name ? name.slice(0, 200) : undefined;
}
