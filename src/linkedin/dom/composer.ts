// Sales Navigator's message composer [firm]: a dialog labelled "Conversation with <name>"
// ("Unterhaltung mit …" in German), with a credit line "Use 1 of 150 InMail credits" and a
// Send button. Roles, ARIA and visible text only; seen 2026-11 (en, de).

import { creditCountIn } from './credit-count';

const COMPOSER_LABEL = /^(Conversation with|Unterhaltung mit)\b/i;
const SEND = /^(Send|Senden)$/i;

export function findComposer(root: Document | Element): HTMLElement | null {
  // A live list of sections: far cheaper on a busy page than a selector scan of every element.
  for (const section of root.getElementsByTagName('section')) {
    if (
      section.getAttribute('role') === 'dialog' &&
      COMPOSER_LABEL.test(section.getAttribute('aria-label') ?? '')
    )
      return section;
  }
  return null;
}

/**
 * The Sales Navigator composer an element sits in: the lead page's compose dialog, or an open
 * inbox thread's reply region, both labelled "Conversation with <name>".
 */
export function salesComposerOf(el: Element): HTMLElement | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const role = node.getAttribute('role');
    if (
      (node.tagName === 'SECTION' || role === 'dialog' || role === 'region') &&
      COMPOSER_LABEL.test(node.getAttribute('aria-label') ?? '')
    )
      return node as HTMLElement;
  }
  return null;
}

/** Who the composer writes to, from its label. */
export function composerRecipient(composer: HTMLElement): string | undefined {
  const label = composer.getAttribute('aria-label') ?? '';
  const name = label.replace(COMPOSER_LABEL, '').trim();
  return name ? name.slice(0, 200) : undefined;
}

/** Credits left as the composer's credit line says, or null when there is no such line. */
export function composerCredits(composer: HTMLElement): number | null {
  return creditCountIn(composer);
}

export function composerSendButton(composer: HTMLElement): HTMLButtonElement | null {
  for (const button of composer.querySelectorAll('button')) {
    if (SEND.test(button.textContent?.trim() ?? '') || SEND.test(button.getAttribute('aria-label') ?? ''))
      return button;
  }
  return null;
}
