// Which requests the tap reads: each endpoint by its path (and method), whatever the rotating
// GraphQL hash, the other parameters, the URL's form (relative or absolute) or the method's case;
// and nothing else: other hosts, plain http, other Sales Navigator paths, the wrong method,
// query names that only start like ours, markers outside the path.

import { describe, expect, test } from 'vitest';
import { ENDPOINT_KINDS, type EndpointKind, endpointOf } from '../../../src/linkedin/endpoints';

const LI = 'https://www.linkedin.com';
const GQL = '/voyager/api/voyagerMessagingGraphQL/graphql';
const TALENT = '/talent/api/graphql';

/** Real-looking requests of each endpoint: [method, url]. */
const MATCHES: Record<EndpointKind, [method: string, url: string][]> = {
  'sales-credits': [
    ['GET', '/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL'],
    ['get', `${LI}/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL`],
    ['Get', '/sales-api/salesApiCredits?creditGrantType=LSS_INMAIL&q=findCreditGrant&decoration=%28value%29'],
    ['GET', '/sales-api/salesApiCredits'],
    ['GET', `${LI}/sales-api/salesApiCredits/urn%3Ali%3Afs_salesCreditGrant%3A1?x=1#frag`],
  ],
  'sales-create-message': [
    ['POST', '/sales-api/salesApiMessageActions?action=createMessage'],
    ['post', `${LI}/sales-api/salesApiMessageActions?action=createMessage`],
    ['POST', '/sales-api/salesApiMessageActions?decorationId=x&action=createMessage'],
    ['Post', `${LI}/sales-api/salesApiMessageActions?action=createMessage&trk=abc`],
  ],
  'sales-threads': [
    [
      'GET',
      '/sales-api/salesApiMessagingThreads?decoration=%28id%2Cparticipants%29&count=20&filter=INBOX&q=filter',
    ],
    ['get', `${LI}/sales-api/salesApiMessagingThreads?q=filter&pageStartsAt=1767225600000`],
    ['GET', '/sales-api/salesApiMessagingThreads/2-TmV3VGhyZWFk?decoration=%28messages%29'],
    ['GET', `${LI}/sales-api/salesApiMessagingThreads/2-TmV3VGhyZWFk`],
    ['GET', '/sales-api/salesApiMessagingThreads'],
  ],
  'sales-inbox-conversations': [
    ['GET', '/sales-api/salesApiInboxConversations?q=inbox&count=25'],
    ['get', `${LI}/sales-api/salesApiInboxConversations/2-abc`],
  ],
  'voyager-conversations': [
    [
      'GET',
      `${GQL}?queryId=messengerConversations.0d5e6781bbee71c3e51c8843c6519f48&variables=(mailboxUrn:x)`,
    ],
    ['GET', `${GQL}?queryId=messengerConversationsByCategoryQuery.9501074288a1&variables=(count:20)`],
    ['get', `${LI}${GQL}?queryId=messengerConversationsBySyncToken.0f2b9c&variables=()`],
    ['GET', `${GQL}?includeWebMetadata=true&queryId=messengerConversationsByRecipients.ffff&variables=()`],
    ['GET', `${LI}${GQL}?queryId=messengerConversationsByIds.1a2b3c4d5e`],
    // A future suffix of the same query is still the same query.
    ['GET', `${GQL}?queryId=messengerConversationsByFoo.abc`],
  ],
  'voyager-messages': [
    [
      'GET',
      `${GQL}?queryId=messengerMessages.5846eeb71c981f11e0134cb6626cc314&variables=(conversationUrn:x)`,
    ],
    ['get', `${LI}${GQL}?queryId=messengerMessagesBySyncToken.abc123&variables=()`],
    ['GET', `${GQL}?includeWebMetadata=true&queryId=messengerMessagesByAnchorTimestamp.9f8e7d`],
  ],
  'voyager-create-message': [
    ['POST', '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage'],
    ['post', `${LI}/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage`],
    [
      'POST',
      '/voyager/api/voyagerMessagingDashMessengerMessages?decorationId=com.linkedin.x-1&action=createMessage',
    ],
  ],
  'recruiter-inmail-cost': [
    [
      'GET',
      `${TALENT}?includeWebMetadata=true&queryId=talentRecipientInMailCostInfo.6c1f0e9ab7d2&variables=(recipients:List(x))`,
    ],
    ['get', `${LI}${TALENT}?queryId=talentRecipientInMailCostInfo.0000`],
  ],
  'recruiter-other': [
    ['POST', `${TALENT}?action=execute&queryId=talentMultiMessagePosts.abc`],
    ['GET', `${LI}${TALENT}?includeWebMetadata=true&queryId=talentConversations.def&variables=()`],
    ['put', `${TALENT}?x=1`],
    // The cost query by any other method, or under another name, is Recruiter's other GraphQL.
    ['POST', `${TALENT}?queryId=talentRecipientInMailCostInfo.abc`],
    ['GET', `${TALENT}?queryId=talentRecipientInMailCostInfoV2.abc`],
  ],
};

/** Look-alikes: what the tap must let go. */
const OTHERS: [why: string, method: string, url: string][] = [
  // Other hosts and schemes.
  ['another host', 'GET', 'https://evil.example/sales-api/salesApiCredits'],
  [
    'a host that only starts like ours',
    'GET',
    'https://www.linkedin.com.evil.example/sales-api/salesApiCredits',
  ],
  ['the bare domain', 'GET', 'https://linkedin.com/sales-api/salesApiCredits'],
  ['another subdomain', 'GET', 'https://api.linkedin.com/sales-api/salesApiCredits'],
  ['protocol-relative to another host', 'GET', '//evil.example/sales-api/salesApiCredits'],
  ['our URL in another host’s query', 'GET', `https://evil.example/?u=${LI}/sales-api/salesApiCredits`],
  ['plain http', 'GET', 'http://www.linkedin.com/sales-api/salesApiCredits'],
  [
    'plain http createMessage',
    'POST',
    'http://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
  ],
  ['a URL that does not parse', 'GET', 'https://[salesApiCredits'],
  // Other paths.
  ['another Sales API path', 'GET', '/sales-api/salesApiProfiles?q=salesApiCredits'],
  ['a longer name', 'GET', '/sales-api/salesApiCreditsHistory'],
  ['not under /sales-api', 'GET', '/sales/salesApiCredits'],
  ['under a prefix', 'GET', '/x/sales-api/salesApiCredits'],
  ['the marker in the fragment only', 'GET', '/voyager/api/me#salesApiCredits'],
  ['another message action', 'POST', '/sales-api/salesApiMessageActions?action=markRead'],
  ['a longer action', 'POST', '/sales-api/salesApiMessageActions?action=createMessageDraft'],
  ['an action named in another parameter', 'POST', '/sales-api/salesApiMessageActions?xaction=createMessage'],
  ['the action in the fragment', 'POST', '/sales-api/salesApiMessageActions#&action=createMessage'],
  ['a thread’s sub-resource', 'GET', '/sales-api/salesApiMessagingThreads/2-abc/messages'],
  ['a longer threads name', 'GET', '/sales-api/salesApiMessagingThreadsV2?q=filter'],
  ['the voyager feed', 'GET', `${GQL}?queryId=voyagerFeedDashMainFeed.abc`],
  ['voyager me', 'GET', '/voyager/api/me'],
  ['another GraphQL query', 'GET', `${GQL}?queryId=messengerMailboxCounts.abc`],
  ['message drafts (no “messengerMessages” prefix)', 'GET', `${GQL}?queryId=messengerMessageDrafts.abc`],
  // The query's name must be followed by a dot and its hash.
  ['a conversations name without a dot', 'GET', `${GQL}?queryId=messengerConversationsX&variables=()`],
  ['a conversations name alone', 'GET', `${GQL}?queryId=messengerConversations`],
  ['a messages name without a dot', 'GET', `${GQL}?queryId=messengerMessagesBySyncToken`],
  ['digits in the name', 'GET', `${GQL}?queryId=messengerConversations2.abc`],
  ['an underscore in the name', 'GET', `${GQL}?queryId=messengerConversations_x.abc`],
  ['a name that only ends like ours', 'GET', `${GQL}?queryId=xmessengerConversations.abc`],
  ['a parameter that only ends in queryId', 'GET', `${GQL}?fooqueryId=messengerConversations.abc`],
  ['the query in the fragment', 'GET', `${GQL}?x=1#&queryId=messengerConversations.abc`],
  [
    'the query without the GraphQL path',
    'GET',
    '/voyager/api/voyagerMessagingGraphQL?queryId=messengerConversations.abc',
  ],
  ['another GraphQL path', 'GET', `/voyager/api/graphql?queryId=messengerConversations.abc`],
  ['no query at all', 'GET', GQL],
  ['another messenger action', 'POST', '/voyager/api/voyagerMessagingDashMessengerMessages?action=typing'],
  [
    'a longer voyager action',
    'POST',
    '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessageDraft',
  ],
  [
    'a message resource',
    'POST',
    '/voyager/api/voyagerMessagingDashMessengerMessages/2-abc?action=createMessage',
  ],
  ['Recruiter GraphQL without a query', 'GET', TALENT],
  ['a longer Recruiter path', 'GET', `${TALENT}X?queryId=talentConversations.abc`],
  ['a Recruiter sub-path', 'GET', `${TALENT}/batch?queryId=talentConversations.abc`],
  ['another Recruiter API', 'GET', '/talent/api/talentMessages?q=x'],
  ['Recruiter GraphQL on another host', 'GET', `https://evil.example${TALENT}?queryId=x`],
  // The wrong method.
  ['credits by POST', 'POST', '/sales-api/salesApiCredits?q=findCreditGrant'],
  ['Sales createMessage by GET', 'GET', '/sales-api/salesApiMessageActions?action=createMessage'],
  ['threads by POST', 'POST', '/sales-api/salesApiMessagingThreads?q=filter'],
  ['threads by DELETE', 'DELETE', '/sales-api/salesApiMessagingThreads/2-abc'],
  ['inbox conversations by POST', 'POST', '/sales-api/salesApiInboxConversations?q=inbox'],
  ['conversations by POST', 'POST', `${GQL}?queryId=messengerConversations.abc`],
  ['messages by POST', 'POST', `${GQL}?queryId=messengerMessages.abc`],
  [
    'voyager createMessage by GET',
    'GET',
    '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
  ],
  [
    'voyager createMessage by PUT',
    'PUT',
    '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
  ],
  ['a method that is no method', 'GETX', '/sales-api/salesApiCredits'],
  ['no method', '', '/sales-api/salesApiCredits'],
  // Nothing at all.
  ['an empty URL', 'GET', ''],
  ['a LinkedIn page', 'GET', `${LI}/sales/lead/ACwAAA123,NAME_SEARCH,abcd`],
];

describe('endpointOf', () => {
  test.each(
    Object.entries(MATCHES).flatMap(([kind, urls]) => urls.map(([method, url]) => [kind, method, url])),
  )('%s: %s %s', (kind, method, url) => {
    expect(endpointOf(method, url)).toBe(kind);
  });

  test.each(OTHERS)('nothing for %s: %s %s', (_, method, url) => {
    expect(endpointOf(method, url)).toBeNull();
  });

  test('every endpoint kind has URLs here that map to it', () => {
    const found = new Set<string>();
    for (const urls of Object.values(MATCHES))
      for (const [method, url] of urls) {
        const kind = endpointOf(method, url);
        if (kind) found.add(kind);
      }
    expect([...found].sort()).toEqual([...ENDPOINT_KINDS].sort());
    expect(Object.keys(MATCHES).sort()).toEqual([...ENDPOINT_KINDS].sort());
  });

  test('absolute and relative forms of one request are the same endpoint', () => {
    for (const urls of Object.values(MATCHES))
      for (const [method, url] of urls) {
        const relative = url.startsWith(LI) ? url.slice(LI.length) : url;
        expect(endpointOf(method, `${LI}${relative}`), url).toBe(endpointOf(method, relative));
        expect(endpointOf(method.toLowerCase(), relative), url).toBe(
          endpointOf(method.toUpperCase(), relative),
        );
      }
  });

  test('the GraphQL hash rotates: any hash after the name’s dot', () => {
    for (const hash of ['a', '0', 'ffffffffffffffffffffffffffffffff', 'A-b_c', ''])
      expect(endpointOf('GET', `${GQL}?queryId=messengerConversations.${hash}&variables=()`)).toBe(
        'voyager-conversations',
      );
  });
});
