// Recruiter's composer [weak: only its words are known]: a dialog (or form) that shows a
// credit line ("Use 1 of 87 InMail credits") and a Send button; after a send Recruiter says
// so in a status region ("Message sent", "InMail sent", "Nachricht gesendet"). Roles and
// words only: Recruiter's markup is not known well enough to name anything else.

import { creditCountIn } from './credit-count';

const SEND = /^(Send|Senden|Send InMail|InMail senden)$/i;
const LABEL = /^(Message to|Message|Send InMail to|Nachricht an)\s+/i;
const SENT =
  /^(Message sent|InMail sent|Your (message|InMail) (was|has been) sent|Nachricht gesendet|InMail gesendet)\b/i;

/** The open composer: a dialog that shows a credit count or says InMail, with a Send button. */
export function findRecruiterComposer(doc: Document): HTMLElement | null {
  for (const dialog of doc.querySelectorAll<HTMLElement>('[role="dialog"]')) {
    if (recruiterSendButton(dialog) && /InMail/i.test(dialog.textContent ?? '')) return dialog;
  }
  return null;
}

export function recruiterSendButton(composer: HTMLElement): HTMLButtonElement | null {
  for (const button of composer.querySelectorAll('button')) {
    if (SEND.test(button.textContent?.trim() ?? '') || SEND.test(button.getAttribute('aria-label') ?? ''))
      return button;
  }
  return null;
}

export function recruiterCredits(composer: HTMLElement): number | null {
  return creditCountIn(composer);
}

export function recruiterRecipient(composer: HTMLElement): string | undefined {
  const label = composer.getAttribute('aria-label') ?? '';
  if (!LABEL.test(label)) return undefined;
  return label.replace(LABEL, '').trim().slice(0, 200) || undefined;
}

/** Whether Recruiter says, in a status or alert region, that a message went out. */
export function recruiterSaysSent(doc: Document): boolean {
  return sentConfirmations(doc).size > 0;
}

/** The status or alert regions that now say a message went out, with what each says. */
export function sentConfirmations(doc: Document): Map<Element, string> {
  const out = new Map<Element, string>();
  for (const region of doc.querySelectorAll('[role="status"], [role="alert"], [aria-live]')) {
    const text = region.textContent?.trim() ?? '';
    if (SENT.test(text)) out.set(region, text);
  }
  return out;
}

/**
 * Whether a confirmation appeared since `before` (taken at the click): a region that did not
 * say so then, or says something new. One already on the page confirms no later click.
 */
export function newSentConfirmation(doc: Document, before: Map<Element, string>): boolean {
  for (const [region, text] of sentConfirmations(doc)) if (before.get(region) !== text) return true;
  return false;
}
