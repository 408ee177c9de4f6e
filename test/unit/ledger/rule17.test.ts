// CREDIT-RULES.md rule 17, "InMails sent before setup": one test (or more) per sentence, then a
// worked example of our own (the rule gives none). Every figure was worked out by hand from the
// rules; date facts checked with Python's zoneinfo. "+90 days" facts (UTC) used below:
// Aug 1 → Oct 30, Sep 1 → Nov 30, Oct 1 → Dec 30, Nov 1 → Jan 30, Dec 1 → Mar 1, Jan 1 → Apr 1;
// sends: Oct 20 → Jan 18, Nov 20 → Feb 18, Dec 10 → Mar 10, Dec 12 → Mar 12, Dec 20 → Mar 20,
// Jan 5 → Apr 5, Jan 16 → Apr 16 (2025/2026).
//
// The seat of most tests: Sales Navigator, UTC, grant day 1, set up on Jan 15 2026, so its grant
// instants before `since` are Jan 1, Dec 1, Nov 1, Oct 1, Sep 1… A send before setup on Dec 10
// was sent while the lots of Dec 1, Nov 1 and Oct 1 were live (Sep 1's left Nov 30): those are
// its candidate grants g. An opening balance on Jan 15 makes lots for Jan 1, Dec 1 and Nov 1 only
// (Oct 1's left Dec 30), filled newest first.

import { describe, expect, test } from 'vitest';
import type { LedgerEvent, Seat } from '../../../src/ledger/events';
import type { PlanId } from '../../../src/ledger/plans';
import { replay } from '../../../src/ledger/replay';
import { sendStatus } from '../../../src/ledger/send-status';
import { setupSourceGrant } from '../../../src/ledger/setup-source';
import { isPendingRefund, refundDeadline, summarize } from '../../../src/ledger/summarize';
import { seatTerms } from '../../../src/ledger/terms';
import { shuffled } from './arbitraries';

const SEAT = 'seat-1';
let counter = 0;
const nextId = () => `e${String(++counter).padStart(4, '0')}`;
const base = (at: string, id?: string) => ({ id: id ?? nextId(), seat: SEAT, at });

function seat(extra: Partial<Seat> = {}): Seat {
  return { id: SEAT, label: 'Test seat', plan: 'sales-navigator-core', since: SINCE, ...extra };
}
const SINCE = '2026-01-15T00:00:00Z';

/** A send before setup (rule 17). */
const early = (at: string, threadId = 't1', id?: string): LedgerEvent => ({
  ...base(at, id),
  type: 'inmail-sent',
  threadId,
  cost: 'paid',
  beforeSetup: true,
});
const paid = (at: string, threadId = 't1', id?: string): LedgerEvent => ({
  ...base(at, id),
  type: 'inmail-sent',
  threadId,
  cost: 'paid',
});
const reply = (at: string, threadId = 't1', id?: string) =>
  ({ ...base(at, id), type: 'reply-received', threadId, kind: 'reply' }) as LedgerEvent;
const opening = (balance: number, at = SINCE) =>
  ({ ...base(at), type: 'opening-balance', balance }) as LedgerEvent;
const planChange = (at: string, plan: PlanId, extra: object = {}) =>
  ({ ...base(at), type: 'plan-changed', plan, ...extra }) as LedgerEvent;
const adjust = (at: string, delta: number) => ({ ...base(at), type: 'adjustment', delta }) as LedgerEvent;

const sum = (s: Seat, events: LedgerEvent[], at: string) => summarize(s, events, at);
const ms = (iso: string) => Date.parse(iso);
const z = (iso: string) => new Date(iso).toISOString();
/** The summary's lots as [grantedAt, expiresAt, granted, remaining]. */
const lotRows = (s: Seat, events: LedgerEvent[], at: string) =>
  sum(s, events, at).lots.map((l) => [l.grantedAt, l.expiresAt, l.granted, l.remaining]);
const row = (grantedAt: string, expiresAt: string, granted: number, remaining: number) => [
  z(grantedAt),
  z(expiresAt),
  granted,
  remaining,
];
/** The send record of a send, as the background reads it. */
const record = (s: Seat, events: LedgerEvent[], at: string, id: string) => {
  const state = replay(s, events, ms(at));
  const found = state.sends.find((r) => r.id === id);
  if (!found) throw new Error(`no send ${id}`);
  return { state, send: found };
};

const sn = seat();

describe('rule 17: InMails sent before setup', () => {
  test('rule 17: a send before setup is a paid InMail sent before `since`: it spends nothing and is never an overdraft', () => {
    // Opening 0: nothing to spend, yet the send before setup is no overdraft, and nothing left.
    const events = [opening(0), early('2025-12-10T00:00:00Z', 't1', 'b1')];
    const s = sum(sn, events, '2026-01-16T00:00:00Z');
    expect(s).toMatchObject({ available: 0, overdraft: 0, stats: { paidSent: 1, freeSent: 0 } });
    const { state, send } = record(sn, events, '2026-01-16T00:00:00Z', 'b1');
    expect(state.totals.spent).toBe(0);
    expect(send).toMatchObject({ beforeSetup: true, overdraft: false, cost: 'paid' });
    // Without an opening balance, the same: available 0 until Feb 1's grant, no overdraft.
    expect(sum(sn, events.slice(1), '2026-02-01T00:00:00Z')).toMatchObject({ available: 50, overdraft: 0 });
  });

  test('rule 17: it has a refund window like any send (90 days, inclusive), shown in pendingRefunds', () => {
    // Opening 150: lots Nov 1, Dec 1, Jan 1. Sent Dec 10 → window closes Mar 10.
    const events = [opening(150), early('2025-12-10T00:00:00Z')];
    expect(sum(sn, events, SINCE).pendingRefunds).toEqual({
      count: 1,
      closingSoon: 0,
      items: [
        { threadId: 't1', sentAt: z('2025-12-10T00:00:00Z'), windowClosesAt: z('2026-03-10T00:00:00Z') },
      ],
    });
  });

  test.each([
    {
      name: 'exactly at the window’s close is in time (replied; its lot, Nov 1’s, left Jan 30: no credit)',
      at: '2026-02-18T00:00:00Z',
      want: { replied: 1, lateReplies: 0, refunded: 0 },
      status: 'replied-no-credit',
    },
    {
      name: '1 ms after the window’s close is a late reply (statistics only)',
      at: '2026-02-18T00:00:00.001Z',
      want: { replied: 0, lateReplies: 1, refunded: 0 },
      status: 'late-reply',
    },
  ])('rule 17 with rule 9: a response $name', ({ at, want, status }) => {
    // Sent Nov 20 (window → Feb 18). Its source: Nov 1 (the oldest opening lot with credits).
    const events = [opening(150), early('2025-11-20T00:00:00Z', 't1', 'b1'), reply(at)];
    const s = sum(sn, events, '2026-02-19T00:00:00Z');
    expect(s.stats).toMatchObject({ paidSent: 1, ...want, responseRate: want.replied });
    expect(s.pendingRefunds.count).toBe(0);
    const { send } = record(sn, events, '2026-02-19T00:00:00Z', 'b1');
    expect(sendStatus(send, ms('2026-02-19T00:00:00Z'))).toBe(status);
  });

  test('rule 17 with rule 9: the first response in its thread at or after it decides it; other threads do not', () => {
    const events = [
      opening(150),
      early('2025-12-10T00:00:00Z', 'a'),
      reply('2026-01-16T00:00:00Z', 'other'),
      reply('2026-01-20T00:00:00Z', 'a'),
      reply('2026-01-21T00:00:00Z', 'a'), // answers nothing more
    ];
    expect(sum(sn, events, '2026-01-17T00:00:00Z')).toMatchObject({
      available: 150,
      pendingRefunds: { count: 1 },
      stats: { replied: 0, refunded: 0 },
    });
    expect(sum(sn, events, '2026-01-22T00:00:00Z')).toMatchObject({
      available: 151,
      pendingRefunds: { count: 0 },
      stats: { paidSent: 1, replied: 1, refunded: 1, responseRate: 1 },
    });
  });

  test.each([
    {
      name: 'opening 150 filled Nov 1, Dec 1, Jan 1: Nov 1 (the oldest) gets it back',
      balance: 150,
      want: [
        row('2025-11-01T00:00:00Z', '2026-01-30T00:00:00Z', 50, 51),
        row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 50, 50),
        row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 50, 50),
      ],
    },
    {
      name: 'opening 120 filled Nov 1 with 20: still Nov 1',
      balance: 120,
      want: [
        row('2025-11-01T00:00:00Z', '2026-01-30T00:00:00Z', 20, 21),
        row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 50, 50),
        row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 50, 50),
      ],
    },
    {
      name: 'opening 60 left Nov 1 empty (Jan 50, Dec 10): Dec 1, the oldest that received credits',
      balance: 60,
      want: [
        row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 10, 11),
        row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 50, 50),
      ],
    },
  ])(
    'rule 17: the source is the oldest g whose opening-balance lot received credits ($name)',
    ({ balance, want }) => {
      // Sent Dec 10: candidates Dec 1, Nov 1, Oct 1 (Oct 1's lot was never made: it left Dec 30).
      const events = [opening(balance), early('2025-12-10T00:00:00Z'), reply('2026-01-20T00:00:00Z')];
      expect(lotRows(sn, events, '2026-01-20T00:00:00Z')).toEqual(want);
      expect(sum(sn, events, '2026-01-20T00:00:00Z')).toMatchObject({
        available: balance + 1,
        stats: { replied: 1, refunded: 1 },
      });
    },
  );

  test('rule 17: when none of its lots received credits, the newest g (opening 40 filled only Jan 1: a Dec 10 send returns to Dec 1’s empty lot)', () => {
    const events = [opening(40), early('2025-12-10T00:00:00Z'), reply('2026-01-20T00:00:00Z')];
    expect(lotRows(sn, events, '2026-01-20T00:00:00Z')).toEqual([
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 1),
      row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 40, 40),
    ]);
    // Sent Jan 5, its candidates are Jan 1, Dec 1, Nov 1: Jan 1's lot, the only one filled.
    const jan = [opening(40), early('2026-01-05T00:00:00Z'), reply('2026-01-20T00:00:00Z')];
    expect(lotRows(sn, jan, '2026-01-20T00:00:00Z')).toEqual([
      row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 40, 41),
    ]);
  });

  test('rule 17: the choice itself (setupSourceGrant): oldest filled candidate, else the newest, null when the terms grant nothing', () => {
    const terms = seatTerms(sn);
    const [oct1, nov1, dec1, jan1] = ['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01'].map((d) =>
      ms(`${d}T00:00:00Z`),
    ) as [number, number, number, number];
    const dec10 = ms('2025-12-10T00:00:00Z');
    expect(setupSourceGrant(terms, dec10, null)).toBe(dec1);
    expect(
      setupSourceGrant(
        terms,
        dec10,
        new Map([
          [jan1, 40],
          [dec1, 0],
          [nov1, 0],
        ]),
      ),
    ).toBe(dec1);
    expect(
      setupSourceGrant(
        terms,
        dec10,
        new Map([
          [jan1, 50],
          [dec1, 50],
          [nov1, 50],
        ]),
      ),
    ).toBe(nov1);
    expect(
      setupSourceGrant(
        terms,
        dec10,
        new Map([
          [jan1, 50],
          [dec1, 10],
          [nov1, 0],
        ]),
      ),
    ).toBe(dec1);
    // Oct 1's lot was live on Dec 10 (it left Dec 30), but it received nothing.
    expect(
      setupSourceGrant(
        terms,
        dec10,
        new Map([
          [oct1, 0],
          [nov1, 0],
        ]),
      ),
    ).toBe(dec1);
    // A send at a grant instant: that grant's lot was live then (g ≤ at).
    expect(setupSourceGrant(terms, dec1, null)).toBe(dec1);
    expect(setupSourceGrant(seatTerms(seat({ plan: 'none' })), dec10, null)).toBeNull();
  });

  test('rule 17: with no opening balance, a reply makes a lot for the newest g (grantedAt g, granted 0, expiring 90 days after g)', () => {
    const events = [early('2025-12-10T00:00:00Z'), reply('2026-01-20T00:00:00Z')];
    expect(lotRows(sn, events, '2026-01-19T00:00:00Z')).toEqual([]);
    expect(replay(sn, events, ms('2026-01-19T00:00:00Z')).live).toEqual([]); // not made yet
    expect(lotRows(sn, events, '2026-01-20T00:00:00Z')).toEqual([
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 1),
    ]);
    const made = replay(sn, events, ms('2026-01-20T00:00:00Z')).live;
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ source: 'before-setup', state: 'live', granted: 0, remaining: 1 });
    // A lot like any: Feb 1's grant comes on top (51), the lot leaves on Mar 1 with Mar 1's grant.
    expect(sum(sn, events, '2026-02-01T00:00:00Z').available).toBe(51);
    expect(sum(sn, events, '2026-03-01T00:00:00Z')).toMatchObject({ available: 100, stats: { expired: 1 } });
  });

  test('rule 17: with no opening balance, the lot is made once: a second send of the same g returns to it', () => {
    const events = [
      early('2025-12-10T00:00:00Z', 'a'),
      early('2025-12-12T00:00:00Z', 'b'),
      reply('2026-01-20T00:00:00Z', 'a'),
      reply('2026-01-25T00:00:00Z', 'b'),
    ];
    expect(lotRows(sn, events, '2026-01-25T00:00:00Z')).toEqual([
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 2),
    ]);
    expect(replay(sn, events, ms('2026-01-25T00:00:00Z')).live).toHaveLength(1);
  });

  test('rule 17: the made lot is spent first when it expires first (rule 5), like any lot', () => {
    // Lot Dec 1 (1 credit, to Mar 1) and Feb 1's grant (50, to May 2): a send on Feb 2 takes Dec 1's.
    const events = [
      early('2025-12-10T00:00:00Z'),
      reply('2026-01-20T00:00:00Z'),
      paid('2026-02-02T00:00:00Z', 'later'),
    ];
    expect(lotRows(sn, events, '2026-02-03T00:00:00Z')).toEqual([
      row('2026-02-01T00:00:00Z', '2026-05-02T00:00:00Z', 50, 50),
    ]);
  });

  test.each([
    { name: '1 ms before its expiry: the credit comes back', at: '2026-01-29T23:59:59.999Z', refunded: 1 },
    { name: 'at its expiry: nothing returns', at: '2026-01-30T00:00:00Z', refunded: 0 },
  ])(
    'rule 17: with no opening balance, the lot is made only if its expiry is later than the response ($name)',
    ({ at, refunded }) => {
      // Sent Nov 20 (window → Feb 18): g = Nov 1, whose lot would expire Jan 30.
      const events = [early('2025-11-20T00:00:00Z'), reply(at)];
      expect(sum(sn, events, '2026-01-31T00:00:00Z').stats).toMatchObject({ replied: 1, refunded });
      expect(sum(sn, events, at).available).toBe(refunded);
      // Pending until the lot would expire, though the window stays open until Feb 18.
      const noReply = events.slice(0, 1);
      expect(sum(sn, noReply, '2026-01-29T23:59:59.999Z').pendingRefunds.count).toBe(1);
      expect(sum(sn, noReply, '2026-01-30T00:00:00Z').pendingRefunds.count).toBe(0);
    },
  );

  test.each([
    { name: 'with an opening balance (it made lots for Nov 1, Dec 1, Jan 1 only)', events: [opening(150)] },
    { name: 'without one (Oct 1’s lot would have left Dec 30)', events: [] as LedgerEvent[] },
  ])(
    'rule 17: nothing returns when g’s lot was never made: it had expired by `since` ($name)',
    ({ events }) => {
      // Sent Oct 20 (window → Jan 18): candidates Oct 1, Sep 1, Aug 1; the newest is Oct 1.
      const all = [...events, early('2025-10-20T00:00:00Z', 't1', 'b1'), reply('2026-01-16T00:00:00Z')];
      expect(sum(sn, all.slice(0, -1), SINCE).pendingRefunds.count).toBe(0);
      const s = sum(sn, all, '2026-01-16T00:00:00Z');
      expect(s.stats).toMatchObject({ paidSent: 1, replied: 1, refunded: 0 });
      expect(s.available).toBe(events.length > 0 ? 150 : 0);
      const { send } = record(sn, all, '2026-01-16T00:00:00Z', 'b1');
      expect(send.lot).toBeNull();
      expect(sendStatus(send, ms('2026-01-16T00:00:00Z'))).toBe('replied-no-credit');
    },
  );

  test('rule 17: a reply after g’s lot expired is replied (inside the window) but returns nothing', () => {
    // Sent Dec 10 → Nov 1's lot (opening 150), which leaves Jan 30; reply Feb 5, window open to Mar 10.
    const events = [opening(150), early('2025-12-10T00:00:00Z'), reply('2026-02-05T00:00:00Z')];
    expect(sum(sn, events.slice(0, 2), '2026-01-29T00:00:00Z').pendingRefunds.count).toBe(1);
    expect(sum(sn, events.slice(0, 2), '2026-01-30T00:00:00Z').pendingRefunds.count).toBe(0);
    expect(sum(sn, events, '2026-02-05T00:00:00Z')).toMatchObject({
      available: 150, // Dec 50 + Jan 50 + Feb 50 (room after Nov's 50 left)
      stats: { paidSent: 1, replied: 1, refunded: 0, lateReplies: 0, expired: 50 },
    });
  });

  test.each([
    { name: 'with an opening balance', events: [opening(150)], forfeited: 150, available: 0 },
    {
      name: 'without one (the lot a reply would make is gone too)',
      events: [] as LedgerEvent[],
      forfeited: 0,
      available: 0,
    },
  ])(
    'rule 17: nothing returns after a plan change forfeited credits after the send ($name)',
    ({ events, forfeited, available }) => {
      const all = [
        ...events,
        early('2025-12-10T00:00:00Z'),
        planChange('2026-01-18T00:00:00Z', 'premium-business'),
        reply('2026-01-20T00:00:00Z'),
      ];
      expect(sum(sn, all.slice(0, -2), '2026-01-17T00:00:00Z').pendingRefunds.count).toBe(1);
      expect(sum(sn, all.slice(0, -1), '2026-01-18T00:00:00Z').pendingRefunds.count).toBe(0);
      expect(sum(sn, all, '2026-01-20T00:00:00Z')).toMatchObject({
        available,
        stats: { replied: 1, refunded: 0, forfeited },
      });
    },
  );

  test.each([
    { name: 'with an opening balance (Nov 1’s lot)', events: [opening(150)], available: 151 },
    { name: 'without one (Dec 1’s lot, made at the reply)', events: [] as LedgerEvent[], available: 1 },
  ])(
    'rule 17: a plan change that keeps the credits (forfeit false) keeps the refund ($name)',
    ({ events, available }) => {
      const all = [
        ...events,
        early('2025-12-10T00:00:00Z'),
        planChange('2026-01-18T00:00:00Z', 'sales-navigator-advanced', { forfeit: false }),
        reply('2026-01-20T00:00:00Z'),
      ];
      expect(sum(sn, all, '2026-01-20T00:00:00Z')).toMatchObject({ available, stats: { refunded: 1 } });
    },
  );

  test('rule 17 with rule 16: a forfeiting plan change at `since` itself, no opening balance: nothing returns', () => {
    const events = [
      planChange(SINCE, 'premium-business'),
      early('2025-12-10T00:00:00Z'),
      reply('2026-01-20T00:00:00Z'),
    ];
    expect(sum(sn, events.slice(0, 2), SINCE).pendingRefunds.count).toBe(0);
    expect(sum(sn, events, '2026-01-20T00:00:00Z').stats).toMatchObject({ replied: 1, refunded: 0 });
  });

  test.each([
    { name: 'plan none, opening 7', s: seat({ plan: 'none' }), events: [opening(7)], available: 7 },
    { name: 'plan none, no opening', s: seat({ plan: 'none' }), events: [] as LedgerEvent[], available: 0 },
    {
      name: 'Recruiter with 0 a month',
      s: seat({ plan: 'recruiter', monthlyCredits: 0 }),
      events: [opening(5)],
      available: 5,
    },
  ])('rule 17: terms that grant nothing return nothing ($name)', ({ s, events, available }) => {
    const all = [...events, early('2025-12-10T00:00:00Z'), reply('2026-01-20T00:00:00Z')];
    expect(sum(s, all.slice(0, -1), SINCE).pendingRefunds.count).toBe(0);
    expect(sum(s, all, '2026-01-20T00:00:00Z')).toMatchObject({
      available,
      overdraft: 0,
      stats: { paidSent: 1, replied: 1, refunded: 0 },
    });
  });

  test('rule 17: in the summary it counts like any paid send (paidSent, replied, refunded, lateReplies, responseRate)', () => {
    // Opening 100: Jan 50, Dec 50, Nov 0. a → Dec 1 (refunded), b → Nov 1's empty lot (gone Jan 30
    // at the reply: replied, no credit), c → late, d → no response; e is an ordinary send.
    const events = [
      opening(100),
      early('2025-12-10T00:00:00Z', 'a'),
      early('2025-11-20T00:00:00Z', 'b'),
      early('2025-10-20T00:00:00Z', 'c'),
      early('2025-12-20T00:00:00Z', 'd'),
      paid('2026-01-16T00:00:00Z', 'e'),
      reply('2026-01-20T00:00:00Z', 'a'),
      reply('2026-02-01T00:00:00Z', 'b'),
      reply('2026-01-19T00:00:00Z', 'c'), // c's window closed Jan 18
    ];
    const s = sum(sn, events, '2026-02-02T00:00:00Z');
    expect(s.stats).toEqual({
      paidSent: 5,
      freeSent: 0,
      replied: 2,
      refunded: 1,
      lateReplies: 1,
      expired: 0,
      forfeited: 0,
      responseRate: 0.4,
    });
    // d's credit can still come back to Dec 1's lot (until Mar 1); e's to the lot that paid.
    expect(s.pendingRefunds.items.map((i) => i.threadId)).toEqual(['d', 'e']);
    expect(s).toMatchObject({ available: 150, overdraft: 0 });
    expect(replay(sn, events, ms('2026-02-02T00:00:00Z')).totals).toMatchObject({ spent: 1, refunded: 1 });
  });

  test('rule 17: a follow-up after setup in the same thread: one response answers both, each back to its own lot', () => {
    // Opening 50 fills only Jan 1. The send before setup (Dec 10) → Dec 1's empty lot; the follow-up
    // (Jan 16) was paid by Jan 1's lot. The reply of Jan 20 answers both (rule 9).
    const events = [
      opening(50),
      early('2025-12-10T00:00:00Z', 't', 'before'),
      paid('2026-01-16T00:00:00Z', 't', 'follow-up'),
      reply('2026-01-20T00:00:00Z', 't'),
    ];
    expect(sum(sn, events, '2026-01-17T00:00:00Z')).toMatchObject({
      available: 49,
      pendingRefunds: { count: 2 },
    });
    const s = sum(sn, events, '2026-01-20T00:00:00Z');
    expect(s).toMatchObject({
      available: 51,
      pendingRefunds: { count: 0 },
      stats: { paidSent: 2, replied: 2, refunded: 2, responseRate: 1 },
    });
    expect(lotRows(sn, events, '2026-01-20T00:00:00Z')).toEqual([
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 1),
      row('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 50, 50),
    ]);
    // Without an opening balance: the follow-up (Feb 2) is paid by Feb 1's grant, the send before
    // setup goes back to a lot made for Dec 1.
    const bare = [
      early('2025-12-10T00:00:00Z', 't'),
      paid('2026-02-02T00:00:00Z', 't'),
      reply('2026-02-03T00:00:00Z', 't'),
    ];
    expect(lotRows(sn, bare, '2026-02-03T00:00:00Z')).toEqual([
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 1),
      row('2026-02-01T00:00:00Z', '2026-05-02T00:00:00Z', 50, 50),
    ]);
  });

  test('rule 17 with rule 9: a follow-up after a response to the send before setup waits for the next response', () => {
    const events = [
      opening(150),
      early('2025-12-10T00:00:00Z', 't'),
      reply('2026-01-16T00:00:00Z', 't'),
      paid('2026-01-17T00:00:00Z', 't'),
    ];
    expect(sum(sn, events, '2026-01-18T00:00:00Z')).toMatchObject({
      available: 150, // 150 + 1 back to Nov 1 − 1 for the follow-up (also from Nov 1)
      pendingRefunds: { count: 1, items: [{ sentAt: z('2026-01-17T00:00:00Z') }] },
      stats: { paidSent: 2, replied: 1, refunded: 1 },
    });
  });

  test('rule 17 with rule 16: a response at `since` itself comes after the opening balance and returns the credit', () => {
    const events = [opening(150), early('2025-12-10T00:00:00Z'), reply(SINCE)];
    const expected = sum(sn, events, SINCE);
    expect(expected).toMatchObject({ available: 151, stats: { replied: 1, refunded: 1 } });
    for (const seed of [1, 7, 42]) expect(sum(sn, shuffled(events, seed), SINCE)).toEqual(expected);
  });

  test('rule 17 with rule 16: sends before setup at one instant go by id; the order given never matters', () => {
    const events = [
      early('2025-12-10T00:00:00Z', 'x', 'b'),
      early('2025-12-10T00:00:00Z', 'y', 'a'),
      early('2025-11-20T00:00:00Z', 'x', 'c'),
      reply('2026-01-20T00:00:00Z', 'x'),
      adjust('2026-01-21T00:00:00Z', 3),
      reply('2026-01-22T00:00:00Z', 'y'),
    ];
    for (const at of [SINCE, '2026-01-20T00:00:00Z', '2026-03-01T00:00:00Z']) {
      const expected = sum(sn, events, at);
      for (const seed of [1, 7, 42, 1234]) expect(sum(sn, shuffled(events, seed), at)).toEqual(expected);
    }
    // x answers b (→ Dec 1) and c (→ Nov 1, made Jan 20: expires Jan 30, later than the reply); y
    // answers a (→ Dec 1). Lots made at the replies: Nov 1 (1), Dec 1 (2); +3 expires with the last.
    expect(lotRows(sn, events, '2026-01-22T00:00:00Z')).toEqual([
      row('2025-11-01T00:00:00Z', '2026-01-30T00:00:00Z', 0, 1),
      row('2025-12-01T00:00:00Z', '2026-03-01T00:00:00Z', 0, 2),
      row('2026-01-21T00:00:00Z', '2026-03-01T00:00:00Z', 3, 3),
    ]);
  });

  test('rule 17: pending sends before setup: refund deadline = min(window, lot expiry), and the best-case forecast counts them', () => {
    // No opening: sent Dec 10, window → Mar 10; the lot a reply would make (Dec 1's) expires Mar 1.
    const events = [early('2025-12-10T00:00:00Z', 't1', 'b1')];
    const at = '2026-01-16T00:00:00Z';
    const { send } = record(sn, events, at, 'b1');
    expect(isPendingRefund(send, ms(at))).toBe(true);
    expect(refundDeadline(send, ms(at))).toBe(ms('2026-03-01T00:00:00Z'));
    expect(sendStatus(send, ms(at))).toBe('awaiting');
    const f = sum(sn, events, at).forecast;
    const day = (date: string) => f.find((r) => r.date === date);
    expect(day('2026-01-16')).toEqual({ date: '2026-01-16', available: 0, bestCase: 1 });
    expect(day('2026-02-01')).toEqual({ date: '2026-02-01', available: 50, bestCase: 51 });
    expect(day('2026-03-01')).toEqual({ date: '2026-03-01', available: 100, bestCase: 100 });
    // With an opening balance the deadline is its opening lot's expiry (Nov 1's: Jan 30).
    const opened = record(sn, [opening(150), ...events], at, 'b1').send;
    expect(refundDeadline(opened, ms(at))).toBe(ms('2026-01-30T00:00:00Z'));
    // Nothing can come back: null.
    expect(refundDeadline(opened, ms('2026-01-30T00:00:00Z'))).toBeNull();
    const replied = record(sn, [...events, reply('2026-01-20T00:00:00Z')], '2026-01-20T00:00:00Z', 'b1');
    expect(refundDeadline(replied.send, ms('2026-01-20T00:00:00Z'))).toBeNull();
    expect(sendStatus(replied.send, ms('2026-01-20T00:00:00Z'))).toBe('refunded');
  });

  test('rule 17 and conservation: "spent" leaves out sends before setup, "refunded" counts their credits', () => {
    const events = [
      opening(100),
      early('2025-12-10T00:00:00Z', 'a'),
      paid('2026-01-16T00:00:00Z', 'b'),
      reply('2026-01-20T00:00:00Z', 'a'),
      reply('2026-01-21T00:00:00Z', 'b'),
    ];
    for (const at of ['2026-01-20T00:00:00Z', '2026-02-01T00:00:00Z', '2026-06-01T00:00:00Z']) {
      const { available, totals: t } = replay(sn, events, ms(at));
      expect(t.granted + t.positiveAdjustments).toBe(
        available + t.spent - t.refunded + t.expired + t.forfeited + t.removedByAdjustments + t.replaced,
      );
    }
    expect(replay(sn, events, ms('2026-01-22T00:00:00Z')).totals).toMatchObject({
      granted: 100,
      spent: 1,
      refunded: 2,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A worked example of our own (CREDIT-RULES.md gives none for rule 17), on the seat of DESIGN.md's
// example file: Dana, Sales Navigator, Berlin, grant day 14, set up Jan 10 2026 09:00 CET with 80.

describe('rule 17: a worked example', () => {
  const dana = seat({ grantDay: 14, timeZone: 'Europe/Berlin', since: '2026-01-10T09:00:00+01:00' });
  const since = '2026-01-10T08:00:00Z';
  const open80 = {
    ...base('2026-01-10T09:00:00+01:00', 'o1'),
    type: 'opening-balance',
    balance: 80,
  } as LedgerEvent;
  // Grant instants (00:00 Berlin on the 14th) and their lots' expiry, 90 days later:
  //   Aug 14 = Aug 13 22:00Z → Nov 11 23:00Z;  Sep 14 = Sep 13 22:00Z → Dec 12 23:00Z;
  //   Oct 14 = Oct 13 22:00Z → Jan 11 23:00Z;  Nov 14 = Nov 13 23:00Z → Feb 11 23:00Z;
  //   Dec 14 = Dec 13 23:00Z → Mar 13 23:00Z;  Jan 14 = Jan 13 23:00Z → Apr 13 22:00Z.
  // The opening (rule 13) makes Dec 14 (50), Nov 14 (30), Oct 14 (0).
  //
  // A: sent Dec 20 10:00Z (window → Mar 20 10:00Z). Lots live then: Dec 14, Nov 14, Oct 14 (Sep 14's
  //    left Dec 12). Oldest that received credits at the opening: Nov 14 → back there, until Feb 11.
  // B: sent Oct 20 10:00Z (window → Jan 18 11:00Z: 12:00 CEST → 12:00 CET). Lots live then: Oct 14,
  //    Sep 14, Aug 14; none received credits (only Oct 14's was made, with 0) → the newest, Oct 14,
  //    whose lot leaves Jan 11 23:00Z.
  const A = early('2025-12-20T10:00:00Z', 'a', 'A');
  const B = early('2025-10-20T10:00:00Z', 'b', 'B');

  test('rule 17, worked example: at setup, both are pending, each until its own deadline', () => {
    const events = [open80, A, B];
    const s = sum(dana, events, since);
    expect(s.available).toBe(80);
    expect(s.pendingRefunds.items).toEqual([
      { threadId: 'b', sentAt: z('2025-10-20T10:00:00Z'), windowClosesAt: z('2026-01-18T11:00:00Z') },
      { threadId: 'a', sentAt: z('2025-12-20T10:00:00Z'), windowClosesAt: z('2026-03-20T10:00:00Z') },
    ]);
    const state = replay(dana, events, ms(since));
    const deadline = (id: string) =>
      refundDeadline(state.sends.find((r) => r.id === id) as (typeof state.sends)[number], ms(since));
    expect(deadline('A')).toBe(ms('2026-02-11T23:00:00Z')); // Nov 14's lot, before Mar 20
    expect(deadline('B')).toBe(ms('2026-01-11T23:00:00Z')); // Oct 14's lot, before Jan 18
  });

  test('rule 17, worked example: B answered Jan 11 → Oct 14’s lot (81, then it leaves at 23:00Z); A answered Feb 1 → Nov 14’s (131)', () => {
    const events = [open80, A, B, reply('2026-01-11T10:00:00Z', 'b'), reply('2026-02-01T08:30:00Z', 'a')];
    expect(sum(dana, events, '2026-01-11T10:00:00Z')).toMatchObject({
      available: 81,
      stats: { refunded: 1 },
    });
    // Jan 11 23:00Z: Oct 14's 1 expires → 80; Jan 14 (Jan 13 23:00Z) adds 50 → 130.
    expect(sum(dana, events, '2026-01-11T23:00:00Z')).toMatchObject({ available: 80, stats: { expired: 1 } });
    expect(sum(dana, events, '2026-01-13T23:00:00Z').available).toBe(130);
    // Feb 1: A's credit goes back to Nov 14's lot: 30 → 31.
    const feb1 = sum(dana, events, '2026-02-01T08:30:00Z');
    expect(feb1).toMatchObject({
      available: 131,
      overdraft: 0,
      pendingRefunds: { count: 0 },
      stats: { paidSent: 2, replied: 2, refunded: 2, lateReplies: 0, expired: 1, responseRate: 1 },
    });
    expect(feb1.lots[0]).toEqual({
      grantedAt: z('2025-11-13T23:00:00Z'),
      expiresAt: z('2026-02-11T23:00:00Z'),
      granted: 30,
      remaining: 31,
    });
    // Feb 11 23:00Z: Nov 14's 31 leave → 100; Feb 14 (Feb 13 23:00Z) adds 50 → 150.
    expect(sum(dana, events, '2026-02-11T23:00:00Z')).toMatchObject({
      available: 100,
      stats: { expired: 32 },
    });
    expect(sum(dana, events, '2026-02-13T23:00:00Z').available).toBe(150);
  });

  test('rule 17, worked example: B answered Jan 12 instead, inside its window but after Oct 14’s lot left: replied, nothing back', () => {
    const events = [open80, A, B, reply('2026-01-12T10:00:00Z', 'b')];
    const s = sum(dana, events, '2026-01-12T10:00:00Z');
    expect(s).toMatchObject({
      available: 80,
      pendingRefunds: { count: 1, items: [{ threadId: 'a' }] },
      stats: { paidSent: 2, replied: 1, refunded: 0, lateReplies: 0, responseRate: 0.5 },
    });
  });
});
