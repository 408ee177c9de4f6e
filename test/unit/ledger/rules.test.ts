// One test (or more) per rule of CREDIT-RULES.md, named after it, plus the summary fields of
// DESIGN.md contract 2 and the conservation law. Every expected figure was worked out by hand from
// the rules (date facts checked with Python's zoneinfo); comments show the arithmetic where it is
// not obvious. "+90 days" facts used below: Nov 1 → Jan 30, Dec 1 → Mar 1, Jan 1 → Apr 1,
// Feb 1 → May 2, Mar 1 → May 30, Mar 2 → May 31, Apr 1 → Jun 30 (all 2025/2026).

import { describe, expect, test } from 'vitest';
import type { LedgerEvent, ResponseKind, Seat, SendCost } from '../../../src/ledger/events';
import type { PlanId } from '../../../src/ledger/plans';
import { replay } from '../../../src/ledger/replay';
import { summarize } from '../../../src/ledger/summarize';
import { shuffled } from './arbitraries';

// ---------------------------------------------------------------------------------------------
// Builders

const SEAT = 'seat-1';
let counter = 0;
const nextId = () => `e${String(++counter).padStart(4, '0')}`;

function seat(extra: Partial<Seat> = {}): Seat {
  return {
    id: SEAT,
    label: 'Test seat',
    plan: 'sales-navigator-core',
    since: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const base = (at: string, id?: string) => ({ id: id ?? nextId(), seat: SEAT, at });

const send = (at: string, threadId = 't1', cost: SendCost = 'paid', id?: string): LedgerEvent => ({
  ...base(at, id),
  type: 'inmail-sent',
  threadId,
  cost,
});
const paid = (at: string, threadId = 't1', id?: string) => send(at, threadId, 'paid', id);
const free = (at: string, threadId = 'f1') => send(at, threadId, 'free-connection');
const reply = (at: string, threadId = 't1', kind: ResponseKind = 'reply', id?: string) =>
  ({ ...base(at, id), type: 'reply-received', threadId, kind }) as LedgerEvent;
const observed = (at: string, balance: number, id?: string) =>
  ({ ...base(at, id), type: 'observed-balance', balance }) as LedgerEvent;
const opening = (at: string, balance: number, id?: string) =>
  ({ ...base(at, id), type: 'opening-balance', balance }) as LedgerEvent;
const adjust = (at: string, delta: number, id?: string) =>
  ({ ...base(at, id), type: 'adjustment', delta }) as LedgerEvent;
const planChange = (at: string, plan: PlanId, extra: object = {}, id?: string) =>
  ({ ...base(at, id), type: 'plan-changed', plan, ...extra }) as LedgerEvent;
const voided = (at: string, target: string, id?: string) =>
  ({ ...base(at, id), type: 'voided', target }) as LedgerEvent;

const sum = (s: Seat, events: LedgerEvent[], at: string, days?: number) =>
  summarize(s, events, at, days === undefined ? {} : { days });
const avail = (s: Seat, events: LedgerEvent[], at: string) => sum(s, events, at).available;
/** The summary's lots as [grantedAt, expiresAt, granted, remaining]. */
const lotRows = (s: Seat, events: LedgerEvent[], at: string) =>
  sum(s, events, at).lots.map((l) => [l.grantedAt, l.expiresAt, l.granted, l.remaining]);
const ms = (iso: string) => Date.parse(iso);
/** ISO with milliseconds, as the summary prints instants. */
const z = (iso: string) => new Date(iso).toISOString();

// ---------------------------------------------------------------------------------------------
// Grants (rules 1–4)

describe('grants', () => {
  const snUtc = seat();
  const berlin = seat({ since: '2025-12-31T12:00:00Z', timeZone: 'Europe/Berlin' });
  const lateSince = seat({ since: '2026-01-01T00:00:00.001Z' });
  const day31 = seat({ plan: 'premium-business', grantDay: 31 });
  const day30 = seat({ plan: 'premium-business', grantDay: 30 });
  const leap = seat({ plan: 'premium-business', grantDay: 31, since: '2028-01-01T00:00:00Z' });
  // Chile springs forward at local 24:00 on Sat 2026-09-05 (UTC−4 → UTC−3): 2026-09-06 00:00
  // does not exist; "compatible" moves it forward to 01:00 −03 = 04:00Z.
  const santiago = seat({
    plan: 'premium-career',
    grantDay: 6,
    timeZone: 'America/Santiago',
    since: '2026-08-01T00:00:00Z',
  });

  test.each([
    { name: 'the grant at `since` itself counts', s: snUtc, at: '2026-01-01T00:00:00Z', want: 50 },
    { name: 'nothing more until the next 1st', s: snUtc, at: '2026-01-31T23:59:59.999Z', want: 50 },
    { name: 'second grant at 00:00 UTC Feb 1', s: snUtc, at: '2026-02-01T00:00:00Z', want: 100 },
    {
      name: 'a grant instant 1 ms before `since` is not granted',
      s: lateSince,
      at: '2026-01-15T00:00:00Z',
      want: 0,
    },
    { name: 'then the next one is', s: lateSince, at: '2026-02-01T00:00:00Z', want: 50 },
    { name: 'Berlin: 1 ms before local midnight Jan 1', s: berlin, at: '2025-12-31T22:59:59.999Z', want: 0 },
    { name: 'Berlin: local midnight Jan 1 is 23:00Z', s: berlin, at: '2025-12-31T23:00:00Z', want: 50 },
    { name: 'grant day 31 in February: not on Feb 27', s: day31, at: '2026-02-27T23:59:59.999Z', want: 15 },
    { name: 'grant day 31 in February: Feb 28', s: day31, at: '2026-02-28T00:00:00Z', want: 30 },
    { name: 'grant day 30 in February: Feb 28', s: day30, at: '2026-02-28T00:00:00Z', want: 30 },
    {
      name: 'grant day 31 in a leap February: not Feb 28',
      s: leap,
      at: '2028-02-28T23:59:59.999Z',
      want: 15,
    },
    { name: 'grant day 31 in a leap February: Feb 29', s: leap, at: '2028-02-29T00:00:00Z', want: 30 },
    {
      name: 'grant day 31 in April: Apr 30 (Jan 31, Feb 28, Mar 31 capped at 45)',
      s: day31,
      at: '2026-04-30T00:00:00Z',
      want: 45,
    },
    {
      name: 'Santiago: before the non-existent midnight',
      s: santiago,
      at: '2026-09-06T03:59:59.999Z',
      want: 5,
    },
    {
      name: 'Santiago: granted at 01:00 local (04:00Z) on the spring-forward day',
      s: santiago,
      at: '2026-09-06T04:00:00Z',
      want: 10,
    },
  ])('rule 1: $name', ({ s, at, want }) => {
    expect(avail(s, [], at)).toBe(want);
  });

  test.each([
    { name: 'Feb 1 → Feb 28', s: day31, at: '2026-02-01T00:00:00Z', want: '2026-02-28T00:00:00Z' },
    { name: 'Mar 1 → Mar 31', s: day31, at: '2026-03-01T00:00:00Z', want: '2026-03-31T00:00:00Z' },
    { name: 'Apr 1 → Apr 30', s: day31, at: '2026-04-01T00:00:00Z', want: '2026-04-30T00:00:00Z' },
    {
      name: 'leap year: Feb 1 2028 → Feb 29',
      s: leap,
      at: '2028-02-01T00:00:00Z',
      want: '2028-02-29T00:00:00Z',
    },
    {
      name: 'Berlin: next 1st is 23:00Z the day before',
      s: berlin,
      at: '2026-01-05T00:00:00Z',
      want: '2026-01-31T23:00:00Z',
    },
    {
      name: 'Santiago: Sep 6 at 01:00 −03',
      s: santiago,
      at: '2026-08-10T00:00:00Z',
      want: '2026-09-06T04:00:00Z',
    },
    {
      name: 'Santiago: Oct 6 at 00:00 −03',
      s: santiago,
      at: '2026-09-10T00:00:00Z',
      want: '2026-10-06T03:00:00Z',
    },
  ])('rule 1: grant day in short months / DST: nextGrant $name', ({ s, at, want }) => {
    expect(sum(s, [], at).nextGrant?.at).toBe(z(want));
  });

  test('rule 2: each grant is a lot expiring 90 days later (UTC: Jan 1 → Apr 1)', () => {
    expect(lotRows(snUtc, [], '2026-02-15T00:00:00Z')).toEqual([
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 50, 50],
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 50],
    ]);
  });

  test('rule 2: Berlin lot granted in winter expires at local 00:00 after the spring change (22:00Z, not 23:00Z)', () => {
    const b = seat({
      plan: 'premium-business',
      grantDay: 1,
      since: '2025-12-31T12:00:00Z',
      timeZone: 'Europe/Berlin',
    });
    // Jan 1 00:00 CET = 2025-12-31T23:00Z; +90 days = Apr 1 00:00 CEST = 2026-03-31T22:00Z.
    expect(lotRows(b, [], '2026-01-01T00:00:00Z')).toEqual([
      [z('2025-12-31T23:00:00Z'), z('2026-03-31T22:00:00Z'), 15, 15],
    ]);
    // Jan, Feb, Mar = 45 until 21:59:59.999Z; at 22:00Z Jan's 15 expire, April's 15 arrive (cap 45).
    expect(sum(b, [], '2026-03-31T21:59:59.999Z').stats.expired).toBe(0);
    const at22 = sum(b, [], '2026-03-31T22:00:00Z');
    expect(at22.stats.expired).toBe(15);
    expect(at22.available).toBe(45);
  });

  test('rule 2: Santiago lot granted at 01:00 on the spring-forward day expires 90 days later at 01:00 local', () => {
    // Aug 6 00:00 −04 = 04:00Z → Nov 4 00:00 −03 = 03:00Z; Sep 6 01:00 −03 → Dec 5 01:00 −03 = 04:00Z.
    expect(lotRows(santiago, [], '2026-09-07T00:00:00Z')).toEqual([
      [z('2026-08-06T04:00:00Z'), z('2026-11-04T03:00:00Z'), 5, 5],
      [z('2026-09-06T04:00:00Z'), z('2026-12-05T04:00:00Z'), 5, 5],
    ]);
  });

  test('rule 3: a grant fills only up to the cap (partial grant)', () => {
    // Feb 15: Jan 50 + Feb 50 + adj 30 = 130; Mar 1 room is 20 → March's lot receives 20.
    const events = [adjust('2026-02-15T00:00:00Z', 30)];
    expect(sum(snUtc, events, '2026-02-20T00:00:00Z').nextGrant).toEqual({
      at: z('2026-03-01T00:00:00Z'),
      credits: 20,
    });
    expect(avail(snUtc, events, '2026-03-01T00:00:00Z')).toBe(150);
    expect(lotRows(snUtc, events, '2026-03-01T00:00:00Z').at(-1)).toEqual([
      z('2026-03-01T00:00:00Z'),
      z('2026-05-30T00:00:00Z'),
      20,
      20,
    ]);
  });

  test('rule 3: adjustments are not capped; a grant then tops up to the cap only', () => {
    // Mar 1: 150. +10 on Mar 2 → 160 (lot expires with Mar 1's lot, May 30).
    // Apr 1: Jan's 50 leave → 110; April's lot receives 40 → 150.
    const events = [adjust('2026-03-02T00:00:00Z', 10)];
    expect(avail(snUtc, events, '2026-03-02T00:00:00Z')).toBe(160);
    expect(lotRows(snUtc, events, '2026-04-01T00:00:00Z')).toEqual([
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 50],
      [z('2026-03-01T00:00:00Z'), z('2026-05-30T00:00:00Z'), 50, 50],
      [z('2026-03-02T00:00:00Z'), z('2026-05-30T00:00:00Z'), 10, 10],
      [z('2026-04-01T00:00:00Z'), z('2026-06-30T00:00:00Z'), 40, 40],
    ]);
  });

  test('rule 3: refunds are not capped', () => {
    // Feb 20: send from Jan's lot → 99. Feb 21: +1 → 100. Mar 1: grant 50 → 150 (cap).
    // Mar 2: reply → Jan's lot back to 50 → 151, above the cap.
    const events = [
      paid('2026-02-20T00:00:00Z'),
      adjust('2026-02-21T00:00:00Z', 1),
      reply('2026-03-02T00:00:00Z'),
    ];
    expect(avail(snUtc, events, '2026-03-01T00:00:00Z')).toBe(150);
    expect(avail(snUtc, events, '2026-03-02T00:00:00Z')).toBe(151);
    // Apr 1: Jan's 50 leave → 101; April's lot gets 49.
    expect(avail(snUtc, events, '2026-04-01T00:00:00Z')).toBe(150);
  });

  test('rule 3: an opening balance above the cap is kept; the next grant gives 0 (an empty lot still exists)', () => {
    // 200 on Jan 15: lots Jan 1, Dec 1, Nov 1 get 50 each, the rest (50) goes to the newest → Jan 100.
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    const events = [opening('2026-01-15T00:00:00Z', 200)];
    expect(avail(s, events, '2026-01-15T00:00:00Z')).toBe(200);
    // Nov's 50 leave Jan 30 → 150 = cap, so Feb 1 grants 0 (also when asked before Jan 30).
    expect(sum(s, events, '2026-01-20T00:00:00Z').nextGrant).toEqual({
      at: z('2026-02-01T00:00:00Z'),
      credits: 0,
    });
    expect(sum(s, events, '2026-01-31T00:00:00Z').nextGrant).toEqual({
      at: z('2026-02-01T00:00:00Z'),
      credits: 0,
    });
    expect(avail(s, events, '2026-02-01T00:00:00Z')).toBe(150);
    const feb = replay(s, events, ms('2026-02-01T00:00:00Z')).live.filter(
      (l) => l.grantedAt === ms('2026-02-01T00:00:00Z'),
    );
    expect(feb).toHaveLength(1);
    expect(feb[0]).toMatchObject({ granted: 0, remaining: 0, expiresAt: ms('2026-05-02T00:00:00Z') });
    // Empty lots are not listed in the summary.
    expect(sum(s, events, '2026-02-01T00:00:00Z').lots.map((l) => l.granted)).toEqual([50, 100]);
  });

  test('rule 4: lots expire before a grant at one instant (idle Sales Navigator seat: 50, 100, 150, still 150 on April 1)', () => {
    const days = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-31', '2026-04-01'];
    expect(days.map((d) => avail(snUtc, [], `${d}T00:00:00Z`))).toEqual([50, 100, 150, 150, 150]);
    const apr1 = sum(snUtc, [], '2026-04-01T00:00:00Z');
    expect(apr1.stats.expired).toBe(50);
    expect(apr1.lots.map((l) => l.grantedAt)).toEqual(
      ['2026-02-01', '2026-03-01', '2026-04-01'].map((d) => z(`${d}T00:00:00Z`)),
    );
    expect(apr1.lots.at(-1)?.granted).toBe(50);
    // Asked before, nextGrant already knows January's lot will leave first: 50, not 0.
    expect(sum(snUtc, [], '2026-03-15T00:00:00Z').nextGrant).toEqual({
      at: z('2026-04-01T00:00:00Z'),
      credits: 50,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Spending (rules 5–7)

describe('spending', () => {
  const sn = seat();

  test('rule 5: a paid send takes 1 credit from the lot that expires first; a second InMail to the same person costs another', () => {
    // Mar 2: Jan (exp Apr 1), Feb (May 2), Mar (May 30). Both sends come from January's lot.
    const events = [paid('2026-03-02T10:00:00Z'), paid('2026-03-03T10:00:00Z')];
    expect(lotRows(sn, events, '2026-03-04T00:00:00Z')).toEqual([
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 50, 48],
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 50],
      [z('2026-03-01T00:00:00Z'), z('2026-05-30T00:00:00Z'), 50, 50],
    ]);
    expect(sum(sn, events, '2026-03-04T00:00:00Z').stats.paidSent).toBe(2);
  });

  test('rule 5: on equal expiry the lot granted first is spent first', () => {
    // Jan 10: +5 is a lot expiring with January's (Apr 1) but granted later; the send takes Jan 1's.
    const events = [adjust('2026-01-10T00:00:00Z', 5), paid('2026-01-11T00:00:00Z')];
    expect(lotRows(sn, events, '2026-01-12T00:00:00Z')).toEqual([
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 50, 49],
      [z('2026-01-10T00:00:00Z'), z('2026-04-01T00:00:00Z'), 5, 5],
    ]);
  });

  test('rule 5: an emptied lot is skipped: the next one to expire pays', () => {
    // Feb 2: −49 leaves January's lot 1; two sends take that 1, then 1 from February's.
    const events = [
      adjust('2026-02-02T00:00:00Z', -49),
      paid('2026-02-03T00:00:00Z'),
      paid('2026-02-03T00:00:01Z', 't2'),
    ];
    expect(lotRows(sn, events, '2026-02-04T00:00:00Z')).toEqual([
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 49],
    ]);
  });

  test.each([
    { name: 'free-connection', cost: 'free-connection' as SendCost },
    { name: 'free-open-profile', cost: 'free-open-profile' as SendCost },
  ])('rule 6: a $name send costs nothing, counts as free, and its response refunds nothing', ({ cost }) => {
    const events = [send('2026-01-02T00:00:00Z', 'f', cost), reply('2026-01-03T00:00:00Z', 'f')];
    const s = sum(sn, events, '2026-01-04T00:00:00Z');
    expect(s.available).toBe(50);
    expect(s.pendingRefunds.count).toBe(0);
    expect(s.stats).toEqual({
      paidSent: 0,
      freeSent: 1,
      replied: 0,
      refunded: 0,
      lateReplies: 0,
      expired: 0,
      forfeited: 0,
      responseRate: null,
    });
  });

  test('rule 6: a free send at 0 available is no overdraft', () => {
    const none = seat({ plan: 'none' });
    expect(sum(none, [free('2026-01-02T00:00:00Z')], '2026-01-03T00:00:00Z')).toMatchObject({
      available: 0,
      overdraft: 0,
      stats: { freeSent: 1, paidSent: 0 },
    });
  });

  test('rule 7: a paid send at 0 is recorded, nothing goes below 0, overdraft rises and stays (lifetime)', () => {
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 0),
      paid('2026-01-16T00:00:00Z'),
      paid('2026-01-16T00:00:01Z', 't2'),
    ];
    expect(sum(s, events, '2026-01-17T00:00:00Z')).toMatchObject({
      available: 0,
      overdraft: 2,
      pendingRefunds: { count: 0, items: [] }, // an overdraft took no credit: never pending
      stats: { paidSent: 2, responseRate: 0 },
    });
    // Feb 1: a normal grant (0 + 50); the overdraft count stays.
    expect(sum(s, events, '2026-02-01T00:00:00Z')).toMatchObject({ available: 50, overdraft: 2 });
  });

  test('rule 7 with rule 10: the response to an overdraft send is replied but returns nothing', () => {
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 0),
      paid('2026-01-16T00:00:00Z'),
      reply('2026-01-17T00:00:00Z'),
    ];
    expect(sum(s, events, '2026-01-18T00:00:00Z')).toMatchObject({
      available: 0,
      overdraft: 1,
      stats: { paidSent: 1, replied: 1, refunded: 0, lateReplies: 0, responseRate: 1 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Refunds (rules 8–10)

describe('refunds', () => {
  const sn = seat();

  test.each(['reply', 'accepted', 'declined'] as const)(
    'rule 8: a response of kind %s within 90 days brings the credit back',
    (kind) => {
      const events = [paid('2026-01-05T00:00:00Z'), reply('2026-02-10T00:00:00Z', 't1', kind)];
      expect(sum(sn, events, '2026-02-10T00:00:00Z')).toMatchObject({
        available: 100,
        pendingRefunds: { count: 0 },
        stats: { paidSent: 1, replied: 1, refunded: 1, lateReplies: 0, responseRate: 1 },
      });
    },
  );

  test('rule 8: a send with no response refunds nothing and stays pending', () => {
    const s = sum(sn, [paid('2026-01-05T00:00:00Z')], '2026-02-10T00:00:00Z');
    expect(s).toMatchObject({
      available: 99,
      pendingRefunds: { count: 1 },
      stats: { replied: 0, refunded: 0 },
    });
  });

  test('rule 9: the window closes 90 days after the send (pending item shows it)', () => {
    // Feb 10 12:00Z + 90 days = May 11 12:00Z.
    expect(sum(sn, [paid('2026-02-10T12:00:00Z')], '2026-02-11T00:00:00Z').pendingRefunds.items).toEqual([
      { threadId: 't1', sentAt: z('2026-02-10T12:00:00Z'), windowClosesAt: z('2026-05-11T12:00:00Z') },
    ]);
  });

  test.each([
    {
      name: 'exactly at the window end is in time (inclusive)',
      at: '2026-04-10T12:00:00Z',
      replied: 1,
      late: 0,
    },
    {
      name: '1 ms after the window end is a late reply',
      at: '2026-04-10T12:00:00.001Z',
      replied: 0,
      late: 1,
    },
  ])('rule 9: a reply $name', ({ at, replied, late }) => {
    // Sent Jan 10 12:00Z → window closes Apr 10 12:00Z. Its lot (Jan 1's) expired on Apr 1, so no
    // credit can come back either way (rule 10): refunded 0.
    const events = [paid('2026-01-10T12:00:00Z'), reply(at)];
    const s = sum(sn, events, '2026-04-11T00:00:00Z');
    expect(s.stats).toMatchObject({ paidSent: 1, replied, lateReplies: late, refunded: 0 });
    expect(s.stats.responseRate).toBe(replied);
    expect(s.pendingRefunds.count).toBe(0);
  });

  // The one way for a lot to outlive its send's window: a DST gap. Santiago, cancelled seat
  // (plan none, so no grants). +1 at Jun 8 00:30 −04 (04:30Z) is a lot expiring 90 days later at
  // Sep 6 00:30 local, which does not exist → 01:30 −03 = 04:30Z. A send at Jun 8 01:10 −04
  // (05:10Z) has its window close on Sep 6 at 01:10 −03 = 04:10Z, 20 minutes before its lot expires.
  const chile = seat({ plan: 'none', timeZone: 'America/Santiago', since: '2026-06-01T00:00:00Z' });
  const chileEvents = (replyAt: string) => [
    adjust('2026-06-08T04:30:00Z', 1),
    paid('2026-06-08T05:10:00Z'),
    reply(replyAt),
  ];
  test('rule 9: a reply exactly at the window end, with the lot still live, is replied and refunded (Santiago DST gap)', () => {
    const pending = sum(chile, chileEvents('2026-12-01T00:00:00Z').slice(0, 2), '2026-06-09T00:00:00Z');
    expect(pending.lots).toEqual([]); // its only credit is spent
    const live = replay(
      chile,
      chileEvents('2026-12-01T00:00:00Z').slice(0, 2),
      ms('2026-06-09T00:00:00Z'),
    ).live;
    expect(live.map((l) => [l.grantedAt, l.expiresAt, l.granted, l.remaining])).toEqual([
      [ms('2026-06-08T04:30:00Z'), ms('2026-09-06T04:30:00Z'), 1, 0],
    ]);
    expect(pending.pendingRefunds.items).toEqual([
      { threadId: 't1', sentAt: z('2026-06-08T05:10:00Z'), windowClosesAt: z('2026-09-06T04:10:00Z') },
    ]);
    const s = sum(chile, chileEvents('2026-09-06T04:10:00Z'), '2026-09-06T04:10:00Z');
    expect(s.stats).toMatchObject({ replied: 1, refunded: 1, lateReplies: 0 });
    expect(s.available).toBe(1);
    const late = sum(chile, chileEvents('2026-09-06T04:10:00.001Z'), '2026-09-06T04:15:00Z');
    expect(late.stats).toMatchObject({ replied: 0, refunded: 0, lateReplies: 1 });
    expect(late.available).toBe(0);
  });

  test('rule 9: follow-ups before the first response come back together', () => {
    const events = [
      paid('2026-01-05T00:00:00Z'),
      paid('2026-01-08T00:00:00Z'),
      reply('2026-01-09T00:00:00Z'),
    ];
    expect(sum(sn, events, '2026-01-08T12:00:00Z')).toMatchObject({
      available: 48,
      pendingRefunds: { count: 2 },
    });
    expect(sum(sn, events, '2026-01-10T00:00:00Z')).toMatchObject({
      available: 50,
      pendingRefunds: { count: 0 },
      stats: { paidSent: 2, replied: 2, refunded: 2, responseRate: 1 },
    });
  });

  test('rule 9: a follow-up sent after a response waits for the next response', () => {
    const events = [
      paid('2026-01-05T00:00:00Z'),
      reply('2026-01-06T00:00:00Z'),
      paid('2026-01-07T00:00:00Z'),
    ];
    expect(sum(sn, events, '2026-01-08T00:00:00Z')).toMatchObject({
      available: 49,
      pendingRefunds: { count: 1, items: [{ sentAt: z('2026-01-07T00:00:00Z') }] },
      stats: { paidSent: 2, replied: 1, refunded: 1, responseRate: 0.5 },
    });
    const answered = [...events, reply('2026-01-09T00:00:00Z')];
    expect(sum(sn, answered, '2026-01-10T00:00:00Z')).toMatchObject({
      available: 50,
      stats: { replied: 2, refunded: 2 },
    });
  });

  test('rule 9: a response in a thread with no paid send, or before the send, refunds nothing', () => {
    const events = [
      reply('2026-01-04T00:00:00Z', 't1'),
      paid('2026-01-05T00:00:00Z', 't1'),
      reply('2026-01-06T00:00:00Z', 'other'),
      free('2026-01-06T00:00:00Z', 'f'),
      reply('2026-01-07T00:00:00Z', 'f'),
    ];
    expect(sum(sn, events, '2026-01-08T00:00:00Z')).toMatchObject({
      available: 49,
      pendingRefunds: { count: 1 },
      stats: { paidSent: 1, freeSent: 1, replied: 0, refunded: 0, lateReplies: 0 },
    });
  });

  test('rule 9: the first response decides; a late first response leaves earlier sends unanswered, answers later ones', () => {
    // A: Jan 5 (window → Apr 5); B: Mar 1 (window → May 30). Both from January's lot (48 left).
    // Response Apr 10: A late; B replied, but its lot expired Apr 1 (48 expired) → no credit.
    // A second response May 1 does not answer A (its first response was late).
    const events = [
      paid('2026-01-05T00:00:00Z'),
      paid('2026-03-01T00:00:00Z'),
      reply('2026-04-10T00:00:00Z'),
      reply('2026-05-01T00:00:00Z'),
    ];
    // Asked May 1 12:00Z (Feb's lot leaves May 2): Feb 50 + Mar 50 + Apr 50; May 1's lot got 0.
    expect(sum(sn, events, '2026-05-01T12:00:00Z')).toMatchObject({
      available: 150,
      stats: { paidSent: 2, replied: 1, lateReplies: 1, refunded: 0, expired: 48, responseRate: 0.5 },
    });
  });

  test('rule 10: the credit returns to the lot it was taken from', () => {
    const events = [paid('2026-03-02T00:00:00Z'), reply('2026-03-03T00:00:00Z')];
    expect(lotRows(sn, events, '2026-03-02T12:00:00Z')[0]).toEqual([
      z('2026-01-01T00:00:00Z'),
      z('2026-04-01T00:00:00Z'),
      50,
      49,
    ]);
    expect(lotRows(sn, events, '2026-03-04T00:00:00Z')[0]).toEqual([
      z('2026-01-01T00:00:00Z'),
      z('2026-04-01T00:00:00Z'),
      50,
      50,
    ]);
  });

  test('rule 10: a reply after the send’s lot expired is replied, not refunded; the send stops being pending', () => {
    // Sent Mar 30 from January's lot (49 left, expires Apr 1); reply Apr 2 is inside the window.
    const events = [paid('2026-03-30T00:00:00Z'), reply('2026-04-02T00:00:00Z')];
    expect(sum(sn, events.slice(0, 1), '2026-03-31T23:59:59.999Z').pendingRefunds.count).toBe(1);
    expect(sum(sn, events.slice(0, 1), '2026-04-01T00:00:00Z').pendingRefunds.count).toBe(0);
    expect(sum(sn, events, '2026-04-03T00:00:00Z')).toMatchObject({
      available: 150, // Feb 50 + Mar 50 + Apr 50 (room after Jan's 49 left: 150 − 100 = 50)
      stats: { paidSent: 1, replied: 1, refunded: 0, expired: 49, responseRate: 1 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Reconciliation and corrections (rules 11–14)

describe('reconciliation and corrections', () => {
  const sn = seat();
  const obsAt = '2026-01-10T00:00:00Z';

  test.each([
    { name: 'no observation: observed is null', events: [] as LedgerEvent[], want: null },
    {
      name: 'drift = observed − available at the observation (47 − 50)',
      events: [observed(obsAt, 47)],
      want: { at: z(obsAt), balance: 47, drift: -3 },
    },
    {
      name: 'drift stays until the next observation (a later send does not change it)',
      events: [observed(obsAt, 47), paid('2026-01-11T00:00:00Z')],
      want: { at: z(obsAt), balance: 47, drift: -3 },
    },
    {
      name: 'the next observation replaces it (49 − 49)',
      events: [observed(obsAt, 47), paid('2026-01-11T00:00:00Z'), observed('2026-01-11T01:00:00Z', 49)],
      want: { at: z('2026-01-11T01:00:00Z'), balance: 49, drift: 0 },
    },
    {
      name: 'drift lowered by each later adjustment (−3 − (−1) − (−2) = 0)',
      events: [observed(obsAt, 47), adjust('2026-01-10T00:01:00Z', -1), adjust('2026-01-10T00:02:00Z', -2)],
      want: { at: z(obsAt), balance: 47, drift: 0 },
    },
    {
      name: 'a positive adjustment lowers a positive drift (60 − 50 = 10; − 10)',
      events: [observed(obsAt, 60), adjust('2026-01-10T00:01:00Z', 10)],
      want: { at: z(obsAt), balance: 60, drift: 0 },
    },
    {
      name: 'an adjustment before the observation does not lower it (45 − 47)',
      events: [adjust('2026-01-09T00:00:00Z', -3), observed(obsAt, 45)],
      want: { at: z(obsAt), balance: 45, drift: -2 },
    },
  ])('rule 11: $name', ({ events, want }) => {
    expect(sum(sn, events, '2026-01-12T00:00:00Z').observed).toEqual(want);
  });

  test('rule 11: a negative adjustment that cannot apply in full still lowers drift by its full delta', () => {
    // Opening 2; observed 0 → drift −2; −5 applies only 2 → available 0, drift −2 − (−5) = 3.
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 2),
      observed('2026-01-16T00:00:00Z', 0),
      adjust('2026-01-17T00:00:00Z', -5),
    ];
    expect(sum(s, events, '2026-01-18T00:00:00Z')).toMatchObject({
      available: 0,
      observed: { at: z('2026-01-16T00:00:00Z'), balance: 0, drift: 3 },
    });
  });

  test('rule 11 / rule 13: an opening balance is an observation with drift 0', () => {
    const s = seat({ since: '2026-01-15T09:00:00Z' });
    expect(sum(s, [opening('2026-01-15T09:00:00Z', 77)], '2026-01-20T00:00:00Z').observed).toEqual({
      at: z('2026-01-15T09:00:00Z'),
      balance: 77,
      drift: 0,
    });
  });

  test('rule 12: a negative adjustment consumes the live lots that expire first', () => {
    // Feb 2: Jan 50 + Feb 50; −60 takes January's 50, then 10 of February's.
    expect(lotRows(sn, [adjust('2026-02-02T00:00:00Z', -60)], '2026-02-03T00:00:00Z')).toEqual([
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 40],
    ]);
  });

  test('rule 12: a negative adjustment beyond available stops at 0 and removes only what was there', () => {
    const events = [adjust('2026-01-02T00:00:00Z', -500)];
    expect(avail(sn, events, '2026-01-03T00:00:00Z')).toBe(0);
    expect(replay(sn, events, ms('2026-01-03T00:00:00Z')).totals.removedByAdjustments).toBe(50);
    // The next grant is normal: 0 + 50.
    expect(avail(sn, events, '2026-02-01T00:00:00Z')).toBe(50);
  });

  const none = seat({ plan: 'none' });
  const noneBerlin = seat({ plan: 'none', timeZone: 'Europe/Berlin' });
  const rich = seat({ since: '2026-01-15T00:00:00Z' });
  test.each([
    {
      name: 'expires with the live lot that expires last (Mar 1’s, May 30)',
      s: sn,
      events: [adjust('2026-03-02T00:00:00Z', 5)],
      at: '2026-03-03T00:00:00Z',
      want: ['2026-03-02T00:00:00Z', '2026-05-30T00:00:00Z'],
    },
    {
      name: 'a last lot emptied by spending counts (Feb’s, May 2; not Feb 3 + 90 = May 4)',
      s: sn,
      events: [adjust('2026-02-02T00:00:00Z', -100), adjust('2026-02-03T00:00:00Z', 5)],
      at: '2026-02-04T00:00:00Z',
      want: ['2026-02-03T00:00:00Z', '2026-05-02T00:00:00Z'],
    },
    {
      name: 'a last lot that received 0 credits counts (Feb 1’s empty lot, May 2; not Jan 1’s Apr 1)',
      s: rich,
      events: [opening('2026-01-15T00:00:00Z', 200), adjust('2026-02-02T00:00:00Z', 5)],
      at: '2026-02-03T00:00:00Z',
      want: ['2026-02-02T00:00:00Z', '2026-05-02T00:00:00Z'],
    },
    {
      name: 'no live lot: 90 days after the adjustment',
      s: none,
      events: [adjust('2026-01-10T06:00:00Z', 5)],
      at: '2026-01-11T00:00:00Z',
      want: ['2026-01-10T06:00:00Z', '2026-04-10T06:00:00Z'],
    },
    {
      name: 'no live lot, Berlin: 07:00 CET Jan 10 → 07:00 CEST Apr 10 (05:00Z)',
      s: noneBerlin,
      events: [adjust('2026-01-10T06:00:00Z', 5)],
      at: '2026-01-11T00:00:00Z',
      want: ['2026-01-10T06:00:00Z', '2026-04-10T05:00:00Z'],
    },
    {
      name: 'forfeited lots are not live: 90 days after the adjustment',
      s: sn,
      events: [planChange('2026-02-10T00:00:00Z', 'none'), adjust('2026-02-11T00:00:00Z', 5)],
      at: '2026-02-12T00:00:00Z',
      want: ['2026-02-11T00:00:00Z', '2026-05-12T00:00:00Z'],
    },
  ])('rule 12: a positive adjustment is a new lot that $name', ({ s, events, at, want }) => {
    const row = lotRows(s, events, at).find((l) => l[0] === z(want[0] as string));
    expect(row).toEqual([z(want[0] as string), z(want[1] as string), 5, 5]);
  });

  test('rule 13: 150 on January 15 (Sales Navigator) → lots of Nov 1, Dec 1, Jan 1; back at 150 on Feb 1', () => {
    const s = seat({ since: '2026-01-15T10:00:00Z' });
    const events = [opening('2026-01-15T10:00:00Z', 150)];
    expect(lotRows(s, events, '2026-01-15T10:00:00Z')).toEqual([
      [z('2025-11-01T00:00:00Z'), z('2026-01-30T00:00:00Z'), 50, 50],
      [z('2025-12-01T00:00:00Z'), z('2026-03-01T00:00:00Z'), 50, 50],
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 50, 50],
    ]);
    expect(avail(s, events, '2026-01-29T23:59:59.999Z')).toBe(150);
    expect(avail(s, events, '2026-01-30T00:00:00Z')).toBe(100);
    expect(avail(s, events, '2026-02-01T00:00:00Z')).toBe(150);
  });

  test('rule 13: partial opening fills newest first (120 → Jan 50, Dec 50, Nov 20)', () => {
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    expect(
      lotRows(s, [opening('2026-01-15T00:00:00Z', 120)], '2026-01-15T00:00:00Z').map((l) => l[2]),
    ).toEqual([20, 50, 50]);
  });

  test('rule 13: it replaces a grant at the same instant (60 on Feb 1 → Feb 50, Jan 10, Dec 0; not 110)', () => {
    // Live grant instants at Feb 1: Feb 1, Jan 1, Dec 1 (expires Mar 1); Nov 1's expired Jan 30.
    const s = seat({ since: '2026-02-01T00:00:00Z' });
    const events = [opening('2026-02-01T00:00:00Z', 60)];
    expect(lotRows(s, events, '2026-02-01T00:00:00Z')).toEqual([
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 10, 10],
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 50],
    ]);
    const live = replay(s, events, ms('2026-02-01T00:00:00Z')).live;
    expect(
      live.map((l) => [l.grantedAt, l.granted]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    ).toEqual([
      [ms('2025-12-01T00:00:00Z'), 0],
      [ms('2026-01-01T00:00:00Z'), 10],
      [ms('2026-02-01T00:00:00Z'), 50],
    ]);
  });

  test('rule 13: a plan that grants nothing gets one lot expiring 90 days after `since`', () => {
    const s = seat({ plan: 'none', since: '2026-01-10T00:00:00Z' });
    expect(lotRows(s, [opening('2026-01-10T00:00:00Z', 7)], '2026-01-10T00:00:00Z')).toEqual([
      [z('2026-01-10T00:00:00Z'), z('2026-04-10T00:00:00Z'), 7, 7],
    ]);
  });

  // DESIGN.md contract 1's example file, event for event.
  const S = SEAT;
  const design: LedgerEvent[] = [
    { id: 'o1', seat: S, type: 'opening-balance', at: '2026-01-10T09:00:00+01:00', balance: 80 },
    {
      id: 'urn:li:msg:2-abc',
      seat: S,
      type: 'inmail-sent',
      at: '2026-01-20T10:00:00Z',
      threadId: '2-abc',
      cost: 'paid',
      surface: 'sales-navigator',
      recipient: { name: 'Sam Lee', profileUrl: 'https://www.linkedin.com/in/samlee' },
    },
    {
      id: 'urn:li:msg:2-abc-r1',
      seat: S,
      type: 'reply-received',
      at: '2026-02-01T08:30:00Z',
      threadId: '2-abc',
      kind: 'reply',
    },
    {
      id: 'b7c1',
      seat: S,
      type: 'observed-balance',
      at: '2026-02-02T12:00:00Z',
      balance: 129,
      where: 'compose',
    },
    {
      id: 'b7c2',
      seat: S,
      type: 'adjustment',
      at: '2026-02-02T12:01:00Z',
      delta: -1,
      reason: "adopted LinkedIn's count",
    },
    {
      id: 'p1',
      seat: S,
      type: 'plan-changed',
      at: '2026-06-01T00:00:00Z',
      plan: 'sales-navigator-advanced',
      forfeit: false,
    },
    {
      id: 'v1',
      seat: S,
      type: 'voided',
      at: '2026-06-02T00:00:00Z',
      target: 'b7c2',
      reason: "LinkedIn's count was stale",
    },
  ];
  const dana = seat({ grantDay: 14, timeZone: 'Europe/Berlin', since: '2026-01-10T09:00:00+01:00' });

  test('rule 13: DESIGN.md example: 80 on Jan 10 (Berlin, grant day 14) → Dec 14 (50), Nov 14 (30), Oct 14 (0)', () => {
    // Grant instants at or before Jan 10 whose lot is still live: Dec 14, Nov 14 and Oct 14
    // (00:00 CEST = Oct 13 22:00Z, +90 days = Jan 12 00:00 CET = Jan 11 23:00Z): 50, 30, 0.
    const open = design.slice(0, 1);
    expect(lotRows(dana, open, '2026-01-10T08:00:00Z')).toEqual([
      [z('2025-11-13T23:00:00Z'), z('2026-02-11T23:00:00Z'), 30, 30],
      [z('2025-12-13T23:00:00Z'), z('2026-03-13T23:00:00Z'), 50, 50],
    ]);
    const oct = replay(dana, open, ms('2026-01-10T08:00:00Z')).live.filter(
      (l) => l.grantedAt === ms('2025-10-13T22:00:00Z'),
    );
    expect(oct.map((l) => [l.expiresAt, l.granted, l.remaining])).toEqual([
      [ms('2026-01-11T23:00:00Z'), 0, 0],
    ]);
    // Jan 14 00:00 CET adds 50 → 130.
    expect(avail(dana, open, '2026-01-13T22:59:59.999Z')).toBe(80);
    expect(avail(dana, open, '2026-01-13T23:00:00Z')).toBe(130);
  });

  test('rule 13 / 11 / 14: DESIGN.md example walk-through (send 129, reply 130, drift −1, adjustment voided)', () => {
    expect(avail(dana, design, '2026-01-20T10:00:00Z')).toBe(129);
    expect(avail(dana, design, '2026-02-01T08:30:00Z')).toBe(130);
    const withoutVoid = design.slice(0, 5);
    expect(sum(dana, withoutVoid, '2026-02-02T12:00:00Z').observed).toEqual({
      at: z('2026-02-02T12:00:00Z'),
      balance: 129,
      drift: -1,
    });
    expect(sum(dana, withoutVoid, '2026-02-03T00:00:00Z')).toMatchObject({
      available: 129,
      observed: { drift: 0 },
    });
    // The void (recorded June 2) erases the adjustment even when asked on Feb 3.
    const feb3 = sum(dana, design, '2026-02-03T00:00:00Z');
    expect(feb3).toMatchObject({
      available: 130,
      observed: { balance: 129, drift: -1 },
      stats: { paidSent: 1, replied: 1, refunded: 1, responseRate: 1 },
    });
    expect(feb3.lots).toEqual([
      {
        grantedAt: z('2025-11-13T23:00:00Z'),
        expiresAt: z('2026-02-11T23:00:00Z'),
        granted: 30,
        remaining: 30,
      },
      {
        grantedAt: z('2025-12-13T23:00:00Z'),
        expiresAt: z('2026-03-13T23:00:00Z'),
        granted: 50,
        remaining: 50,
      },
      {
        grantedAt: z('2026-01-13T23:00:00Z'),
        expiresAt: z('2026-04-13T22:00:00Z'),
        granted: 50,
        remaining: 50,
      },
    ]);
    // Jun 3: expired Nov 30 + Dec 50 + Jan 50 + Feb 50 (May 15) = 180; Mar 14 (50, to Jun 12),
    // Apr 14 (50), May 14 (0: the pool was at 150) live; the plan change kept everything.
    const jun3 = sum(dana, design, '2026-06-03T00:00:00Z');
    expect(jun3).toMatchObject({ available: 100, stats: { expired: 180, forfeited: 0 } });
    // Jun 14 00:00 CEST = Jun 13 22:00Z; Mar 14's lot has left on Jun 12 → room 100 → 50.
    expect(jun3.nextGrant).toEqual({ at: z('2026-06-13T22:00:00Z'), credits: 50 });
  });

  test.each([
    {
      name: 'a send',
      target: paid('2026-01-05T00:00:00Z', 't1', 'victim'),
      want: { available: 50, stats: { paidSent: 0 } },
    },
    { name: 'an adjustment', target: adjust('2026-01-05T00:00:00Z', -10, 'victim'), want: { available: 50 } },
    {
      name: 'an observation',
      target: observed('2026-01-05T00:00:00Z', 3, 'victim'),
      want: { observed: null },
    },
    {
      name: 'a plan change',
      target: planChange('2026-01-05T00:00:00Z', 'premium-business', {}, 'victim'),
      want: { available: 50, stats: { forfeited: 0 } },
    },
  ])(
    'rule 14: voiding $name makes it as if never recorded, even when the void is recorded after `at`',
    ({ target, want }) => {
      expect(
        sum(sn, [target, voided('2026-01-07T00:00:00Z', 'victim')], '2026-01-06T00:00:00Z'),
      ).toMatchObject(want);
      expect(
        sum(sn, [target, voided('2026-03-07T00:00:00Z', 'victim')], '2026-01-06T00:00:00Z'),
      ).toMatchObject(want);
    },
  );

  test('rule 14: voiding a response makes its sends pending again', () => {
    const events = [
      paid('2026-01-05T00:00:00Z'),
      reply('2026-01-06T00:00:00Z', 't1', 'reply', 'r'),
      voided('2026-02-01T00:00:00Z', 'r'),
    ];
    expect(sum(sn, events, '2026-01-10T00:00:00Z')).toMatchObject({
      available: 49,
      pendingRefunds: { count: 1 },
      stats: { replied: 0, refunded: 0 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Plan changes (rule 15)

describe('plan changes', () => {
  const sn = seat();
  const mar10 = '2026-03-10T00:00:00Z';

  test.each([
    {
      name: 'another plan, forfeit by default',
      plan: 'sales-navigator-advanced' as PlanId,
      extra: {},
      available: 0,
      forfeited: 150,
    },
    {
      name: 'another plan, forfeit false keeps the credits',
      plan: 'sales-navigator-advanced' as PlanId,
      extra: { forfeit: false },
      available: 150,
      forfeited: 0,
    },
    {
      name: 'the same plan keeps them by default',
      plan: 'sales-navigator-core' as PlanId,
      extra: {},
      available: 150,
      forfeited: 0,
    },
    {
      name: 'the same plan, forfeit true forfeits',
      plan: 'sales-navigator-core' as PlanId,
      extra: { forfeit: true },
      available: 0,
      forfeited: 150,
    },
  ])('rule 15: $name', ({ plan, extra, available, forfeited }) => {
    const s = sum(sn, [planChange(mar10, plan, extra)], '2026-03-11T00:00:00Z');
    expect(s.available).toBe(available);
    expect(s.stats.forfeited).toBe(forfeited);
    expect(s.stats.expired).toBe(0);
  });

  test('rule 15: forfeited lots are gone for good: they neither expire later nor take refunds', () => {
    // Send Mar 5 (January's lot, 49); change Mar 10 forfeits 149; reply Mar 12: replied, nothing back.
    const events = [
      paid('2026-03-05T00:00:00Z'),
      planChange(mar10, 'sales-navigator-advanced'),
      reply('2026-03-12T00:00:00Z'),
    ];
    expect(sum(sn, events, '2026-03-12T00:00:00Z')).toMatchObject({
      available: 0,
      stats: { forfeited: 149, replied: 1, refunded: 0 },
    });
    // Apr 1: the new plan grants 50; January's forfeited lot does not count as expired.
    expect(sum(sn, events, '2026-04-01T00:00:00Z')).toMatchObject({
      available: 50,
      stats: { expired: 0, forfeited: 149 },
    });
  });

  // Seat with overrides: 30 a month, cap 60, grant day 14, Berlin. Jan 14 + Feb 14 → 60 (cap).
  const custom = seat({ monthlyCredits: 30, cap: 60, grantDay: 14, timeZone: 'Europe/Berlin' });
  const mar14 = z('2026-03-13T23:00:00Z'); // 00:00 CET
  test.each([
    {
      name: 'same plan: monthly and cap back to the plan defaults (50, 150), grant day and zone kept',
      change: planChange('2026-03-01T00:00:00Z', 'sales-navigator-core', { forfeit: false }),
      // 60 kept; room 150 − 60 = 90 ≥ 50. With the old overrides it would be 0.
      want: { at: mar14, credits: 50 },
    },
    {
      name: 'another plan: its defaults (15), grant day and zone kept',
      change: planChange('2026-03-01T00:00:00Z', 'premium-business'),
      want: { at: mar14, credits: 15 },
    },
    {
      name: 'explicit grant day and time zone win',
      change: planChange('2026-03-01T00:00:00Z', 'premium-career', { grantDay: 20, timeZone: 'UTC' }),
      want: { at: z('2026-03-20T00:00:00Z'), credits: 5 },
    },
    {
      name: 'explicit monthly credits win',
      change: planChange('2026-03-01T00:00:00Z', 'premium-business', { monthlyCredits: 20, cap: 25 }),
      want: { at: mar14, credits: 20 },
    },
    {
      name: 'recruiter defaults to 150 a month',
      change: planChange('2026-03-01T00:00:00Z', 'recruiter'),
      want: { at: mar14, credits: 150 },
    },
  ])('rule 15: terms defaults: $name', ({ change, want }) => {
    expect(avail(custom, [], '2026-02-20T00:00:00Z')).toBe(60);
    expect(sum(custom, [change], '2026-03-02T00:00:00Z').nextGrant).toEqual(want);
  });

  test('rule 15: an explicit cap wins (premium-business 20 a month, cap 25)', () => {
    const events = [planChange('2026-03-01T00:00:00Z', 'premium-business', { monthlyCredits: 20, cap: 25 })];
    expect(avail(custom, events, '2026-03-13T23:00:00Z')).toBe(20);
    expect(avail(custom, events, '2026-04-13T22:00:00Z')).toBe(25); // Apr 14 00:00 CEST: room 5
  });

  test('rule 15: plan none cancels: credits forfeited, no grants follow, nextGrant null', () => {
    const events = [planChange('2026-02-15T00:00:00Z', 'none')];
    const s = sum(sn, events, '2026-06-01T00:00:00Z');
    expect(s).toMatchObject({
      available: 0,
      nextGrant: null,
      lots: [],
      stats: { forfeited: 100, expired: 0 },
    });
    expect(s.forecast.every((r) => r.available === 0 && r.bestCase === 0)).toBe(true);
  });

  test('rule 15: plan none with forfeit false keeps the credits until they expire, with no new grants', () => {
    const events = [planChange('2026-02-15T00:00:00Z', 'none', { forfeit: false })];
    expect(sum(sn, events, '2026-03-15T00:00:00Z')).toMatchObject({ available: 100, nextGrant: null });
    expect(avail(sn, events, '2026-04-15T00:00:00Z')).toBe(50); // January's left Apr 1
    expect(sum(sn, events, '2026-06-01T00:00:00Z')).toMatchObject({
      available: 0,
      stats: { expired: 100, forfeited: 0 },
    });
  });

  test('rule 15 / 16: a plan change at a grant instant: expiry, then forfeit, then the grant of the new terms', () => {
    // Apr 1: January's 50 expire; the change forfeits Feb + Mar (100); premium-business grants 15.
    const events = [planChange('2026-04-01T00:00:00Z', 'premium-business')];
    expect(sum(sn, events, '2026-04-01T00:00:00Z')).toMatchObject({
      available: 15,
      stats: { expired: 50, forfeited: 100 },
    });
  });

  test('rule 15 / 16: the grant at t follows the new terms only (new grant day 15: nothing on Apr 1)', () => {
    const events = [planChange('2026-04-01T00:00:00Z', 'premium-business', { grantDay: 15 })];
    expect(avail(sn, events, '2026-04-01T00:00:00Z')).toBe(0);
    expect(sum(sn, events, '2026-04-02T00:00:00Z').nextGrant).toEqual({
      at: z('2026-04-15T00:00:00Z'),
      credits: 15,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Order of things at one instant (rule 16)

describe('order of things at one instant', () => {
  const sn = seat();
  const low = seat({ since: '2026-01-15T00:00:00Z' });

  test('rule 16: expiry and grant come before a send at the same instant', () => {
    // Apr 1 00:00: January's lot has left, so the send takes from February's.
    expect(lotRows(sn, [paid('2026-04-01T00:00:00Z')], '2026-04-01T00:00:00Z')[0]).toEqual([
      z('2026-02-01T00:00:00Z'),
      z('2026-05-02T00:00:00Z'),
      50,
      49,
    ]);
    // Opening 0; a send at Feb 1 00:00 is paid from Feb 1's grant: no overdraft.
    const events = [opening('2026-01-15T00:00:00Z', 0), paid('2026-02-01T00:00:00Z')];
    expect(sum(low, events, '2026-02-01T00:00:00Z')).toMatchObject({ available: 49, overdraft: 0 });
  });

  test('rule 16: adjustments before sends, sends before responses, observations last', () => {
    const t = '2026-01-16T00:00:00Z';
    // Opening 0 at since; at t: +1, then the send takes it, then the reply returns it; the
    // observation comes after all of them: drift 1 − 1 = 0 (the adjustment is not after it).
    const events = [observed(t, 1), reply(t), paid(t), adjust(t, 1), opening('2026-01-15T00:00:00Z', 0)];
    expect(sum(low, events, t)).toMatchObject({
      available: 1,
      overdraft: 0,
      stats: { replied: 1, refunded: 1 },
      observed: { balance: 1, drift: 0 },
    });
  });

  test('rule 16: a negative adjustment before a send at one instant makes it an overdraft; last observation by id wins', () => {
    const t = '2026-01-16T00:00:00Z';
    const events = [
      opening('2026-01-15T00:00:00Z', 1),
      observed(t, 7, 'obs-b'),
      observed(t, 9, 'obs-a'),
      reply(t),
      paid(t),
      adjust(t, -1),
    ];
    // −1 → 0; the send is an overdraft; the reply answers it with nothing back; 'obs-a' then
    // 'obs-b': the last observation is 7, drift 7 − 0.
    const s = sum(low, events, t);
    expect(s).toMatchObject({ available: 0, overdraft: 1, stats: { replied: 1, refunded: 0 } });
    expect(s.observed).toEqual({ at: z(t), balance: 7, drift: 7 });
  });

  test('rule 16: ties within a kind by event id in plain string order (“B” < “a”)', () => {
    // One credit; two sends at one instant: id 'B' (thread y) goes first and takes it; 'a'
    // (thread x) is an overdraft. Only y is pending.
    const t = '2026-01-16T00:00:00Z';
    const events = [opening('2026-01-15T00:00:00Z', 1), paid(t, 'x', 'a'), paid(t, 'y', 'B')];
    const s = sum(low, events, '2026-01-17T00:00:00Z');
    expect(s).toMatchObject({ available: 0, overdraft: 1 });
    expect(s.pendingRefunds.items.map((i) => i.threadId)).toEqual(['y']);
    // Answering x returns nothing; answering y returns the credit.
    expect(avail(low, [...events, reply('2026-01-17T00:00:00Z', 'x')], '2026-01-18T00:00:00Z')).toBe(0);
    expect(avail(low, [...events, reply('2026-01-17T00:00:00Z', 'y')], '2026-01-18T00:00:00Z')).toBe(1);
  });

  test('rule 16: events after the moment asked are ignored', () => {
    const events = [
      paid('2026-01-05T00:00:00Z'),
      paid('2026-01-20T00:00:00Z', 't2'),
      observed('2026-01-21T00:00:00Z', 3),
    ];
    expect(sum(sn, events, '2026-01-10T00:00:00Z')).toMatchObject({
      available: 49,
      observed: null,
      stats: { paidSent: 1 },
    });
  });

  test('rule 16: the order in which events are given never changes the result (shuffled input)', () => {
    const events = [
      paid('2026-01-05T00:00:00Z'),
      paid('2026-01-05T00:00:00Z', 't2'),
      reply('2026-01-05T00:00:00Z', 't2'),
      adjust('2026-02-01T00:00:00Z', 3),
      adjust('2026-02-01T00:00:00Z', -2),
      observed('2026-02-01T00:00:00Z', 90),
      observed('2026-02-01T00:00:00Z', 95),
      free('2026-02-03T00:00:00Z'),
      planChange('2026-03-01T00:00:00Z', 'premium-career', { forfeit: false }, 'pc'),
      paid('2026-03-02T00:00:00Z', 't3'),
      reply('2026-03-03T00:00:00Z', 't3'),
      paid('2026-06-01T00:00:00Z'),
    ];
    for (const at of ['2026-02-01T00:00:00Z', '2026-03-02T00:00:00Z', '2026-07-01T00:00:00Z']) {
      const expected = sum(sn, events, at);
      expect(sum(sn, [...events].reverse(), at)).toEqual(expected);
      for (const seed of [1, 7, 42, 1234]) expect(sum(sn, shuffled(events, seed), at)).toEqual(expected);
    }
    // And the figures themselves, by hand at Feb 1: 100 − 2 + 1 (t2 answered at once) + 3 − 2 = 100;
    // both observations at one instant go by id; 95's id was made later, so it is the last: 95 − 100.
    expect(sum(sn, shuffled(events, 3), '2026-02-01T00:00:00Z')).toMatchObject({
      available: 100,
      observed: { balance: 95, drift: -5 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The summary (CREDIT-RULES.md "Questions the product answers", DESIGN.md contract 2)

describe('the summary', () => {
  const sn = seat();

  test('summary: seat, at (UTC with milliseconds) and the shape of the contract', () => {
    const s = sum(sn, [], '2026-01-10T09:00:00+01:00');
    expect(s.seat).toBe(SEAT);
    expect(s.at).toBe('2026-01-10T08:00:00.000Z');
    expect(Object.keys(s).sort()).toEqual(
      [
        'at',
        'available',
        'expiring',
        'forecast',
        'lots',
        'nextGrant',
        'observed',
        'overdraft',
        'pendingRefunds',
        'seat',
        'stats',
      ].sort(),
    );
  });

  test('summary lots: soonest expiry first, ties by earlier grantedAt, then the order they were made', () => {
    // Mar 2, 10:00: two +adjustments at one instant (ids 'a1' before 'a2' → 'a1' made first);
    // both expire with Mar 1's lot (May 30), like the Mar 1 grant, which was granted earlier.
    const events = [adjust('2026-03-02T10:00:00Z', 3, 'a2'), adjust('2026-03-02T10:00:00Z', 4, 'a1')];
    expect(lotRows(sn, events, '2026-03-03T00:00:00Z')).toEqual([
      [z('2026-01-01T00:00:00Z'), z('2026-04-01T00:00:00Z'), 50, 50],
      [z('2026-02-01T00:00:00Z'), z('2026-05-02T00:00:00Z'), 50, 50],
      [z('2026-03-01T00:00:00Z'), z('2026-05-30T00:00:00Z'), 50, 50],
      [z('2026-03-02T10:00:00Z'), z('2026-05-30T00:00:00Z'), 4, 4],
      [z('2026-03-02T10:00:00Z'), z('2026-05-30T00:00:00Z'), 3, 3],
    ]);
  });

  const opened = seat({ since: '2026-01-15T00:00:00Z' });
  const openedEvents = [
    opening('2026-01-15T00:00:00Z', 150),
    paid('2026-01-20T00:00:00Z', 'a'),
    paid('2026-01-18T00:00:00Z', 'b'),
  ];
  test.each([
    // Lots: Nov 1 (48 left after two sends, expires Jan 30), Dec 1 (50, Mar 1), Jan 1 (50, Apr 1).
    {
      name: 'N = 7 from Jan 25: Jan 30 only',
      at: '2026-01-25T00:00:00Z',
      days: 7,
      byDate: [['2026-01-30T00:00:00Z', 48]],
    },
    {
      name: 'exactly N days counts (Jan 23 + 7 = Jan 30)',
      at: '2026-01-23T00:00:00Z',
      days: 7,
      byDate: [['2026-01-30T00:00:00Z', 48]],
    },
    { name: '1 ms more than N days does not', at: '2026-01-22T23:59:59.999Z', days: 7, byDate: [] },
    {
      name: 'N = 40: two dates',
      at: '2026-01-25T00:00:00Z',
      days: 40,
      byDate: [
        ['2026-01-30T00:00:00Z', 48],
        ['2026-03-01T00:00:00Z', 50],
      ],
    },
  ])('summary expiring: $name', ({ at, days, byDate }) => {
    const s = sum(opened, openedEvents, at, days);
    const credits = byDate.reduce((acc, [, c]) => acc + (c as number), 0);
    expect(s.expiring).toEqual({
      withinDays: days,
      credits,
      byDate: byDate.map(([d, c]) => ({ at: z(d as string), credits: c })),
    });
  });

  test('summary expiring: default horizon is 7 days; lots expiring at one instant share a date', () => {
    // +5 on Jan 10 expires with January's lot (Apr 1): 55 on that date.
    const s = sum(sn, [adjust('2026-01-10T00:00:00Z', 5)], '2026-03-28T00:00:00Z');
    expect(s.expiring).toEqual({
      withinDays: 7,
      credits: 55,
      byDate: [{ at: z('2026-04-01T00:00:00Z'), credits: 55 }],
    });
  });

  test('summary nextGrant: first grant instant after `at` (not at it), with the cap after that instant’s expiries', () => {
    expect(sum(sn, [], '2026-02-01T00:00:00Z').nextGrant).toEqual({
      at: z('2026-03-01T00:00:00Z'),
      credits: 50,
    });
    // Feb 20: 100 − 0; +60 → 160 (lots to May 2). Mar 1: no expiry, room 0 → 0.
    expect(sum(sn, [adjust('2026-02-20T00:00:00Z', 60)], '2026-02-21T00:00:00Z').nextGrant).toEqual({
      at: z('2026-03-01T00:00:00Z'),
      credits: 0,
    });
    // Mar 15, 150 with 20 spent from January's lot (30 left): Apr 1 drops 30 → 100 → room 50.
    const spent = Array.from({ length: 20 }, (_, i) => paid('2026-03-10T00:00:00Z', `t${i}`));
    expect(sum(sn, spent, '2026-03-15T00:00:00Z').nextGrant).toEqual({
      at: z('2026-04-01T00:00:00Z'),
      credits: 50,
    });
  });

  test.each([
    { name: 'plan none', s: seat({ plan: 'none' }) },
    { name: '0 monthly credits', s: seat({ plan: 'recruiter', monthlyCredits: 0 }) },
  ])('summary nextGrant: null when the terms grant nothing ($name)', ({ s }) => {
    expect(sum(s, [], '2026-01-15T00:00:00Z').nextGrant).toBeNull();
  });

  test('summary pendingRefunds: soonest window first, closingSoon within N days; others are never pending', () => {
    // Windows: b (Jan 2) → Apr 2, c (Jan 3) → Apr 3, a (Jan 5) → Apr 5; all from January's lot
    // (live until Apr 1). d is answered, f is free. At Mar 30 12:00 with N = 3 (→ Apr 2 12:00): b only.
    const events = [
      paid('2026-01-05T00:00:00Z', 'a'),
      paid('2026-01-02T00:00:00Z', 'b'),
      paid('2026-01-03T00:00:00Z', 'c'),
      paid('2026-01-04T00:00:00Z', 'd'),
      reply('2026-01-06T00:00:00Z', 'd'),
      free('2026-01-04T00:00:00Z', 'f'),
    ];
    const s = sum(sn, events, '2026-03-30T12:00:00Z', 3);
    expect(s.pendingRefunds).toEqual({
      count: 3,
      closingSoon: 1,
      items: [
        { threadId: 'b', sentAt: z('2026-01-02T00:00:00Z'), windowClosesAt: z('2026-04-02T00:00:00Z') },
        { threadId: 'c', sentAt: z('2026-01-03T00:00:00Z'), windowClosesAt: z('2026-04-03T00:00:00Z') },
        { threadId: 'a', sentAt: z('2026-01-05T00:00:00Z'), windowClosesAt: z('2026-04-05T00:00:00Z') },
      ],
    });
    expect(sum(sn, events, '2026-03-30T12:00:00Z', 10).pendingRefunds.closingSoon).toBe(3);
    expect(sum(sn, events, '2026-03-30T12:00:00Z').pendingRefunds.closingSoon).toBe(3); // default 7
  });

  test('summary stats: counts up to `at` and responseRate = replied ÷ paidSent', () => {
    const events = [
      paid('2026-01-02T00:00:00Z', 'a'),
      paid('2026-01-02T00:00:00Z', 'b'),
      paid('2026-01-02T00:00:00Z', 'c'),
      paid('2026-01-02T00:00:00Z', 'd'),
      reply('2026-01-03T00:00:00Z', 'a', 'accepted'),
      free('2026-01-04T00:00:00Z', 'e'),
      send('2026-01-04T00:00:00Z', 'g', 'free-open-profile'),
      reply('2026-04-10T00:00:00Z', 'b'), // late: b's window closed Apr 2
    ];
    expect(sum(sn, events, '2026-04-15T00:00:00Z').stats).toEqual({
      paidSent: 4,
      freeSent: 2,
      replied: 1,
      refunded: 1,
      lateReplies: 1,
      expired: 47, // January's lot: 50 − 4 + 1
      forfeited: 0,
      responseRate: 0.25,
    });
    expect(sum(sn, [], '2026-01-02T00:00:00Z').stats.responseRate).toBeNull();
  });

  test('summary forecast: 90 rows of local days from the day of `at`, end-of-day available and bestCase', () => {
    // New York: grants at 00:00 local (05:00Z in winter, 04:00Z in summer). `at` is Mar 30 23:00
    // EDT = Mar 31 03:00Z, so the first row is the local date Mar 30, not Mar 31.
    const ny = seat({ timeZone: 'America/New_York', since: '2026-01-01T05:00:00Z' });
    const events = [paid('2026-03-30T12:00:00Z')]; // from January's lot (expires Apr 1 04:00Z)
    const f = sum(ny, events, '2026-03-31T03:00:00Z').forecast;
    expect(f).toHaveLength(90);
    const day0 = Date.UTC(2026, 2, 30);
    expect(f.map((r) => r.date)).toEqual(
      Array.from({ length: 90 }, (_, i) => new Date(day0 + i * 86_400_000).toISOString().slice(0, 10)),
    );
    const row = (date: string) => f.find((r) => r.date === date);
    expect(row('2026-03-30')).toEqual({ date: '2026-03-30', available: 149, bestCase: 150 });
    expect(row('2026-03-31')).toEqual({ date: '2026-03-31', available: 149, bestCase: 150 });
    // Apr 1: January's lot leaves (49, or 50 in the best case), April's 50 arrive.
    expect(row('2026-04-01')).toEqual({ date: '2026-04-01', available: 150, bestCase: 150 });
    // May 1's grant gets 0 (pool at 150); Feb's lot leaves May 2; Mar's leaves May 30; Jun 1 +50.
    expect(row('2026-05-01')?.available).toBe(150);
    expect(row('2026-05-02')?.available).toBe(100);
    expect(row('2026-05-29')?.available).toBe(100);
    expect(row('2026-05-30')?.available).toBe(50);
    expect(row('2026-06-01')).toEqual({ date: '2026-06-01', available: 100, bestCase: 100 });
    expect(f[89]).toEqual({ date: '2026-06-27', available: 100, bestCase: 100 });
  });

  test('summary: does not depend on the offset `at` is written in', () => {
    const events = [paid('2026-01-05T00:00:00Z')];
    expect(sum(sn, events, '2026-01-10T01:00:00+01:00')).toEqual(sum(sn, events, '2026-01-10T00:00:00Z'));
  });
});

// ---------------------------------------------------------------------------------------------
// Conservation

describe('conservation', () => {
  const law = (s: Seat, events: LedgerEvent[], at: string) => {
    const { available, totals: t } = replay(s, events, ms(at));
    return [
      t.granted + t.positiveAdjustments,
      available + t.spent - t.refunded + t.expired + t.forfeited + t.removedByAdjustments + t.replaced,
    ];
  };

  test('conservation: a hand-counted ledger (opening, sends, refunds, adjustments, plan change)', () => {
    const s = seat({ since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 120), // Jan 50, Dec 50, Nov 20
      paid('2026-01-16T00:00:00Z'), // Nov 19
      reply('2026-01-17T00:00:00Z'), // Nov 20
      paid('2026-01-18T00:00:00Z', 't2'), // Nov 19
      adjust('2026-01-19T00:00:00Z', -25), // Nov 0, Dec 44 → 94
      adjust('2026-01-20T00:00:00Z', 8), // → 102
      planChange('2026-03-10T00:00:00Z', 'premium-business'),
    ];
    // Jan 30: Nov's empty lot leaves. Feb 1: room 48 → 48 (150). Mar 1: Dec's 44 leave, room 44 → 44
    // (150). Mar 10: all 150 forfeited; Apr 1: +15.
    const t = replay(s, events, ms('2026-04-02T00:00:00Z')).totals;
    expect(t).toMatchObject({
      granted: 120 + 48 + 44 + 15,
      positiveAdjustments: 8,
      spent: 2,
      refunded: 1,
      expired: 44,
      forfeited: 150,
      removedByAdjustments: 25,
      replaced: 0,
    });
    expect(avail(s, events, '2026-04-02T00:00:00Z')).toBe(15);
    const [left, right] = law(s, events, '2026-04-02T00:00:00Z');
    expect(left).toBe(right);
  });

  test.each([
    {
      name: 'an opening that replaces a grant',
      s: seat({ since: '2026-02-01T00:00:00Z' }),
      events: [opening('2026-02-01T00:00:00Z', 60)],
    },
    {
      name: 'a negative adjustment beyond available',
      s: seat(),
      events: [adjust('2026-01-02T00:00:00Z', -500)],
    },
    {
      name: 'overdrafts, late replies, expired-lot replies',
      s: seat(),
      events: [
        adjust('2026-01-02T00:00:00Z', -50),
        paid('2026-01-03T00:00:00Z', 'o'),
        reply('2026-01-04T00:00:00Z', 'o'),
        paid('2026-03-30T00:00:00Z', 'x'),
        reply('2026-04-02T00:00:00Z', 'x'),
        paid('2026-02-02T00:00:00Z', 'l'),
        reply('2026-05-10T00:00:00Z', 'l'),
      ],
    },
  ])('conservation: $name', ({ s, events }) => {
    for (const at of ['2026-02-01T00:00:00Z', '2026-04-03T00:00:00Z', '2026-08-01T00:00:00Z']) {
      const [left, right] = law(s, events, at);
      expect(left).toBe(right);
    }
  });

  test('conservation: the opening that replaces a grant counts the replaced credits (110 = 60 + 50)', () => {
    const s = seat({ since: '2026-02-01T00:00:00Z' });
    const t = replay(s, [opening('2026-02-01T00:00:00Z', 60)], ms('2026-02-01T00:00:00Z')).totals;
    expect(t).toMatchObject({ granted: 110, replaced: 50 });
  });
});
