// Sales Navigator's own count of InMail credits left (LINKEDIN-SIGNALS.md "Credit balance"
// [firm for the flat shape]): the element whose `type` is LSS_INMAIL, its `value` what
// LinkedIn says is left. Read in all three envelopes; a normalized answer may list its
// elements as URNs of entities in `included`. Only that element counts: the answer may list
// other grants, which are not InMail credits.

import { elementsOf, envelopeOf, isObject } from './envelope';
import { iso, type Reading } from './reading';

/** The elements of a collection answer, or null when the answer is no collection at all. */
function grantsOf(response: unknown): unknown[] | null {
  const env = envelopeOf(response);
  if (env === null) return null;
  const list = elementsOf(env);
  // elementsOf gives the body itself for an answer about one entity: a credits answer is always a list.
  const single = list.length === 1 && (list[0] === env.body || list[0] === env.body.data);
  return single ? null : list;
}

/** The InMail credits left, or why the grants do not say. */
function balanceOf(grants: unknown[]): number | string {
  const grant = grants.find((e) => isObject(e) && e.type === 'LSS_INMAIL');
  if (!isObject(grant)) return 'no InMail credit grant in the answer';
  const value = grant.value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'credit count is not a whole number';
  return value >= 0 && value <= 100_000 ? value : 'credit count out of range';
}

export function readSalesCredits(response: unknown, seenAt: number): Reading {
  const grants = grantsOf(response);
  if (grants === null)
    return {
      detections: [],
      elements: 0,
      problems: [{ reason: 'answer in a shape we do not know', count: 1 }],
    };
  const balance = balanceOf(grants);
  if (typeof balance === 'string')
    return { detections: [], elements: grants.length, problems: [{ reason: balance, count: 1 }] };
  return {
    detections: [
      {
        kind: 'balance',
        pool: 'sales-navigator',
        id: `obs:credits-api:${seenAt}`,
        balance,
        where: 'credits-api',
        at: iso(seenAt),
      },
    ],
    elements: grants.length,
    problems: [],
  };
}
