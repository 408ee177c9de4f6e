// The LinkedIn endpoints whose answers the tap reads, by path (LINKEDIN-SIGNALS.md). Every
// other request is let go after one substring check, without parsing its URL. The names are
// contract 5's (`ledger har` and detection health use them).

export const ENDPOINT_KINDS = [
  'sales-credits',
  'sales-create-message',
  'sales-threads',
  'sales-inbox-conversations',
  'voyager-conversations',
  'voyager-messages',
  'voyager-create-message',
  'recruiter-inmail-cost',
  'recruiter-other',
] as const;

export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

interface Endpoint {
  kind: EndpointKind;
  /** A substring every URL of this endpoint contains: the cheap first test. */
  marker: string;
  pattern: RegExp;
  method: 'GET' | 'POST' | 'ANY';
}

const ENDPOINTS: Endpoint[] = [
  // GET /sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL [firm]
  {
    kind: 'sales-credits',
    marker: 'salesApiCredits',
    pattern: /^\/sales-api\/salesApiCredits\b/,
    method: 'GET',
  },
  // POST /sales-api/salesApiMessageActions?action=createMessage [firm for the request]
  {
    kind: 'sales-create-message',
    marker: 'salesApiMessageActions',
    pattern: /^\/sales-api\/salesApiMessageActions\b.*[?&]action=createMessage\b/,
    method: 'POST',
  },
  // GET /sales-api/salesApiMessagingThreads?…&q=filter (the inbox) and …/<thread id> [firm]
  {
    kind: 'sales-threads',
    marker: 'salesApiMessagingThreads',
    pattern: /^\/sales-api\/salesApiMessagingThreads(\/[^/?]+)?(\?|$)/,
    method: 'GET',
  },
  // GET /sales-api/salesApiInboxConversations… [weak: shape unknown]: seen, not read.
  {
    kind: 'sales-inbox-conversations',
    marker: 'salesApiInboxConversations',
    pattern: /^\/sales-api\/salesApiInboxConversations\b/,
    method: 'GET',
  },
  // GET /voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerConversations.<hash> [firm]:
  // matched on the query's name, since the hash after the dot rotates with releases.
  {
    kind: 'voyager-conversations',
    marker: 'voyagerMessagingGraphQL',
    pattern:
      /^\/voyager\/api\/voyagerMessagingGraphQL\/graphql\?(?:[^#]*&)?queryId=messengerConversations[A-Za-z]*\./,
    method: 'GET',
  },
  // GET …/graphql?queryId=messengerMessages.<hash> (one conversation's messages) [firm]
  {
    kind: 'voyager-messages',
    marker: 'voyagerMessagingGraphQL',
    pattern:
      /^\/voyager\/api\/voyagerMessagingGraphQL\/graphql\?(?:[^#]*&)?queryId=messengerMessages[A-Za-z]*\./,
    method: 'GET',
  },
  // POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage [firm]
  {
    kind: 'voyager-create-message',
    marker: 'voyagerMessagingDashMessengerMessages',
    pattern: /^\/voyager\/api\/voyagerMessagingDashMessengerMessages\?(?:[^#]*&)?action=createMessage\b/,
    method: 'POST',
  },
  // GET /talent/api/graphql?…queryId=talentRecipientInMailCostInfo.<hash> [firm for the URL]
  {
    kind: 'recruiter-inmail-cost',
    marker: 'talentRecipientInMailCostInfo',
    pattern: /^\/talent\/api\/graphql\?(?:[^#]*&)?queryId=talentRecipientInMailCostInfo\./,
    method: 'GET',
  },
  // Recruiter's other GraphQL (talentMultiMessagePosts sends, talentConversations threads…)
  // [weak: structure only]: counted in health as seen, not read.
  {
    kind: 'recruiter-other',
    marker: '/talent/api/graphql',
    pattern: /^\/talent\/api\/graphql\?/,
    method: 'ANY',
  },
];

const MARKERS = [...new Set(ENDPOINTS.map((e) => e.marker))];

/** Which endpoint a request is, from its method and URL; null for everything else. */
export function endpointOf(method: string, url: string): EndpointKind | null {
  if (!MARKERS.some((marker) => url.includes(marker))) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://www.linkedin.com');
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.linkedin.com') return null;
  const path = parsed.pathname + parsed.search;
  const verb = method.toUpperCase();
  for (const e of ENDPOINTS)
    if ((e.method === verb || e.method === 'ANY') && e.pattern.test(path)) return e.kind;
  return null;
}
