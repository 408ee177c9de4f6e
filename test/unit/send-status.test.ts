// Where each InMail stands (DESIGN.md contract 3: the popup's `data-status`), at the edges that
// decide it: the refund window's close (inclusive: a response at that very millisecond is in
// time, and an unanswered send is still awaiting), its lot's expiry (a response after it brings
// nothing back), free sends. Each status is reached through `replay`, as the popup reaches it.

import { describe, expect, test } from 'vitest';
import type { LedgerEvent, Seat } from '../../src/ledger/events';
import { replay } from '../../src/ledger/replay';
import { type SendStatus, sendStatus } from '../../src/ledger/send-status';
import { isPendingRefund, summarize } from '../../src/ledger/summarize';

const iso = (ms: number) => new Date(ms).toISOString();

/** A Sales Navigator seat in UTC: lots of Nov 1, Dec 1 and Jan 1 (50 each) from its opening 150. */
const UTC: Seat = { id: 's', label: 'Dana', plan: 'sales-navigator-core', since: '2026-01-15T09:00:00Z' };
const opening = (seat: Seat, balance: number): LedgerEvent =>
  ({ id: 'open', seat: seat.id, type: 'opening-balance', at: seat.since, balance }) as LedgerEvent;
const sent = (seat: Seat, id: string, at: string, cost = 'paid'): LedgerEvent =>
  ({ id, seat: seat.id, type: 'inmail-sent', at, threadId: `2-${id}`, cost }) as LedgerEvent;
const replied = (seat: Seat, id: string, at: number): LedgerEvent =>
  ({ id: `${id}-r`, seat: seat.id, type: 'reply-received', at: iso(at), threadId: `2-${id}` }) as LedgerEvent;

/** The status of send `id` at `at`, and the seat's figures then. */
function statusOf(seat: Seat, events: LedgerEvent[], id: string, at: number) {
  const state = replay(seat, events, at);
  const send = state.sends.find((s) => s.id === id);
  if (!send) throw new Error(`no send ${id}`);
  return {
    status: sendStatus(send, at),
    pending: isPendingRefund(send, at),
    replied: state.replied,
    late: state.lateReplies,
    refunded: state.totals.refunded,
  };
}

// The send of Jan 20 10:00 is paid from Nov 1's lot (expires Jan 30 00:00); its window closes
// 90 days after it, Apr 20 10:00.
const SEND = '2026-01-20T10:00:00Z';
const LOT_EXPIRES = Date.parse('2026-01-30T00:00:00Z');
const WINDOW_CLOSES = Date.parse('2026-04-20T10:00:00Z');
const base = [opening(UTC, 150), sent(UTC, 'm', SEND)];

describe('the refund window’s close is inclusive', () => {
  test('the window is 90 days and the lot is the one expiring first (the figures below rest on it)', () => {
    const send = replay(UTC, base, Date.parse(SEND)).sends[0];
    expect(send?.windowClosesAt).toBe(WINDOW_CLOSES);
    expect(send?.lot?.expiresAt).toBe(LOT_EXPIRES);
  });

  test('unanswered: awaiting up to and at the close, window-closed one millisecond after', () => {
    expect(statusOf(UTC, base, 'm', Date.parse(SEND)).status).toBe('awaiting');
    expect(statusOf(UTC, base, 'm', WINDOW_CLOSES - 1).status).toBe('awaiting');
    expect(statusOf(UTC, base, 'm', WINDOW_CLOSES).status).toBe('awaiting');
    expect(statusOf(UTC, base, 'm', WINDOW_CLOSES + 1).status).toBe('window-closed');
  });

  test('a response at the close is in time (replied, its lot long expired); one millisecond later it is late', () => {
    const atClose = statusOf(UTC, [...base, replied(UTC, 'm', WINDOW_CLOSES)], 'm', WINDOW_CLOSES + 5);
    expect(atClose).toMatchObject({ status: 'replied-no-credit', replied: 1, late: 0, refunded: 0 });
    const after = statusOf(UTC, [...base, replied(UTC, 'm', WINDOW_CLOSES + 1)], 'm', WINDOW_CLOSES + 5);
    expect(after).toMatchObject({ status: 'late-reply', replied: 0, late: 1, refunded: 0 });
  });

  // Berlin's clocks go back on Oct 25, 2026 at 03:00 CEST: the seat begins at 02:30 CEST (00:30Z),
  // its only lot (a plan that grants nothing) expires 90 days later at 02:30 CET (Jan 23, 01:30Z);
  // the send at 02:10 CET (01:10Z, forty minutes later) has its window close at 02:10 CET
  // (Jan 23, 01:10Z), twenty minutes before its lot expires: the one case where a credit can
  // come back at the window's very close.
  const BERLIN: Seat = {
    id: 'b',
    label: 'Dana',
    plan: 'sales-navigator-core',
    since: '2026-10-25T00:30:00Z',
    timeZone: 'Europe/Berlin',
    monthlyCredits: 0,
  };
  const dst = [opening(BERLIN, 10), sent(BERLIN, 'm', '2026-10-25T01:10:00Z')];
  const CLOSE = Date.parse('2027-01-23T01:10:00Z');

  test('DST: the lot outlives the window (the figures below rest on it)', () => {
    const send = replay(BERLIN, dst, CLOSE).sends[0];
    expect(iso(send?.windowClosesAt ?? 0)).toBe('2027-01-23T01:10:00.000Z');
    expect(iso(send?.lot?.expiresAt ?? 0)).toBe('2027-01-23T01:30:00.000Z');
  });

  test('DST: a response at the close is refunded; one millisecond later it is a late reply', () => {
    const atClose = statusOf(BERLIN, [...dst, replied(BERLIN, 'm', CLOSE)], 'm', CLOSE + 5);
    expect(atClose).toMatchObject({ status: 'refunded', replied: 1, late: 0, refunded: 1 });
    const after = statusOf(BERLIN, [...dst, replied(BERLIN, 'm', CLOSE + 1)], 'm', CLOSE + 5);
    expect(after).toMatchObject({ status: 'late-reply', replied: 0, late: 1, refunded: 0 });
  });

  test('DST: unanswered, the credit is still pending at the close, and no longer 1 ms after', () => {
    expect(statusOf(BERLIN, dst, 'm', CLOSE)).toMatchObject({ status: 'awaiting', pending: true });
    expect(statusOf(BERLIN, dst, 'm', CLOSE + 1)).toMatchObject({ status: 'window-closed', pending: false });
    const at = (ms: number) => summarize(BERLIN, dst, iso(ms)).pendingRefunds;
    expect(at(CLOSE)).toMatchObject({ count: 1, items: [{ windowClosesAt: '2027-01-23T01:10:00.000Z' }] });
    expect(at(CLOSE + 1)).toMatchObject({ count: 0, items: [] });
  });
});

describe('a response after the lot expired brings nothing back', () => {
  test('one millisecond before the lot’s expiry: refunded; at it: replied-no-credit', () => {
    expect(statusOf(UTC, [...base, replied(UTC, 'm', LOT_EXPIRES - 1)], 'm', LOT_EXPIRES + 5)).toMatchObject({
      status: 'refunded',
      refunded: 1,
    });
    expect(statusOf(UTC, [...base, replied(UTC, 'm', LOT_EXPIRES)], 'm', LOT_EXPIRES + 5)).toMatchObject({
      status: 'replied-no-credit',
      replied: 1,
      refunded: 0,
    });
  });

  test('a pending refund ends with its lot, though its window is open', () => {
    expect(statusOf(UTC, base, 'm', LOT_EXPIRES - 1)).toMatchObject({ status: 'awaiting', pending: true });
    expect(statusOf(UTC, base, 'm', LOT_EXPIRES)).toMatchObject({ status: 'awaiting', pending: false });
  });
});

describe('free sends', () => {
  test.each([
    ['free-connection', null],
    ['free-open-profile', LOT_EXPIRES - 1],
    ['free-open-profile', WINDOW_CLOSES + 1],
  ] as const)('%s answered at %s is free', (cost, answer) => {
    const events = [opening(UTC, 150), sent(UTC, 'f', SEND, cost)];
    if (answer !== null) events.push(replied(UTC, 'f', answer));
    expect(statusOf(UTC, events, 'f', WINDOW_CLOSES + 10)).toMatchObject({ status: 'free', refunded: 0 });
  });
});

describe('every status at one moment, each its own', () => {
  // The popup's six chips, as the e2e test imports them (test/e2e/ledger.spec.ts).
  const events = [
    opening(UTC, 150),
    sent(UTC, 'closed', '2026-01-16T10:00:00Z'),
    sent(UTC, 'late', '2026-01-17T10:00:00Z'),
    replied(UTC, 'late', Date.parse('2026-04-20T10:00:00Z')),
    sent(UTC, 'nocredit', '2026-01-18T10:00:00Z'),
    replied(UTC, 'nocredit', Date.parse('2026-02-05T10:00:00Z')),
    sent(UTC, 'refunded', '2026-01-19T10:00:00Z'),
    replied(UTC, 'refunded', Date.parse('2026-01-25T10:00:00Z')),
    sent(UTC, 'awaiting', '2026-05-05T10:00:00Z'),
    sent(UTC, 'free', '2026-05-06T10:00:00Z', 'free-open-profile'),
  ];
  test('window-closed, late-reply, replied-no-credit, refunded, awaiting, free', () => {
    const at = Date.parse('2026-05-10T12:00:00Z');
    const statuses: Record<string, SendStatus> = {};
    for (const s of replay(UTC, events, at).sends) statuses[s.id] = sendStatus(s, at);
    expect(statuses).toEqual({
      closed: 'window-closed',
      late: 'late-reply',
      nocredit: 'replied-no-credit',
      refunded: 'refunded',
      awaiting: 'awaiting',
      free: 'free',
    });
  });
});
