// Recruiter's per-recipient InMail cost (LINKEDIN-SIGNALS.md "Recruiter" [firm for the URL,
// weak for the body]): `GET /talent/api/graphql?…queryId=talentRecipientInMailCostInfo.<hash>`,
// answer field `recipientInMailCostInfoByRecipients` (read every field with that prefix, as
// LinkedIn's GraphQL adds suffixes), each element's `inMailCost` 0 (free) or 1 (a credit).
// A cost is a fact about a composer, not a send: no detections.

import { isObject } from './envelope';
import { Problems, type Reading } from './reading';
import { answerItems } from './voyager-graphql';

export interface RecipientCost {
  /** The recipient's URN (`urn:li:ts_profile:…`), when the element names it. */
  recipient: string | null;
  cost: 0 | 1;
}

function recipientOf(element: Record<string, unknown>): string | null {
  const raw = element.recipient ?? element['*recipient'];
  const urn = isObject(raw) ? raw.entityUrn : raw;
  return typeof urn === 'string' && urn.length > 0 && urn.length <= 500 ? urn.replace(/^\*/, '') : null;
}

export function readRecruiterInmailCost(response: unknown): { costs: RecipientCost[]; reading: Reading } {
  const problems = new Problems();
  const answer = answerItems(response, 'recipientInMailCostInfo', problems);
  const items = answer?.items ?? [];
  const costs: RecipientCost[] = [];
  for (const element of items) {
    if (!isObject(element)) problems.add('cost in a shape we do not know');
    else if (element.inMailCost === undefined || element.inMailCost === null)
      problems.add('costs without inMailCost');
    else if (element.inMailCost !== 0 && element.inMailCost !== 1) problems.add('InMail cost not 0 or 1');
    else costs.push({ recipient: recipientOf(element), cost: element.inMailCost });
  }
  return { costs, reading: { detections: [], elements: items.length, problems: problems.list() } };
}
