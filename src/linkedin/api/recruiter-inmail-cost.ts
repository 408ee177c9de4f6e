// Recruiter's per-recipient cost, `talentRecipientInMailCostInfo` with `inMailCost` 0 or 1
// [weak: the only Recruiter payload known]. Either one object or `elements[]`; extra fields
// and order do not matter. Sends and inboxes of Recruiter are unknown (LINKEDIN-SIGNALS.md).

import * as v from 'valibot';

const cost = v.looseObject({ inMailCost: v.picklist([0, 1]) });
const list = v.looseObject({ elements: v.pipe(v.array(cost), v.minLength(1)) });

/** 0 (free) or 1 (a credit) when every recipient in the payload costs the same; else null. */
export function parseRecruiterInmailCost(input: unknown): 0 | 1 | null {
  const many = v.safeParse(list, input);
  const one = v.safeParse(cost, input);
  const costs = many.success
    ? many.output.elements.map((e) => e.inMailCost)
    : one.success
      ? [one.output.inMailCost]
      : [];
  if (costs.length === 0) return null;
  const first = costs[0] as 0 | 1;
  return costs.every((c) => c === first) ? first : null;
}
