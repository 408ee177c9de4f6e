// A LinkedIn messaging send from its createMessage request and answer: the facts only (the
// endpoint also sends chats, so never a detection), the message's URN or the tracking id in
// hex, the thread from the answer or the request, the send and the mailbox remembered; nothing
// from a request we do not know or from any other endpoint's answer.

import { describe, expect, test } from 'vitest';
import { isObject } from '../../../../src/linkedin/read/envelope';
import { newMemory } from '../../../../src/linkedin/read/reading';
import { readVoyagerCreateMessage } from '../../../../src/linkedin/read/voyager-create-message';
import { answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SEEN = NOW + 5_000;
const FOLDER = 'voyager-create-message';
const ME = 'ACoAAME0001';
const MAILBOX = `urn:li:fsd_profile:${ME}`;
const msg = (id: string) => `urn:li:msg_message:(urn:li:fsd_profile:${ME},${id})`;

function pair(file: string): { request: unknown; response: unknown } {
  return answer(`${FOLDER}/${file}`, NOW) as { request: unknown; response: unknown };
}

const READ = { detections: [], elements: 1, problems: [] };

describe('readVoyagerCreateMessage', () => {
  test('a first message: its URN, the thread, LinkedIn’s time, mailbox and recipients; remembered', () => {
    const memory = newMemory();
    const { request, response } = pair('inmail-first.json');
    const send = {
      id: msg('2-UHJpeWFJbk1haWw'),
      threadId: '2-UHJpeWE',
      at: NOW,
      mailbox: MAILBOX,
      recipients: ['urn:li:fsd_profile:ACoAAPRIYA1'],
    };
    expect(readVoyagerCreateMessage(request, response, memory, SEEN)).toEqual({ send, reading: READ });
    expect(memory.liveSends).toEqual([{ id: send.id, threadId: '2-UHJpeWE', at: NOW }]);
    expect([...memory.me]).toEqual([ME]);
  });

  test('a chat in a conversation, answer under `data`; request and answer as text too', () => {
    const { request, response } = pair('chat-reply.json');
    const send = { id: msg('2-Wm9lMw'), threadId: '2-Wm9l', at: NOW, mailbox: MAILBOX };
    expect(readVoyagerCreateMessage(request, response, newMemory(), SEEN)).toEqual({ send, reading: READ });
    const texts = readVoyagerCreateMessage(
      JSON.stringify(request),
      JSON.stringify(response),
      newMemory(),
      SEEN,
    );
    expect(texts.send).toEqual(send);
  });

  test('no entityUrn or deliveredAt: the tracking id in hex, the moment seen', () => {
    const { request, response } = pair('no-entity.json');
    expect(readVoyagerCreateMessage(request, response, newMemory(), SEEN).send).toEqual({
      id: 'tracking:4162ff01007a',
      threadId: '2-UHJpeWE',
      at: SEEN,
      mailbox: MAILBOX,
    });
  });

  test('no answer at all: the request alone still tells an existing thread’s send', () => {
    const { request } = pair('no-entity.json');
    expect(readVoyagerCreateMessage(request, undefined, newMemory(), SEEN).send?.threadId).toBe('2-UHJpeWE');
    const { request: first } = pair('inmail-first.json');
    expect(readVoyagerCreateMessage(first, null, newMemory(), SEEN)).toMatchObject({
      send: null,
      reading: { problems: [{ reason: 'send without a thread id', count: 1 }] },
    });
  });

  test('a request we do not know: no send, a problem, nothing remembered', () => {
    const memory = newMemory();
    const { request, response } = pair('unknown-request.json');
    expect(readVoyagerCreateMessage(request, response, memory, SEEN)).toEqual({
      send: null,
      reading: {
        detections: [],
        elements: 1,
        problems: [{ reason: 'createMessage request in a shape we do not know', count: 1 }],
      },
    });
    expect(memory.liveSends.length + memory.me.size).toBe(0);
  });

  test('no other endpoint’s answer gives a detection', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(0);
    for (const [file, body] of others) {
      const pairOf = isObject(body) && 'request' in body ? [body.request, body.response] : [body, body];
      expect(
        readVoyagerCreateMessage(pairOf[0], pairOf[1], newMemory(), SEEN).reading.detections,
        file,
      ).toEqual([]);
    }
  });
});
