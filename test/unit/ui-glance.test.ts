// The words and figures of the popup's glance (issue 13): plurals, local dates, the refund
// deadline that binds, the drift sentence, what expires beyond a week, the seat choice.
import { describe, expect, test } from 'vitest';
import type { LedgerEvent, Seat } from '../../src/ledger/events';
import { capLoss, expiriesAfter } from '../../src/ledger/glance';
import { summarize } from '../../src/ledger/summarize';
import type { InmailRow, SeatBrief, UnassignedRow } from '../../src/messages/snapshot';
import { driftOf, driftSentence } from '../../src/ui/popup/DriftNote';
import { capWords } from '../../src/ui/popup/ExpiryFacts';
import { listOrder } from '../../src/ui/popup/InmailList';
import { placeFor } from '../../src/ui/popup/Unassigned';
import { agree, count, localWhen, refundWords, relativeDay } from '../../src/ui/words';

const T = (iso: string) => Date.parse(iso);

describe('words', () => {
  test('plurals agree with their count', () => {
    expect(count(1, 'credit')).toBe('1 credit');
    expect(count(0, 'credit')).toBe('0 credits');
    expect(count(2, 'window')).toBe('2 windows');
    expect(`${count(1, 'credit')} ${agree(1, 'expires', 'expire')}`).toBe('1 credit expires');
    expect(`${count(3, 'window')} ${agree(3, 'closes', 'close')}`).toBe('3 windows close');
  });

  test('dates are the rep’s own, with the clock time yesterday, today and tomorrow only', () => {
    const now = T('2026-11-29T18:00:00Z');
    // 01:00 UTC on Nov 30 is still Nov 29 in California.
    expect(localWhen(T('2026-11-30T01:00:00Z'), now, 'America/Los_Angeles')).toBe('Nov 29, 5:00 PM');
    expect(relativeDay(now, T('2026-11-30T01:00:00Z'), 'America/Los_Angeles')).toBe('today');
    expect(relativeDay(now, T('2026-11-30T01:00:00Z'), 'UTC')).toBe('tomorrow');
    expect(localWhen(T('2026-12-05T01:00:00Z'), now, 'UTC')).toBe('Dec 5');
    expect(localWhen(T('2026-11-28T09:30:00Z'), now, 'UTC')).toBe('Nov 28, 9:30 AM');
  });

  test('a send awaiting a reply says the deadline that binds, or that nothing can come back', () => {
    const now = T('2026-11-29T12:00:00Z');
    const soon = refundWords({ status: 'awaiting', refundDeadline: '2026-11-30T15:00:00.000Z' }, now, 'UTC');
    expect(soon).toEqual({
      text: 'Credit back if they reply by Nov 30, 3:00 PM · tomorrow',
      urgency: 'urgent',
      good: false,
    });
    expect(
      refundWords({ status: 'awaiting', refundDeadline: '2027-01-20T00:00:00.000Z' }, now, 'UTC'),
    ).toMatchObject({
      text: 'Credit back if they reply by Jan 20 · in 52 days',
      urgency: 'calm',
    });
    expect(refundWords({ status: 'awaiting' }, now).text).toBe('Awaiting reply · no credit back possible');
    expect(refundWords({ status: 'refunded' }, now)).toMatchObject({ text: 'Refunded', good: true });
  });
});

const seat: Seat = { id: 'sn', label: 'SN', plan: 'sales-navigator-core', since: '2026-01-15T10:00:00Z' };
const opening: LedgerEvent = {
  id: 'o',
  seat: 'sn',
  type: 'opening-balance',
  at: '2026-01-15T10:00:00Z',
  balance: 150,
};
const brief: SeatBrief = {
  id: 'sn',
  label: 'SN',
  plan: 'sales-navigator-core',
  timeZone: 'UTC',
  available: 150,
  monthlyCredits: 50,
  cap: 150,
};

describe('expiry beyond a week and the cap', () => {
  test('the next expiry and the ones after it, whatever the horizon', () => {
    const summary = summarize(seat, [opening], '2026-01-16T00:00:00Z');
    const list = expiriesAfter(summary, T(summary.at));
    expect(list.map((e) => [new Date(e.at).toISOString().slice(0, 10), e.credits])).toEqual([
      ['2026-01-30', 50],
      ['2026-03-01', 50],
      ['2026-04-01', 50],
    ]);
    expect(summary.expiring.credits).toBe(0); // nothing within 7 days, yet the next expiry is known
  });

  test('at the cap, the next grant is lost whole', () => {
    // 200 opened (above the cap); after Jan 30's 50 expire, 150 are held on Jan 31: the cap.
    const full = summarize(seat, [{ ...opening, balance: 200 } as LedgerEvent], '2026-01-31T00:00:00Z');
    expect(full.nextGrant).toMatchObject({ credits: 0 });
    const loss = capLoss(full, brief.monthlyCredits);
    expect(loss).toEqual({ lost: 50, at: T('2026-02-01T00:00:00Z') });
    expect(capWords(loss as never, 50, T(full.at))).toBe(
      'At the cap: the 50 credits due Feb 1, 12:00 AM are lost; each InMail you send before then saves one.',
    );
    // 20 sent: 20 of Feb 1's 50 fit, 30 are lost.
    const sends = Array.from(
      { length: 20 },
      (_, k): LedgerEvent => ({
        id: `s${k}`,
        seat: 'sn',
        type: 'inmail-sent',
        at: '2026-01-30T12:00:00Z',
        threadId: `t${k}`,
        cost: 'paid',
      }),
    );
    const near = summarize(
      seat,
      [{ ...opening, balance: 200 } as LedgerEvent, ...sends],
      '2026-01-31T00:00:00Z',
    );
    expect(capLoss(near, brief.monthlyCredits)).toMatchObject({ lost: 30 });
    expect(capLoss(summarize(seat, [opening], '2026-01-31T00:00:00Z'), brief.monthlyCredits)).toBeNull();
  });
});

const row = (over: Partial<InmailRow>): InmailRow => ({
  id: 'x',
  threadId: 't',
  sentAt: '2026-11-01T00:00:00.000Z',
  cost: 'paid',
  status: 'awaiting',
  windowClosesAt: '2027-01-30T00:00:00.000Z',
  refundable: true,
  ...over,
});

test('the drift sentence carries LinkedIn’s reading forward to now, and names the number it sets', () => {
  const summary = {
    available: 119,
    observed: { at: '2026-11-29T01:49:00.000Z', balance: 118, drift: -2 },
  } as never;
  const rows = [row({ sentAt: '2026-11-29T02:00:00.000Z' })];
  const drift = driftOf(summary, rows);
  expect(drift).toMatchObject({ shown: 118, weHad: 120, ours: 119, now: 117, sendsSince: 1 });
  expect(driftSentence(drift as never, T('2026-11-29T12:00:00Z'))).toBe(
    'LinkedIn showed 118 at Nov 29, 1:49 AM, before your last send (we had 120): that is 117 now.',
  );
});

test('InMails whose credit must come back within a week come first, soonest first', () => {
  const now = T('2026-11-29T00:00:00Z');
  const rows = [
    row({ id: 'new', refundDeadline: '2027-02-01T00:00:00.000Z' }),
    row({ id: 'late', refundDeadline: '2026-12-04T00:00:00.000Z' }),
    row({ id: 'done', status: 'refunded', refundable: false }),
    row({ id: 'soon', refundDeadline: '2026-11-30T00:00:00.000Z' }),
  ];
  expect(listOrder(rows, now).map((r) => r.id)).toEqual(['soon', 'late', 'new', 'done']);
});

describe('which seat', () => {
  const sn: SeatBrief = { ...brief, account: 'sales:A' };
  const premium: SeatBrief = { ...brief, id: 'pr', label: 'Premium', plan: 'premium-business' };
  const waiting = (over: Partial<UnassignedRow>): UnassignedRow => ({
    key: 'k',
    pool: 'premium',
    type: 'inmail-sent',
    at: '2026-11-29T00:00:00Z',
    ...over,
  });
  test('only seats of the same pool, or none with the true reason', () => {
    expect(placeFor(waiting({}), [sn])).toEqual({ seats: [], why: 'no Premium seat is set up' });
    expect(placeFor(waiting({}), [sn, premium]).seats.map((s) => s.id)).toEqual(['pr']);
    expect(placeFor(waiting({ pool: 'sales-navigator', account: 'sales:B' }), [sn, premium])).toMatchObject({
      seats: [sn],
      why: expect.stringMatching(/another LinkedIn account/),
    });
    expect(placeFor(waiting({ pool: 'sales-navigator', account: 'sales:A' }), [sn, premium]).why).not.toMatch(
      /another/,
    );
  });
});
