// LinkedIn messaging's conversation lists: our InMails (a Premium one is a catch-up send, a Sales
// Navigator one is only remembered), the other side's reply though the list shows it alone,
// quick responses at the right time; nothing from InMails sent to us, sponsored messages,
// follow-up chats or any other endpoint's answer; problems said, with counts.

import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { iso, type Memory, newMemory } from '../../../../src/linkedin/read/reading';
import { readVoyagerConversations } from '../../../../src/linkedin/read/voyager-conversations';
import { threadIdOf } from '../../../../src/linkedin/read/voyager-graphql';
import { readVoyagerMessages } from '../../../../src/linkedin/read/voyager-messages';
import { detectionSchema } from '../../../../src/messages/detection';
import { answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SEEN = NOW + 5_000;
const FOLDER = 'voyager-conversations';
const ME = 'ACoAAME0001';
const ACCOUNT = `member:${ME}`;
const PRIYA_THREAD = '2-UHJpeWE';
const msg = (id: string) => `urn:li:msg_message:(urn:li:fsd_profile:${ME},${id})`;
const ago = (ms: number) => iso(NOW - ms);

function read(file: string, memory: Memory = newMemory()) {
  const reading = readVoyagerConversations(answer(`${FOLDER}/${file}`, NOW), memory, SEEN);
  for (const d of reading.detections) v.parse(detectionSchema, d);
  return reading;
}

const premiumSend = (id: string, threadId: string, at: string, name: string) => ({
  kind: 'send',
  pool: 'premium',
  account: ACCOUNT,
  surface: 'messaging',
  id,
  threadId,
  cost: 'paid',
  costUnknown: true,
  at,
  recipient: { name },
});

const PRIYA_INMAIL = premiumSend(msg('2-UHJpeWFJbk1haWw'), PRIYA_THREAD, ago(3_600_000), 'Priya Natarajan');
const PRIYA_REPLY = {
  kind: 'response',
  account: ACCOUNT,
  id: msg('2-UHJpeWFSZXBseQ'),
  threadId: PRIYA_THREAD,
  at: ago(600_000),
  responseKind: 'reply',
};

describe('readVoyagerConversations', () => {
  test('thread ids from either URN form; none from other URNs', () => {
    expect(threadIdOf('urn:li:messagingThread:2-UHJpeWE')).toBe(PRIYA_THREAD);
    expect(threadIdOf(`urn:li:msg_conversation:(urn:li:fsd_profile:${ME},2-UHJpeWE)`)).toBe(PRIYA_THREAD);
    expect(threadIdOf('urn:li:other:xyz')).toBeUndefined();
    expect(threadIdOf(null)).toBeUndefined();
  });

  test('our Premium InMail shown last: a catch-up send, remembered; the ordinary chat beside it skipped', () => {
    const memory = newMemory();
    expect(read('sender-premium.json', memory)).toEqual({
      detections: [PRIYA_INMAIL],
      elements: 2,
      problems: [],
    });
    expect(memory.threads.get(PRIYA_THREAD)).toEqual({ pool: 'premium', sentAt: NOW - 3_600_000 });
  });

  test('the SELF participant is us, and the page remembers it', () => {
    const memory = newMemory();
    read('sender-premium.json', memory);
    expect([...memory.me]).toEqual([ME]);
  });

  test('only SELF tells who we are in a conversation without messages or mailbox', () => {
    expect(read('by-ids.json')).toEqual({
      detections: [
        {
          kind: 'response',
          account: ACCOUNT,
          id: 'quick-response:2-TGluYQ',
          threadId: '2-TGluYQ',
          at: ago(120_000),
          responseKind: 'accepted',
        },
      ],
      elements: 1,
      problems: [],
    });
  });

  test('a list that shows only the reply: a response, pool unknown without memory', () => {
    expect(read('reply-only.json')).toEqual({ detections: [PRIYA_REPLY], elements: 1, problems: [] });
  });

  test('the list first shows our InMail, later only the reply: one response, pool from memory', () => {
    const memory = newMemory();
    read('sender-premium.json', memory);
    expect(read('reply-only.json', memory).detections).toEqual([{ ...PRIYA_REPLY, pool: 'premium' }]);
  });

  test('the opened conversation shows our InMail, the list later only the reply: pool from memory', () => {
    const memory = newMemory();
    readVoyagerMessages(answer('voyager-messages/full-history.json', NOW), memory, SEEN);
    expect(read('reply-only.json', memory).detections).toEqual([{ ...PRIYA_REPLY, pool: 'premium' }]);
  });

  test('our follow-up chat shown last is never a new InMail', () => {
    const fresh = newMemory();
    expect(read('follow-up.json', fresh)).toEqual({ detections: [], elements: 1, problems: [] });
    expect(fresh.threads.size).toBe(0);
    const known = newMemory();
    read('sender-premium.json', known);
    expect(read('follow-up.json', known).detections).toEqual([]);
    expect(known.threads.get(PRIYA_THREAD)).toEqual({ pool: 'premium', sentAt: NOW - 3_600_000 });
  });

  test('InMails sent to us give nothing, whatever their state or whoever wrote last', () => {
    const memory = newMemory();
    expect(read('recipient-side.json', memory)).toEqual({ detections: [], elements: 3, problems: [] });
    expect(memory.threads.size).toBe(0);
  });

  test('sponsored messages give nothing and are no problem', () => {
    const memory = newMemory();
    expect(read('sponsored.json', memory)).toEqual({ detections: [], elements: 2, problems: [] });
    expect(memory.threads.size).toBe(0);
  });

  test('quick responses: at lastActivityAt when later than the last message, else when seen', () => {
    const omar = premiumSend(msg('2-T21hckluTWFpbA'), '2-T21hcg', ago(86_400_000), 'Omar Haddad');
    const quick = (threadId: string, at: string, responseKind: string) => ({
      kind: 'response',
      pool: 'premium',
      account: ACCOUNT,
      id: `quick-response:${threadId}`,
      threadId,
      at,
      responseKind,
    });
    expect(read('accepted-declined.json')).toEqual({
      detections: [
        { ...PRIYA_INMAIL, at: ago(7_200_000) },
        quick(PRIYA_THREAD, ago(300_000), 'accepted'),
        omar,
        quick('2-T21hcg', iso(SEEN), 'declined'),
      ],
      elements: 2,
      problems: [],
    });
  });

  test('a written reply shown makes the ACCEPTED state no second response', () => {
    const memory = newMemory();
    read('sender-premium.json', memory);
    const found = read('reply-only.json', memory).detections;
    expect(found.map((d) => d.id)).toEqual([msg('2-UHJpeWFSZXBseQ')]);
  });

  test('our Sales Navigator InMail: no send here, but remembered for its replies', () => {
    const memory = newMemory();
    expect(read('sales-inmail.json', memory)).toEqual({ detections: [], elements: 1, problems: [] });
    expect(memory.threads.get('2-U2FtTGVl')).toEqual({ pool: 'sales-navigator', sentAt: NOW - 172_800_000 });
    const replies = readVoyagerMessages(answer('voyager-messages/sales-history.json', NOW), memory, SEEN);
    expect(replies.detections.map((d) => [d.kind, d.pool])).toEqual([['response', 'sales-navigator']]);
  });

  test('normalized: conversations, participants, creator, messages and senders by URN', () => {
    expect(read('normalized.json')).toEqual({
      detections: [premiumSend(msg('2-T21hcklu'), '2-T21hcg', ago(5_400_000), 'Omar Haddad')],
      elements: 1,
      problems: [],
    });
  });

  test('an answer field that is not the query’s: named in a problem, nothing read', () => {
    const memory = newMemory();
    expect(read('unknown-field.json', memory)).toEqual({
      detections: [],
      elements: 0,
      problems: [{ reason: 'answer field messengerThreadsByCategory not known', count: 1 }],
    });
    expect(memory.me.size + memory.threads.size).toBe(0);
  });

  test('a future suffix is read; each unreadable conversation says why', () => {
    expect(read('unreadable.json')).toEqual({
      detections: [],
      elements: 6,
      problems: [
        { reason: 'conversation without a thread id', count: 1 },
        { reason: 'could not tell which participant is you', count: 1 },
        { reason: 'conversation without categories', count: 1 },
        { reason: 'messages without times', count: 1 },
        { reason: 'InMail of a kind we do not know', count: 1 },
        { reason: 'conversation in a shape we do not know', count: 1 },
      ],
    });
  });

  test('a participant the page already knows is us stands in for SELF', () => {
    const memory = newMemory();
    memory.me.add(ME);
    const who = read('unreadable.json', memory).problems.map((p) => p.reason);
    expect(who).not.toContain('could not tell which participant is you');
  });

  test('answers that are no object say so', () => {
    for (const input of [null, 'text', 42, []])
      expect(readVoyagerConversations(input, newMemory(), SEEN).problems).toEqual([
        { reason: 'answer in a shape we do not know', count: 1 },
      ]);
  });

  test('no other endpoint’s answer gives a detection', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(0);
    for (const [file, body] of others)
      expect(readVoyagerConversations(body, newMemory(), SEEN).detections, file).toEqual([]);
  });
});
