// One LinkedIn messaging conversation's messages: our InMail (a Premium one is a catch-up send)
// and every later message of the other side (a reply), in any order the answer gives them;
// replies to an InMail only memory knows; nothing from follow-up chats, InMails sent to us,
// sponsored messages or any other endpoint's answer; problems said, with counts.

import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { iso, type Memory, newMemory } from '../../../../src/linkedin/read/reading';
import { readVoyagerConversations } from '../../../../src/linkedin/read/voyager-conversations';
import { readVoyagerMessages } from '../../../../src/linkedin/read/voyager-messages';
import { detectionSchema } from '../../../../src/messages/detection';
import { answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SEEN = NOW + 5_000;
const FOLDER = 'voyager-messages';
const ME = 'ACoAAME0001';
const ACCOUNT = `member:${ME}`;
const msg = (id: string) => `urn:li:msg_message:(urn:li:fsd_profile:${ME},${id})`;
const ago = (ms: number) => iso(NOW - ms);

function read(file: string, memory: Memory = newMemory()) {
  const reading = readVoyagerMessages(answer(`${FOLDER}/${file}`, NOW), memory, SEEN);
  for (const d of reading.detections) v.parse(detectionSchema, d);
  return reading;
}

const send = (id: string, threadId: string, at: string, name: string) => ({
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
const reply = (id: string, threadId: string, at: string, pool?: string) => ({
  kind: 'response',
  ...(pool ? { pool } : {}),
  account: ACCOUNT,
  id,
  threadId,
  at,
  responseKind: 'reply',
});
const PRIYA_REPLY = reply(msg('2-UHJpeWFSZXBseQ'), '2-UHJpeWE', ago(600_000), 'premium');

describe('readVoyagerMessages', () => {
  test('the whole thread, newest first: our InMail and the reply; the follow-up chat is no InMail', () => {
    const memory = newMemory();
    expect(read('full-history.json', memory)).toEqual({
      detections: [
        send(msg('2-UHJpeWFJbk1haWw'), '2-UHJpeWE', ago(3_600_000), 'Priya Natarajan'),
        PRIYA_REPLY,
      ],
      elements: 3,
      problems: [],
    });
    expect(memory.threads.get('2-UHJpeWE')).toEqual({ pool: 'premium', sentAt: NOW - 3_600_000 });
  });

  test('a reply alone answers nothing of ours, until memory knows the InMail', () => {
    expect(read('reply-only.json')).toEqual({ detections: [], elements: 1, problems: [] });
    const memory = newMemory();
    readVoyagerConversations(answer('voyager-conversations/sender-premium.json', NOW), memory, SEEN);
    expect(read('reply-only.json', memory).detections).toEqual([PRIYA_REPLY]);
  });

  test('a reply before the InMail memory knows is no reply to it', () => {
    const memory = newMemory();
    memory.threads.set('2-UHJpeWE', { pool: 'premium', sentAt: NOW - 60_000 });
    expect(read('reply-only.json', memory).detections).toEqual([]);
  });

  test('an InMail sent to us, our answer and their thanks give nothing', () => {
    const memory = newMemory();
    expect(read('recipient-side.json', memory)).toEqual({ detections: [], elements: 3, problems: [] });
    expect(memory.threads.size).toBe(0);
  });

  test('sponsored messages give nothing and are no problem', () => {
    expect(read('sponsored.json')).toEqual({ detections: [], elements: 1, problems: [] });
  });

  test('our Sales Navigator InMail: no send, its reply with the pool, the thread remembered', () => {
    const memory = newMemory();
    expect(read('sales-history.json', memory)).toEqual({
      detections: [reply(msg('2-U2FtTGVsUmU'), '2-U2FtTGVl', ago(86_400_000), 'sales-navigator')],
      elements: 2,
      problems: [],
    });
    expect(memory.threads.get('2-U2FtTGVl')).toEqual({ pool: 'sales-navigator', sentAt: NOW - 172_800_000 });
  });

  test('normalized: senders and conversations by URN', () => {
    expect(read('normalized.json')).toEqual({
      detections: [
        send(msg('2-T21hcklu'), '2-T21hcg', ago(5_400_000), 'Omar Haddad'),
        reply(msg('2-T21hclJl'), '2-T21hcg', ago(1_800_000), 'premium'),
      ],
      elements: 2,
      problems: [],
    });
  });

  test('a trimmed answer: messages without ids or times are problems, never guesses', () => {
    const memory = newMemory();
    readVoyagerConversations(answer('voyager-conversations/sender-premium.json', NOW), memory, SEEN);
    expect(read('trimmed.json', memory)).toEqual({
      detections: [],
      elements: 3,
      problems: [
        { reason: 'messages without ids', count: 2 },
        { reason: 'messages without times', count: 1 },
      ],
    });
  });

  test('a message whose sender we cannot read is a problem, never a reply', () => {
    const body = answer(`${FOLDER}/full-history.json`, NOW) as {
      data: { messengerMessagesByAnchorTimestamp: { elements: { sender: Record<string, unknown> }[] } };
    };
    const sender = body.data.messengerMessagesByAnchorTimestamp.elements[1]?.sender ?? {};
    delete sender.hostIdentityUrn;
    delete sender.entityUrn;
    const reading = readVoyagerMessages(body, newMemory(), SEEN);
    expect(reading.detections.map((d) => d.kind)).toEqual(['send']);
    expect(reading.problems).toEqual([{ reason: 'messages without a sender', count: 1 }]);
  });

  test('an answer field that is not the query’s: named in a problem, nothing read', () => {
    const memory = newMemory();
    expect(read('unknown-field.json', memory)).toEqual({
      detections: [],
      elements: 0,
      problems: [{ reason: 'answer field messengerMessageDraftsByConversation not known', count: 1 }],
    });
    expect(memory.threads.size).toBe(0);
  });

  test('no other endpoint’s answer gives a detection', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(0);
    for (const [file, body] of others)
      expect(readVoyagerMessages(body, newMemory(), SEEN).detections, file).toEqual([]);
  });
});
