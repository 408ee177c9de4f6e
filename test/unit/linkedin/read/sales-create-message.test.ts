// A Sales Navigator send from its createMessage request and answer: the message's URN or the
// tracking id in hex, the thread from the answer or the request, the send remembered as live;
// nothing from a request we do not know or from any other endpoint's answer.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { iso, newMemory } from '../../../../src/linkedin/read/reading';
import { readSalesCreateMessage } from '../../../../src/linkedin/read/sales-create-message';
import { detectionSchema } from '../../../../src/messages/detection';
import { ANSWERS, answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const FOLDER = 'sales-create-message';
const mid = (thread: string, m: string) => `urn:li:fs_salesMessage:(${thread},${m})`;

function pair(file: string): { request: unknown; response: unknown } {
  return answer(`${FOLDER}/${file}`, NOW) as { request: unknown; response: unknown };
}

const send = (id: string, threadId: string) => ({
  kind: 'send',
  pool: 'sales-navigator',
  surface: 'sales-navigator',
  id,
  threadId,
  cost: 'paid',
  costUnknown: true,
  at: iso(NOW),
});

const UNKNOWN = 'request in a shape we do not know';
const CASES: [file: string, send: [id: string, threadId: string] | null, problem: string | null][] = [
  ['lead-flat.json', [mid('2-TmV3VGhyZWFk', '2-TWVzc2FnZQ'), '2-TmV3VGhyZWFk'], null],
  ['lead-normalized.json', [mid('2-TGVhZE5vcm0', '2-Rmlyc3Q'), '2-TGVhZE5vcm0'], null],
  ['follow-up.json', [mid('2-TmV3VGhyZWFk', '2-Rm9sbG93VXA'), '2-TmV3VGhyZWFk'], null],
  [
    'follow-up-urn-no-message-id.json',
    ['tracking:0102030405060708a9aeb5d7e9f7feff', '2-Rm9sbG93VXBVcm4'],
    null,
  ],
  [
    'lead-no-message-id.json',
    ['tracking:1f80ad0020225cc0e9ff0d0a0994417a', 'tracking:1f80ad0020225cc0e9ff0d0a0994417a'],
    null,
  ],
  ['wrapped-entity-urn.json', [mid('2-RW50aXR5VXJu', '2-TXNn'), '2-RW50aXR5VXJu'], null],
  ['bad-not-create-message.json', null, UNKNOWN],
  ['bad-no-recipient-no-thread.json', null, UNKNOWN],
];

describe('readSalesCreateMessage', () => {
  test('every fixture is in the table', () => {
    const files = readdirSync(join(ANSWERS, FOLDER)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(CASES.map(([f]) => f).sort());
  });

  test.each(CASES)('%s', (file, sent, problem) => {
    const { request, response } = pair(file);
    const memory = newMemory();
    const reading = readSalesCreateMessage(request, response, memory, NOW);
    expect(reading).toEqual({
      detections: sent === null ? [] : [send(...sent)],
      elements: 1,
      problems: problem === null ? [] : [{ reason: problem, count: 1 }],
    });
    for (const d of reading.detections) v.parse(detectionSchema, d);
    expect(memory.liveSends).toEqual(sent === null ? [] : [{ id: sent[0], threadId: sent[1], at: NOW }]);
    expect(memory.me.size + memory.members.size + memory.threads.size).toBe(0);
  });

  test('a 2xx answer we cannot read still proves the send: its tracking id names it', () => {
    const { request } = pair('lead-flat.json');
    const id = 'tracking:d312a07f6b01fee25a71009c1033c8ff';
    for (const response of [null, 'junk', [], { value: 'x' }, { value: { messageId: 7, threadId: {} } }])
      expect(readSalesCreateMessage(request, response, newMemory(), NOW).detections).toEqual([send(id, id)]);
  });

  test('an entityUrn or id that is no message URN is not the id', () => {
    const { request } = pair('lead-flat.json');
    const response = {
      value: { entityUrn: 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)', id: '42' },
    };
    const [d] = readSalesCreateMessage(request, response, newMemory(), NOW).detections;
    expect(d?.id).toBe('tracking:d312a07f6b01fee25a71009c1033c8ff');
  });

  test('two follow-ups in one thread are two sends', () => {
    const memory = newMemory();
    const { request } = pair('follow-up.json');
    const a = readSalesCreateMessage(
      request,
      { value: { messageId: mid('2-TmV3VGhyZWFk', '2-QQ') } },
      memory,
      NOW,
    );
    const b = readSalesCreateMessage(request, {}, memory, NOW + 5000);
    expect([...a.detections, ...b.detections].map((d) => d.id)).toEqual([
      mid('2-TmV3VGhyZWFk', '2-QQ'),
      'tracking:8903df6311e0f2004c9a15c77f0877b4',
    ]);
    expect(memory.liveSends.map((s) => s.threadId)).toEqual(['2-TmV3VGhyZWFk', '2-TmV3VGhyZWFk']);
  });

  test.each([
    ['an unknown envelope', { foo: 1 }],
    ['createMessageRequest not an object', { createMessageRequest: 'x' }],
    ['recipients not a list', { createMessageRequest: { recipients: 'x', trackingId: 'abc', body: 'hi' } }],
    ['no recipients', { createMessageRequest: { recipients: [], trackingId: 'abc', body: 'hi' } }],
    ['a thread that is no text', { createMessageRequest: { threadId: 7, trackingId: 'abc', body: 'hi' } }],
    ['null', null],
    ['text', 'junk'],
    ['a list', [{ createMessageRequest: { threadId: '2-x', trackingId: 'abc' } }]],
  ])('%s: no send, a problem', (_, request) => {
    const memory = newMemory();
    const reading = readSalesCreateMessage(request, pair('lead-flat.json').response, memory, NOW);
    expect(reading.detections).toEqual([]);
    expect(reading.problems).toEqual([{ reason: UNKNOWN, count: 1 }]);
    expect(memory.liveSends).toEqual([]);
  });

  test('a send that names itself nowhere is a problem, not a guess', () => {
    const request = { createMessageRequest: { threadId: '2-x', body: 'hi', copyToCrm: false } };
    const reading = readSalesCreateMessage(request, { value: {} }, newMemory(), NOW);
    expect(reading).toEqual({
      detections: [],
      elements: 1,
      problems: [{ reason: 'send without a message id', count: 1 }],
    });
  });

  test('no other endpoint’s answer reads as a send', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(10);
    for (const [file, body] of others) {
      expect(readSalesCreateMessage(body, body, newMemory(), NOW).detections, file).toEqual([]);
      expect(readSalesCreateMessage(body, {}, newMemory(), NOW).detections, file).toEqual([]);
    }
  });
});
