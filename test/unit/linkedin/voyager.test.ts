// @vitest-environment happy-dom
// LinkedIn messaging's payloads: what counts (our InMails, responses to them) and what never
// does (sponsored messages, InMails sent to us, chats), and sends told apart by their composer.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseVoyagerConversations, threadIdOf } from '../../../src/linkedin/api/voyager-conversations';
import { parseVoyagerCreateMessage } from '../../../src/linkedin/api/voyager-create-message';
import { messagingComposers } from '../../../src/linkedin/dom/messaging-composer';
import { endpointOf } from '../../../src/linkedin/endpoints';
import { conversationDetections, detectionsFrom } from '../../../src/linkedin/network-detector';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const read = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', path), 'utf8');
const timed = (text: string) =>
  text.replace(/"%NOW(?:-(\d+))?%"/g, (_, minus) => String(NOW - Number(minus ?? 0)));
const conversations = () => JSON.parse(timed(read('api/voyager-conversations.json')));
const iso = (minus: number) => new Date(NOW - minus).toISOString();

describe('endpoints', () => {
  test('conversation queries by name, whatever their rotating hash; createMessage by action', () => {
    const gql = '/voyager/api/voyagerMessagingGraphQL/graphql?queryId=';
    expect(
      endpointOf('GET', `${gql}messengerConversationsByCategoryQuery.9501074288a1&variables=(count:20)`),
    ).toBe('voyager-conversations');
    expect(endpointOf('GET', `${gql}messengerConversationsBySyncToken.0f2b9c&variables=()`)).toBe(
      'voyager-conversations',
    );
    expect(
      endpointOf(
        'POST',
        'https://www.linkedin.com/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
      ),
    ).toBe('voyager-create-message');
    for (const [method, url] of [
      ['GET', `${gql}messengerMessagesBySyncToken.abc&variables=()`],
      ['GET', `${gql}voyagerFeedDashMainFeed.abc`],
      ['POST', '/voyager/api/voyagerMessagingDashMessengerMessages?action=typing'],
      ['GET', '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage'],
    ] as const)
      expect(endpointOf(method, url)).toBeNull();
  });
});

describe('conversation lists', () => {
  test('thread ids from either URN form', () => {
    expect(threadIdOf('urn:li:messagingThread:2-UHJpeWE')).toBe('2-UHJpeWE');
    expect(threadIdOf('urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWE)')).toBe(
      '2-UHJpeWE',
    );
    expect(threadIdOf('urn:li:other:xyz')).toBe('urn:li:other:xyz');
  });

  test('our InMails, their responses and quick responses, at LinkedIn’s times; nothing else', () => {
    expect(conversationDetections(conversations())).toEqual([
      {
        kind: 'send',
        pool: 'premium',
        account: 'member:ACoAAME0001',
        surface: 'messaging',
        id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFNc2c)',
        threadId: '2-UHJpeWE',
        cost: 'paid',
        at: iso(60_000),
        recipient: { name: 'Priya Natarajan' },
      },
      {
        kind: 'response',
        pool: 'premium',
        account: 'member:ACoAAME0001',
        id: 'quick-response:2-UHJpeWE',
        threadId: '2-UHJpeWE',
        at: iso(0),
        responseKind: 'declined',
      },
      {
        kind: 'response',
        pool: 'sales-navigator',
        account: 'member:ACoAAME0001',
        id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-U2FtUmVwbHk)',
        threadId: '2-TmV3VGhyZWFk',
        at: iso(30_000),
        responseKind: 'reply',
      },
      {
        kind: 'response',
        pool: 'sales-navigator',
        account: 'member:ACoAAME0001',
        id: 'quick-response:2-TmV3VGhyZWFk',
        threadId: '2-TmV3VGhyZWFk',
        at: iso(30_000),
        responseKind: 'accepted',
      },
    ]);
  });

  test('the BySyncToken query and nested data read the same; junk gives nothing', () => {
    const payload = conversations();
    const elements = payload.data.messengerConversationsByCategoryQuery.elements;
    const sync = { data: { data: { messengerConversationsBySyncToken: { elements } } } };
    expect(conversationDetections(sync)).toEqual(conversationDetections(payload));
    for (const junk of [
      null,
      'x',
      {},
      { data: null },
      { data: { messengerConversationsByCategoryQuery: {} } },
    ])
      expect(conversationDetections(junk)).toEqual([]);
  });

  test('without knowing which participant is us, nothing counts', () => {
    const payload = conversations();
    for (const c of payload.data.messengerConversationsByCategoryQuery.elements)
      for (const p of c.conversationParticipants) delete p.participantType.member.distance;
    expect(conversationDetections(payload)).toEqual([]);
  });

  test('a long thread (400 messages, newest first): one send, and each later message of theirs', () => {
    const payload = conversations();
    const [priya] = payload.data.messengerConversationsByCategoryQuery.elements;
    const me = 'urn:li:fsd_profile:ACoAAME0001';
    const them = 'urn:li:fsd_profile:ACoAAPRIYA1';
    priya.state = 'PENDING';
    priya.messages.elements = Array.from({ length: 400 }, (_, k) => ({
      entityUrn: `urn:li:msg_message:(${me},2-m${399 - k})`,
      deliveredAt: NOW - k * 60_000,
      sender: { hostIdentityUrn: (399 - k) % 2 === 0 ? me : them },
      body: { text: 'x'.repeat(k % 50) },
    }));
    payload.data.messengerConversationsByCategoryQuery.elements = [priya];
    const found = conversationDetections(payload);
    expect(found[0]).toMatchObject({ kind: 'send', id: `urn:li:msg_message:(${me},2-m0)` });
    expect(found.filter((d) => d.kind === 'send')).toHaveLength(1);
    expect(found.filter((d) => d.kind === 'response')).toHaveLength(200);
  });

  test('a sponsored message, an InMail to us and a chat each parse, and none counts', () => {
    const parsed = parseVoyagerConversations(conversations());
    expect(parsed.map((c) => [c.threadId, c.pool])).toEqual([
      ['2-UHJpeWE', 'premium'],
      ['2-TmV3VGhyZWFk', 'sales-navigator'],
      ['2-U3BvbnNvcmVk', null],
      ['2-UmVjcnVpdGVy', 'premium'],
      ['2-Wm9l', null],
    ]);
    const threads = new Set(
      conversationDetections(conversations()).map((d) => (d.kind === 'balance' ? '' : d.threadId)),
    );
    expect([...threads]).toEqual(['2-UHJpeWE', '2-TmV3VGhyZWFk']);
  });
});

describe('createMessage', () => {
  const request = {
    message: { body: { text: 'Hi' }, originToken: 'origin-1', subject: 'Hello' },
    mailboxUrn: 'urn:li:fsd_profile:ACoAAME0001',
    trackingId: 'track-1',
    hostRecipientUrns: ['urn:li:fsd_profile:ACoAAPRIYA1'],
  };
  const response = JSON.parse(timed(read('api/voyager-create-message.json')));

  test('the message URN, its thread and LinkedIn’s time; else the tracking id', () => {
    expect(parseVoyagerCreateMessage(request, response)).toEqual({
      id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFNc2c)',
      threadId: '2-UHJpeWE',
      deliveredAt: NOW,
      mailbox: 'urn:li:fsd_profile:ACoAAME0001',
    });
    const inThread = {
      ...request,
      message: { ...request.message, conversationUrn: 'urn:li:msg_conversation:(x,2-old)' },
    };
    expect(parseVoyagerCreateMessage(inThread, {})).toEqual({
      id: 'tracking:track-1',
      threadId: '2-old',
      deliveredAt: undefined,
      mailbox: 'urn:li:fsd_profile:ACoAAME0001',
    });
    expect(parseVoyagerCreateMessage({}, response)).toBeNull();
    expect(parseVoyagerCreateMessage({ message: {} }, {})).toBeNull();
  });

  test('a send is an InMail only from an InMail composer', () => {
    const doc = new DOMParser().parseFromString(read('messaging/profile.html'), 'text/html');
    const [priya, zoe] = messagingComposers(doc) as [HTMLElement, HTMLElement];
    const tap = {
      source: 'inmail-ledger-tap',
      kind: 'voyager-create-message',
      status: 200,
      request: JSON.stringify(request),
      response: JSON.stringify(response),
    };
    const from = (composer: HTMLElement | null) =>
      detectionsFrom(tap, { doc, randomId: () => 'r', sendingComposer: () => composer });
    expect(from(priya)).toEqual([
      {
        kind: 'send',
        pool: 'premium',
        account: 'member:ACoAAME0001',
        surface: 'messaging',
        id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFNc2c)',
        threadId: '2-UHJpeWE',
        cost: 'paid',
        at: iso(0),
        recipient: { name: 'Priya Natarajan' },
      },
    ]);
    expect(from(zoe)).toEqual([]);
    expect(from(null)).toEqual([]);
    expect(
      detectionsFrom({ ...tap, status: 500 }, { doc, randomId: () => 'r', sendingComposer: () => priya }),
    ).toEqual([]);
  });
});
