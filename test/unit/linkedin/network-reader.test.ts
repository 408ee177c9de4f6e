// The isolated script's side of the tap: a message from the private port is checked like
// untrusted input (look-alikes are nothing), read exactly as `readAnswer` reads it (a HAR reads
// the same), every reading of LinkedIn's count its own observation, health noted for every
// answer read (unreadable ones too), nothing at all from an answer that is not 2xx; and the
// composer's reading at Send deciding what a createMessage is.

import { readdirSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, type Mock, test, vi } from 'vitest';
import { ENDPOINT_KINDS, type EndpointKind } from '../../../src/linkedin/endpoints';
import { detectionsFromTap, type NetworkReader, tapMessageOf } from '../../../src/linkedin/network-reader';
import { type PageSide, readAnswer, type SentFromComposer } from '../../../src/linkedin/read/answer';
import { iso, newMemory, type Problem } from '../../../src/linkedin/read/reading';
import type { Detection } from '../../../src/messages/detection';
import { detectionSchema } from '../../../src/messages/detection';
import { ANSWERS, answerText } from '../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SEEN = NOW + 5_000;
const KINDS = new Set<string>(ENDPOINT_KINDS);

interface Tap {
  kind: EndpointKind;
  status: number;
  request: string | null;
  response: string;
}

/** Every answer fixture, as the tap would post it: createMessage fixtures carry their request. */
const FIXTURES: [file: string, message: Tap][] = (
  readdirSync(ANSWERS, { recursive: true, encoding: 'utf8' }) as string[]
)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const kind = file.split(/[/\\]/)[0] as EndpointKind;
    const text = answerText(file, NOW);
    const body = JSON.parse(text) as { request?: unknown; response?: unknown };
    const paired = kind === 'sales-create-message' || kind === 'voyager-create-message';
    return [
      file,
      paired
        ? {
            kind,
            status: 200,
            request: JSON.stringify(body.request),
            response: JSON.stringify(body.response),
          }
        : { kind, status: 200, request: null, response: text },
    ];
  });

/** A message for each endpoint that has no fixture (seen, not read) and one that is no JSON. */
const EXTRAS: [file: string, message: Tap][] = [
  [
    '(inbox conversations)',
    { kind: 'sales-inbox-conversations', status: 200, request: null, response: '{}' },
  ],
  [
    '(recruiter other)',
    { kind: 'recruiter-other', status: 200, request: '{"q":1}', response: '{"data":{}}' },
  ],
  ['(not JSON)', { kind: 'sales-credits', status: 200, request: null, response: '<html>oops</html>' }],
  ['(empty)', { kind: 'voyager-conversations', status: 200, request: null, response: '' }],
];
const MESSAGES = [...FIXTURES, ...EXTRAS];

/** A page side that gives the same composer reading at every Send (or none). */
function pageSide(moment: SentFromComposer | null): {
  takeSend: Mock<PageSide['takeSend']>;
  recruiterCost: Mock<(cost: 0 | 1) => void>;
} {
  return { takeSend: vi.fn(() => moment), recruiterCost: vi.fn() };
}

const MOMENTS: (SentFromComposer | null)[] = [
  null,
  { inmail: true, cost: 'paid', recipient: 'Priya Natarajan' },
  { inmail: true, cost: 'free-open-profile' },
  { inmail: true, cost: null },
  { inmail: false, cost: null, recipient: 'Zoë' },
];

function reader(moment: SentFromComposer | null = null) {
  const health: [EndpointKind, Problem[], number][] = [];
  const r: NetworkReader & { health: typeof health; page: ReturnType<typeof pageSide> } = {
    memory: newMemory(),
    page: pageSide(moment),
    health,
    noteHealth: (endpoint, problems, at) => {
      health.push([endpoint, problems, at]);
    },
  };
  return r;
}

const readingOf = (m: Tap, moment: SentFromComposer | null) =>
  readAnswer(
    { endpoint: m.kind, status: m.status, request: m.request, response: m.response, seenAt: SEEN },
    newMemory(),
    pageSide(moment),
  );

/** readAnswer's detections, with each balance observation's id left open (the tap makes it unique). */
const asTapped = (detections: Detection[]) =>
  detections.map((d) => (d.kind === 'balance' ? { ...d, id: expect.stringMatching(/^obs:./) } : d));

describe('tapMessageOf', () => {
  const good: Tap = { kind: 'sales-credits', status: 200, request: null, response: '{}' };

  test('the tap’s message, for every endpoint, with or without a request body', () => {
    for (const kind of ENDPOINT_KINDS) {
      expect(tapMessageOf({ ...good, kind })).toEqual({ ...good, kind });
      expect(tapMessageOf({ ...good, kind, request: '{"a":1}', response: '' })).toEqual({
        ...good,
        kind,
        request: '{"a":1}',
        response: '',
      });
    }
  });

  test('an extra field (the old tap’s `source`) is tolerated: the fields we read decide', () => {
    const m = tapMessageOf({ ...good, source: 'inmail-ledger-tap' });
    expect(m).toMatchObject(good);
    expect(
      detectionsFromTap(
        { ...good, source: 'x', response: answerText('sales-credits/flat.json', NOW) },
        reader(),
        SEEN,
      ),
    ).toHaveLength(1);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['text', JSON.stringify(good)],
    ['a number', 200],
    ['a list', [good.kind, good.status, good.request, good.response]],
    ['an unknown kind', { ...good, kind: 'voyager-me' }],
    ['a kind in another case', { ...good, kind: 'SALES-CREDITS' }],
    ['an empty kind', { ...good, kind: '' }],
    ['a kind from Object’s prototype', { ...good, kind: 'toString' }],
    ['a kind that is no text', { ...good, kind: ['sales-credits'] }],
    ['no kind', { status: 200, request: null, response: '{}' }],
    ['no status', { kind: 'sales-credits', request: null, response: '{}' }],
    ['a status in text', { ...good, status: '200' }],
    ['a status that is null', { ...good, status: null }],
    ['no request (undefined is not null)', { kind: 'sales-credits', status: 200, response: '{}' }],
    ['a request that is an object', { ...good, request: { a: 1 } }],
    ['a request that is a number', { ...good, request: 0 }],
    ['no response', { kind: 'sales-credits', status: 200, request: null }],
    ['a response that is null', { ...good, response: null }],
    ['a response that is parsed JSON', { ...good, response: { elements: [] } }],
    ['a response that is a number', { ...good, response: 150 }],
    ['the old tap’s shape', { source: 'inmail-ledger-tap', endpoint: 'sales-credits', body: '{}' }],
  ])('nothing for %s', (_, data) => {
    expect(tapMessageOf(data)).toBeNull();
    const r = reader({ inmail: true, cost: 'paid' });
    expect(detectionsFromTap(data, r, SEEN)).toEqual([]);
    expect(r.health).toEqual([]);
    expect(r.page.takeSend).not.toHaveBeenCalled();
  });
});

describe('detectionsFromTap', () => {
  test('there is a fixture for every endpoint that is read', () => {
    const kinds = new Set(FIXTURES.map(([, m]) => m.kind));
    for (const kind of ENDPOINT_KINDS)
      if (kind !== 'sales-inbox-conversations' && kind !== 'recruiter-other') expect(kinds).toContain(kind);
    for (const kind of kinds) expect(KINDS.has(kind)).toBe(true);
  });

  test.each(MESSAGES)('%s: exactly what readAnswer reads, health noted once', (_, message) => {
    for (const moment of MOMENTS) {
      const expected = readingOf(message, moment);
      const r = reader(moment);
      const found = detectionsFromTap(message, r, SEEN);
      expect(found).toEqual(asTapped(expected.detections));
      for (const d of found) expect(v.safeParse(detectionSchema, d).success).toBe(true);
      expect(r.health).toEqual([[message.kind, expected.problems, SEEN]]);
    }
  });

  test('every answer that cannot be read is still noted, with its problems', () => {
    const unread = MESSAGES.filter(([, m]) => readingOf(m, null).problems.length > 0);
    expect(unread.map(([f]) => f)).toEqual(
      expect.arrayContaining([
        'voyager-conversations/unreadable.json',
        'sales-credits/bad-fraction.json',
        '(not JSON)',
        '(inbox conversations)',
        '(recruiter other)',
      ]),
    );
    for (const [file, message] of unread) {
      const r = reader();
      detectionsFromTap(message, r, SEEN);
      expect(r.health, file).toHaveLength(1);
      expect(r.health[0]?.[1].length, file).toBeGreaterThan(0);
    }
    const r = reader();
    detectionsFromTap({ kind: 'sales-credits', status: 200, request: null, response: '<html>' }, r, SEEN);
    expect(r.health).toEqual([['sales-credits', [{ reason: 'the answer is not JSON', count: 1 }], SEEN]]);
  });

  test('two identical credit answers in the same millisecond are two observations', () => {
    const r = reader();
    const message: Tap = {
      kind: 'sales-credits',
      status: 200,
      request: null,
      response: answerText('sales-credits/flat.json', NOW),
    };
    const first = detectionsFromTap(message, r, SEEN);
    const second = detectionsFromTap(message, r, SEEN);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    const [a, b] = [first[0], second[0]] as [Detection, Detection];
    expect({ ...a, id: '' }).toEqual({ ...b, id: '' });
    expect(a).toMatchObject({ kind: 'balance', pool: 'sales-navigator', balance: 150, at: iso(SEEN) });
    expect(a.id).not.toBe(b.id);
    for (const d of [a, b]) expect(v.safeParse(detectionSchema, d).success).toBe(true);
    expect(r.health).toHaveLength(2);
  });

  test('every balance id across all fixtures is unique; other ids are readAnswer’s own', () => {
    const ids: string[] = [];
    for (let round = 0; round < 3; round++)
      for (const [, message] of FIXTURES)
        for (const d of detectionsFromTap(message, reader(), SEEN)) if (d.kind === 'balance') ids.push(d.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const NOT_2XX = [
    0,
    1,
    100,
    199,
    300,
    301,
    304,
    400,
    401,
    403,
    404,
    429,
    500,
    503,
    999,
    -200,
    Infinity,
    -Infinity,
  ];

  test.each(MESSAGES)(
    '%s: an answer that is not 2xx gives nothing, takes no Send, notes nothing',
    (_, message) => {
      for (const status of NOT_2XX) {
        const r = reader({ inmail: true, cost: 'paid' });
        expect(detectionsFromTap({ ...message, status }, r, SEEN), String(status)).toEqual([]);
        expect(r.page.takeSend).not.toHaveBeenCalled();
        expect(r.page.recruiterCost).not.toHaveBeenCalled();
        expect(r.health).toEqual([]);
        expect(r.memory).toEqual(newMemory());
      }
    },
  );

  test('a status that is no number at all (NaN) is no 2xx either', () => {
    for (const [file, message] of MESSAGES) {
      const r = reader({ inmail: true, cost: 'paid' });
      expect(detectionsFromTap({ ...message, status: Number.NaN }, r, SEEN), file).toEqual([]);
      expect(r.page.takeSend, file).not.toHaveBeenCalled();
    }
  });

  test('any 2xx is read', () => {
    const response = answerText('sales-credits/flat.json', NOW);
    for (const status of [200, 201, 203, 299])
      expect(
        detectionsFromTap({ kind: 'sales-credits', status, request: null, response }, reader(), SEEN),
      ).toHaveLength(1);
  });

  test('Recruiter’s cost of the open recipient goes to the page when all its recipients agree', () => {
    const cost = (file: string) => {
      const r = reader();
      detectionsFromTap(
        { kind: 'recruiter-inmail-cost', status: 200, request: null, response: answerText(file, NOW) },
        r,
        SEEN,
      );
      return r.page.recruiterCost.mock.calls;
    };
    expect(cost('recruiter-inmail-cost/one-recipient.json')).toEqual([[1]]);
    expect(cost('recruiter-inmail-cost/several.json')).toEqual([]);
    expect(cost('recruiter-inmail-cost/unknown-field.json')).toEqual([]);
  });
});

describe('a send and its reply, through the tap', () => {
  const ME = 'ACoAAME0001';
  const msg = (id: string) => `urn:li:msg_message:(urn:li:fsd_profile:${ME},${id})`;
  const pairTap = (kind: 'sales-create-message' | 'voyager-create-message', file: string, now = NOW): Tap => {
    const body = JSON.parse(answerText(`${kind}/${file}`, now)) as { request: unknown; response: unknown };
    return {
      kind,
      status: 200,
      request: JSON.stringify(body.request),
      response: JSON.stringify(body.response),
    };
  };
  const SN_SEND = {
    kind: 'send',
    pool: 'sales-navigator',
    surface: 'sales-navigator',
    id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-TWVzc2FnZQ)',
    threadId: '2-TmV3VGhyZWFk',
    at: iso(SEEN),
  };

  test('Sales Navigator: the composer said 1st degree, so the send is free (cost known)', () => {
    const r = reader({ inmail: true, cost: 'free-connection' });
    const found = detectionsFromTap(pairTap('sales-create-message', 'lead-flat.json'), r, SEEN);
    expect(found).toEqual([{ ...SN_SEND, cost: 'free-connection' }]);
    expect(found[0]).not.toHaveProperty('costUnknown');
    expect(r.page.takeSend).toHaveBeenCalledWith('sales-navigator', SEEN);
    expect(r.health).toEqual([['sales-create-message', [], SEEN]]);
  });

  test('Sales Navigator: the composer showed nothing, so the send is paid, cost unknown', () => {
    const r = reader(null);
    const found = detectionsFromTap(pairTap('sales-create-message', 'lead-flat.json'), r, SEEN);
    expect(found).toEqual([{ ...SN_SEND, cost: 'paid', costUnknown: true }]);
    expect(r.page.takeSend).toHaveBeenCalledWith('sales-navigator', SEEN);
  });

  test('Sales Navigator: the composer’s recipient names a send the answer does not', () => {
    const r = reader({ inmail: true, cost: 'paid', recipient: 'Sam Lee' });
    const found = detectionsFromTap(pairTap('sales-create-message', 'lead-flat.json'), r, SEEN);
    expect(found).toEqual([{ ...SN_SEND, cost: 'paid', recipient: { name: 'Sam Lee' } }]);
  });

  test('LinkedIn messaging: a send from a chat composer is nothing', () => {
    const r = reader({ inmail: false, cost: null, recipient: 'Priya Natarajan' });
    expect(detectionsFromTap(pairTap('voyager-create-message', 'inmail-first.json'), r, SEEN)).toEqual([]);
    expect(r.page.takeSend).toHaveBeenCalledWith('messaging', SEEN);
    expect(r.health).toEqual([['voyager-create-message', [], SEEN]]);
    expect(r.memory.threads.size).toBe(0);
  });

  test('LinkedIn messaging: no composer reading (a HAR, or no Send seen) is nothing now', () => {
    expect(
      detectionsFromTap(pairTap('voyager-create-message', 'inmail-first.json'), reader(null), SEEN),
    ).toEqual([]);
  });

  test('LinkedIn messaging: an InMail composer’s send is a Premium send; the list’s reply alone is its response', () => {
    // Sent an hour ago; LinkedIn delivered it at once.
    const sentAt = NOW - 3_600_000;
    const r = reader({ inmail: true, cost: 'paid', recipient: 'Priya Natarajan' });
    const sent = detectionsFromTap(
      pairTap('voyager-create-message', 'inmail-first.json', sentAt),
      r,
      sentAt + 300,
    );
    expect(sent).toEqual([
      {
        kind: 'send',
        pool: 'premium',
        account: `member:${ME}`,
        surface: 'messaging',
        id: msg('2-UHJpeWFJbk1haWw'),
        threadId: '2-UHJpeWE',
        cost: 'paid',
        at: iso(sentAt),
        recipient: { name: 'Priya Natarajan' },
      },
    ]);
    for (const d of sent) expect(v.safeParse(detectionSchema, d).success).toBe(true);

    // Now the conversation list shows only Priya's reply, ten minutes old.
    const list: Tap = {
      kind: 'voyager-conversations',
      status: 200,
      request: null,
      response: answerText('voyager-conversations/reply-only.json', NOW),
    };
    const replies = detectionsFromTap(list, r, SEEN);
    expect(replies).toEqual([
      {
        kind: 'response',
        pool: 'premium',
        account: `member:${ME}`,
        id: msg('2-UHJpeWFSZXBseQ'),
        threadId: '2-UHJpeWE',
        at: iso(NOW - 600_000),
        responseKind: 'reply',
      },
    ]);
    for (const d of replies) expect(v.safeParse(detectionSchema, d).success).toBe(true);
    expect(r.health.map(([kind]) => kind)).toEqual(['voyager-create-message', 'voyager-conversations']);

    // Without the send seen on this page the same list still gives the response, its pool unknown.
    const [fresh] = detectionsFromTap(list, reader(), SEEN);
    expect(fresh).toMatchObject({ kind: 'response', threadId: '2-UHJpeWE', responseKind: 'reply' });
    expect(fresh).not.toHaveProperty('pool');
  });
});
