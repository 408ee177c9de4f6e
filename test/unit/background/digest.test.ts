import { describe, expect, test } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../src/background/badge';
import { type DigestInput, digestFor, dueItems, nextWake } from '../../../src/background/digest';
import type { LedgerEvent, Seat } from '../../../src/ledger/events';
import { summarize } from '../../../src/ledger/summarize';

const seat: Seat = { id: 's', label: 'Dana', plan: 'sales-navigator-core', since: '2026-01-15T09:00:00Z' };
const opening: LedgerEvent = {
  id: 'o',
  seat: 's',
  type: 'opening-balance',
  at: '2026-01-15T09:00:00Z',
  balance: 150,
};
// Lots of Nov 1, Dec 1 and Jan 1 (50 each): the first expires Jan 30 00:00 UTC.

function input(at: string, extra: Partial<DigestInput> = {}, events: LedgerEvent[] = [opening]): DigestInput {
  return {
    seat: { id: 's', label: 'Dana', timeZone: 'UTC' },
    summary: summarize(seat, events, at),
    now: Date.parse(at),
    thresholds: [7, 2],
    notifyRefundWindows: false,
    announced: new Set(),
    lastDigestDay: null,
    ...extra,
  };
}

describe('digest', () => {
  test('nothing is due before the first threshold', () => {
    expect(digestFor(input('2026-01-22T23:59:59Z'))).toBeNull();
  });

  test('the 7-day threshold is announced once, naming credits, date and distance', () => {
    const digest = digestFor(input('2026-01-23T00:00:00Z'));
    expect(digest).toEqual({
      day: '2026-01-23',
      title: 'InMail credits · Dana',
      message: '50 credits expire Jan 30 · in 7 days',
      keys: ['lot:2026-01-30T00:00:00.000Z:7'],
    });
    expect(digestFor(input('2026-01-24T00:00:00Z', { announced: new Set(digest?.keys) }))).toBeNull();
  });

  test('reaching a nearer threshold announces again; passing both at once announces once', () => {
    const seven = new Set(['lot:2026-01-30T00:00:00.000Z:7']);
    expect(digestFor(input('2026-01-28T00:00:00Z', { announced: seven }))?.message).toBe(
      '50 credits expire Jan 30 · in 2 days',
    );
    // Away all week: only the nearer threshold is told, and both count as told.
    const late = digestFor(input('2026-01-29T08:00:00Z'));
    expect(late?.message).toBe('50 credits expire Jan 30, 12:00 AM · tomorrow');
    expect(late?.keys.sort()).toEqual(['lot:2026-01-30T00:00:00.000Z:2', 'lot:2026-01-30T00:00:00.000Z:7']);
  });

  test('at most one digest per seat per day; what is held comes tomorrow, not dropped', () => {
    const held = input('2026-01-23T10:00:00Z', { lastDigestDay: '2026-01-23' });
    expect(digestFor(held)).toBeNull();
    expect(dueItems(held)).toHaveLength(1);
    // The alarm is set for the start of tomorrow so the held item goes out then.
    expect(nextWake(held)).toBe(Date.parse('2026-01-24T00:00:00Z'));
    expect(
      digestFor({ ...held, now: Date.parse('2026-01-24T00:00:00Z'), lastDigestDay: '2026-01-23' })?.message,
    ).toBe('50 credits expire Jan 30 · in 6 days');
  });

  test('pending refunds whose last chance falls this week join the digest when asked for', () => {
    const deadlines = [{ key: 'm1', at: Date.parse('2026-01-30T00:00:00Z') }];
    const base = input('2026-01-23T00:00:00Z', { refundDeadlines: deadlines });
    expect(digestFor(base)?.message).toBe('50 credits expire Jan 30 · in 7 days');
    const asked = digestFor({ ...base, notifyRefundWindows: true });
    expect(asked?.message).toBe(
      '50 credits expire Jan 30 · in 7 days · 1 InMail awaiting a reply: credit back if they reply by Jan 30 · in 7 days',
    );
    expect(asked?.keys).toContain('refund:m1');
    expect(
      digestFor(input('2026-01-22T00:00:00Z', { refundDeadlines: deadlines, notifyRefundWindows: true })),
    ).toBeNull();
  });

  test('the next wake is the soonest of thresholds, expiries, windows and grants', () => {
    expect(nextWake(input('2026-01-20T00:00:00Z'))).toBe(Date.parse('2026-01-23T00:00:00Z'));
    expect(nextWake(input('2026-01-30T00:00:00Z'))).toBe(Date.parse('2026-02-01T00:00:00Z'));
  });
});

describe('badge', () => {
  test('neutral, amber within the threshold, red only within two days of an expiry, grey at zero', () => {
    const at = (iso: string, events: LedgerEvent[] = [opening]) =>
      badgeFor(summarize(seat, events, iso), 'Dana', 'UTC', 7);
    expect(at('2026-01-20T00:00:00Z')).toMatchObject({ text: '150', color: BADGE_COLORS.neutral });
    expect(at('2026-01-23T00:00:00Z').color).toBe(BADGE_COLORS.amber);
    expect(at('2026-01-28T00:00:00Z').color).toBe(BADGE_COLORS.red);
    const empty: LedgerEvent = { ...opening, balance: 0 } as LedgerEvent;
    expect(at('2026-01-20T00:00:00Z', [empty])).toMatchObject({ text: '0', color: BADGE_COLORS.empty });
    // Red says why: the credits it is about, and what to do.
    expect(at('2026-01-28T00:00:00Z').title).toBe(
      '150 InMail credits · 50 expire Jan 30: send them or lose them (Dana)',
    );
  });

  test('the title spells it out', () => {
    const events: LedgerEvent[] = [
      opening,
      { id: 'm1', seat: 's', type: 'inmail-sent', at: '2026-01-16T10:00:00Z', threadId: 't1', cost: 'paid' },
    ];
    expect(badgeFor(summarize(seat, events, '2026-01-20T00:00:00Z'), 'Dana', 'UTC', 7).title).toBe(
      '149 InMail credits · 49 expire Jan 30 · 1 refund pending (Dana)',
    );
    expect(badgeFor(null, '', 'UTC', 7)).toMatchObject({ text: '' });
  });
});
