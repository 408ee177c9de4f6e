// The LinkedIn endpoints whose responses the tap reads, by path. Seen 2026-11 in public
// material (LINKEDIN-SIGNALS.md); every other request is never looked at.

export type EndpointKind =
  | 'sales-credits'
  | 'sales-create-message'
  | 'sales-threads'
  | 'voyager-conversations'
  | 'voyager-create-message'
  | 'recruiter-inmail-cost';

const ENDPOINTS: [EndpointKind, RegExp, 'GET' | 'POST'][] = [
  // GET /sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL [firm]
  ['sales-credits', /^\/sales-api\/salesApiCredits\b/, 'GET'],
  // POST /sales-api/salesApiMessageActions?action=createMessage [firm for the request]
  ['sales-create-message', /^\/sales-api\/salesApiMessageActions\b.*[?&]action=createMessage\b/, 'POST'],
  // GET /sales-api/salesApiMessagingThreads?…&q=filter (the inbox) and …/<thread id> [firm]
  ['sales-threads', /^\/sales-api\/salesApiMessagingThreads(\/[^/?]+)?(\?|$)/, 'GET'],
  // GET /voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerConversations….<hash> [firm]:
  // matched on the query's name, since the hash after the dot rotates with releases.
  [
    'voyager-conversations',
    /^\/voyager\/api\/voyagerMessagingGraphQL\/graphql\?(?:[^#]*&)?queryId=messengerConversations(?:ByCategoryQuery|BySyncToken|WithCursor)?\./,
    'GET',
  ],
  // POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage [firm]
  [
    'voyager-create-message',
    /^\/voyager\/api\/voyagerMessagingDashMessengerMessages\?(?:[^#]*&)?action=createMessage\b/,
    'POST',
  ],
  // GET …/talentRecipientInMailCostInfo… (Recruiter, per recipient) [weak]
  ['recruiter-inmail-cost', /^\/(talent|voyager)\/api\/talentRecipientInMailCostInfo\b/, 'GET'],
];

/**
 * Every path above contains one of these names: any other request (most of LinkedIn's, many
 * of them also under /sales-api/salesApi…) is let go after a few substring checks, without
 * parsing its URL.
 */
const MARKERS = [
  'salesApiCredits',
  'salesApiMessageActions',
  'salesApiMessagingThreads',
  'voyagerMessagingGraphQL',
  'voyagerMessagingDashMessengerMessages',
  'talentRecipientInMailCostInfo',
];

/** Which endpoint a request is, from its method and URL; null for everything else. */
export function endpointOf(method: string, url: string): EndpointKind | null {
  if (!MARKERS.some((marker) => url.includes(marker))) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://www.linkedin.com');
  } catch {
    return null;
  }
  if (parsed.hostname !== 'www.linkedin.com') return null;
  const path = parsed.pathname + parsed.search;
  for (const [kind, pattern, verb] of ENDPOINTS) {
    if (verb === method.toUpperCase() && pattern.test(path)) return kind;
  }
  return null;
}
