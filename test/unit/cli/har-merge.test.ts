// The merge rules of DESIGN.md contract 1 as `ledger har` applies them across a whole HAR.

import { describe, expect, test } from 'vitest';
import { mergeDetections } from '../../../src/cli/har-merge';
import type { Detection } from '../../../src/messages/detection';

const T = Date.parse('2026-11-20T10:00:00Z');
const at = (ms: number) => new Date(T + ms).toISOString();

const send = (id: string, threadId: string, ms: number, extra: Partial<Detection> = {}) =>
  ({
    kind: 'send',
    pool: 'sales-navigator',
    surface: 'sales-navigator',
    id,
    threadId,
    cost: 'paid',
    costUnknown: true,
    at: at(ms),
    ...extra,
  }) as Detection & { at: string };
const reply = (id: string, threadId: string, ms: number) =>
  ({
    kind: 'response',
    pool: 'sales-navigator',
    id,
    threadId,
    at: at(ms),
    responseKind: 'reply',
  }) as Detection & {
    at: string;
  };

describe('one send, one event', () => {
  test('a catch-up of a send in the same thread within 2 minutes is dropped; the first is kept whole', () => {
    const out = mergeDetections([
      send('tracking:0102', '2-a', 0),
      send('urn:li:fs_salesMessage:(2-a,2-m)', '2-a', 90_000, {
        costUnknown: undefined,
        cost: 'free-connection',
      }),
    ]);
    expect(out).toEqual([
      {
        kind: 'send',
        pool: 'sales-navigator',
        id: 'tracking:0102',
        threadId: '2-a',
        at: at(0),
        cost: 'paid',
        costUnknown: true,
      },
    ]);
  });

  test('a second send in the same thread more than 2 minutes later is a follow-up, its own send', () => {
    const out = mergeDetections([send('m1', '2-a', 0), send('m2', '2-a', 120_001)]);
    expect(out.map((d) => 'id' in d && d.id)).toEqual(['m1', 'm2']);
  });

  test('the same id twice is one send, however far apart', () => {
    expect(mergeDetections([send('m1', '2-a', 0), send('m1', '2-a', 3_600_000)])).toHaveLength(1);
  });

  test('sends of another pool (another seat) are not merged', () => {
    const out = mergeDetections([send('m1', '2-a', 0), send('m2', '2-a', 1_000, { pool: 'premium' })]);
    expect(out).toHaveLength(2);
  });
});

describe('responses', () => {
  test('a response seen twice is listed once', () => {
    const out = mergeDetections([send('m1', '2-a', 0), reply('r1', '2-a', 5_000), reply('r1', '2-a', 5_000)]);
    expect(out.filter((d) => d.kind === 'response')).toHaveLength(1);
  });

  test('a response whose thread holds no send in the HAR waits; one whose send comes later does not', () => {
    const out = mergeDetections([
      reply('r0', '2-none', 0),
      reply('r1', '2-a', 1_000),
      send('m1', '2-a', 500),
    ]);
    expect(out).toEqual([
      {
        kind: 'response',
        pool: 'sales-navigator',
        id: 'r0',
        threadId: '2-none',
        at: at(0),
        responseKind: 'reply',
        waiting: true,
      },
      {
        kind: 'response',
        pool: 'sales-navigator',
        id: 'r1',
        threadId: '2-a',
        at: at(1_000),
        responseKind: 'reply',
      },
      expect.objectContaining({ kind: 'send', id: 'm1' }),
    ]);
  });
});

test('only the fields of contract 5: no surface, account or recipient; balances without ids', () => {
  const out = mergeDetections([
    send('m1', '2-a', 0, { account: 'sales:ACwAAx', recipient: { name: 'Sam Lee' } }),
    {
      kind: 'balance',
      pool: 'sales-navigator',
      id: 'obs:1',
      balance: 118,
      where: 'credits-api',
      at: '2026-11-20T11:00:00+01:00',
    },
  ]);
  expect(out.map((d) => Object.keys(d))).toEqual([
    ['kind', 'pool', 'id', 'threadId', 'at', 'cost', 'costUnknown'],
    ['kind', 'pool', 'balance', 'at', 'where'],
  ]);
  expect(out[1]?.at).toBe('2026-11-20T10:00:00.000Z');
});

test('a send whose answer named no thread takes the thread and id of its catch-up, kept otherwise', () => {
  const t = Date.parse('2026-11-20T10:00:00.000Z');
  const at = (ms: number) => new Date(ms).toISOString();
  const merged = mergeDetections([
    {
      kind: 'send',
      pool: 'sales-navigator',
      surface: 'sales-navigator',
      id: 'tracking:1f',
      threadId: 'tracking:1f',
      cost: 'free-open-profile',
      at: at(t),
      recipient: { name: 'Zoe Zed' },
    },
    {
      kind: 'send',
      pool: 'sales-navigator',
      surface: 'sales-navigator',
      id: 'urn:li:fs_salesMessage:(2-z,2-m)',
      threadId: '2-z',
      cost: 'paid',
      costUnknown: true,
      at: at(t + 20_000),
      recipient: { name: 'Zoe Zed' },
    },
    {
      kind: 'response',
      pool: 'sales-navigator',
      id: 'r',
      threadId: '2-z',
      at: at(t + 60_000),
      responseKind: 'reply',
    },
  ]);
  expect(merged).toEqual([
    {
      kind: 'send',
      pool: 'sales-navigator',
      id: 'urn:li:fs_salesMessage:(2-z,2-m)',
      threadId: '2-z',
      at: at(t),
      cost: 'free-open-profile',
    },
    {
      kind: 'response',
      pool: 'sales-navigator',
      id: 'r',
      threadId: '2-z',
      at: at(t + 60_000),
      responseKind: 'reply',
    },
  ]);
});
