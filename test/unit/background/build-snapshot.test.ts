// The snapshot the popup and the overlays draw, built by a pure function from what the
// background read (DESIGN.md contract 3).

import { describe, expect, test } from 'vitest';
import { snapshotBadge } from '../../../src/background/badge';
import {
  buildSnapshot,
  type SeatNow,
  type SnapshotInput,
  seatNow,
  UNASSIGNED_SHOWN,
} from '../../../src/background/build-snapshot';
import type { LedgerEvent } from '../../../src/ledger/events';
import { DEFAULT_SETTINGS } from '../../../src/messages/settings';
import { RECENT_INMAILS } from '../../../src/messages/snapshot';
import type { SeatRecord, UnassignedEvent } from '../../../src/store/db';

// Before February's grants: the balances are the openings less what was spent.
const NOW = Date.parse('2026-01-25T12:00:00Z');

const sales: SeatRecord = {
  id: 'sn',
  label: 'Dana — Sales Navigator',
  plan: 'sales-navigator-core',
  since: '2026-01-15T09:00:00Z',
  timeZone: 'Europe/Berlin',
  order: 0,
  account: 'sales:ACwAA1',
};
const premium: SeatRecord = {
  id: 'pr',
  label: 'Dana — Premium',
  plan: 'premium-business',
  since: '2026-01-20T09:00:00Z',
  order: 1,
};

const opening = (seat: SeatRecord, balance: number): LedgerEvent => ({
  id: `o-${seat.id}`,
  seat: seat.id,
  type: 'opening-balance',
  at: seat.since,
  balance,
});
const send = (
  n: number,
  extra: Partial<Extract<LedgerEvent, { type: 'inmail-sent' }>> = {},
): LedgerEvent => ({
  id: `s${n}`,
  seat: 'sn',
  type: 'inmail-sent',
  at: new Date(Date.parse('2026-01-20T10:00:00Z') + n * 60_000).toISOString(),
  threadId: `2-t${n}`,
  cost: 'paid',
  ...extra,
});

function seats(...list: [SeatRecord, LedgerEvent[]][]): SeatNow[] {
  return list.map(([seat, events]) => seatNow(seat, events, NOW, DEFAULT_SETTINGS.horizonDays));
}

function input(extra: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    now: NOW,
    seats: seats([sales, [opening(sales, 120), send(1)]], [premium, [opening(premium, 10)]]),
    settings: DEFAULT_SETTINGS,
    activeSeat: 'sn',
    droppedMessages: 0,
    seenBeforeSetup: {},
    unassigned: [],
    storageProblem: null,
    ledgerLostAt: null,
    ...extra,
  };
}

describe('the snapshot', () => {
  test('lists every seat in order, with the active seat’s summary and InMails', () => {
    const snapshot = buildSnapshot(input());
    expect(snapshot.computedAt).toBe('2026-01-25T12:00:00.000Z');
    expect(snapshot.seats).toEqual([
      {
        id: 'sn',
        label: 'Dana — Sales Navigator',
        plan: 'sales-navigator-core',
        timeZone: 'Europe/Berlin',
        available: 119,
        since: '2026-01-15T09:00:00Z',
        account: 'sales:ACwAA1',
        monthlyCredits: 50,
        cap: 150,
      },
      {
        id: 'pr',
        label: 'Dana — Premium',
        plan: 'premium-business',
        timeZone: 'UTC',
        available: 10,
        since: '2026-01-20T09:00:00Z',
        monthlyCredits: 15,
        cap: 45,
      },
    ]);
    expect(snapshot.activeSeat).toBe('sn');
    expect(snapshot.summary?.available).toBe(119);
    expect(snapshot.inmails).toEqual([
      expect.objectContaining({
        id: 's1',
        threadId: '2-t1',
        cost: 'paid',
        status: 'awaiting',
        refundable: true,
      }),
    ]);
    // Counted over every InMail of the seat, with the deadline that binds soonest.
    expect(snapshot.statusCounts).toMatchObject({ awaiting: 1, refunded: 0, 'window-closed': 0 });
    expect(snapshot.soonestRefundDeadline).toBe(snapshot.inmails[0]?.refundDeadline);
  });

  test('an active seat that is gone gives way to the first seat; no seat, no figures', () => {
    expect(buildSnapshot(input({ activeSeat: 'removed' })).activeSeat).toBe('sn');
    expect(buildSnapshot(input({ activeSeat: null })).activeSeat).toBe('sn');
    const empty = buildSnapshot(input({ seats: [], activeSeat: 'sn' }));
    expect(empty).toMatchObject({ activeSeat: null, seats: [], summary: null, inmails: [] });
  });

  test('the other seat’s InMails are not shown; the active seat’s show as the rows of contract 3', () => {
    const snapshot = buildSnapshot(input({ activeSeat: 'pr' }));
    expect(snapshot.summary?.available).toBe(10);
    expect(snapshot.inmails).toEqual([]);
  });

  test(`InMail rows: the latest ${RECENT_INMAILS}, newest first, with their flags and deadlines`, () => {
    const many = Array.from({ length: RECENT_INMAILS + 5 }, (_, n) =>
      send(n + 1, n === RECENT_INMAILS + 4 ? { costUnknown: true, recipient: { name: 'Sam Lee' } } : {}),
    );
    const free = send(100, { cost: 'free-open-profile' });
    const snapshot = buildSnapshot(input({ seats: seats([sales, [opening(sales, 120), ...many, free]]) }));
    expect(snapshot.inmails).toHaveLength(RECENT_INMAILS);
    expect(snapshot.inmails[0]).toEqual({
      id: 's100',
      threadId: '2-t100',
      sentAt: '2026-01-20T11:40:00.000Z',
      cost: 'free-open-profile',
      status: 'free',
      windowClosesAt: expect.any(String),
      refundable: false,
    });
    expect(snapshot.inmails[1]).toMatchObject({
      id: `s${RECENT_INMAILS + 5}`,
      costUnknown: true,
      recipient: { name: 'Sam Lee' },
      status: 'awaiting',
      refundable: true,
      refundDeadline: expect.stringMatching(/Z$/),
    });
    // 56 sends: the 6 oldest are left out.
    expect(snapshot.inmails.at(-1)?.id).toBe('s7');
  });

  test('what a pool showed before setup is proposed only while the pool has no seat', () => {
    const seen = {
      'sales-navigator': { balance: { value: 118, at: '2026-01-10T09:00:00Z', where: 'compose' as const } },
      recruiter: { account: 'member:42' },
    };
    expect(buildSnapshot(input({ seenBeforeSetup: seen })).seenBeforeSetup).toEqual([
      { pool: 'recruiter', account: 'member:42' },
    ]);
  });

  test(`detections waiting for the rep: at most ${UNASSIGNED_SHOWN}, a send with its recipient`, () => {
    const waiting = (n: number): UnassignedEvent => ({
      key: `k${String(n).padStart(2, '0')}`,
      pool: n === 0 ? 'unknown' : 'premium',
      ...(n === 1 ? { account: 'member:7' } : {}),
      event:
        n === 0
          ? { id: 'r', seat: '', type: 'reply-received', at: '2026-01-24T00:00:00Z', threadId: '2-x' }
          : { ...send(n, { recipient: { name: `Person ${n}` } }), seat: '' },
      receivedAt: NOW,
    });
    const rows = buildSnapshot(
      input({ unassigned: Array.from({ length: 25 }, (_, n) => waiting(n)) }),
    ).unassigned;
    expect(rows).toHaveLength(UNASSIGNED_SHOWN);
    expect(rows.slice(0, 2)).toEqual([
      { key: 'k00', pool: 'unknown', type: 'reply-received', at: '2026-01-24T00:00:00Z' },
      {
        key: 'k01',
        pool: 'premium',
        type: 'inmail-sent',
        at: '2026-01-20T10:01:00.000Z',
        recipient: 'Person 1',
        account: 'member:7',
      },
    ]);
  });

  test('storage health, dropped messages and settings are carried as given', () => {
    const settings = { ...DEFAULT_SETTINGS, horizonDays: 14 };
    const snapshot = buildSnapshot(
      input({ settings, storageProblem: 'out of space', ledgerLostAt: null, droppedMessages: 3 }),
    );
    expect(snapshot).toMatchObject({
      settings,
      storageProblem: 'out of space',
      ledgerLostAt: null,
      droppedMessages: 3,
    });
  });

  test('is pure: the same input gives the same snapshot and is left as it was', () => {
    const given = input();
    const before = structuredClone(given);
    expect(buildSnapshot(given)).toEqual(buildSnapshot(given));
    expect(given).toEqual(before);
  });

  test('the badge is the active seat’s, in its time zone', () => {
    const badge = snapshotBadge(buildSnapshot(input()));
    expect(badge.text).toBe('119');
    expect(snapshotBadge(buildSnapshot(input({ seats: [] }))).text).toBe('');
  });
});
