// The snapshot the popup and the overlays draw (DESIGN.md contract 3), built from what the
// background read: plain data in, plain data out, no clock read, no I/O.

import type { LedgerEvent } from '../ledger/events';
import { formatInstant } from '../ledger/instant';
import { PLANS, POOLS } from '../ledger/plans';
import { type LedgerState, replay, type SendRecord } from '../ledger/replay';
import { type SendStatus, sendStatus } from '../ledger/send-status';
import { refundDeadline, type Summary, summaryOf } from '../ledger/summarize';
import type { Settings } from '../messages/settings';
import {
  type InmailRow,
  RECENT_INMAILS,
  type SeatBrief,
  type Snapshot,
  type UnassignedRow,
} from '../messages/snapshot';
import type { SeatRecord, UnassignedEvent } from '../store/db';
import type { MetaValues } from '../store/meta';

/** How many waiting detections the popup lists. */
export const UNASSIGNED_SHOWN = 20;

/** A seat as replayed now: what the snapshot and the digests are made of. */
export interface SeatNow {
  seat: SeatRecord;
  state: LedgerState;
  summary: Summary;
}

export function seatNow(
  seat: SeatRecord,
  events: readonly LedgerEvent[],
  now: number,
  days: number,
): SeatNow {
  const state = replay(seat, events, now);
  return { seat, state, summary: summaryOf(state, { days }) };
}

export interface SnapshotInput {
  now: number;
  /** Every seat, in the seat list's order. */
  seats: readonly SeatNow[];
  settings: Settings;
  /** The active seat as stored (one no longer there gives way to the first seat). */
  activeSeat: string | null;
  droppedMessages: number;
  seenBeforeSetup: MetaValues['seen-before-setup'];
  /** Detections waiting for the rep, in key order (orphan responses left out). */
  unassigned: readonly UnassignedEvent[];
  /** What stops the ledger from being written, in the rep's words (null: nothing). */
  storageProblem: string | null;
  ledgerLostAt: string | null;
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const { now, seats } = input;
  const activeSeat = seats.some((s) => s.seat.id === input.activeSeat)
    ? input.activeSeat
    : (seats[0]?.seat.id ?? null);
  const active = seats.find((s) => s.seat.id === activeSeat);
  const withSeat = new Set(seats.map((s) => PLANS[s.seat.plan].pool));
  return {
    computedAt: formatInstant(now),
    activeSeat,
    seats: seats.map(seatBrief),
    summary: active?.summary ?? null,
    inmails: active ? recentInmails(active.state.sends, now) : [],
    statusCounts: statusCounts(active?.state.sends ?? [], now),
    soonestRefundDeadline: soonestDeadline(active?.state.sends ?? [], now),
    settings: input.settings,
    storageProblem: input.storageProblem,
    ledgerLostAt: input.ledgerLostAt,
    droppedMessages: input.droppedMessages,
    // In the order the pools were first seen (as stored), those that still have no seat.
    seenBeforeSetup: Object.entries(input.seenBeforeSetup).flatMap(([pool, seen]) => {
      const known = POOLS.find((p) => p === pool);
      return known && seen && !withSeat.has(known) ? [{ pool: known, ...seen }] : [];
    }),
    unassigned: input.unassigned.slice(0, UNASSIGNED_SHOWN).map(unassignedRow),
  };
}

function seatBrief({ seat, state, summary }: SeatNow): SeatBrief {
  return {
    id: seat.id,
    label: seat.label,
    plan: state.terms.plan,
    timeZone: state.terms.timeZone,
    available: summary.available,
    since: seat.since,
    monthlyCredits: state.terms.monthlyCredits,
    cap: state.terms.cap,
    ...(seat.account ? { account: seat.account } : {}),
  };
}

/** The latest InMails, newest first. */
function recentInmails(sends: readonly SendRecord[], now: number): InmailRow[] {
  return sends
    .slice(-RECENT_INMAILS)
    .reverse()
    .map((s) => ({
      id: s.id,
      threadId: s.threadId,
      sentAt: formatInstant(s.at),
      cost: s.cost,
      ...(s.costUnknown ? { costUnknown: true as const } : {}),
      ...(s.beforeSetup ? { beforeSetup: true as const } : {}),
      status: sendStatus(s, now),
      ...(s.recipient ? { recipient: s.recipient } : {}),
      windowClosesAt: formatInstant(s.windowClosesAt),
      ...(s.answer ? { respondedAt: formatInstant(s.answer.at) } : {}),
      ...refundFields(refundDeadline(s, now)),
    }));
}

function statusCounts(sends: readonly SendRecord[], now: number): Record<SendStatus, number> {
  const counts: Record<SendStatus, number> = {
    awaiting: 0,
    refunded: 0,
    'replied-no-credit': 0,
    'late-reply': 0,
    'window-closed': 0,
    free: 0,
  };
  for (const s of sends) counts[sendStatus(s, now)]++;
  return counts;
}

function soonestDeadline(sends: readonly SendRecord[], now: number): string | null {
  let soonest = Number.POSITIVE_INFINITY;
  for (const s of sends) soonest = Math.min(soonest, refundDeadline(s, now) ?? Number.POSITIVE_INFINITY);
  return Number.isFinite(soonest) ? formatInstant(soonest) : null;
}

/** Whether a response can still bring the credit back, and until when (the deadline that binds). */
function refundFields(deadline: number | null): { refundable: boolean; refundDeadline?: string } {
  return deadline === null
    ? { refundable: false }
    : { refundable: true, refundDeadline: formatInstant(deadline) };
}

function unassignedRow(u: UnassignedEvent): UnassignedRow {
  return {
    key: u.key,
    pool: u.pool,
    type: u.event.type,
    at: u.event.at,
    ...(u.event.type === 'inmail-sent' && u.event.recipient?.name
      ? { recipient: u.event.recipient.name }
      : {}),
    ...(u.account ? { account: u.account } : {}),
  };
}
