// Cross-negatives of the readers: a message with no author (a system line, a trimmed answer, an
// author we cannot read) is nobody's reply. Each case sits beside its positive control, the
// same message with the other side as its author, which is a reply: so a reader that counted
// author-less messages, or that never counted anything, fails here.

import { describe, expect, test } from 'vitest';
import { newMemory } from '../../../../src/linkedin/read/reading';
import { readSalesThreads } from '../../../../src/linkedin/read/sales-threads';
import { readVoyagerConversations } from '../../../../src/linkedin/read/voyager-conversations';
import { answer } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const ME = 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)';
const SAM = 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)';
const THREAD = '2-Q3Jvc3M';
const INMAIL = `urn:li:fs_salesMessage:(${THREAD},2-SW5NYWls)`;
const LATER = `urn:li:fs_salesMessage:(${THREAD},2-TGF0ZXI)`;

/** A Sales Navigator thread: our InMail an hour ago (degree 0 is us), then one later message. */
function thread(later: Record<string, unknown>) {
  return {
    elements: [
      {
        id: THREAD,
        participants: [SAM, ME],
        participantsResolutionResults: {
          [SAM]: { fullName: 'Sam Lee', degree: 3 },
          [ME]: { fullName: 'Dana R.', degree: 0 },
        },
        messages: [
          { id: INMAIL, type: 'INMAIL', author: ME, deliveredAt: NOW - 3_600_000 },
          { id: LATER, type: 'MEMBER_TO_MEMBER', deliveredAt: NOW - 60_000, ...later },
        ],
      },
    ],
  };
}

const kinds = (body: unknown) =>
  readSalesThreads(body, newMemory(), NOW).detections.map((d) => [d.kind, d.id]);

describe('Sales Navigator threads: a message without an author is nobody’s reply', () => {
  test('positive control: the same message by the lead is a reply', () => {
    expect(kinds(thread({ author: SAM }))).toEqual([
      ['send', INMAIL],
      ['response', LATER],
    ]);
  });

  test.each([
    ['no author field', {}],
    ['author null', { author: null }],
    ['author empty', { author: '' }],
    ['author an object without a URN', { author: {} }],
    ['author a number', { author: 42 }],
  ])('%s, an ordinary message type: only our InMail', (_, later) => {
    expect(kinds(thread(later))).toEqual([['send', INMAIL]]);
  });

  test('a system line without an author (the inbox-flat fixture’s kind), alone after our InMail', () => {
    expect(kinds(thread({ type: 'SYSTEM', body: '' }))).toEqual([['send', INMAIL]]);
  });

  test('an author we cannot read beside a readable reply: the reply counts, the author-less one does not', () => {
    const body = thread({ author: SAM });
    const messages = (body.elements[0] as { messages: Record<string, unknown>[] }).messages;
    messages.push({ id: `urn:li:fs_salesMessage:(${THREAD},2-Tm9BdXRo)`, type: 'MESSAGE', deliveredAt: NOW });
    expect(kinds(body)).toEqual([
      ['send', INMAIL],
      ['response', LATER],
    ]);
  });
});

describe('LinkedIn messaging conversation list: a message without a sender is nobody’s reply', () => {
  type Conversations = {
    data: { messengerConversationsBySyncToken: { elements: { messages: { elements: Obj[] } }[] } };
  };
  type Obj = Record<string, unknown>;
  const replyOnly = () => answer('voyager-conversations/reply-only.json', NOW) as Conversations;
  const lastMessage = (body: Conversations) =>
    body.data.messengerConversationsBySyncToken.elements[0]?.messages.elements.at(-1) as Obj;

  test('positive control: the list’s reply, with its sender, is a response', () => {
    const reading = readVoyagerConversations(replyOnly(), newMemory(), NOW);
    expect(reading.detections.map((d) => d.kind)).toEqual(['response']);
  });

  test('the same message without a sender: no response, and said', () => {
    const body = replyOnly();
    const m = lastMessage(body);
    delete m.sender;
    delete m.actor;
    expect(m.originToken ?? null).toBeNull();
    const reading = readVoyagerConversations(body, newMemory(), NOW);
    expect(reading.detections).toEqual([]);
    expect(reading.problems).toEqual([{ reason: 'messages without a sender', count: 1 }]);
  });
});
