// Sales Navigator's threads in every envelope: our InMails (catch-up sends at LinkedIn's times)
// and the replies to them; who is us from degree, memory or a live send, and nothing when none
// tells; nothing from threads that are not ours, from mutated answers or from any other
// endpoint's answer.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { isObject } from '../../../../src/linkedin/read/envelope';
import { iso, type Memory, newMemory } from '../../../../src/linkedin/read/reading';
import { readSalesCreateMessage } from '../../../../src/linkedin/read/sales-create-message';
import { bareThreadId, readSalesThreads } from '../../../../src/linkedin/read/sales-threads';
import { detectionSchema } from '../../../../src/messages/detection';
import { ANSWERS, answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const H = 3_600_000;
const D = 24 * H;
const FOLDER = 'sales-threads';
const ME = 'ACwAAAME0';
const ACCOUNT = `sales:${ME}`;
const NO_US = 'could not tell which participant is you';

const load = (file: string) => answer(`${FOLDER}/${file}`, NOW);
const mid = (thread: string, m: string) => `urn:li:fs_salesMessage:(${thread},${m})`;
const send = (thread: string, m: string, minus: number, name?: string) => ({
  kind: 'send',
  pool: 'sales-navigator',
  account: ACCOUNT,
  surface: 'sales-navigator',
  id: mid(thread, m),
  threadId: thread,
  cost: 'paid',
  costUnknown: true,
  at: iso(NOW - minus),
  ...(name ? { recipient: { name } } : {}),
});
const reply = (thread: string, m: string, minus: number) => ({
  kind: 'response',
  pool: 'sales-navigator',
  account: ACCOUNT,
  id: mid(thread, m),
  threadId: thread,
  at: iso(NOW - minus),
  responseKind: 'reply',
});

type Setup = (memory: Memory) => void;
const nothing: Setup = () => {};
const knowMe: Setup = (m) => void m.me.add(ME);
const knowMember: Setup = (m) => void m.members.add('urn:li:member:12345');
const liveById: Setup = (m) =>
  void m.liveSends.push({
    id: mid('2-TmV3VGhyZWFk', '2-TWVzc2FnZQ'),
    threadId: '2-TmV3VGhyZWFk',
    at: NOW - 59_000,
  });
const liveByThread =
  (offset: number, thread = '2-TmV3VGhyZWFk'): Setup =>
  (m) =>
    void m.liveSends.push({ id: 'tracking:00ff', threadId: thread, at: NOW - 60_000 + offset });
const knowThread: Setup = (m) =>
  void m.threads.set('2-Tm9UeXBl', { pool: 'sales-navigator', sentAt: NOW - H });

const T1 = '2-TmV3VGhyZWFk';
const UNRESOLVED = [send(T1, '2-TWVzc2FnZQ', 60_000), reply(T1, '2-UmVwbHk', 0)];
const SAME_DEGREE = [
  send('2-U2FtZURlZ3JlZQ', '2-SW5NYWls', 90_000, 'Sam Lee'),
  reply('2-U2FtZURlZ3JlZQ', '2-UmVwbHk', 30_000),
];

const CASES: [
  name: string,
  file: string,
  setup: Setup,
  detections: object[],
  problems: [string, number][],
  elements: number,
][] = [
  [
    'normalized inbox: map "*urn" → urn, profiles in included, newest first',
    'inbox-normalized.json',
    nothing,
    [send(T1, '2-TWVzc2FnZQ', H, 'Sam Lee'), reply(T1, '2-UmVwbHk', 0)],
    [],
    2,
  ],
  [
    'normalized inbox of thread URNs, profiles only in included, oldest first',
    'inbox-normalized-refs.json',
    nothing,
    [
      send('2-U2Vjb25k', '2-SW5NYWls', 2 * D, 'Priya Shah'),
      reply('2-U2Vjb25k', '2-UmVwbHk', D),
      reply('2-U2Vjb25k', '2-TnVkZ2U', 5000),
      send('2-VGhpcmQ', '2-SW5NYWls', 3 * H, 'Sam Lee'),
    ],
    [],
    2,
  ],
  [
    'flat inbox, map of profiles inside the thread, a system line',
    'inbox-flat.json',
    nothing,
    [send('2-Rm91cnRo', '2-SW5NYWls', 2 * H, 'Sam Lee'), reply('2-Rm91cnRo', '2-UmVwbHk', 600_000)],
    [],
    2,
  ],
  [
    'wrapped inbox, newest first, MESSAGE reply',
    'inbox-wrapped.json',
    nothing,
    [send('2-RmlmdGg', '2-SW5NYWls', 4 * H, 'Sam Lee'), reply('2-RmlmdGg', '2-UmVwbHk', 120_000)],
    [],
    1,
  ],
  ['an InMail sent to us', 'inbox-inmail-to-us.json', nothing, [], [], 1],
  ['every profile of degree 1, nothing known', 'inbox-same-degree.json', nothing, [], [[NO_US, 1]], 1],
  ['every profile of degree 1, our profile id known', 'inbox-same-degree.json', knowMe, SAME_DEGREE, [], 1],
  ['every profile of degree 1, our member known', 'inbox-same-degree.json', knowMember, SAME_DEGREE, [], 1],
  ['no profiles anywhere, nothing known', 'inbox-unresolved.json', nothing, [], [[NO_US, 1]], 2],
  ['no profiles anywhere, our profile id known', 'inbox-unresolved.json', knowMe, UNRESOLVED, [], 2],
  ['no profiles anywhere, our send seen live', 'inbox-unresolved.json', liveById, UNRESOLVED, [], 2],
  [
    'no profiles anywhere, a live send in the thread 90 s before',
    'inbox-unresolved.json',
    liveByThread(90_000),
    UNRESOLVED,
    [],
    2,
  ],
  [
    'no profiles anywhere, a live send in the thread 3 min off',
    'inbox-unresolved.json',
    liveByThread(180_000),
    [],
    [[NO_US, 1]],
    2,
  ],
  [
    'no profiles anywhere, a live send in another thread',
    'inbox-unresolved.json',
    liveByThread(0, '2-T3RoZXI'),
    [],
    [[NO_US, 1]],
    2,
  ],
  [
    'a later thread tells who is us',
    'inbox-later-thread-tells.json',
    nothing,
    [
      send('2-Rmlyc3RU', '2-SW5NYWls', 5 * H, 'Zoe Zed'),
      reply('2-Rmlyc3RU', '2-UmVwbHk', 4 * H),
      send('2-U2Vjb25kVA', '2-SW5NYWls', 3 * H, 'Sam Lee'),
      reply('2-U2Vjb25kVA', '2-UmVwbHk', 2 * H),
    ],
    [],
    2,
  ],
  ['trimmed messages', 'inbox-trimmed.json', nothing, [], [['messages without ids', 1]], 2],
  [
    'trimmed messages, a thread known to hold our InMail',
    'inbox-trimmed.json',
    knowThread,
    [reply('2-Tm9UeXBl', '2-UmVwbHk', 60_000)],
    [['messages without ids', 1]],
    2,
  ],
  [
    'one thread, flat, two replies around our follow-up',
    'thread-flat.json',
    nothing,
    [send(T1, '2-TWVzc2FnZQ', H, 'Sam Lee'), reply(T1, '2-UmVwbHk', 60_000), reply(T1, '2-UmVwbHky', 0)],
    [],
    1,
  ],
  [
    'one thread, normalized',
    'thread-normalized.json',
    nothing,
    [send('2-VGhpcmQ', '2-SW5NYWls', 3 * H, 'Sam Lee'), reply('2-VGhpcmQ', '2-UmVwbHk', H)],
    [],
    1,
  ],
];

const problems = (list: [string, number][]) => list.map(([reason, count]) => ({ reason, count }));

describe('readSalesThreads', () => {
  test('every fixture is in the table', () => {
    const files = readdirSync(join(ANSWERS, FOLDER)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([...new Set(CASES.map(([, f]) => f))].sort());
  });

  test.each(CASES)('%s', (_, file, setup, detections, expected, elements) => {
    const memory = newMemory();
    setup(memory);
    const reading = readSalesThreads(load(file), memory, NOW);
    expect(reading).toEqual({ detections, elements, problems: problems(expected) });
    for (const d of reading.detections) v.parse(detectionSchema, d);
    // Every thread that gave a send is remembered as ours, from its first InMail.
    for (const d of reading.detections.filter((d) => d.kind === 'send'))
      expect(memory.threads.get(d.threadId)?.sentAt).toBeLessThanOrEqual(Date.parse(d.at ?? ''));
    if (reading.detections.length > 0) expect(memory.me.has(ME)).toBe(true);
  });

  test('memory learns who we are and which threads are ours', () => {
    const memory = newMemory();
    readSalesThreads(load('inbox-normalized.json'), memory, NOW);
    expect([...memory.me]).toEqual([ME]);
    expect([...memory.threads]).toEqual([['2-TmV3VGhyZWFk', { pool: 'sales-navigator', sentAt: NOW - H }]]);
    // An InMail sent to us teaches who we are, and no thread.
    const other = newMemory();
    readSalesThreads(load('inbox-inmail-to-us.json'), other, NOW);
    expect([...other.me]).toEqual([ME]);
    expect(other.threads.size).toBe(0);
  });

  test('who we are, once learned, holds for later answers', () => {
    const memory = newMemory();
    expect(readSalesThreads(load('inbox-unresolved.json'), memory, NOW).detections).toEqual([]);
    readSalesThreads(load('inbox-normalized.json'), memory, NOW);
    expect(readSalesThreads(load('inbox-unresolved.json'), memory, NOW)).toEqual({
      detections: UNRESOLVED,
      elements: 2,
      problems: [],
    });
  });

  test('a send seen live tells who we are', () => {
    const memory = newMemory();
    const sent = answer('sales-create-message/lead-flat.json', NOW) as {
      request: unknown;
      response: unknown;
    };
    readSalesCreateMessage(sent.request, sent.response, memory, NOW - 59_500);
    expect(readSalesThreads(load('inbox-unresolved.json'), memory, NOW).detections).toEqual(UNRESOLVED);
    expect(memory.me.has(ME)).toBe(true);
  });

  test('a reply to a thread known from an earlier answer, whose InMail this answer does not show', () => {
    const memory = newMemory();
    readSalesThreads(load('thread-flat.json'), memory, NOW);
    const onlyReply = load('thread-flat.json') as { messages: unknown[] };
    onlyReply.messages = onlyReply.messages.slice(0, 1);
    expect(readSalesThreads(onlyReply, memory, NOW).detections).toEqual([reply(T1, '2-UmVwbHky', 0)]);
    // Not knowing the thread, the same answer is not ours.
    expect(readSalesThreads(onlyReply, newMemory(), NOW)).toEqual({
      detections: [],
      elements: 1,
      problems: [],
    });
  });

  test('degree 0 tells only when profiles disagree', () => {
    const allZero = load('inbox-same-degree.json') as { included: { degree: number }[] };
    for (const p of allZero.included) p.degree = 0;
    expect(readSalesThreads(allZero, newMemory(), NOW)).toEqual({
      detections: [],
      elements: 1,
      problems: problems([[NO_US, 1]]),
    });
  });

  test('a lone participant of degree 0 is not taken for us (a default degree looks the same)', () => {
    const sam = 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)';
    const thread = {
      id: T1,
      participants: [sam],
      participantsResolutionResults: { [sam]: { entityUrn: sam, fullName: 'Sam Lee', degree: 0 } },
      messages: [{ id: mid(T1, '2-eA'), type: 'INMAIL', deliveredAt: NOW, author: sam }],
    };
    const memory = newMemory();
    expect(readSalesThreads(thread, memory, NOW)).toEqual({
      detections: [],
      elements: 1,
      problems: problems([[NO_US, 1]]),
    });
    expect(memory.me.size).toBe(0);
  });

  test('a thread known as ours whose participants cannot tell is a problem', () => {
    const memory = newMemory();
    memory.threads.set(T1, { pool: 'sales-navigator', sentAt: NOW - H });
    const thread = {
      id: T1,
      participants: ['urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)'],
      messages: [
        {
          id: mid(T1, '2-eA'),
          type: 'MESSAGE',
          deliveredAt: NOW,
          author: 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)',
        },
      ],
    };
    expect(readSalesThreads(thread, memory, NOW).problems).toEqual(problems([[NO_US, 1]]));
  });

  test('other field order, extra fields and unknown $type values change nothing', () => {
    for (const [, file, setup, detections] of CASES) {
      const memory = newMemory();
      setup(memory);
      const reading = readSalesThreads(scramble(load(file)), memory, NOW);
      expect(reading.detections, file).toEqual(detections);
    }
  });

  test.each([
    ['an unknown envelope', { foo: 1 }, 0, 'answer in a shape we do not know'],
    ['elements not a list', { elements: { id: T1, messages: [] } }, 0, 'answer in a shape we do not know'],
    ['wrapped elements not a list', { data: { elements: 'x' } }, 0, 'answer in a shape we do not know'],
    ['null', null, 0, 'answer in a shape we do not know'],
    ['text', 'junk', 0, 'answer in a shape we do not know'],
    ['a list', [{ id: T1, messages: [] }], 0, 'answer in a shape we do not know'],
    [
      'junk elements',
      {
        data: { elements: [null, 3, 'urn:li:fs_salesThread:2-nope', { id: T1 }, { messages: [] }] },
        included: [],
      },
      5,
      'thread in a shape we do not know',
    ],
    [
      'messages without times',
      {
        elements: [{ id: T1, messages: [{ id: mid(T1, '2-eA'), deliveredAt: String(NOW), type: 'INMAIL' }] }],
      },
      1,
      'messages without times',
    ],
    [
      'messages that are no objects',
      { elements: [{ id: T1, messages: ['urn:li:fs_salesMessage:x', 4] }] },
      1,
      'messages in a shape we do not know',
    ],
  ])('%s: no detection, a problem', (_, body, elements, reason) => {
    const memory = newMemory();
    memory.me.add(ME);
    const reading = readSalesThreads(body, memory, NOW);
    expect(reading.detections).toEqual([]);
    expect(reading.elements).toBe(elements);
    expect(reading.problems).toEqual([{ reason, count: elements || 1 }]);
  });

  test('every fixture, its elements mutated one at a time, never throws and gives only valid detections', () => {
    for (const [, file] of CASES) {
      const text = JSON.stringify(load(file));
      for (const [from, to] of [
        ['"INMAIL"', '"inmail"'],
        ['"deliveredAt":', '"deliveredAtX":'],
        ['"author":', '"authorX":'],
        ['"messages":', '"messagesX":'],
        ['"participants":', '"participantsX":'],
        ['"degree":0', '"degree":null'],
      ] as const) {
        const reading = readSalesThreads(JSON.parse(text.replaceAll(from, to)), newMemory(), NOW);
        for (const d of reading.detections) v.parse(detectionSchema, d);
        if (from === '"INMAIL"' || from === '"author":')
          expect(reading.detections, `${file} ${from}`).toEqual([]);
        if (reading.detections.length === 0 && from !== '"INMAIL"' && from !== '"author":')
          expect(reading.problems.length, `${file} ${from}`).toBeGreaterThan(0);
      }
    }
  });

  test('thread ids lose their URN', () => {
    expect(bareThreadId('urn:li:fs_salesThread:2-abc')).toBe('2-abc');
    expect(bareThreadId('urn:li:fs_salesThread:(2-abc)')).toBe('2-abc');
    expect(bareThreadId('2-abc')).toBe('2-abc');
  });

  test('no other endpoint’s answer reads as a send or a reply, even knowing who we are', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(10);
    for (const [file, body] of others) {
      const memory = newMemory();
      memory.me.add(ME);
      expect(readSalesThreads(body, memory, NOW).detections, file).toEqual([]);
    }
  });
});

/** The same answer with every object's keys reversed, an extra field and unknown $type values. */
function scramble(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scramble);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse())
    out[key] = key === '$type' ? 'com.linkedin.Unknown' : scramble(value[key]);
  out.zzExtra = { nested: [1, 'x'] };
  return out;
}
