// One test (or more) per rule of CREDIT-RULES.md, named after it. Expected figures are
// worked out by hand from the rules; the comments show the arithmetic where it is not obvious.

import { describe, expect, test } from 'vitest';
import type { LedgerEvent, ResponseKind, Seat, SendCost } from '../../../src/ledger/events';
import type { PlanId } from '../../../src/ledger/plans';
import { replay } from '../../../src/ledger/replay';
import { summarize } from '../../../src/ledger/summarize';
import { shuffled } from './arbitraries';

const SEAT = 's';
let n = 0;
const id = () => `x${String(++n).padStart(4, '0')}`;

function seat(plan: PlanId = 'sales-navigator-core', extra: Partial<Seat> = {}): Seat {
  return { id: SEAT, label: 'Test', plan, since: '2026-01-01T00:00:00Z', ...extra };
}
const base = (at: string) => ({ id: id(), seat: SEAT, at });
const sent = (at: string, threadId = 't1', cost: SendCost = 'paid', eid?: string): LedgerEvent => ({
  ...base(at),
  ...(eid ? { id: eid } : {}),
  type: 'inmail-sent',
  threadId,
  cost,
});
const reply = (at: string, threadId = 't1', kind: ResponseKind = 'reply'): LedgerEvent => ({
  ...base(at),
  type: 'reply-received',
  threadId,
  kind,
});
const observed = (at: string, balance: number, eid?: string): LedgerEvent => ({
  ...base(at),
  ...(eid ? { id: eid } : {}),
  type: 'observed-balance',
  balance,
});
const opening = (at: string, balance: number): LedgerEvent => ({
  ...base(at),
  type: 'opening-balance',
  balance,
});
const adjust = (at: string, delta: number, eid?: string): LedgerEvent => ({
  ...base(at),
  ...(eid ? { id: eid } : {}),
  type: 'adjustment',
  delta,
});
const planChange = (at: string, plan: PlanId, extra: object = {}): LedgerEvent =>
  ({ ...base(at), type: 'plan-changed', plan, ...extra }) as LedgerEvent;
const voids = (at: string, target: string): LedgerEvent => ({ ...base(at), type: 'voided', target });

const available = (s: Seat, events: LedgerEvent[], at: string) => summarize(s, events, at).available;
const lots = (s: Seat, events: LedgerEvent[], at: string) =>
  summarize(s, events, at).lots.map((l) => [
    l.grantedAt.slice(0, 16),
    l.expiresAt.slice(0, 16),
    l.granted,
    l.remaining,
  ]);

describe('grants', () => {
  test('rule 1: credits arrive at 00:00 on the grant day in the seat’s zone, from `since` on', () => {
    const utc = seat();
    expect(available(utc, [], '2026-01-01T00:00:00Z')).toBe(50); // the grant at `since` counts
    expect(available(utc, [], '2026-01-31T23:59:59.999Z')).toBe(50);
    expect(available(utc, [], '2026-02-01T00:00:00Z')).toBe(100);
    // Berlin: 00:00 local on Jan 1 is 23:00 UTC the day before.
    const berlin = seat('sales-navigator-core', { since: '2025-12-31T00:00:00Z', timeZone: 'Europe/Berlin' });
    expect(available(berlin, [], '2025-12-31T22:59:59.999Z')).toBe(0);
    expect(available(berlin, [], '2025-12-31T23:00:00Z')).toBe(50);
    expect(summarize(berlin, [], '2026-01-05T00:00:00Z').nextGrant?.at).toBe('2026-01-31T23:00:00.000Z');
  });

  test('rule 1: in a month too short for the grant day, the last day is used (Feb 28, Feb 29 in 2028, Apr 30)', () => {
    const s = seat('premium-business', { grantDay: 31 });
    const next = (at: string) => summarize(s, [], at).nextGrant?.at;
    expect(next('2026-02-01T00:00:00Z')).toBe('2026-02-28T00:00:00.000Z');
    expect(next('2026-03-01T00:00:00Z')).toBe('2026-03-31T00:00:00.000Z');
    expect(next('2026-04-01T00:00:00Z')).toBe('2026-04-30T00:00:00.000Z');
    const leap = seat('premium-business', { grantDay: 30, since: '2028-01-31T00:00:00Z' });
    expect(summarize(leap, [], '2028-02-01T00:00:00Z').nextGrant?.at).toBe('2028-02-29T00:00:00.000Z');
    // grant day 31, since Jan 1 2026: Jan 31, Feb 28 → 30 credits on Feb 28, not before.
    expect(available(s, [], '2026-02-27T23:59:59.999Z')).toBe(15);
    expect(available(s, [], '2026-02-28T00:00:00Z')).toBe(30);
  });

  test('rule 1: local midnight that does not exist (America/Santiago, 2026-09-06) resolves forward to 01:00', () => {
    // Chile springs forward at 24:00 on Sep 5 → 01:00 on Sep 6 (UTC−4 → UTC−3).
    const s = seat('premium-career', {
      grantDay: 6,
      timeZone: 'America/Santiago',
      since: '2026-08-20T00:00:00Z',
    });
    expect(summarize(s, [], '2026-08-20T00:00:00Z').nextGrant?.at).toBe('2026-09-06T04:00:00.000Z');
  });

  test('rule 2: each grant is a lot that expires 90 days later, at the same local time across DST', () => {
    expect(lots(seat(), [], '2026-01-01T00:00:00Z')).toEqual([
      ['2026-01-01T00:00', '2026-04-01T00:00', 50, 50],
    ]);
    // Berlin: granted at 00:00 CET (23:00Z), expires at 00:00 CEST (22:00Z) after the March change.
    const berlin = seat('sales-navigator-core', { since: '2025-12-31T23:00:00Z', timeZone: 'Europe/Berlin' });
    expect(lots(berlin, [], '2026-01-01T00:00:00Z')).toEqual([
      ['2025-12-31T23:00', '2026-03-31T22:00', 50, 50],
    ]);
  });

  test('rule 3: a grant never lifts available above the cap; refunds, openings and adjustments are not capped', () => {
    const s = seat();
    // Idle: 150 on Mar 1; +10 by adjustment → 160 (not capped).
    const events = [adjust('2026-03-02T00:00:00Z', 10)];
    expect(available(s, events, '2026-03-02T00:00:00Z')).toBe(160);
    // Apr 1: Jan's 50 leave (→ 110), the grant fills only the room: 40.
    expect(available(s, events, '2026-04-01T00:00:00Z')).toBe(150);
    expect(lots(s, events, '2026-04-01T00:00:00Z').at(-1)).toEqual([
      '2026-04-01T00:00',
      '2026-06-30T00:00',
      40,
      40,
    ]);
    // Opening above the cap: 200 on Jan 15 → Jan 1 100, Dec 1 50, Nov 1 50; Nov's leave Jan 30 → 150;
    // Feb 1's grant gets 0 credits (the lot exists, empty).
    const rich = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const open = [opening('2026-01-15T00:00:00Z', 200)];
    expect(available(rich, open, '2026-01-15T00:00:00Z')).toBe(200);
    expect(summarize(rich, open, '2026-01-31T00:00:00Z').nextGrant).toEqual({
      at: '2026-02-01T00:00:00.000Z',
      credits: 0,
    });
    expect(available(rich, open, '2026-02-01T00:00:00Z')).toBe(150);
    const feb = replay(rich, open, Date.parse('2026-02-01T00:00:00Z')).live.find((l) => l.source === 'grant');
    expect(feb).toMatchObject({ granted: 0, remaining: 0 });
  });

  test('rule 4: lots expire before a grant at one instant (idle Sales Navigator seat: 50, 100, 150, still 150 on April 1)', () => {
    const s = seat();
    const at = (d: string) => available(s, [], `${d}T00:00:00Z`);
    expect([at('2026-01-01'), at('2026-02-01'), at('2026-03-01'), at('2026-04-01')]).toEqual([
      50, 100, 150, 150,
    ]);
    expect(summarize(s, [], '2026-04-01T00:00:00Z').stats.expired).toBe(50);
  });
});

describe('spending', () => {
  test('rule 5: a paid send takes 1 credit from the lot that expires first; a second one to the same person another', () => {
    const s = seat();
    const events = [sent('2026-03-02T10:00:00Z'), sent('2026-03-03T10:00:00Z')];
    expect(available(s, events, '2026-03-04T00:00:00Z')).toBe(148);
    expect(lots(s, events, '2026-03-04T00:00:00Z')[0]).toEqual([
      '2026-01-01T00:00',
      '2026-04-01T00:00',
      50,
      48,
    ]);
  });

  test('rule 5: on equal expiry the lot granted first is spent first', () => {
    // An adjustment lot expires with Jan 1's lot (Apr 1) but was granted later.
    const s = seat();
    const events = [adjust('2026-01-10T00:00:00Z', 5), sent('2026-01-11T00:00:00Z')];
    expect(lots(s, events, '2026-01-12T00:00:00Z')).toEqual([
      ['2026-01-01T00:00', '2026-04-01T00:00', 50, 49],
      ['2026-01-10T00:00', '2026-04-01T00:00', 5, 5],
    ]);
  });

  test('rule 6: free sends touch no lot and count as free; a response to one refunds nothing', () => {
    const s = seat();
    const events = [
      sent('2026-01-02T00:00:00Z', 'f1', 'free-connection'),
      sent('2026-01-02T00:00:00Z', 'f2', 'free-open-profile'),
      reply('2026-01-03T00:00:00Z', 'f1'),
    ];
    const sum = summarize(s, events, '2026-01-04T00:00:00Z');
    expect(sum.available).toBe(50);
    expect(sum.stats).toMatchObject({
      paidSent: 0,
      freeSent: 2,
      replied: 0,
      refunded: 0,
      responseRate: null,
    });
  });

  test('rule 7: a paid send at 0 is recorded as an overdraft; its response returns nothing', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 0),
      sent('2026-01-16T00:00:00Z'),
      reply('2026-01-17T00:00:00Z'),
    ];
    const before = summarize(s, events.slice(0, 2), '2026-01-16T12:00:00Z');
    expect(before).toMatchObject({ available: 0, overdraft: 1, pendingRefunds: { count: 0 } });
    const after = summarize(s, events, '2026-01-18T00:00:00Z');
    expect(after.available).toBe(0);
    expect(after.stats).toMatchObject({ paidSent: 1, replied: 1, refunded: 0, responseRate: 1 });
  });
});

describe('refunds', () => {
  test('rule 8: a reply, an accept or a decline within 90 days brings the credit back', () => {
    const s = seat();
    for (const kind of ['reply', 'accepted', 'declined'] as const) {
      const events = [sent('2026-01-05T00:00:00Z'), reply('2026-02-10T00:00:00Z', 't1', kind)];
      const sum = summarize(s, events, '2026-02-11T00:00:00Z');
      expect(sum.available).toBe(100);
      expect(sum.stats).toMatchObject({ paidSent: 1, replied: 1, refunded: 1, responseRate: 1 });
    }
  });

  test('rule 9: the window is inclusive: a reply exactly at its end counts, 1 ms later is a late reply', () => {
    const s = seat();
    // Sent Jan 10 12:00Z → window closes Apr 10 12:00Z. Its lot (Jan 1's) expired Apr 1, so
    // the reply in time is "replied" with no credit back (rule 10).
    const atEnd = [sent('2026-01-10T12:00:00Z'), reply('2026-04-10T12:00:00Z')];
    const inTime = summarize(s, atEnd, '2026-04-11T00:00:00Z').stats;
    expect(inTime).toMatchObject({ replied: 1, lateReplies: 0, refunded: 0 });
    const late = [sent('2026-01-10T12:00:00Z'), reply('2026-04-10T12:00:00.001Z')];
    expect(summarize(s, late, '2026-04-11T00:00:00Z').stats).toMatchObject({
      replied: 0,
      lateReplies: 1,
      refunded: 0,
    });
    expect(summarize(s, [sent('2026-01-10T12:00:00Z')], '2026-01-11T00:00:00Z').pendingRefunds.items).toEqual(
      [{ threadId: 't1', sentAt: '2026-01-10T12:00:00.000Z', windowClosesAt: '2026-04-10T12:00:00.000Z' }],
    );
  });

  test('rule 9: one response answers every earlier unanswered send of its thread; a later follow-up waits', () => {
    const s = seat();
    const together = [
      sent('2026-01-05T00:00:00Z'),
      sent('2026-01-08T00:00:00Z'),
      reply('2026-01-09T00:00:00Z'),
    ];
    expect(summarize(s, together, '2026-01-10T00:00:00Z').stats).toMatchObject({ replied: 2, refunded: 2 });
    expect(available(s, together, '2026-01-10T00:00:00Z')).toBe(50);
    const waits = [sent('2026-01-05T00:00:00Z'), reply('2026-01-06T00:00:00Z'), sent('2026-01-07T00:00:00Z')];
    const sum = summarize(s, waits, '2026-01-08T00:00:00Z');
    expect(sum).toMatchObject({ available: 49, pendingRefunds: { count: 1 }, stats: { replied: 1 } });
    const next = [...waits, reply('2026-01-09T00:00:00Z')];
    expect(summarize(s, next, '2026-01-10T00:00:00Z')).toMatchObject({
      available: 50,
      stats: { replied: 2 },
    });
  });

  test('rule 9: a response in a thread with no paid send of ours, or before the send, refunds nothing', () => {
    const s = seat();
    const events = [
      reply('2026-01-04T00:00:00Z', 't1'),
      sent('2026-01-05T00:00:00Z', 't1'),
      reply('2026-01-06T00:00:00Z', 't2'),
    ];
    const sum = summarize(s, events, '2026-01-07T00:00:00Z');
    expect(sum).toMatchObject({
      available: 49,
      stats: { replied: 0, refunded: 0 },
      pendingRefunds: { count: 1 },
    });
  });

  test('rule 10: the credit returns to its own lot, and not at all if that lot has expired', () => {
    const s = seat();
    // Mar 2: lots Jan (exp Apr 1), Feb, Mar. The send takes from Jan's; the reply puts it back there.
    const back = [sent('2026-03-02T00:00:00Z'), reply('2026-03-03T00:00:00Z')];
    expect(lots(s, back, '2026-03-04T00:00:00Z')[0]).toEqual([
      '2026-01-01T00:00',
      '2026-04-01T00:00',
      50,
      50,
    ]);
    // Sent Mar 30 from Jan's lot; it expires Apr 1 (with 49); the reply on Apr 2 is in time, no credit back.
    const gone = [sent('2026-03-30T00:00:00Z'), reply('2026-04-02T00:00:00Z')];
    const sum = summarize(s, gone, '2026-04-03T00:00:00Z');
    expect(sum.available).toBe(150); // Feb 50 + Mar 50 + Apr 50
    expect(sum.stats).toMatchObject({ replied: 1, refunded: 0, expired: 49 });
    // While its lot lives the send is pending; once the lot is gone it no longer is.
    expect(summarize(s, gone.slice(0, 1), '2026-03-31T00:00:00Z').pendingRefunds.count).toBe(1);
    expect(summarize(s, gone.slice(0, 1), '2026-04-01T00:00:00Z').pendingRefunds.count).toBe(0);
  });
});

describe('reconciliation and corrections', () => {
  test('rule 11: drift is observed − available at the observation, lowered by each later adjustment', () => {
    const s = seat();
    expect(summarize(s, [], '2026-01-10T00:00:00Z').observed).toBeNull();
    const obs = [observed('2026-01-10T00:00:00Z', 47)];
    expect(summarize(s, obs, '2026-01-11T00:00:00Z').observed).toEqual({
      at: '2026-01-10T00:00:00.000Z',
      balance: 47,
      drift: -3,
    });
    const adopted = [...obs, adjust('2026-01-10T00:01:00Z', -3)];
    expect(summarize(s, adopted, '2026-01-11T00:00:00Z')).toMatchObject({
      available: 47,
      observed: { drift: 0 },
    });
    // A negative adjustment that cannot apply in full still lowers drift by its full delta.
    const small = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 2),
      observed('2026-01-16T00:00:00Z', 0),
      adjust('2026-01-17T00:00:00Z', -5),
    ];
    expect(summarize(small, events, '2026-01-18T00:00:00Z')).toMatchObject({
      available: 0,
      observed: { balance: 0, drift: 3 },
    });
  });

  test('rule 11: an opening balance is an observation with drift 0', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T09:00:00Z' });
    expect(summarize(s, [opening('2026-01-15T09:00:00Z', 77)], '2026-01-16T00:00:00Z').observed).toEqual({
      at: '2026-01-15T09:00:00.000Z',
      balance: 77,
      drift: 0,
    });
  });

  test('rule 12: a negative adjustment consumes the lots that expire first, never below zero', () => {
    const s = seat();
    const events = [adjust('2026-02-02T00:00:00Z', -60)];
    // Feb 2: Jan 50 + Feb 50; −60 takes Jan's 50 then 10 of Feb's.
    expect(lots(s, events, '2026-02-03T00:00:00Z')).toEqual([
      ['2026-02-01T00:00', '2026-05-02T00:00', 50, 40],
    ]);
    expect(available(s, [adjust('2026-01-02T00:00:00Z', -500)], '2026-01-03T00:00:00Z')).toBe(0);
  });

  test('rule 12: a positive adjustment expires with the live lot that expires last (emptied ones count), else in 90 days', () => {
    const s = seat();
    expect(lots(s, [adjust('2026-03-02T00:00:00Z', 5)], '2026-03-03T00:00:00Z').at(-1)).toEqual([
      '2026-03-02T00:00',
      '2026-05-30T00:00',
      5,
      5,
    ]);
    // Opening 200 on Jan 15: Feb 1's lot received 0 credits but is live; it expires last (May 2).
    const rich = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const events = [opening('2026-01-15T00:00:00Z', 200), adjust('2026-02-02T00:00:00Z', 5)];
    expect(lots(rich, events, '2026-02-03T00:00:00Z').at(-1)).toEqual([
      '2026-02-02T00:00',
      '2026-05-02T00:00',
      5,
      5,
    ]);
    // No live lot (a cancelled seat): 90 days after the adjustment.
    const none = seat('none');
    expect(lots(none, [adjust('2026-01-10T06:00:00Z', 5)], '2026-01-11T00:00:00Z')).toEqual([
      ['2026-01-10T06:00', '2026-04-10T06:00', 5, 5],
    ]);
  });

  test('rule 13: an opening balance becomes the lots LinkedIn most likely holds (150 on Jan 15 → Nov 1, Dec 1, Jan 1)', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T10:00:00Z' });
    const events = [opening('2026-01-15T10:00:00Z', 150)];
    expect(lots(s, events, '2026-01-15T10:00:00Z')).toEqual([
      ['2025-11-01T00:00', '2026-01-30T00:00', 50, 50],
      ['2025-12-01T00:00', '2026-03-01T00:00', 50, 50],
      ['2026-01-01T00:00', '2026-04-01T00:00', 50, 50],
    ]);
    expect(available(s, events, '2026-01-30T00:00:00Z')).toBe(100);
    expect(available(s, events, '2026-02-01T00:00:00Z')).toBe(150);
  });

  test('rule 13: DESIGN.md’s example: 80 on Jan 10 in Berlin, grant day 14 → Nov 14 (30) and Dec 14 (50), +50 on Jan 14', () => {
    const s = seat('sales-navigator-core', {
      since: '2026-01-10T09:00:00+01:00',
      grantDay: 14,
      timeZone: 'Europe/Berlin',
    });
    const events = [opening('2026-01-10T09:00:00+01:00', 80)];
    expect(lots(s, events, '2026-01-10T08:00:00Z')).toEqual([
      ['2025-11-13T23:00', '2026-02-11T23:00', 30, 30],
      ['2025-12-13T23:00', '2026-03-13T23:00', 50, 50],
    ]);
    expect(available(s, events, '2026-01-13T23:00:00Z')).toBe(130);
  });

  test('rule 13: it replaces a grant at the same instant; a plan that grants nothing gets one 90-day lot', () => {
    const s = seat('sales-navigator-core', { since: '2026-02-01T00:00:00Z' });
    // Feb 1 (newest) 50, Jan 1 10, Dec 1 0 (expires Mar 1, still live); Nov 1's expired Jan 30.
    const events = [opening('2026-02-01T00:00:00Z', 60)];
    expect(available(s, events, '2026-02-01T00:00:00Z')).toBe(60);
    expect(lots(s, events, '2026-02-01T00:00:00Z')).toEqual([
      ['2026-01-01T00:00', '2026-04-01T00:00', 10, 10],
      ['2026-02-01T00:00', '2026-05-02T00:00', 50, 50],
    ]);
    const none = seat('none', { since: '2026-01-10T00:00:00Z' });
    expect(lots(none, [opening('2026-01-10T00:00:00Z', 7)], '2026-01-10T00:00:00Z')).toEqual([
      ['2026-01-10T00:00', '2026-04-10T00:00', 7, 7],
    ]);
  });

  test('rule 14: a voided event counts as never recorded, even when the void comes after the moment asked', () => {
    const s = seat();
    const send = sent('2026-01-05T00:00:00Z', 't1', 'paid', 'wrong');
    expect(available(s, [send], '2026-01-06T00:00:00Z')).toBe(49);
    expect(available(s, [send, voids('2026-01-07T00:00:00Z', 'wrong')], '2026-01-06T00:00:00Z')).toBe(50);
    const adj = adjust('2026-01-05T00:00:00Z', -10, 'adj');
    expect(available(s, [adj, voids('2026-01-06T00:00:00Z', 'adj')], '2026-01-07T00:00:00Z')).toBe(50);
  });
});

describe('plan changes', () => {
  test('rule 15: a change to another plan forfeits live credits; forfeit false keeps them; forfeit true even for the same plan', () => {
    const s = seat();
    const change = (extra: object, plan: PlanId = 'sales-navigator-advanced') => [
      planChange('2026-03-10T00:00:00Z', plan, extra),
    ];
    expect(summarize(s, change({}), '2026-03-11T00:00:00Z')).toMatchObject({
      available: 0,
      stats: { forfeited: 150 },
    });
    expect(summarize(s, change({ forfeit: false }), '2026-03-11T00:00:00Z')).toMatchObject({
      available: 150,
      stats: { forfeited: 0 },
    });
    expect(
      summarize(s, change({ forfeit: true }, 'sales-navigator-core'), '2026-03-11T00:00:00Z').available,
    ).toBe(0);
    expect(summarize(s, change({}, 'sales-navigator-core'), '2026-03-11T00:00:00Z').available).toBe(150);
    // The new plan grants from its next grant instant on.
    expect(available(s, change({}), '2026-04-01T00:00:00Z')).toBe(50);
  });

  test('rule 15: new terms default to the new plan’s amounts; grant day and zone carry over; overrides do not', () => {
    const s = seat('sales-navigator-core', { monthlyCredits: 30, grantDay: 14, timeZone: 'Europe/Berlin' });
    // Same plan, credits kept: the override of 30 does not carry over → 50 from the next grant.
    const same = [planChange('2026-03-01T00:00:00Z', 'sales-navigator-core', { forfeit: false })];
    const sum = summarize(s, same, '2026-03-02T00:00:00Z');
    expect(sum.nextGrant).toEqual({ at: '2026-03-13T23:00:00.000Z', credits: 50 });
    const business = [planChange('2026-03-01T00:00:00Z', 'premium-business')];
    expect(summarize(s, business, '2026-03-02T00:00:00Z').nextGrant).toEqual({
      at: '2026-03-13T23:00:00.000Z',
      credits: 15,
    });
  });

  test('rule 15: plan none cancels: credits lost, no grant follows, nextGrant is null', () => {
    const s = seat();
    const events = [planChange('2026-02-15T00:00:00Z', 'none')];
    const sum = summarize(s, events, '2026-06-01T00:00:00Z');
    expect(sum).toMatchObject({ available: 0, nextGrant: null, stats: { forfeited: 100 } });
    expect(sum.forecast.every((r) => r.available === 0)).toBe(true);
  });

  test('rule 15 with rule 16: a plan change at a grant instant comes before the grant, which follows the new terms', () => {
    const s = seat();
    // Apr 1: Jan's 50 expire (1), the change forfeits Feb's and Mar's 100 (2), the new plan grants 15 (3).
    const events = [planChange('2026-04-01T00:00:00Z', 'premium-business')];
    const sum = summarize(s, events, '2026-04-01T00:00:00Z');
    expect(sum).toMatchObject({ available: 15, stats: { expired: 50, forfeited: 100 } });
  });
});

describe('order of things at one instant', () => {
  test('rule 16: adjustment, then sends, then responses, then observations; ties within a kind by id', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const t = '2026-01-16T00:00:00Z';
    const events = [
      opening('2026-01-15T00:00:00Z', 1),
      observed(t, 7, 'obs-b'),
      observed(t, 9, 'obs-a'),
      reply(t),
      sent(t),
      adjust(t, -1),
    ];
    // Adjustment −1 → 0; the send at 0 is an overdraft; the reply answers it (no credit);
    // observations last, 'obs-b' after 'obs-a': drift = 7 − 0.
    const sum = summarize(s, events, t);
    expect(sum).toMatchObject({ available: 0, overdraft: 1, stats: { replied: 1, refunded: 0 } });
    expect(sum.observed).toEqual({ at: '2026-01-16T00:00:00.000Z', balance: 7, drift: 7 });
  });

  test('rule 16: events after the moment asked are ignored; the order given never matters', () => {
    const s = seat();
    const events = [
      sent('2026-01-05T00:00:00Z'),
      sent('2026-01-05T00:00:00Z', 't2'),
      reply('2026-01-05T00:00:00Z', 't2'),
      adjust('2026-02-01T00:00:00Z', 3),
      observed('2026-02-01T00:00:00Z', 90),
      planChange('2026-03-01T00:00:00Z', 'premium-career'),
      sent('2026-06-01T00:00:00Z'),
    ];
    const at = '2026-02-15T00:00:00Z';
    expect(summarize(s, events, at).stats.paidSent).toBe(2);
    for (const seed of [1, 2, 3, 4, 5])
      expect(summarize(s, shuffled(events, seed), at)).toEqual(summarize(s, events, at));
  });
});

describe('the summary', () => {
  test('expiring groups credits by expiry within N days; pending refunds are soonest first with closingSoon', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 150),
      sent('2026-01-20T00:00:00Z', 'a'),
      sent('2026-01-18T00:00:00Z', 'b'),
    ];
    const sum = summarize(s, events, '2026-01-25T00:00:00Z', { days: 7 });
    expect(sum.expiring).toEqual({
      withinDays: 7,
      credits: 48,
      byDate: [{ at: '2026-01-30T00:00:00.000Z', credits: 48 }],
    });
    expect(summarize(s, events, '2026-01-25T00:00:00Z', { days: 40 }).expiring.credits).toBe(98);
    expect(sum.pendingRefunds).toEqual({
      count: 2,
      closingSoon: 0,
      items: [
        { threadId: 'b', sentAt: '2026-01-18T00:00:00.000Z', windowClosesAt: '2026-04-18T00:00:00.000Z' },
        { threadId: 'a', sentAt: '2026-01-20T00:00:00.000Z', windowClosesAt: '2026-04-20T00:00:00.000Z' },
      ],
    });
  });

  test('nextGrant: the cap after the expiries at that instant; null when the terms grant nothing', () => {
    expect(summarize(seat(), [], '2026-03-15T00:00:00Z').nextGrant).toEqual({
      at: '2026-04-01T00:00:00.000Z',
      credits: 50,
    });
    expect(
      summarize(seat('recruiter', { monthlyCredits: 0 }), [], '2026-01-15T00:00:00Z').nextGrant,
    ).toBeNull();
    expect(summarize(seat('none'), [], '2026-01-15T00:00:00Z').nextGrant).toBeNull();
  });

  test('forecast: 90 local days from the day of `at`, available at each day’s end, best case if all pending answer', () => {
    const s = seat('sales-navigator-core', { timeZone: 'America/New_York', since: '2026-01-01T05:00:00Z' });
    const events = [sent('2026-03-30T12:00:00Z')];
    const sum = summarize(s, events, '2026-03-30T20:00:00Z');
    expect(sum.forecast).toHaveLength(90);
    expect(sum.forecast[0]).toEqual({ date: '2026-03-30', available: 149, bestCase: 150 });
    // Apr 1 00:00 New York: Jan's lot (49 left; 50 in the best case) leaves, April's 50 arrive.
    expect(sum.forecast[1]).toEqual({ date: '2026-03-31', available: 149, bestCase: 150 });
    expect(sum.forecast[2]).toEqual({ date: '2026-04-01', available: 150, bestCase: 150 });
    expect(sum.forecast[89]?.date).toBe('2026-06-27');
  });

  test('conservation: granted + positive adjustments = available + spent − refunded + expired + forfeited + removed + replaced', () => {
    const s = seat('sales-navigator-core', { since: '2026-01-15T00:00:00Z' });
    const events = [
      opening('2026-01-15T00:00:00Z', 120),
      sent('2026-01-16T00:00:00Z'),
      reply('2026-01-17T00:00:00Z'),
      sent('2026-01-18T00:00:00Z', 't2'),
      adjust('2026-01-19T00:00:00Z', -5),
      adjust('2026-01-20T00:00:00Z', 8),
      planChange('2026-05-01T00:00:00Z', 'premium-business'),
    ];
    const { available: a, totals: t } = replay(s, events, Date.parse('2026-06-01T00:00:00Z'));
    expect(t.granted + t.positiveAdjustments).toBe(
      a + t.spent - t.refunded + t.expired + t.forfeited + t.removedByAdjustments + t.replaced,
    );
  });
});
