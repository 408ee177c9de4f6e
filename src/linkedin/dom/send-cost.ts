// What a send from this page costs, from what the page says (rule 6). Roles, ARIA and
// visible text first; no generated class names. Seen 2026-11 (en, de).

/** 1st-degree badges: aria-label "1st degree connection" / "Kontakt 1. Grades". */
const FIRST_DEGREE = /\b1st degree\b|\b1\.\s*Grades?\b/i;
/** The composer's free-message line: "Free message" / "Kostenlose Nachricht", "Open Profile". */
const FREE_MESSAGE = /\bfree message\b|\bkostenlose nachricht\b|\bopen profile\b/i;

export type DetectedCost = 'paid' | 'free-connection' | 'free-open-profile';

export function sendCostFromPage(doc: Document): DetectedCost {
  const composer = doc.querySelector('section[role="dialog"]');
  if (composer && FREE_MESSAGE.test(composer.textContent ?? '')) return 'free-open-profile';
  for (const el of doc.querySelectorAll('[aria-label]')) {
    if (FIRST_DEGREE.test(el.getAttribute('aria-label') ?? '')) return 'free-connection';
  }
  // A send the network proves whose cost the page does not show counts as paid: we never
  // overstate the balance (DESIGN.md, "When signals disagree").
  return 'paid';
}

/** The lead's name as the page shows it (Sales Navigator marks it `data-anonymize`). */
export function leadName(doc: Document): string | undefined {
  const name = doc.querySelector('[data-anonymize="person-name"]')?.textContent?.trim();
  return name ? name.slice(0, 200) : undefined;
}
