// Sales Navigator's message composer [firm]: a dialog labelled "Conversation with <name>"
// ("Unterhaltung mit …" in German), with a credit line "Use 1 of 150 InMail credits" and a
// Send button. Roles, ARIA and visible text only; seen 2026-11 (en, de).

const COMPOSER_LABEL = /^(Conversation with|Unterhaltung mit)\b/i;
/** The count is the number next to the word InMail, in any language. */
const CREDIT_LINE = /(\d[\d.,\u00a0\u202f]*)\s*InMail/i;
const SEND = /^(Send|Senden)$/i;

export function findComposer(root: ParentNode): HTMLElement | null {
  for (const dialog of root.querySelectorAll<HTMLElement>('section[role="dialog"], [role="dialog"]')) {
    if (COMPOSER_LABEL.test(dialog.getAttribute('aria-label') ?? '')) return dialog;
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
  for (const el of composer.querySelectorAll('p, span, div')) {
    if (el.children.length > 0) continue;
    const match = CREDIT_LINE.exec(el.textContent ?? '');
    if (match) {
      const n = Number((match[1] as string).replace(/[.,\u00a0\u202f]/g, ''));
      if (Number.isSafeInteger(n)) return n;
    }
  }
  return null;
}

export function composerSendButton(composer: HTMLElement): HTMLButtonElement | null {
  for (const button of composer.querySelectorAll('button')) {
    if (SEND.test(button.textContent?.trim() ?? '') || SEND.test(button.getAttribute('aria-label') ?? ''))
      return button;
  }
  return null;
}
